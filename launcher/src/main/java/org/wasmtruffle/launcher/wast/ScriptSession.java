package org.wasmtruffle.launcher.wast;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One run of one script: a fresh context on the shared engine, the script's named and registered
 * modules, and the tally of its commands. Each command passes, fails or is skipped on its own; a
 * failure never stops the script.
 */
final class ScriptSession {
    static final String LANGUAGE = "wasm-truffle";
    private static final int MAX_REASON_LENGTH = 400;

    private final Engine engine;
    private final WastScript script;
    private final ScriptResult result;

    private final Map<String, LoadedModule> namedModules = new HashMap<>();
    /** Module name → exports object; the engine supplies {@code spectest} itself when it is absent. */
    private final Map<String, Object> registered = new HashMap<>();
    private final ProxyObject imports = ProxyObject.fromMap(registered);
    private LoadedModule current;

    private volatile Context context;
    private volatile String cancelReason;

    ScriptSession(Engine engine, WastScript script) {
        this.engine = engine;
        this.script = script;
        this.result = new ScriptResult(script.name());
    }

    ScriptResult result() {
        return result;
    }

    /** Runs all commands; call on a thread with the stack size the guest should get. */
    void run() {
        Context ctx;
        try {
            // The spectest module's print functions would drown the report; their output is not checked.
            ctx = Context.newBuilder(LANGUAGE).engine(engine).option(LANGUAGE + ".SpecTestModule", "true").allowExperimentalOptions(true)
                            .out(OutputStream.nullOutputStream()).build();
        } catch (RuntimeException e) {
            for (Map<String, Object> command : script.commands()) {
                result.fail(lineOf(command), "cannot create a context: " + oneLine(String.valueOf(e.getMessage())));
            }
            return;
        }
        context = ctx;
        try {
            for (Map<String, Object> command : script.commands()) {
                if (cancelReason != null) {
                    result.fail(lineOf(command), cancelReason);
                } else {
                    runCommand(command);
                }
            }
        } finally {
            try {
                ctx.close();
            } catch (RuntimeException e) {
                // Closing after a cancellation or an exit request may throw; the tally is complete already.
            }
        }
    }

    /** Stops the script from another thread: the running command and all later ones fail with {@code reason}. */
    void cancel(String reason) {
        cancelReason = reason;
        Context ctx = context;
        if (ctx != null) {
            try {
                ctx.close(true);
            } catch (RuntimeException e) {
                // Already closed or closing: nothing more to stop.
            }
        }
    }

    private void runCommand(Map<String, Object> command) {
        int line = lineOf(command);
        try {
            execute(command, line);
            result.pass();
        } catch (CommandSkipped e) {
            result.skip();
        } catch (CommandFailure e) {
            result.fail(line, cancelReason != null ? cancelReason : e.getMessage());
        } catch (PolyglotException e) {
            result.fail(line, cancelReason != null ? cancelReason : "unexpected " + describe(e));
        } catch (RuntimeException | StackOverflowError e) {
            result.fail(line, cancelReason != null ? cancelReason : "runner error: " + oneLine(e.toString()));
        }
    }

    private void execute(Map<String, Object> command, int line) {
        String type = string(command, "type");
        switch (type) {
            case "module" -> module(command, line);
            case "register" -> register(command);
            case "action" -> expectNoError(command);
            case "assert_return" -> assertReturn(command);
            case "assert_trap", "assert_exhaustion" -> assertTrap(command);
            case "assert_invalid" -> assertNotLoadable(command, "invalid module");
            case "assert_malformed" -> assertNotLoadable(command, "malformed module");
            case "assert_unlinkable" -> assertUnlinkable(command);
            case "assert_uninstantiable" -> assertUninstantiable(command);
            default -> throw new CommandFailure("unknown command type \"" + type + "\"");
        }
    }

