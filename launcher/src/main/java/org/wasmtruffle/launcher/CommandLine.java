package org.wasmtruffle.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line:
 * {@code wasm-truffle [run] [OPTIONS] MODULE [ARGS...]} or {@code wasm-truffle wast [OPTIONS] PATH...}.
 * Launcher options are recognized by name; every other {@code --NAME[=VALUE]} is a polyglot option
 * (engine, compiler, log, language, tool), which the engine checks when the context is built.
 */
final class CommandLine {
    /** What the launcher is asked to do. */
    enum Command {
        RUN,
        WAST,
        HELP,
        VERSION
    }

    private Command command = Command.RUN;
    private final Map<String, String> polyglotOptions = new LinkedHashMap<>();
    private Long stackSize;
    private Duration timeout;
    private String invoke;
    private boolean summary;
    private boolean javaStackTrace;
    private String module;
    private final List<String> arguments = new ArrayList<>();
    private final List<PreopenedDir> dirs = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> inheritedVariables = new ArrayList<>();
    private boolean inheritEnv;
    private String argv0;
    private final List<String> tcpListen = new ArrayList<>();
    /** {@code --module-cache}: a directory, {@code ""} for none, or {@code null} for the default. */
    private String moduleCache;
    /** {@code --repeat}: how many times the module runs in this process. */
    private int repeat = 1;

    private CommandLine() {
    }

