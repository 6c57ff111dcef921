package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmtruffle.interop.Wat;

/**
 * A huge function's regions (the cases of its dispatch br_table, compiled apart and called from the
 * function's compiled code, see Bytecode.REGION_ENTRY) must compute exactly what the function computes
 * whole: with fall-through from one case into the next, loops inside a case, calls, returns from inside a
 * case, exits never seen before (deoptimization) and traps. The split size is lowered to 1 byte so that this
 * small interpreter is split as CPython's eval loop is.
 */
class RegionTest {
    /**
     * A stack-less bytecode interpreter: each instruction is two i32 words (op, arg) in memory. Its br_table
     * has 16 entries plus a default, the fewest that make a dispatch.
     */
    private static final String INTERPRETER = """
                    (module
                      (memory (export "memory") 1)
                      (func $helper (param i32) (result i32)
                        (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
                      (func (export "run") (param $pc i32) (result i32)
                        (local $acc i32) (local $op i32) (local $arg i32) (local $k i32) (local $counter i32)
                        (loop $dispatch
                          (local.set $op (i32.load (local.get $pc)))
                          (local.set $arg (i32.load offset=4 (local.get $pc)))
                          (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
                          (block $c15 (block $c14 (block $c13 (block $c12 (block $c11 (block $c10 (block $c9 (block $c8
                          (block $c7 (block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
                            (br_table $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c8 $c9 $c10 $c11 $c12 $c13 $c14 $c15 $c15 (local.get $op)))
                            ;; 0: halt
                            (return (local.get $acc)))
                            ;; 1: add
                            (local.set $acc (i32.add (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                            ;; 2: multiply
                            (local.set $acc (i32.mul (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                            ;; 3: set the counter
                            (local.set $counter (local.get $arg))
                            (br $dispatch))
                            ;; 4: count down; jump to arg unless zero
                            (local.set $counter (i32.sub (local.get $counter) (i32.const 1)))
                            (if (local.get $counter) (then (local.set $pc (local.get $arg))))
                            (br $dispatch))
                            ;; 5: call
                            (local.set $acc (call $helper (local.get $acc)))
                            (br $dispatch))
                            ;; 6: a loop inside the case: add arg, arg-1, ..., 1
                            (local.set $k (local.get $arg))
                            (block $done
                              (loop $more
                                (br_if $done (i32.eqz (local.get $k)))
                                (local.set $acc (i32.add (local.get $acc) (local.get $k)))
                                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                                (br $more)))
                            (br $dispatch))
                            ;; 7: xor, then on into case 8
                            (local.set $acc (i32.xor (local.get $acc) (local.get $arg))))
                            ;; 8: rotate left by one
                            (local.set $acc (i32.rotl (local.get $acc) (i32.const 1)))
                            (br $dispatch))
                            ;; 9: trap when arg is not zero
                            (if (local.get $arg) (then unreachable))
                            (br $dispatch))
                            ;; 10: subtract
                            (local.set $acc (i32.sub (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                            ;; 11: return acc + arg from inside the case
                            (return (i32.add (local.get $acc) (local.get $arg))))
                            ;; 12: shift right (unsigned)
                            (local.set $acc (i32.shr_u (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                            ;; 13: and
                            (local.set $acc (i32.and (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                            ;; 14: or
                            (local.set $acc (i32.or (local.get $acc) (local.get $arg)))
                            (br $dispatch))
                          ;; 15 and anything else: stop with -1
                          (return (i32.const -1)))
                        (unreachable)))
                    """;

    /** What the interpreter above computes, for checking it. */
    private static int reference(int[] program, int start) {
        int pc = start;
        int acc = 0;
        int counter = 0;
        while (true) {
            int op = program[pc / 4];
            int arg = program[pc / 4 + 1];
            pc += 8;
            switch (op) {
                case 0 -> {
                    return acc;
                }
                case 1 -> acc += arg;
                case 2 -> acc *= arg;
                case 3 -> counter = arg;
                case 4 -> {
                    counter--;
                    if (counter != 0) {
                        pc = arg;
                    }
                }
                case 5 -> acc = acc * 3 + 1;
                case 6 -> {
                    for (int k = arg; k != 0; k--) {
                        acc += k;
                    }
                }
                case 7 -> acc = Integer.rotateLeft(acc ^ arg, 1);
                case 8 -> acc = Integer.rotateLeft(acc, 1);
                case 9 -> {
                    if (arg != 0) {
                        throw new IllegalStateException("trap");
                    }
                }
                case 10 -> acc -= arg;
                case 11 -> {
                    return acc + arg;
                }
                case 12 -> acc >>>= arg;
                case 13 -> acc &= arg;
                case 14 -> acc |= arg;
                default -> {
                    return -1;
                }
            }
        }
    }

