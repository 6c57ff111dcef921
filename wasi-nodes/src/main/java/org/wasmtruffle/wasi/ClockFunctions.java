package org.wasmtruffle.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code clock_res_get} and {@code clock_time_get}: real time, monotonic time, process and thread CPU time. */
final class ClockFunctions {
    private ClockFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("clock_res_get", "ii", true, c -> {
            c.memory().storeI64(c.i32(1), resolution(c.i32(0)));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("clock_time_get", "iIi", true, c -> {
            // The precision argument is a hint; every clock is read at its best precision.
            c.memory().storeI64(c.i32(2), now(c.i32(0)));
            return Errno.SUCCESS;
        }));
    }

    /** The resolution of clock {@code id} in nanoseconds, or EINVAL for an unknown clock. */
    static long resolution(int id) {
        switch (id) {
            case WasiConstants.CLOCK_REALTIME:
                return 1_000;
            case WasiConstants.CLOCK_MONOTONIC:
                return 1;
            case WasiConstants.CLOCK_PROCESS_CPUTIME:
            case WasiConstants.CLOCK_THREAD_CPUTIME:
                return 1_000;
            default:
                throw new WasiError(Errno.INVAL);
        }
    }

    /** The time of clock {@code id} in nanoseconds, or EINVAL for an unknown clock. */
    static long now(int id) {
        switch (id) {
            case WasiConstants.CLOCK_REALTIME:
                Instant instant = Instant.now();
                return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            case WasiConstants.CLOCK_MONOTONIC:
                return System.nanoTime();
            case WasiConstants.CLOCK_PROCESS_CPUTIME:
                return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElseGet(ClockFunctions::threadCpuTime);
            case WasiConstants.CLOCK_THREAD_CPUTIME:
                return threadCpuTime();
            default:
                throw new WasiError(Errno.INVAL);
        }
    }

    private static long threadCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new WasiError(Errno.NOTSUP);
        }
        return threads.getCurrentThreadCpuTime();
    }
}