    private void module(Map<String, Object> command, int line) {
        String name = optionalString(command, "name");
        LoadedModule loaded;
        String failure = null;
        try {
            Value instance = load(string(command, "filename")).newInstance(imports);
            Value exports = instance.getMember("exports");
            if (exports == null) {
                failure = "the instance has no \"exports\" member";
            }
            loaded = failure == null ? LoadedModule.loaded(exports, line) : LoadedModule.failed(line, failure);
        } catch (PolyglotException e) {
            failure = describe(e);
            loaded = LoadedModule.failed(line, failure);
        } catch (CommandFailure e) {
            failure = e.getMessage();
            loaded = LoadedModule.failed(line, failure);
        } catch (RuntimeException e) {
            failure = "runner error: " + oneLine(e.toString());
            loaded = LoadedModule.failed(line, failure);
        }
        current = loaded;
        if (name != null) {
            namedModules.put(name, loaded);
        }
        if (failure != null) {
            throw new CommandFailure("module did not load: " + failure);
        }
    }

    private void register(Map<String, Object> command) {
        LoadedModule module = module(optionalString(command, "name"));
        registered.put(string(command, "as"), module.requireExports());
    }

    private void expectNoError(Map<String, Object> command) {
        try {
            perform(action(command));
        } catch (PolyglotException e) {
            throw new CommandFailure("unexpected " + describe(e));
        }
    }

    private void assertReturn(Map<String, Object> command) {
        List<WastValue> expected = values(command.get("expected"));
        Value actual;
        try {
            actual = perform(action(command));
        } catch (PolyglotException e) {
            throw new CommandFailure("unexpected " + describe(e));
        }
        String mismatch = compare(expected, actual);
        if (mismatch != null) {
            throw new CommandFailure(mismatch);
        }
    }

    /** Compares results: none is {@code null}, one is the value itself, several are an array. */
    static String compare(List<WastValue> expected, Value actual) {
        if (expected.isEmpty()) {
            boolean none = actual == null || actual.isNull() || (actual.hasArrayElements() && actual.getArraySize() == 0);
            return none ? null : "expected no result, got " + actual;
        }
        if (expected.size() == 1) {
            return expected.get(0).mismatch(actual);
        }
        if (actual == null || !actual.hasArrayElements() || actual.getArraySize() != expected.size()) {
            return "expected " + expected.size() + " results, got " + actual;
        }
        for (int i = 0; i < expected.size(); i++) {
            String mismatch = expected.get(i).mismatch(actual.getArrayElement(i));
            if (mismatch != null) {
                return "result " + i + ": " + mismatch;
            }
        }
        return null;
    }

    private void assertTrap(Map<String, Object> command) {
        String text = string(command, "text");
        Value actual;
        try {
            actual = perform(action(command));
        } catch (PolyglotException e) {
            if (!e.isGuestException() || e.isSyntaxError() || !trapMatches(e.getMessage(), text)) {
                throw new CommandFailure("expected trap \"" + text + "\", got " + describe(e));
            }
            return;
        }
        throw new CommandFailure("expected trap \"" + text + "\", got a result: " + actual);
    }

    /**
     * Whether a trap's message is the expected text: it contains it, or the text extends it (the
     * scripts sometimes add detail, e.g. "uninitialized element 2" for "uninitialized element").
     */
    static boolean trapMatches(String message, String expected) {
        return message != null && !message.isEmpty() && (message.contains(expected) || expected.startsWith(message));
    }

    private void assertNotLoadable(Map<String, Object> command, String category) {
        if ("text".equals(command.get("module_type"))) {
            throw new CommandSkipped("text modules are not supported");
        }
        String text = optionalString(command, "text");
        String expectation = "expected " + category + (text == null ? "" : " (\"" + text + "\")");
        try {
            load(string(command, "filename"));
        } catch (PolyglotException e) {
            if (e.isSyntaxError() && String.valueOf(e.getMessage()).contains(category)) {
                return;
            }
            throw new CommandFailure(expectation + ", got " + describe(e));
        }
        throw new CommandFailure(expectation + ", but the module loaded");
    }

