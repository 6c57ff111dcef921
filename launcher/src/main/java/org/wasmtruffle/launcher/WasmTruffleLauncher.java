package org.wasmtruffle.launcher;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code wasm-truffle} command: runs a WebAssembly module ({@code [run] MODULE}) or spec test
 * scripts ({@code wast PATH...}) through the Polyglot API; {@code --help} documents the options and
 * exit statuses ({@link ExitStatus}).
 *
 * <p>It parses its command line itself rather than through launcher-common's
 * {@code AbstractLanguageLauncher}, which expects a GraalVM distribution (it relaunches for
 * {@code --vm.*} options and owns the help, version and exit handling), whereas this launcher runs on
 * a stock JDK from a class path, has a subcommand, and exits with wasmtime-like statuses.
 */
public final class WasmTruffleLauncher {
    /** The command's name, the prefix of its error messages. */
    static final String NAME = "wasm-truffle";
    /** The language id of the engine. */
    static final String LANGUAGE = "wasm-truffle";

    private final PrintStream out;
    private final PrintStream err;
    private final GuestStreams guestStreams;

    /**
     * A launcher that prints results to {@code out} and diagnostics to {@code err}; the guest reads
     * {@code in} and writes to {@code out} and {@code err} too.
     */
    public WasmTruffleLauncher(InputStream in, PrintStream out, PrintStream err) {
        this(out, err, new GuestStreams(in, out, err));
    }

    /** A launcher as {@link #WasmTruffleLauncher(InputStream, PrintStream, PrintStream)} whose guest reads {@link System#in}. */
    public WasmTruffleLauncher(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    private WasmTruffleLauncher(PrintStream out, PrintStream err, GuestStreams guestStreams) {
        this.out = out;
        this.err = err;
        this.guestStreams = guestStreams;
    }

    public static void main(String[] args) {
        int status = new WasmTruffleLauncher(System.out, System.err, GuestStreams.ofProcess()).launch(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command line {@code args} and returns the exit status. */
    public int launch(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (UsageException e) {
            return new ErrorReporter(err, false).usageError(e.getMessage());
        }
        ErrorReporter reporter = new ErrorReporter(err, commandLine.javaStackTrace());
        try {
            return switch (commandLine.command()) {
                case HELP -> {
                    out.print(HelpText.TEXT);
                    yield ExitStatus.SUCCESS;
                }
                case VERSION -> {
                    out.println(LauncherVersion.line());
                    yield ExitStatus.SUCCESS;
                }
                case RUN -> new RunCommand(commandLine, out, err, guestStreams, reporter).run();
                case WAST -> new WastCommand(commandLine, out, reporter).run();
            };
        } catch (RuntimeException | Error e) {
            // Whatever escaped the commands' own handling is a bug of ours or of the engine.
            return reporter.internalError(e);
        }
    }
}
