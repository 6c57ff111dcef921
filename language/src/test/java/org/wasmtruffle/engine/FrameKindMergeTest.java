package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Where paths of a function meet (after a forward branch, or at its returns), the operand slots that are dead there may
 * hold values of different kinds on each path (an i32 on one, an i64 or f64 on the other). Truffle's frame verification
 * deoptimizes at such a merge and recompiles the function without virtualizing its frame; compiled code clears those
 * slots on each path so that it does not. Here every such merge is compiled with frame-merge performance warnings
 * treated as errors, so a conflict fails the call.
 */
class FrameKindMergeTest {
    private static final String MODULE = """
                    (module
                      (memory 1)
                      ;; br_if to a block end: the branch leaves an i32 (its condition) above the result, the fall-through an i64.
                      (func (export "brIf") (param $x i32) (result i32)
                        (block $b (result i32)
                          (i32.const 1)
                          (br_if $b (local.get $x))
                          (drop)
                          (i64.store (i32.const 8) (i64.const 7))
                          (i32.const 2)))
                      ;; if/else: the then arm leaves an f64 above the stack pointer, the else arm an i64.
                      (func (export "ifElse") (param $x i32) (result i32)
                        (if (result i32) (local.get $x)
                          (then (f64.store (i32.const 16) (f64.const 1.5)) (i32.const 3))
                          (else (i64.store (i32.const 24) (i64.const 9)) (i32.const 4))))
                      ;; br_table to three block ends with different dead kinds on each way in.
                      (func (export "brTable") (param $x i32) (result i32)
                        (block $c
                          (block $b
                            (block $a
                              (i64.store (i32.const 32) (i64.const 1))
                              (br_table $a $b $c (local.get $x)))
                            (f32.store (i32.const 40) (f32.const 2))
                            (br $c))
                          (f64.store (i32.const 48) (f64.const 3)))
                        (i32.load (i32.const 32)))
                      ;; br out of a loop body to the function's block, around code that leaves an i32 there.
                      (func (export "brOut") (param $n i32) (result i32) (local $i i32)
                        (block $done
                          (loop $l
                            (i64.store (i32.const 56) (i64.extend_i32_u (local.get $i)))
                            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                            (i32.store (i32.const 64) (local.get $i))
                            (local.set $i (i32.add (local.get $i) (i32.const 1)))
                            (br $l)))
                        (local.get $i))
                      ;; Two returns of the same height: one leaves an i32 above its result, the other an i64 below it.
                      (func (export "returns") (param $x i32) (result i32)
                        (block
                          (br_if 0 (local.get $x))
                          (i32.store (i32.const 72) (i32.const 5))
                          (return (i32.const 6)))
                        (i64.const 8)
                        (i32.const 7)
                        (return)))
                    """;

    @Test
    void forwardBranchesMergeWithoutKindConflicts() {
        Engine.Builder builder = Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true)
                        .option("engine.CompileImmediately", "true")
                        .option("engine.BackgroundCompilation", "false")
                        .option("engine.CompilationFailureAction", "Throw")
                        .option("compiler.TreatPerformanceWarningsAsErrors", "frame_merge");
        try (Engine engine = builder.build(); Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value exports = context.eval(WasmSource.of(Wat.compile(MODULE), "merges.wasm")).newInstance().getMember("exports");
            // Several rounds: each new way through deoptimizes once and is then compiled together with the others.
            for (int round = 0; round < 4; round++) {
                for (int x = 0; x < 2; x++) {
                    assertEquals(x == 0 ? 2 : 1, exports.getMember("brIf").execute(x).asInt());
                    assertEquals(x == 0 ? 4 : 3, exports.getMember("ifElse").execute(x).asInt());
                }
                for (int x = 0; x < 4; x++) {
                    assertEquals(1, exports.getMember("brTable").execute(x).asInt());
                }
                assertEquals(5, exports.getMember("brOut").execute(5).asInt());
                for (int x = 0; x < 2; x++) {
                    assertEquals(x == 0 ? 6 : 7, exports.getMember("returns").execute(x).asInt());
                }
            }
        }
    }
}
