// Sleeps with poll_oneoff: a relative 50 ms clock, then an absolute deadline 50 ms ahead; prints elapsed ms.
#include <stdio.h>
#include <wasi/api.h>

static __wasi_timestamp_t now(void) {
    __wasi_timestamp_t t;
    __wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t);
    return t;
}

static int wait(__wasi_timestamp_t timeout, __wasi_subclockflags_t flags) {
    __wasi_subscription_t sub = {0};
    sub.userdata = 42;
    sub.u.tag = __WASI_EVENTTYPE_CLOCK;
    sub.u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    sub.u.u.clock.timeout = timeout;
    sub.u.u.clock.flags = flags;
    __wasi_event_t ev;
    __wasi_size_t n = 0;
    __wasi_errno_t err = __wasi_poll_oneoff(&sub, &ev, 1, &n);
    return err == 0 && n == 1 && ev.userdata == 42 && ev.type == __WASI_EVENTTYPE_CLOCK && ev.error == 0;
}

int main(void) {
    __wasi_timestamp_t start = now();
    int ok1 = wait(50000000ull, 0);
    __wasi_timestamp_t mid = now();
    int ok2 = wait(mid + 50000000ull, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    __wasi_timestamp_t end = now();
    printf("relative ok=%d elapsed=%llu\n", ok1, (unsigned long long)((mid - start) / 1000000));
    printf("absolute ok=%d elapsed=%llu\n", ok2, (unsigned long long)((end - mid) / 1000000));
    // Writable stdout plus a long clock: stdout is reported at once.
    __wasi_subscription_t subs[2] = {0};
    subs[0].userdata = 1;
    subs[0].u.tag = __WASI_EVENTTYPE_CLOCK;
    subs[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subs[0].u.u.clock.timeout = 10000000000ull;
    subs[1].userdata = 2;
    subs[1].u.tag = __WASI_EVENTTYPE_FD_WRITE;
    subs[1].u.u.fd_write.file_descriptor = 1;
    __wasi_event_t evs[2];
    __wasi_size_t n = 0;
    __wasi_timestamp_t before = now();
    __wasi_poll_oneoff(subs, evs, 2, &n);
    printf("stdout ready: n=%d userdata=%llu fast=%d\n", (int)n, (unsigned long long)evs[0].userdata, (now() - before) < 1000000000ull);
    printf("no subscriptions:%d\n", __wasi_poll_oneoff(subs, evs, 0, &n));
    return 0;
}
