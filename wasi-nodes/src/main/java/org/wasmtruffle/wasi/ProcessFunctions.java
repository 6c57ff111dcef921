package org.wasmtruffle.wasi;

import java.util.List;

/** {@code proc_exit}, {@code proc_raise} and {@code sched_yield}. */
final class ProcessFunctions {
    /** The highest preview1 {@code signal} number ({@code sys}). */
    private static final int MAX_SIGNAL = 30;

    private ProcessFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("proc_exit", "i", false, c -> {
            throw new WasiExitException(c.i32(0), c.node());
        }));
        all.add(new WasiBuiltin("proc_raise", "i", true, c -> raise(c, c.i32(0))));
        all.add(new WasiBuiltin("sched_yield", "", true, c -> {
            Thread.yield();
            return Errno.SUCCESS;
        }));
    }

    /**
     * A signal sent to the program itself takes its default action: ignored for {@code none}, chld, cont,
     * urg and winch (and the stop signals, since a WASI program cannot be stopped and resumed), otherwise
     * the program ends as a POSIX shell reports a death by signal, with status 128 + the signal number.
     */
    private static int raise(WasiCall c, int signal) {
        if (signal < 0 || signal > MAX_SIGNAL) {
            return Errno.INVAL;
        }
        switch (signal) {
            case 0: // none
            case 16: // chld
            case 17: // cont
            case 18: // stop
            case 19: // tstp
            case 20: // ttin
            case 21: // ttou
            case 22: // urg
            case 27: // winch
                return Errno.SUCCESS;
            default:
                throw new WasiExitException(128 + signal, c.node());
        }
    }
}
