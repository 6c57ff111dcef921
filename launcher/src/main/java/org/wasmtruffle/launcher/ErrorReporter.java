package org.wasmtruffle.launcher;

import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;

/**
 * Turns what went wrong into the launcher's output and exit status: one clear line per error (a trap
 * also gets the wasm backtrace), never a Java stack trace unless {@code --java-stack-trace} or a
 * {@code --log.*} option asks for one.
 */
final class ErrorReporter {
    /** How many wasm frames of a trap's backtrace are printed. */
    static final int MAX_BACKTRACE_FRAMES = 100;

    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Could not find option with name (\\S+?)\\.(?=\\s|$)");

    private final PrintStream err;
    private final boolean javaStackTrace;

    ErrorReporter(PrintStream err, boolean javaStackTrace) {
        this.err = err;
        this.javaStackTrace = javaStackTrace;
    }

    /** Reports a failure to load or run the module as asked; returns {@link ExitStatus#LOAD_ERROR}. */
    int loadError(String message) {
        err.println(WasmTruffleLauncher.NAME + ": " + message);
        return ExitStatus.LOAD_ERROR;
    }

    /** Reports a wrong command line; returns {@link ExitStatus#USAGE_ERROR}. */
    int usageError(String message) {
        err.println(WasmTruffleLauncher.NAME + ": " + message);
        err.println("Run '" + WasmTruffleLauncher.NAME + " --help' for usage.");
        return ExitStatus.USAGE_ERROR;
    }

    /**
     * Reports options the engine rejected when the context or engine was built: unknown names, bad
     * values. Returns {@link ExitStatus#USAGE_ERROR}.
     */
    int optionError(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).strip();
        // The engine's wording names the option without the dashes the user typed.
        Matcher unknown = UNKNOWN_OPTION.matcher(message);
        if (unknown.lookingAt()) {
            message = "unknown option '--" + unknown.group(1) + "'" + message.substring(unknown.end());
        }
        message = message.replaceFirst("^java\\.lang\\.IllegalArgumentException: ", "invalid option value: ");
        err.println(WasmTruffleLauncher.NAME + ": " + message);
        err.println("Run '" + WasmTruffleLauncher.NAME + " --help' for usage.");
        return ExitStatus.USAGE_ERROR;
    }

    /** Reports a bug of wasm-truffle; returns {@link ExitStatus#INTERNAL_ERROR}. */
    int internalError(Throwable t) {
        String message = t instanceof PolyglotException ? t.getMessage() : t.toString();
        err.println(WasmTruffleLauncher.NAME + ": internal error: " + firstLine(message) + " (this is a bug in wasm-truffle"
                        + (javaStackTrace ? ")" : "; --java-stack-trace shows where)"));
        printJavaStackTrace(t);
        return ExitStatus.INTERNAL_ERROR;
    }

    /**
     * Reports an exception from the engine: an exit request gives its status, a trap prints
     * {@code Error: wasm trap: MESSAGE} and the wasm backtrace (exit 134), a malformed, invalid or
     * unlinkable module one line (exit 1), an internal error one line (exit 70).
     */
    int report(PolyglotException e) {
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isInternalError() || e.isHostException()) {
            return internalError(e);
        }
        String message = String.valueOf(e.getMessage());
        if (e.isSyntaxError() || message.contains("unlinkable module")) {
            int status = loadError(firstLine(message));
            printJavaStackTrace(e);
            return status;
        }
        if (e.isCancelled() || e.isInterrupted()) {
            err.println(WasmTruffleLauncher.NAME + ": execution was cancelled");
            return ExitStatus.LOAD_ERROR;
        }
        // A trap: guest exceptions other than load errors, and resource exhaustion (e.g. out of memory).
        err.println("Error: wasm trap: " + message);
        long frames = 0;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getLanguage() != null && WasmTruffleLauncher.LANGUAGE.equals(frame.getLanguage().getId())) {
                // After call stack exhaustion there are millions of frames; the innermost tell the story.
                if (frames++ < MAX_BACKTRACE_FRAMES) {
                    String name = frame.getRootName();
                    err.println("  at " + (name == null || name.isEmpty() ? "<unknown>" : name));
                }
            }
        }
        if (frames > MAX_BACKTRACE_FRAMES) {
            err.println("  ... " + (frames - MAX_BACKTRACE_FRAMES) + " more frames");
        }
        printJavaStackTrace(e);
        return ExitStatus.TRAP;
    }

    private void printJavaStackTrace(Throwable t) {
        if (javaStackTrace) {
            t.printStackTrace(err);
        }
    }

    private static String firstLine(String text) {
        String s = String.valueOf(text).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
