package org.wasmtruffle.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * {@code wasm-truffle [run] MODULE [ARGS...]}: loads the module, instantiates it (WASI imports are
 * served by the engine's {@code wasi_snapshot_preview1} host module) and calls {@code _start}, or the
 * export named by {@code --invoke}; with {@code --repeat N}, N times in one engine.
 */
final class RunCommand {
    /** Deep guest recursion needs a deep host stack; the JVM only commits what is used. */
    // A wasm call takes about 2 KB of host stack (11 Java frames) while HotSpot runs the interpreter as C1 code,
    // far less once C2 has compiled it: 64 MB held between 30,000 and 35,000 nested calls before C2 arrived, so
    // whether a 50,000-deep recursion trapped depended on timing. 256 MB holds 100,000+ in any tier, and a
    // runaway recursion still traps within about 5 s.
    static final long DEFAULT_STACK_SIZE = 256L << 20;

    /** The engine option listing the preopened folders, {@code HOST::GUEST} entries separated by ';'. */
    static final String WASI_DIRS_OPTION = "wasm-truffle.WasiDirs";
    /** The engine option listing the listening sockets, {@code HOST:PORT} entries separated by ';'. */
    static final String WASI_TCP_LISTEN_OPTION = "wasm-truffle.WasiTcpListen";
    /**
     * Compiler options the launcher sets unless the command line does. Truffle's inlining budgets (12,000 graph nodes
     * by default) run out early on our functions, whose bytecode partial evaluation expands instruction by
     * instruction: qsort's sort function, compiled warm, inlined 28 to 40 calls and left 18 to 20 out, and its steady
     * state varied from process to process between 0.60 and 1.25 s in the native launcher (0.42-0.68 s on the JVM);
     * with 30,000, 0.38-0.64 s (0.37-0.40 s). Cold runs and the Python workloads stayed within noise.
     */
    static final Map<String, String> COMPILER_DEFAULTS = Map.of("compiler.InliningExpansionBudget", "30000", "compiler.InliningInliningBudget", "30000");

    /** The language option naming the persistent module cache's directory (empty: none). */
    static final String MODULE_CACHE_OPTION = "wasm-truffle.ModuleCacheDir";

    private final CommandLine commandLine;
    private final PrintStream out;
    /** Where {@code --repeat} reports each run's time. */
    private final PrintStream err;
    private final GuestStreams streams;
    private final ErrorReporter reporter;
    /**
     * The module, read on the first run. Every run of {@code --repeat} evaluates this same source, so that the engine
     * finds its parsed module, and the code compiled for it, in its cache: a source read again is not the same
     * source to the engine.
     */
    private Source source;

    RunCommand(CommandLine commandLine, PrintStream out, PrintStream err, GuestStreams streams, ErrorReporter reporter) {
        this.commandLine = commandLine;
        this.out = out;
        this.err = err;
        this.streams = streams;
        this.reporter = reporter;
    }

    int run() {
        // Checked before anything runs, so that a typo does not surface as a guest's ENOENT later.
        for (PreopenedDir dir : commandLine.dirs()) {
            String problem = dir.problem();
            if (problem != null) {
                return reporter.loadError("cannot give the folder " + dir.host() + " to the guest (--dir): " + problem);
            }
        }
        long stackSize = commandLine.stackSize() != null ? commandLine.stackSize() : DEFAULT_STACK_SIZE;
        return GuestThread.call("wasm-truffle guest", stackSize, this::runOnGuestThread);
    }

    private int runOnGuestThread() {
        String[] guestArguments = new String[commandLine.arguments().size() + 1];
        guestArguments[0] = commandLine.argv0() != null ? commandLine.argv0() : commandLine.module();
        for (int i = 1; i < guestArguments.length; i++) {
            guestArguments[i] = commandLine.arguments().get(i - 1);
        }
        int runs = commandLine.repeat();
        if (runs == 1) {
            return runOnce(null, guestArguments);
        }
        // One engine for all runs: the parsed module and the compiled code outlive each run's context.
        Engine engine;
        try {
            engine = withCompilerDefaults(options -> Engine.newBuilder(WasmTruffleLauncher.LANGUAGE).options(options).allowExperimentalOptions(true)
                            .in(streams.in()).out(streams.out()).err(streams.err()).build());
        } catch (IllegalArgumentException | PolyglotException e) {
            return optionProblem(e);
        }
        try {
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                int status = runOnce(engine, guestArguments);
                if (status != ExitStatus.SUCCESS) {
                    return status;
                }
                err.printf(Locale.ROOT, "%s: run %d of %d: %.4f s%n", WasmTruffleLauncher.NAME, run, runs, (System.nanoTime() - start) / 1e9);
                err.flush();
            }
            return ExitStatus.SUCCESS;
        } finally {
            engine.close();
        }
    }

    /** Runs the module once, in a new context of {@code engine} (null: of an engine of its own, with the options). */
    private int runOnce(Engine engine, String[] guestArguments) {
        Context context;
        try {
            context = engine == null ? withCompilerDefaults(options -> newContext(null, options, guestArguments)) : newContext(engine, Map.of(), guestArguments);
        } catch (IllegalArgumentException | PolyglotException e) {
            return optionProblem(e);
        }
        try {
            return runIn(context);
        } catch (PolyglotException e) {
            return reporter.report(e);
        } finally {
            try {
                context.close();
            } catch (RuntimeException e) {
                // The context may already be closed by a guest exit; nothing is left to release.
            }
            out.flush();
        }
    }

    private int optionProblem(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Could not find option") && (message.contains(WASI_DIRS_OPTION) || message.contains(WASI_TCP_LISTEN_OPTION))) {
            // Our own option names: the user typed --dir or --tcplisten, not them.
            return reporter.loadError("--dir and --tcplisten need WASI support (the wasm-truffle-wasi jar), which is not on the class path");
        }
        // Unknown options and bad option values are reported here by the engine.
        return reporter.optionError(e);
    }

    /**
     * A context for the guest: its arguments and environment, the launcher's streams, and file access (the
     * sandbox is the set of preopened folders). Its {@code options} are given here, or, when there is an
     * {@code engine}, were given to it.
     */
    private Context newContext(Engine engine, Map<String, String> options, String[] guestArguments) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : commandLine.inheritedVariables()) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(commandLine.environment());
        Context.Builder builder = Context.newBuilder(WasmTruffleLauncher.LANGUAGE).arguments(WasmTruffleLauncher.LANGUAGE, guestArguments)
                        .environment(environment).allowIO(IOAccess.ALL).in(streams.in()).out(streams.out()).err(streams.err());
        if (engine != null) {
            builder.engine(engine);
        } else {
            builder.options(options).allowExperimentalOptions(true);
        }
        if (commandLine.inheritEnv()) {
            builder.allowEnvironmentAccess(EnvironmentAccess.INHERIT);
        }
        return builder.build();
    }

    /**
     * Builds an engine or context with {@link #COMPILER_DEFAULTS} added to {@link #options} where Truffle can compile:
     * in a native image, or on a JVM with JVMCI on. An interpreter-only runtime (a JVM without Graal) rejects compiler
     * options, so it gets none; and should the optimizing runtime fail to start on a JVM with JVMCI, the options are
     * left out then too.
     */
    private <T> T withCompilerDefaults(Function<Map<String, String>, T> build) {
        Map<String, String> options = options();
        // A JVM with JVMCI on (-XX:+EnableJVMCI) has its module in the boot layer; no other JVM has.
        boolean mayCompile = "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode")) || ModuleLayer.boot().findModule("jdk.internal.vm.ci").isPresent();
        if (!mayCompile) {
            return build.apply(options);
        }
        Map<String, String> withDefaults = new LinkedHashMap<>(COMPILER_DEFAULTS);
        withDefaults.putAll(options);
        try {
            return build.apply(withDefaults);
        } catch (IllegalArgumentException | PolyglotException e) {
            if (COMPILER_DEFAULTS.keySet().stream().noneMatch(key -> !options.containsKey(key) && String.valueOf(e.getMessage()).contains(key))) {
                throw e;
            }
            return build.apply(options);
        }
    }

    /** The polyglot options: the preopened folders and sockets, the module cache, and the command line's own. */
    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        // Only when asked for: without the WASI jar the engine would reject the option names.
        if (!commandLine.dirs().isEmpty()) {
            options.put(WASI_DIRS_OPTION, commandLine.dirs().stream().map(PreopenedDir::optionEntry).collect(Collectors.joining(";")));
        }
        if (!commandLine.tcpListen().isEmpty()) {
            options.put(WASI_TCP_LISTEN_OPTION, String.join(";", commandLine.tcpListen()));
        }
        options.put(MODULE_CACHE_OPTION, moduleCacheDirectory(commandLine.moduleCache(), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")));
        // An explicit --wasm-truffle.ModuleCacheDir wins over --module-cache and the default.
        options.putAll(commandLine.polyglotOptions());
        return options;
    }

    /**
     * The module cache directory: the one given with {@code --module-cache} ({@code ""} for none), else
     * {@code wasm-truffle/modules} in the user's cache directory, {@code $XDG_CACHE_HOME} (if set to an absolute
     * path, as the XDG base directory specification asks) or {@code ~/.cache}, as wasmtime's cache is.
     */
    static String moduleCacheDirectory(String given, String xdgCacheHome, String userHome) {
        if (given != null) {
            return given;
        }
        try {
            Path base;
            if (xdgCacheHome != null && !xdgCacheHome.isEmpty() && Path.of(xdgCacheHome).isAbsolute()) {
                base = Path.of(xdgCacheHome);
            } else if (userHome != null && !userHome.isEmpty()) {
                base = Path.of(userHome, ".cache");
            } else {
                return "";
            }
            return base.resolve("wasm-truffle").resolve("modules").toString();
        } catch (InvalidPathException e) {
            // No usable cache directory: run without a cache rather than fail.
            return "";
        }
    }

    private int runIn(Context context) {
        String fileName = commandLine.module();
        if (source == null) {
            ModuleBytes bytes;
            try {
                bytes = ModuleBytes.read(Path.of(fileName));
            } catch (NoSuchFileException e) {
                return reporter.loadError("cannot read " + fileName + ": no such file");
            } catch (AccessDeniedException e) {
                return reporter.loadError("cannot read " + fileName + ": permission denied");
            } catch (IOException | InvalidPathException e) {
                return reporter.loadError("cannot read " + fileName + ": " + e.getMessage());
            }
            if (looksLikeText(bytes)) {
                return reporter.loadError(fileName + " is in the WebAssembly text format, which wasm-truffle does not read yet; convert it with wat2wasm");
            }
            source = Source.newBuilder(WasmTruffleLauncher.LANGUAGE, bytes, Path.of(fileName).getFileName().toString()).buildLiteral();
        }
        Value module = context.eval(source);
        Value instance;
        try {
            instance = module.newInstance(ProxyObject.fromMap(Map.of()));
        } catch (PolyglotException e) {
            String message = String.valueOf(e.getMessage());
            // WASI reports options it cannot honour (a port in use) when it is instantiated, naming the option.
            if (!e.isExit() && !e.isInternalError() && (message.startsWith("WasiDirs:") || message.startsWith("WasiTcpListen:"))) {
                return reporter.loadError(message.startsWith("WasiDirs:") ? "--dir: " + message.substring("WasiDirs:".length()).strip()
                                : "--tcplisten: " + message.substring("WasiTcpListen:".length()).strip());
            }
            throw e;
        }
        Value exports = instance.getMember("exports");
        if (exports == null) {
            return reporter.internalError(new IllegalStateException("the instance of " + fileName + " has no \"exports\" member"));
        }
        if (commandLine.invoke() != null) {
            return invoke(module, exports, commandLine.invoke());
        }
        Value start = exports.getMember("_start");
        if (start == null || !start.canExecute()) {
            return reporter.loadError(fileName + " has no _start function to run; use --invoke FUNC to call another export");
        }
        start.execute();
        return ExitStatus.SUCCESS;
    }

    private int invoke(Value module, Value exports, String name) {
        Value function = exports.getMember(name);
        if (function == null) {
            return reporter.usageError(commandLine.module() + " has no export named '" + name + "'");
        }
        if (!function.canExecute()) {
            return reporter.usageError("the export '" + name + "' of " + commandLine.module() + " is not a function");
        }
        FunctionSignature signature = FunctionSignature.ofExport(module, name);
        List<String> texts = commandLine.arguments();
        Object[] arguments = new Object[texts.size()];
        if (signature != null) {
            if (texts.size() != signature.params().size()) {
                return reporter.usageError("'" + name + "' takes " + signature.params().size() + " argument" + (signature.params().size() == 1 ? "" : "s")
                                + " " + signature + ", not " + texts.size());
            }
            for (int i = 0; i < arguments.length; i++) {
                try {
                    arguments[i] = ValueText.parse(signature.params().get(i), texts.get(i));
                } catch (IllegalArgumentException e) {
                    return reporter.usageError("argument " + (i + 1) + " of '" + name + "': " + e.getMessage());
                }
            }
        } else if (!texts.isEmpty()) {
            return reporter.internalError(new IllegalStateException("the engine gives no type for the export '" + name + "', so its arguments cannot be parsed"));
        }
        Value result = function.execute(arguments);
        for (String line : formatResults(signature, result)) {
            out.println(line);
        }
        return ExitStatus.SUCCESS;
    }

    /** One line per result: none for {@code null}, each element of an array of several. */
    private static List<String> formatResults(FunctionSignature signature, Value result) {
        List<String> lines = new ArrayList<>();
        List<String> types = signature != null ? signature.results() : null;
        if (result == null || (result.isNull() && (types == null || types.isEmpty()))) {
            return lines;
        }
        boolean several = types != null ? types.size() > 1 : result.hasArrayElements();
        if (several && result.hasArrayElements()) {
            for (long i = 0; i < result.getArraySize(); i++) {
                lines.add(ValueText.format(types != null && i < types.size() ? types.get((int) i) : null, result.getArrayElement(i)));
            }
        } else {
            lines.add(ValueText.format(types != null && !types.isEmpty() ? types.get(0) : null, result));
        }
        return lines;
    }

    /** Whether the file starts like a text-format module, "(module" after white space or comments. */
    private static boolean looksLikeText(ByteSequence bytes) {
        // Byte by byte: a file read on demand is read only as far as this looks.
        for (int i = 0; i < bytes.length(); i++) {
            byte b = bytes.byteAt(i);
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            return b == '(' || b == ';';
        }
        return false;
    }
}
