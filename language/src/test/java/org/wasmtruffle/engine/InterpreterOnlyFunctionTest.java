package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * A function whose body is at least {@code wasm-truffle.InterpreterOnlyFunctionSize} bytes is never compiled: its
 * loops get no OSR code and compiled callers call it in the interpreter. It computes the same, traps the same, and
 * the functions it calls are compiled as usual. One of {@code wasm-truffle.DelayedFunctionSize} bytes is so treated
 * until it has run {@code DelayedFunctionThreshold} calls and backward branches, and compiled after. Two functions
 * with the same loop differ only in size (nops), and the limits lie between them.
 */
class InterpreterOnlyFunctionTest {
    /** A function with a loop that calls $step; %1$s is its name, %2$s what pads it (before the loop). */
    private static final String LOOP_FUNCTION = """
                      (func $%1$s (export "%1$s") (param $n i32) (result i32)
                        (local $acc i32)
                        (if (i32.lt_s (local.get $n) (i32.const 0)) (then unreachable))
                        %2$s
                        (loop $again
                          (local.set $acc (call $step (local.get $acc) (local.get $n)))
                          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                          (br_if $again (i32.gt_s (local.get $n) (i32.const 0))))
                        (local.get $acc))
                    """;
    private static final String MODULE = """
                    (module
                      (func $step (param $x i32) (param $k i32) (result i32)
                        (local $i i32)
                        (loop $again
                          (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $k)))
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br_if $again (i32.lt_u (local.get $i) (i32.const 3))))
                        (local.get $x))
                    %s%s
                      (func (export "callBig") (param $times i32) (param $n i32) (result i32)
                        (local $acc i32)
                        (loop $again
                          (local.set $acc (i32.xor (local.get $acc) (call $big (local.get $n))))
                          (local.set $times (i32.sub (local.get $times) (i32.const 1)))
                          (br_if $again (i32.gt_s (local.get $times) (i32.const 0))))
                        (local.get $acc)))
                    """.formatted(LOOP_FUNCTION.formatted("small", ""), LOOP_FUNCTION.formatted("big", "nop ".repeat(100)));
    /** Between the two functions' sizes: small's body is about 40 bytes, big's 100 more. */
    private static final String LIMIT = "100";
    private static final Pattern COMPILED = Pattern.compile("opt done +engine=\\d+ +id=\\d+ +(\\S+)");

    /** What small and big compute, in Java. */
    private static int reference(int n) {
        int acc = 0;
        for (; n > 0; n--) {
            for (int i = 0; i < 3; i++) {
                acc = acc * 31 + n;
            }
        }
        return acc;
    }

    /** What callBig(times, n) computes, in Java. */
    private static int callBigReference(int times, int n) {
        int acc = 0;
        for (int i = 0; i < times; i++) {
            acc ^= reference(n);
        }
        return acc;
    }

    /** Calls callBig(50, 20) 30 times, often enough for the engines here to compile it and big, checking each result. */
    private static void callBigOften(Value callBig) {
        int expected = callBigReference(50, 20);
        for (int round = 0; round < 30; round++) {
            assertEquals(expected, callBig.execute(50, 20).asInt());
        }
    }

    private static Engine engine(ByteArrayOutputStream log) {
        // Loops compile after 1,000 backward branches, functions after 10 calls, all in the running thread; any
        // compilation failure fails the test.
        return Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.OSRCompilationThreshold", "1000")
                        .option("engine.SingleTierCompilationThreshold", "10").option("engine.MultiTier", "false").option("engine.BackgroundCompilation", "false")
                        .option("engine.CompilationFailureAction", "Throw").option("engine.TraceCompilation", "true").logHandler(log).build();
    }

    private static Context context(Engine engine, String limit) {
        return Context.newBuilder(WasmSource.LANGUAGE).engine(engine).allowExperimentalOptions(true).option("wasm-truffle.InterpreterOnlyFunctionSize", limit)
                        .option("wasm-truffle.DelayedFunctionSize", "0").build();
    }

