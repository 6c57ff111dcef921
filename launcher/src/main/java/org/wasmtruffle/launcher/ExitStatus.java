package org.wasmtruffle.launcher;

/** The launcher's exit statuses (an exit request from the guest uses the guest's own status). */
public final class ExitStatus {
    /** The module ran to completion, or every spec script command passed. */
    public static final int SUCCESS = 0;
    /**
     * The module could not be loaded, linked or run as asked (no such file, malformed, invalid,
     * unlinkable, no {@code _start}), or a spec script command failed.
     */
    public static final int LOAD_ERROR = 1;
    /** The command line is wrong: unknown option, missing or bad argument. */
    public static final int USAGE_ERROR = 2;
    /** An internal error of wasm-truffle (a bug), like sysexits' EX_SOFTWARE. */
    public static final int INTERNAL_ERROR = 70;
    /** The guest trapped; 128 + SIGABRT, as wasmtime does. */
    public static final int TRAP = 134;

    private ExitStatus() {
    }
}