    private void assertUnlinkable(Map<String, Object> command) {
        String text = string(command, "text");
        Value module = loadForInstantiation(command);
        try {
            module.newInstance(imports);
        } catch (PolyglotException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("unlinkable module") && message.contains(text)) {
                return;
            }
            throw new CommandFailure("expected unlinkable module (\"" + text + "\"), got " + describe(e));
        }
        throw new CommandFailure("expected unlinkable module (\"" + text + "\"), but it instantiated");
    }

    private void assertUninstantiable(Map<String, Object> command) {
        String text = string(command, "text");
        Value module = loadForInstantiation(command);
        try {
            module.newInstance(imports);
        } catch (PolyglotException e) {
            String message = e.getMessage();
            if (e.isGuestException() && !e.isSyntaxError() && !String.valueOf(message).contains("unlinkable module") && trapMatches(message, text)) {
                return;
            }
            throw new CommandFailure("expected trap \"" + text + "\" during instantiation, got " + describe(e));
        }
        throw new CommandFailure("expected trap \"" + text + "\" during instantiation, but it instantiated");
    }

    private Value loadForInstantiation(Map<String, Object> command) {
        try {
            return load(string(command, "filename"));
        } catch (PolyglotException e) {
            throw new CommandFailure("the module did not load: " + describe(e));
        }
    }

    /** Evaluates a module file of the script: the engine decodes and validates it. */
    private Value load(String fileName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(script.folder().resolve(fileName));
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + fileName + ": " + e);
        }
        Source source = Source.newBuilder(LANGUAGE, ByteSequence.create(bytes), fileName).buildLiteral();
        return context.eval(source);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action(Map<String, Object> command) {
        if (!(command.get("action") instanceof Map<?, ?> action)) {
            throw new CommandFailure("the command has no action");
        }
        return (Map<String, Object>) action;
    }

    /** Invokes an exported function or reads an exported global. */
    private Value perform(Map<String, Object> action) {
        Value exports = module(optionalString(action, "module")).requireExports();
        String field = string(action, "field");
        Value export = exports.getMember(field);
        if (export == null) {
            throw new CommandFailure("no export named \"" + field + "\"");
        }
        String type = string(action, "type");
        switch (type) {
            case "invoke": {
                List<WastValue> args = values(action.get("args"));
                Object[] arguments = new Object[args.size()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = args.get(i).toArgument();
                }
                return export.execute(arguments);
            }
            case "get": {
                Value value = export.getMember("value");
                if (value == null) {
                    throw new CommandFailure("export \"" + field + "\" is not a global (it has no \"value\" member)");
                }
                return value;
            }
            default:
                throw new CommandFailure("unknown action type \"" + type + "\"");
        }
    }

    private LoadedModule module(String name) {
        if (name == null) {
            if (current == null) {
                throw new CommandFailure("no module has been defined yet");
            }
            return current;
        }
        LoadedModule module = namedModules.get(name);
        if (module == null) {
            throw new CommandFailure("unknown module " + name);
        }
        return module;
    }

    /** The values of an {@code args} or {@code expected} list; a v128 among them skips the command. */
    private static List<WastValue> values(Object json) {
        List<WastValue> values = new ArrayList<>();
        if (json instanceof List<?> list) {
            for (Object element : list) {
                WastValue value = WastValue.fromJson(element);
                if (value.isSimd()) {
                    throw new CommandSkipped("SIMD not supported yet");
                }
                values.add(value);
            }
        }
        return values;
    }

    /** What kind of error a polyglot exception is, with its message, on one line. */
    static String describe(PolyglotException e) {
        String kind;
        if (e.isInternalError()) {
            kind = "internal error";
        } else if (e.isHostException()) {
            kind = "host exception";
        } else if (e.isSyntaxError()) {
            kind = "load error";
        } else if (e.isCancelled()) {
            kind = "cancellation";
        } else if (e.isExit()) {
            kind = "exit request (status " + e.getExitStatus() + ")";
        } else if (e.isResourceExhausted()) {
            kind = "resource exhaustion";
        } else {
            kind = "trap";
        }
        String description = kind + " \"" + oneLine(String.valueOf(e.getMessage())) + "\"";
        if (e.isInternalError() || e.isHostException()) {
            // Point engine developers at the failing spot in the engine.
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().startsWith("org.wasmtruffle.") && !frame.getClassName().startsWith("org.wasmtruffle.launcher.")) {
                    description += " at " + frame;
                    break;
                }
            }
        }
        return description;
    }

    static String oneLine(String text) {
        String line = text.strip().replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "...";
    }

    private static int lineOf(Map<String, Object> command) {
        return command.get("line") instanceof Number n ? n.intValue() : 0;
    }

    private static String string(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof String s)) {
            throw new CommandFailure("the command has no \"" + key + "\" string");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> json, String key) {
        return json.get(key) instanceof String s ? s : null;
    }
}
