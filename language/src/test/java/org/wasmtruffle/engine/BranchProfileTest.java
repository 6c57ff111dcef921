package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Compiled code holds only the branches the interpreter took; the first time it meets another way (an
 * if's other arm, a br_table entry never used, a br_if that now falls through) it must deoptimize and
 * still compute the right result, and keep doing so once recompiled.
 */
class BranchProfileTest {
    private static final String DISPATCH = """
                    (module
                      (func (export "dispatch") (param $op i32) (param $x i32) (result i32)
                        (block $default
                          (block $c3
                            (block $c2
                              (block $c1
                                (block $c0
                                  (br_table $c0 $c1 $c2 $c3 $default (local.get $op)))
                                (return (i32.add (local.get $x) (i32.const 1))))
                              (return (i32.mul (local.get $x) (i32.const 2))))
                            (return (i32.sub (local.get $x) (i32.const 3))))
                          (return (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
                                    (then (i32.const -1))
                                    (else (i32.const 1)))))
                        (i32.const 99))
                      (func (export "sumUntil") (param $n i32) (param $stop i32) (result i32)
                        (local $i i32) (local $sum i32)
                        (block $out
                          (loop $next
                            (br_if $out (i32.eq (local.get $i) (local.get $stop)))
                            (local.set $sum (i32.add (local.get $sum) (local.get $i)))
                            (local.set $i (i32.add (local.get $i) (i32.const 1)))
                            (br_if $next (i32.lt_u (local.get $i) (local.get $n)))))
                        (local.get $sum)))
                    """;

    private static int expectedDispatch(int op, int x) {
        return switch (op) {
            case 0 -> x + 1;
            case 1 -> x * 2;
            case 2 -> x - 3;
            case 3 -> x < 0 ? -1 : 1;
            default -> 99;
        };
    }

    @Test
    void compiledCodeDeoptimizesOnBranchesNeverTaken() {
        // Compile after a few calls, in the calling thread, and fail the test on any compilation failure.
        try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.BackgroundCompilation", "false")
                        .option("engine.SingleTierCompilationThreshold", "10").option("engine.MultiTier", "false")
                        .option("engine.CompilationFailureAction", "Throw").build();
                        Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Source source = WasmSource.of(Wat.compile(DISPATCH), "dispatch.wasm");
            Value exports = context.eval(source).newInstance().getMember("exports");
            Value dispatch = exports.getMember("dispatch");
            // Warm up (and compile) on entry 0 alone, then use every entry and both arms of the if,
            // each several times so that recompiled code meets them too.
            for (int i = 0; i < 200; i++) {
                assertEquals(expectedDispatch(0, i), dispatch.execute(0, i).asInt());
            }
            int[] ops = {1, 2, 3, 4, -1, 7, 3, 0};
            for (int round = 0; round < 50; round++) {
                for (int op : ops) {
                    int x = round % 2 == 0 ? round : -round - 1;
                    assertEquals(expectedDispatch(op, x), dispatch.execute(op, x).asInt(), "op " + op + " x " + x);
                }
            }

            // A loop that always ran to n, then is cut short by the exit branch it never took before.
            Value sumUntil = exports.getMember("sumUntil");
            for (int i = 0; i < 100; i++) {
                assertEquals(4950, sumUntil.execute(100, -1).asInt());
            }
            assertEquals(45, sumUntil.execute(100, 10).asInt());
            for (int i = 0; i < 100; i++) {
                assertEquals(i * (i - 1) / 2, sumUntil.execute(100, i).asInt());
            }
        }
    }
}
