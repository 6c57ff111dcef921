package org.wasmtruffle.wasi;

import com.oracle.truffle.api.TruffleSafepoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.wasmtruffle.wasi.fd.FileDescriptor;
import org.wasmtruffle.wasi.fd.InputStreamFd;
import org.wasmtruffle.wasi.fs.IoErrors;

/**
 * {@code poll_oneoff}: waits until at least one subscription has an event, then reports every one that
 * has. Clock subscriptions are relative or absolute ({@code subclock_flags.abstime}) deadlines; fd
 * subscriptions ask each descriptor for read or write readiness. Without native readiness notification
 * for every kind of descriptor, the wait polls in steps of at most a millisecond.
 */
final class PollFunctions {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final long MAX_STEP_NANOS = 1_000_000;

    private PollFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("poll_oneoff", "iiii", true, PollFunctions::pollOneoff));
    }

    /** One subscription and, once found, its event. */
    private static final class Subscription {
        long userdata;
        int type;
        int clockId;
        long deadline;
        int fd;
        boolean ready;
        int error;
        long nbytes;
        int eventFlags;
    }

    private static int pollOneoff(WasiCall c) throws IOException {
        GuestMemory m = c.memory();
        int in = c.i32(0);
        int out = c.i32(1);
        int count = c.i32(2);
        int eventsPointer = c.i32(3);
        if (count <= 0) {
            return Errno.INVAL;
        }
        m.check(in, (long) count * SUBSCRIPTION_SIZE);
        m.check(out, (long) count * EVENT_SIZE);
        m.check(eventsPointer, 4);
        List<Subscription> subscriptions = new ArrayList<>(count);
        boolean hasClock = false;
        for (int i = 0; i < count; i++) {
            Subscription s = read(c, in + i * SUBSCRIPTION_SIZE);
            hasClock |= s.type == WasiConstants.EVENTTYPE_CLOCK && !s.ready;
            subscriptions.add(s);
        }
        int found;
        while (true) {
            found = 0;
            long nearest = Long.MAX_VALUE;
            for (Subscription s : subscriptions) {
                if (!s.ready) {
                    check(c, s);
                }
                if (s.ready) {
                    found++;
                } else if (s.type == WasiConstants.EVENTTYPE_CLOCK) {
                    nearest = Math.min(nearest, s.deadline - ClockFunctions.now(s.clockId));
                }
            }
            if (found > 0) {
                break;
            }
            if (!hasClock && onlyStandardInput(c, subscriptions)) {
                // The JDK cannot tell an idle stdin from one at its end, and nothing else could end the wait:
                // report stdin readable, so that the guest's read blocks or sees the end, as on a POSIX pipe.
                for (Subscription s : subscriptions) {
                    s.ready = true;
                }
                found = subscriptions.size();
                break;
            }
            long step = Math.max(1, Math.min(nearest, MAX_STEP_NANOS));
            sleep(c, step);
        }
        int index = 0;
        for (Subscription s : subscriptions) {
            if (s.ready) {
                int e = out + index * EVENT_SIZE;
                m.zero(e, EVENT_SIZE);
                m.storeI64(e, s.userdata);
                m.storeU16(e + 8, s.error);
                m.storeU8(e + 10, s.type);
                if (s.type != WasiConstants.EVENTTYPE_CLOCK) {
                    m.storeI64(e + 16, s.nbytes);
                    m.storeU16(e + 24, s.eventFlags);
                }
                index++;
            }
        }
        m.storeI32(eventsPointer, index);
        return Errno.SUCCESS;
    }

    /** Whether every pending subscription waits for standard input (or another plain input stream). */
    private static boolean onlyStandardInput(WasiCall c, List<Subscription> subscriptions) {
        for (Subscription s : subscriptions) {
            if (s.ready) {
                continue;
            }
            if (s.type != WasiConstants.EVENTTYPE_FD_READ || !(c.state().fds().get(s.fd) instanceof InputStreamFd)) {
                return false;
            }
        }
        return true;
    }

    private static Subscription read(WasiCall c, int pointer) {
        GuestMemory m = c.memory();
        Subscription s = new Subscription();
        s.userdata = m.loadI64(pointer);
        s.type = m.loadU8(pointer + 8);
        switch (s.type) {
            case WasiConstants.EVENTTYPE_CLOCK:
                s.clockId = m.loadI32(pointer + 16);
                long timeout = m.loadI64(pointer + 24);
                int flags = m.loadU16(pointer + 40);
                try {
                    long now = ClockFunctions.now(s.clockId);
                    boolean absolute = (flags & WasiConstants.SUBCLOCK_ABSTIME) != 0;
                    s.deadline = absolute ? timeout : saturatingAdd(now, timeout);
                } catch (WasiError e) {
                    s.ready = true;
                    s.error = e.errno();
                }
                break;
            case WasiConstants.EVENTTYPE_FD_READ:
            case WasiConstants.EVENTTYPE_FD_WRITE:
                s.fd = m.loadI32(pointer + 16);
                break;
            default:
                s.ready = true;
                s.error = Errno.INVAL;
        }
        return s;
    }

    private static long saturatingAdd(long now, long timeout) {
        long sum = now + timeout;
        return (timeout < 0 || sum < now) ? Long.MAX_VALUE : sum;
    }

    /** Marks {@code s} ready if its event has happened. */
    private static void check(WasiCall c, Subscription s) {
        if (s.type == WasiConstants.EVENTTYPE_CLOCK) {
            if (ClockFunctions.now(s.clockId) - s.deadline >= 0) {
                s.ready = true;
            }
            return;
        }
        try {
            FileDescriptor d = c.state().fds().get(s.fd);
            d.require(Rights.POLL_FD_READWRITE);
            long n = s.type == WasiConstants.EVENTTYPE_FD_READ ? d.readReadiness() : d.writeReadiness();
            if (n >= 0) {
                s.ready = true;
                s.nbytes = n;
            }
        } catch (WasiError e) {
            s.ready = true;
            s.error = e.errno();
        } catch (IOException e) {
            s.ready = true;
            s.error = IoErrors.errno(e);
            s.eventFlags = WasiConstants.EVENT_FD_READWRITE_HANGUP;
        }
    }

    private static void sleep(WasiCall c, long nanos) {
        TruffleSafepoint.setBlockedThreadInterruptible(c.node(), n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)), nanos);
    }
}
