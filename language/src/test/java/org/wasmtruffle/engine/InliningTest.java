package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.interpreter.Opcodes.opcodes;

import java.util.List;
import java.util.function.BiConsumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.BodySummary;
import org.wasmtruffle.validation.FunctionValidator;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * Calls of small leaf functions are replaced by copies of their bodies (see {@code BytecodeInliner}): the copies
 * compute what the calls did, interpreted and compiled, with the callee's locals zeroed in slots the caller used
 * before, with branches, early returns and several results; what cannot be copied is still called; a trap in a copy
 * is reported in the function copied, as a call would have been.
 */
class InliningTest {
    private static final String MODULE = """
                    (module
                      (memory 1)
                      (data (i32.const 64) "\\05\\00\\00\\00")
                      ;; 0: every non-parameter local must start at zero, whatever the caller's slots held.
                      (func $pick (param $a i32) (param $b i32) (result i32)
                        (local $t i32) (local $l i64) (local $f f32) (local $d f64)
                        (if (i32.or (i32.or (local.get $t) (i32.wrap_i64 (local.get $l)))
                                    (i32.or (i32.reinterpret_f32 (local.get $f)) (i32.wrap_i64 (i64.reinterpret_f64 (local.get $d)))))
                          (then (return (i32.const -1000))))
                        (local.set $t (i32.add (local.get $a) (local.get $b)))
                        (if (result i32) (i32.lt_s (local.get $t) (i32.const 0))
                          (then (return (i32.const 0)))
                          (else (local.get $t))))
                      ;; 1: two results.
                      (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
                      ;; 2: br_if with a value, and a load.
                      (func $brif (param $x i32) (result i32)
                        (block $b (result i32)
                          (br_if $b (i32.const 7) (i32.eqz (local.get $x)))
                          (drop)
                          (i32.load (local.get $x))))
                      ;; 3: a loop: not copied.
                      (func $count (param $n i32) (result i32) (local $i i32)
                        (loop $l
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
                        (local.get $i))
                      ;; 4: a load that may trap.
                      (func $load (param $p i32) (result i32) (i32.load (local.get $p)))
                      ;; 5
                      (func (export "run") (param $n i32) (result i32)
                        (local $acc i32) (local $k i32)
                        (loop $again
                          ;; Values in the slots that the copies' locals take next.
                          (i64.const -1) (f64.const -2.5) (i32.const 9) (f32.const 3) (i64.const 77) (i32.const 1)
                          (drop) (drop) (drop) (drop) (drop) (drop)
                          (local.set $acc (i32.add (local.get $acc) (call $pick (local.get $k) (i32.const -3))))
                          (call $swap (local.get $k) (i32.const 100))
                          (i32.sub)
                          (local.get $acc) (i32.add) (local.set $acc)
                          (local.set $acc (i32.add (local.get $acc) (call $brif (i32.and (local.get $k) (i32.const 64)))))
                          (local.set $acc (i32.add (local.get $acc) (call $count (i32.and (local.get $k) (i32.const 3)))))
                          (local.set $k (i32.add (local.get $k) (i32.const 1)))
                          (br_if $again (i32.lt_s (local.get $k) (local.get $n))))
                        (local.get $acc))
                      ;; 6
                      (func (export "trapAt") (param $p i32) (result i32)
                        (i32.add (i32.const 1) (call $load (local.get $p))))
                      ;; 7: small, and calls only a leaf that it inlines: inlined too, with the leaf's copy inside.
                      (func $mid (param $p i32) (result i32) (i32.mul (call $load (local.get $p)) (i32.const 3)))
                      ;; 8: larger than a small function (which inlines only leaves), by its nops.
                      (func (export "trapNested") (param $p i32) (result i32)
                    """ + "    (nop)".repeat(100) + """
                        (i32.add (i32.const 1) (call $mid (local.get $p)))))
                    """;

    /** What {@code run(n)} returns, computed here. */
    private static int expected(int n) {
        int acc = 0;
        for (int k = 0; k < n; k++) {
            int t = k - 3;
            acc += t < 0 ? 0 : t;
            acc += 100 - k;
            acc += (k & 64) == 0 ? 7 : 5;
            acc += Math.max(1, k & 3);
        }
        return acc;
    }