    private static Context delayed(Engine engine, String threshold) {
        return Context.newBuilder(WasmSource.LANGUAGE).engine(engine).allowExperimentalOptions(true).option("wasm-truffle.InterpreterOnlyFunctionSize", "0")
                        .option("wasm-truffle.DelayedFunctionSize", LIMIT).option("wasm-truffle.DelayedFunctionThreshold", threshold).build();
    }

    /** The exports of a new instance of {@link #MODULE} in {@code context}. */
    private static Value exports(Context context) {
        return context.eval(WasmSource.of(Wat.compile(MODULE), "sizes.wasm")).newInstance().getMember("exports");
    }

    /** The names of the call targets that {@code log}'s compilation trace reports compiled, in order. */
    private static List<String> compiled(ByteArrayOutputStream log) {
        List<String> names = new ArrayList<>();
        Matcher m = COMPILED.matcher(log.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void largeFunctionLoopIsNotReplacedOnTheStack() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(log); Context context = context(engine, LIMIT)) {
            Value exports = exports(context);
            assertEquals(reference(100_000), exports.getMember("small").execute(100_000).asInt());
            assertEquals(reference(100_000), exports.getMember("big").execute(100_000).asInt());
        }
        List<String> compiled = compiled(log);
        // Functions are numbered in order: step 0, small 1, big 2. The callee of both compiled, small's loop by OSR.
        assertTrue(compiled.contains("func[0]"), compiled.toString());
        assertTrue(compiled.stream().anyMatch(name -> name.startsWith("func[1]<OSR@")), compiled.toString());
        assertTrue(compiled.stream().noneMatch(name -> name.startsWith("func[2]<OSR@")), compiled.toString());
    }

    /** Runs big(100,000) in a context that {@code contexts} makes, and returns what the trace reports compiled. */
    private static List<String> compiledWhileBigRuns(Function<Engine, Context> contexts) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(log); Context context = contexts.apply(engine)) {
            Value big = exports(context).getMember("big");
            assertEquals(reference(100_000), big.execute(100_000).asInt());
        }
        return compiled(log);
    }

    @Test
    void withoutTheLimitTheLargeFunctionLoopIsReplaced() {
        List<String> compiled = compiledWhileBigRuns(engine -> context(engine, "0"));
        assertTrue(compiled.stream().anyMatch(name -> name.startsWith("func[2]<OSR@")), compiled.toString());
    }

    @Test
    void compiledCallersRunItInTheInterpreter() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(log); Context context = context(engine, LIMIT)) {
            Value exports = exports(context);
            Value callBig = exports.getMember("callBig");
            // Big's call target compiles (to a call of its interpreter), and callBig's code, on its own or inlined into
            // the host's call.
            callBigOften(callBig);
            assertTrue(compiled(log).contains("func[2]"), compiled(log).toString());
            // A trap inside it, called from compiled code, still names it in the guest's stack trace.
            PolyglotException trap = assertThrows(PolyglotException.class, () -> callBig.execute(1, -1));
            assertEquals("unreachable", trap.getMessage());
            List<String> frames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : trap.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    frames.add(frame.getRootName());
                }
            }
            assertEquals(List.of("func[2]", "func[3]"), frames.subList(0, 2));
            // And it computes the same after the trap.
            assertEquals(callBigReference(50, 20), callBig.execute(50, 20).asInt());
        }
    }

    @Test
    void delayedFunctionCompilesOnceItHasRunEnough() {
        // 100,000 backward branches in one call: after 20,000 its loop may be compiled, and is, by OSR.
        List<String> compiled = compiledWhileBigRuns(engine -> delayed(engine, "20000"));
        assertTrue(compiled.stream().anyMatch(name -> name.startsWith("func[2]<OSR@")), compiled.toString());
    }

    @Test
    void delayedFunctionStaysInterpretedBelowItsThreshold() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(log); Context context = delayed(engine, "1000000")) {
            Value exports = exports(context);
            assertEquals(reference(100_000), exports.getMember("big").execute(100_000).asInt());
            callBigOften(exports.getMember("callBig"));
        }
        List<String> compiled = compiled(log);
        assertTrue(compiled.stream().noneMatch(name -> name.startsWith("func[2]<OSR@")), compiled.toString());
    }
}
