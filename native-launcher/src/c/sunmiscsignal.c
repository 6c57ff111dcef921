/* Signal dispatch support for SubstrateVM's jdk.internal.misc.Signal (CSunMiscSignal): the C handler
 * counts pending signals and posts a semaphore that a Java thread waits on. The handler only uses
 * async-signal-safe operations (atomic increments, sem_post). */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>

static atomic_int pending[NSIG];
static sem_t semaphore;
static atomic_int opened;

int cSunMiscSignal_open(void) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&opened, &expected, 1)) return 0;
    for (int i = 0; i < NSIG; i++) atomic_store(&pending[i], 0);
    if (sem_init(&semaphore, 0, 0) != 0) {
        atomic_store(&opened, 0);
        return -1;
    }
    return 0;
}

int cSunMiscSignal_close(void) {
    int expected = 1;
    if (!atomic_compare_exchange_strong(&opened, &expected, 0)) return 0;
    return sem_destroy(&semaphore);
}

int cSunMiscSignal_awaitSemaphore(void) {
    int r;
    do {
        r = sem_wait(&semaphore);
    } while (r != 0 && errno == EINTR);
    return r;
}

int cSunMiscSignal_signalSemaphore(void) {
    return sem_post(&semaphore);
}

int cSunMiscSignal_signalRangeCheck(int signo) {
    return signo > 0 && signo < NSIG;
}

/* A signal with a pending count, whose count is then decremented; -1 when none is pending. */
int cSunMiscSignal_checkPendingSignal(void) {
    for (int signo = 1; signo < NSIG; signo++) {
        int count = atomic_load(&pending[signo]);
        while (count > 0) {
            if (atomic_compare_exchange_weak(&pending[signo], &count, count - 1)) return signo;
        }
    }
    return -1;
}

static void count_signal(int signo) {
    if (signo > 0 && signo < NSIG) {
        atomic_fetch_add(&pending[signo], 1);
        sem_post(&semaphore);
    }
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) {
    return (void *) count_signal;
}