    /**
     * Runs {@code test} on the exports of a new instance of the module, with inlining on and off, interpreted and
     * compiled before the first call; {@code test} gets a description of the configuration too.
     */
    private static void inEveryConfiguration(BiConsumer<Value, String> test) {
        byte[] binary = Wat.compile(MODULE);
        for (boolean inlining : new boolean[]{true, false}) {
            for (boolean compiled : new boolean[]{false, true}) {
                Engine.Builder builder = Engine.newBuilder("wasm-truffle").allowExperimentalOptions(true).option("wasm-truffle.Inlining", String.valueOf(inlining));
                if (compiled) {
                    builder.option("engine.CompileImmediately", "true").option("engine.BackgroundCompilation", "false");
                } else {
                    builder.option("engine.Compilation", "false");
                }
                try (Engine engine = builder.build(); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
                    Value exports = context.eval(org.graalvm.polyglot.Source.newBuilder("wasm-truffle", org.graalvm.polyglot.io.ByteSequence.create(binary), "inline.wasm")
                                    .buildLiteral()).newInstance().getMember("exports");
                    test.accept(exports, "inlining " + inlining + (compiled ? ", compiled" : ", interpreted"));
                }
            }
        }
    }

    @Test
    void copiesComputeWhatCallsDid() {
        inEveryConfiguration((exports, configuration) -> {
            Value run = exports.getMember("run");
            for (int n : new int[]{1, 5, 70, 200}) {
                assertEquals(expected(n), run.execute(n).asInt(), configuration + ", n = " + n);
            }
        });
    }

    @Test
    void onlyLeafFunctionsWithoutLoopsAreCopied() {
        ModuleDescription module = ModuleDecoder.decode("inline.wasm", Wat.compile(MODULE));
        int[] summaries = ModuleValidator.validate(module);
        assertTrue(BodySummary.inlinable(summaries[0]) && BodySummary.inlinable(summaries[1]) && BodySummary.inlinable(summaries[2]));
        assertFalse(BodySummary.inlinable(summaries[3]), "a loop");
        assertFalse(BodySummary.inlinable(summaries[5]), "it calls what it does not inline");
        assertTrue(BodySummary.inlinable(summaries[7]) && BodySummary.calls(summaries[7]), "it calls only what it inlines");
        List<Integer> nested = opcodes(FunctionValidator.translate(module, 8, 0, summaries, true).code());
        assertFalse(nested.contains(Bytecode.CALL), "both copied: " + nested);
        int[] copies = FunctionValidator.translate(module, 8, 0, summaries, true).inlinedCopies();
        assertEquals(6, copies.length, "the copy of $mid, then that of $load inside it: " + java.util.Arrays.toString(copies));
        assertEquals(7, copies[2]);
        assertEquals(4, copies[5]);
        assertTrue(copies[0] <= copies[3] && copies[3] < copies[4] && copies[4] <= copies[1], java.util.Arrays.toString(copies));
        FunctionBytecode run = FunctionValidator.translate(module, 5, 0, summaries, true);
        assertEquals(BodySummary.frameSize(summaries[5]), run.frameSize(), "the frame validation made room for");
        List<Integer> ops = opcodes(run.code());
        assertEquals(1, ops.stream().filter(op -> op == Bytecode.CALL).count(), "only $count is called: " + ops);
        assertEquals(1, run.callSiteTypes().length);
        FunctionBytecode notInlined = FunctionValidator.translate(module, 5, 0, summaries, false);
        assertEquals(run.frameSize(), notInlined.frameSize());
        assertEquals(4, opcodes(notInlined.code()).stream().filter(op -> op == Bytecode.CALL).count());
        // Without the room validation leaves, the function's own operand stack is smaller.
        assertTrue(FunctionValidator.translate(module, 5).frameSize() < run.frameSize());
    }

    @Test
    void aTrapInACopyIsReportedInTheFunctionCopied() {
        inEveryConfiguration((exports, configuration) -> {
            Value trapAt = exports.getMember("trapAt");
            Value trapNested = exports.getMember("trapNested");
            assertEquals(6, trapAt.execute(64).asInt());
            assertEquals(16, trapNested.execute(64).asInt());
            for (int run = 0; run < 2; run++) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> trapAt.execute(65536));
                assertEquals("out of bounds memory access", e.getMessage());
                assertEquals(List.of("func[4]", "func[6]"), TrapTest.wasmFrames(e), configuration);
                e = assertThrows(PolyglotException.class, () -> trapNested.execute(-4));
                assertEquals("out of bounds memory access", e.getMessage());
                assertEquals(List.of("func[4]", "func[7]", "func[8]"), TrapTest.wasmFrames(e), configuration);
            }
        });
    }
}