    /** A loop over some of the cases: (op, arg) pairs; the loop's body starts at byte 8. */
    private static final int[] FIRST = {3, 50, 1, 3, 2, 5, 5, 0, 6, 7, 10, 11, 4, 8, 0, 0};
    /** The other cases: fall-through (7), unsigned shift, and, or, return from a case, a trap that does not fire. */
    private static final int[] SECOND = {3, 40, 7, 0x55, 12, 1, 14, 0x1000, 13, 0x7FFFFF, 9, 0, 1, 1, 4, 8, 11, 5};
    private static final int[] DEFAULT = {1, 2, 99, 0};
    private static final int[] TRAP = {1, 2, 9, 1, 0, 0};

    private static Engine engine(ByteArrayOutputStream log, boolean inlining) {
        // Compile after a few calls, in the calling thread, and fail the test on any compilation failure.
        return Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.BackgroundCompilation", "false")
                        .option("compiler.Inlining", Boolean.toString(inlining))
                        .option("engine.SingleTierCompilationThreshold", "10").option("engine.MultiTier", "false")
                        .option("engine.CompilationFailureAction", "Throw").option("engine.TraceCompilation", "true").logHandler(log).build();
    }

    private static Context context(Engine engine, int splitSize) {
        return Context.newBuilder(WasmSource.LANGUAGE).engine(engine).allowExperimentalOptions(true).option("wasm-truffle.SplitFunctionSize", Integer.toString(splitSize))
                        .build();
    }

    private static Value interpreter(Context context) {
        return context.eval(WasmSource.of(Wat.compile(INTERPRETER), "interpreter.wasm")).newInstance();
    }

    private static int run(Context context, Value instance, int[] program) {
        Value memory = instance.getMember("exports").getMember("memory");
        // Each program is written at byte 0: the interpreter's jumps are byte offsets.
        for (int i = 0; i < program.length; i++) {
            int word = program[i];
            for (int b = 0; b < 4; b++) {
                memory.writeBufferByte(4L * i + b, (byte) (word >>> (8 * b)));
            }
        }
        return instance.getMember("exports").getMember("run").execute(0).asInt();
    }

    @ParameterizedTest(name = "inlining {0}")
    @ValueSource(booleans = {true, false})
    void regionsComputeWhatTheWholeFunctionComputes(boolean inlining) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = engine(log, inlining);
                        Context context = context(engine, 1)) {
            Value instance = interpreter(context);
            // Compiled on the first program's cases alone; then cases, exits and a fall-through it never saw.
            for (int i = 0; i < 40; i++) {
                assertEquals(reference(FIRST, 0), run(context, instance, FIRST), "first program, run " + i);
            }
            for (int i = 0; i < 40; i++) {
                assertEquals(reference(SECOND, 0), run(context, instance, SECOND), "second program, run " + i);
                assertEquals(reference(DEFAULT, 0), run(context, instance, DEFAULT), "default entry, run " + i);
                assertEquals(reference(FIRST, 0), run(context, instance, FIRST), "first program again, run " + i);
            }
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        if (!inlining) {
            // The regions were compiled as call targets of their own (named function@position). (With
            // inlining, where their code ends up is the inliner's choice.)
            assertTrue(Pattern.compile("opt done .*func\\[1\\]@\\d+ ").matcher(trace).find(), trace);
        }
    }

    @Test
    void aTrapInsideARegionShowsTheFunctionNotTheRegion() {
        try (Engine engine = engine(new ByteArrayOutputStream(), true);
                        Context context = context(engine, 1)) {
            Value instance = interpreter(context);
            for (int i = 0; i < 40; i++) {
                run(context, instance, FIRST);
            }
            PolyglotException e = assertThrows(PolyglotException.class, () -> run(context, instance, TRAP));
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            int guestFrames = 0;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    guestFrames++;
                    assertFalse(frame.getRootName().contains("@"), "a region in the backtrace: " + frame.getRootName());
                }
            }
            assertEquals(1, guestFrames, "one guest frame: the interpreter function");
        }
    }

    @Test
    void theSameResultsWithoutRegions() {
        try (Engine engine = engine(new ByteArrayOutputStream(), true);
                        Context context = context(engine, 0)) {
            Value instance = interpreter(context);
            for (int i = 0; i < 40; i++) {
                assertEquals(reference(FIRST, 0), run(context, instance, FIRST));
                assertEquals(reference(SECOND, 0), run(context, instance, SECOND));
            }
        }
    }
}