    /** Parses {@code args}; {@code --help} and {@code --version} win over everything after them. */
    static CommandLine parse(String[] args) throws UsageException {
        CommandLine cl = new CommandLine();
        int i = 0;
        if (args.length > 0 && args[0].equals("run")) {
            i++;
        } else if (args.length > 0 && args[0].equals("wast")) {
            cl.command = Command.WAST;
            i++;
        }
        boolean optionsEnded = false;
        for (; i < args.length; i++) {
            String arg = args[i];
            boolean isOption = !optionsEnded && arg.startsWith("-") && arg.length() > 1;
            if (!isOption) {
                if (cl.command == Command.RUN) {
                    // The module ends the options: everything after it belongs to the guest.
                    cl.module = arg;
                    cl.arguments.addAll(List.of(args).subList(i + 1, args.length));
                    break;
                }
                cl.arguments.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String inlineValue = eq < 0 ? null : arg.substring(eq + 1);
            switch (name) {
                case "-h", "--help" -> {
                    cl.command = Command.HELP;
                    return cl;
                }
                case "--version" -> {
                    cl.command = Command.VERSION;
                    return cl;
                }
                case "--invoke" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.invoke = inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "FUNC");
                }
                case "--dir" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.dirs.add(PreopenedDir.parse(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "HOST[::GUEST]")));
                }
                case "--env" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.environmentVariable(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "NAME=VALUE"));
                }
                case "--inherit-env" -> {
                    requireCommand(cl, Command.RUN, name);
                    noValue(name, inlineValue);
                    cl.inheritEnv = true;
                }
                case "--argv0" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.argv0 = inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "NAME");
                }
                case "--tcplisten" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.tcpListen.add(parseHostPort(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "HOST:PORT")));
                }
                case "--module-cache" -> {
                    requireCommand(cl, Command.RUN, name);
                    String value = inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "DIR|none");
                    if (value.isEmpty()) {
                        throw new UsageException("option --module-cache needs a directory, or none");
                    }
                    cl.moduleCache = value.equals("none") ? "" : value;
                }
                case "--repeat" -> {
                    requireCommand(cl, Command.RUN, name);
                    cl.repeat = parseCount(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "N"), name);
                }
                case "--stack-size" -> cl.stackSize = parseSize(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "SIZE"));
                case "--timeout" -> {
                    requireCommand(cl, Command.WAST, name);
                    cl.timeout = parseSeconds(inlineValue != null ? inlineValue : valueAfter(args, ++i, name, "SECONDS"));
                }
                case "--summary" -> {
                    requireCommand(cl, Command.WAST, name);
                    noValue(name, inlineValue);
                    cl.summary = true;
                }
                case "--java-stack-trace" -> {
                    noValue(name, inlineValue);
                    cl.javaStackTrace = true;
                }
                default -> cl.polyglotOption(arg, name, inlineValue);
            }
        }
        if (cl.command == Command.RUN && cl.module == null) {
            throw new UsageException("missing MODULE: the .wasm file to run");
        }
        if (cl.command == Command.WAST && cl.arguments.isEmpty()) {
            throw new UsageException("missing PATH: a wast2json .json file, a folder of them, or a .wast file");
        }
        return cl;
    }

    private void polyglotOption(String arg, String name, String value) throws UsageException {
        if (!name.startsWith("--") || name.length() == 2) {
            throw new UsageException("unknown option '" + arg + "'");
        }
        String key = name.substring(2);
        if (key.startsWith("vm.")) {
            throw new UsageException("'" + arg + "' is a JVM option: bin/wasm-truffle turns it into -" + key.substring(3)
                            + " when it comes before MODULE; when starting the launcher with java directly, give that option to java");
        }
        // A polyglot flag without a value (e.g. --engine.TraceCompilation, --cpusampler) means true.
        polyglotOptions.put(key, value == null ? "true" : value);
    }

    /** {@code NAME=VALUE} sets a variable; a bare {@code NAME} passes the host's value of it, as wasmtime does. */
    private void environmentVariable(String text) throws UsageException {
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        if (name.isEmpty()) {
            throw new UsageException("invalid --env '" + text + "': expected NAME=VALUE");
        }
        if (eq < 0) {
            inheritedVariables.add(name);
        } else {
            environment.put(name, text.substring(eq + 1));
        }
    }

    /** Checks a {@code --tcplisten} address: {@code HOST:PORT} with a port number from 0 to 65535. */
    static String parseHostPort(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || text.indexOf(';') >= 0) {
            throw new UsageException("invalid --tcplisten '" + text + "': expected HOST:PORT, e.g. 127.0.0.1:8080");
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port >= 0 && port <= 65535) {
                return text;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("invalid --tcplisten '" + text + "': the port must be a number from 0 to 65535");
    }

    private static void requireCommand(CommandLine cl, Command expected, String option) throws UsageException {
        if (cl.command != expected) {
            throw new UsageException("option " + option + " is for " + (expected == Command.WAST ? "'wasm-truffle wast'" : "running a module") + " only");
        }
    }

    private static String valueAfter(String[] args, int i, String option, String what) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("option " + option + " needs a value: " + option + " " + what);
        }
        return args[i];
    }

    private static void noValue(String option, String value) throws UsageException {
        if (value != null) {
            throw new UsageException("option " + option + " takes no value");
        }
    }

    /** Parses a byte count with an optional k, m or g suffix (powers of 1024), e.g. {@code 512m}. */
    static long parseSize(String text) throws UsageException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        long count;
        try {
            count = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new UsageException("invalid size '" + text + "': expected a number of bytes with an optional k, m or g suffix, e.g. 512m");
        }
        if (count <= 0 || count > Long.MAX_VALUE / unit) {
            throw new UsageException("invalid size '" + text + "': out of range");
        }
        return count * unit;
    }

    private static int parseCount(String text, String option) throws UsageException {
        return (int) parsePositive(text, Integer.MAX_VALUE, "invalid " + option + " '" + text + "': expected a positive number");
    }

    private static Duration parseSeconds(String text) throws UsageException {
        return Duration.ofSeconds(parsePositive(text, Long.MAX_VALUE, "invalid timeout '" + text + "': expected a positive number of seconds"));
    }

    /** {@code text} as a whole number from 1 to {@code max}; otherwise a usage error saying {@code problem}. */
    private static long parsePositive(String text, long max, String problem) throws UsageException {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(problem);
    }

    Command command() {
        return command;
    }

    /** Polyglot options by key (without the leading {@code --}), in command-line order. */
    Map<String, String> polyglotOptions() {
        return Collections.unmodifiableMap(polyglotOptions);
    }

    /** The guest thread's stack size, or {@code null} for the command's default. */
    Long stackSize() {
        return stackSize;
    }

    /** The per-script timeout of {@code wast}, or {@code null} for the default. */
    Duration timeout() {
        return timeout;
    }

    /** The export to call instead of {@code _start}, or {@code null}. */
    String invoke() {
        return invoke;
    }

    /** Whether {@code wast} prints only the scripts that failed, and the totals. */
    boolean summary() {
        return summary;
    }

    /** Whether errors come with their Java stack trace: asked for, or implied by a {@code --log.*} option. */
    boolean javaStackTrace() {
        return javaStackTrace || polyglotOptions.keySet().stream().anyMatch(k -> k.startsWith("log."));
    }

    /** The module to run ({@link Command#RUN}). */
    String module() {
        return module;
    }

    /** The folders given to the guest ({@code --dir}), in command-line order: guest fds 3, 4, ... */
    List<PreopenedDir> dirs() {
        return Collections.unmodifiableList(dirs);
    }

    /** The guest's environment variables set with {@code --env NAME=VALUE}, in command-line order. */
    Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    /** Variables named by {@code --env NAME} (no value): the guest gets the host's value, if it has one. */
    List<String> inheritedVariables() {
        return Collections.unmodifiableList(inheritedVariables);
    }

    /** Whether the guest sees the whole host environment ({@code --inherit-env}), under the {@code --env} ones. */
    boolean inheritEnv() {
        return inheritEnv;
    }

    /** The guest's {@code argv[0]} ({@code --argv0}), or {@code null} for the module's file name as given. */
    String argv0() {
        return argv0;
    }

    /** The {@code --tcplisten} addresses ({@code HOST:PORT}), whose sockets follow the preopened folders. */
    List<String> tcpListen() {
        return Collections.unmodifiableList(tcpListen);
    }

    /**
     * The module cache directory asked for with {@code --module-cache}: a path, {@code ""} for {@code none}
     * (no cache), or {@code null} when the option is not given (the launcher's default directory).
     */
    String moduleCache() {
        return moduleCache;
    }

    /** How many times the module runs, one after the other, in one engine ({@code --repeat}; 1 without it). */
    int repeat() {
        return repeat;
    }

    /** The guest's arguments ({@link Command#RUN}) or the script paths ({@link Command#WAST}). */
    List<String> arguments() {
        return Collections.unmodifiableList(arguments);
    }
}
