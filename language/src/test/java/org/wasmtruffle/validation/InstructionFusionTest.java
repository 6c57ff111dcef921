package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.ModuleDescription;

/**
 * A {@code local.get} followed by a load or a store, and an {@code i32.const} followed by {@code i32.add} or
 * {@code i32.sub}, become one instruction each, but never where a branch lands between them.
 */
class InstructionFusionTest {
    private static final String MODULE = """
                    (module
                      (memory 1)
                      (data (i32.const 16) "\\2a\\00\\00\\00\\07\\00\\00\\00")
                      ;; local.get + i32.load: fused.
                      (func (export "plain") (param $p i32) (result i32)
                        (i32.load offset=4 (local.get $p)))
                      ;; The block's end, where br_if lands, lies between local.get $p and the load: the load
                      ;; must read whichever address reached the label (16 from the branch, $p otherwise).
                      (func (export "label") (param $p i32) (param $c i32) (result i32)
                        (block $b (result i32)
                          (i32.const 16)
                          (br_if $b (local.get $c))
                          (drop)
                          (local.get $p))
                        (i32.load))
                      ;; local.get, then local.get + load: all three fused; for i32 and for the other loads.
                      (func (export "pair") (param $a i32) (param $p i32) (result i32)
                        (i32.sub (local.get $a) (i32.load offset=4 (local.get $p))))
                      (func (export "pair64") (param $a i64) (param $p i32) (result i64)
                        (i64.sub (local.get $a) (i64.load8_u offset=1 (local.get $p))))
                      ;; The loop's header lies between the two local.gets: only the second is fused with the load.
                      (func (export "loopBetween") (param $a i32) (param $p i32) (result i32)
                        (local.get $a)
                        (loop $l (param i32) (result i32)
                          (i32.load (local.get $p))
                          (i32.add)
                          (br_if $l (i32.const 0))))
                      ;; An unreachable local.get is not emitted and must not be fused with anything.
                      (func (export "dead") (param $p i32) (result i32)
                        (block $b (result i32)
                          (br $b (i32.load (local.get $p)))
                          (local.get $p))
                        (i32.load8_u (local.get $p))
                        (i32.add)))
                    """;

    private static final String ARITHMETIC = """
                    (module
                      (memory (export "memory") 1)
                      ;; Stores the local $v at $p + 8 (local.get + store fused), returns the byte there minus
                      ;; 0x80000000 (const + sub fused, the constant negated) plus 5 (const + add fused).
                      (func (export "storeAndAdd") (param $p i32) (param $v i32) (result i32)
                        (i32.store8 offset=8 (local.get $p) (local.get $v))
                        (i32.add (i32.sub (i32.load8_u offset=8 (local.get $p)) (i32.const 0x80000000)) (i32.const 5)))
                      ;; The block's end lies between the constant and the add: the add must take whichever
                      ;; value reached the label (100 from the branch, 3 otherwise).
                      (func (export "labelBeforeAdd") (param $x i32) (param $c i32) (result i32)
                        (local.get $x)
                        (block $b (result i32)
                          (i32.const 100)
                          (br_if $b (local.get $c))
                          (drop)
                          (i32.const 3))
                        (i32.add))
                      ;; A stack pointer's update: the constant's add (a sub, negated) fused with the local.tee, and
                      ;; the increment fused with the local.set; then a label between an add and its local.set.
                      (global $sp (mut i32) (i32.const 1000))
                      (func (export "frame") (param $n i32) (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
                        (local.set $n (i32.add (local.get $n) (i32.const 1)))
                        (i32.add (local.get $fp) (local.get $n)))
                      (func (export "labelBeforeSet") (param $x i32) (param $c i32) (result i32) (local $r i32)
                        (i32.add (local.get $x) (i32.const 1))
                        (block $b (param i32) (result i32)
                          (br_if $b (i32.const 100) (local.get $c))
                          (drop))
                        (local.set $r)
                        (local.get $r)))
                    """;

    private static int[] code(ModuleDescription module, int function) {
        FunctionBytecode bytecode = FunctionValidator.translate(module, function);
        return bytecode.code();
    }

    @Test
    void fusesOnlyAdjacentInstructionsWithoutALabelBetween() {
        ModuleDescription module = ModuleDecoder.decode("fusion.wasm", Wat.compile(MODULE));
        ModuleValidator.validate(module);
        int[] plain = code(module, 0);
        assertEquals(Bytecode.LOCAL_LOAD, plain[0], Arrays.toString(plain));
        assertEquals(Bytecode.I32_LOAD, plain[2]);
        assertEquals(4, plain[3], "the load's offset");
        int[] label = code(module, 1);
        // Its one local.get + load pair has the label between them (and the other local.get feeds a br_if).
        assertFalse(Arrays.stream(label).anyMatch(word -> word == Bytecode.LOCAL_LOAD), Arrays.toString(label));
        assertEquals(Bytecode.I32_LOAD, label[label.length - 4], "an unfused load before the return (RETURN height): " + Arrays.toString(label));
        int[] pair = code(module, 2);
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_LOAD, 0, 1, Bytecode.I32_LOAD, 4}, Arrays.copyOf(pair, 5), Arrays.toString(pair));
        int[] pair64 = code(module, 3);
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_LOAD, 0, 1, Bytecode.I64_LOAD8_U, 1}, Arrays.copyOf(pair64, 5), Arrays.toString(pair64));
        int[] loopBetween = code(module, 4);
        assertFalse(Arrays.stream(loopBetween).anyMatch(word -> word == Bytecode.LOCAL_GET_LOCAL_LOAD), Arrays.toString(loopBetween));
        assertEquals(Bytecode.LOCAL_GET, loopBetween[0], Arrays.toString(loopBetween));
        assertTrue(Arrays.stream(loopBetween).anyMatch(word -> word == Bytecode.LOCAL_LOAD), Arrays.toString(loopBetween));
    }

    @Test
    void fusedAndUnfusedCodeComputeTheSame() {
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = context.eval(org.graalvm.polyglot.Source.newBuilder("wasm-truffle", org.graalvm.polyglot.io.ByteSequence.create(Wat.compile(MODULE)),
                            "fusion.wasm").buildLiteral()).newInstance().getMember("exports");
            assertEquals(7, exports.getMember("plain").execute(16).asInt());
            assertEquals(42, exports.getMember("label").execute(20, 1).asInt(), "the branch's address, 16");
            assertEquals(7, exports.getMember("label").execute(20, 0).asInt(), "the local's address, 20");
            assertEquals(42 + 42, exports.getMember("dead").execute(16).asInt());
            assertEquals(100 - 7, exports.getMember("pair").execute(100, 16).asInt(), "100 minus the i32 at 20");
            assertEquals(1000L - 0x2a, exports.getMember("pair64").execute(1000L, 15).asLong(), "1000 minus the byte at 16");
            assertEquals(1 + 42, exports.getMember("loopBetween").execute(1, 16).asInt());
        }
    }

    @Test
    void fusesConstantArithmeticAndStoresOfLocals() {
        byte[] binary = Wat.compile(ARITHMETIC);
        ModuleDescription module = ModuleDecoder.decode("arithmetic.wasm", binary);
        ModuleValidator.validate(module);
        int[] fused = code(module, 0);
        assertEquals(Bytecode.LOCAL_STORE, fused[2], Arrays.toString(fused));
        assertEquals(2, Arrays.stream(fused).filter(word -> word == Bytecode.I32_ADD_CONST).count(), Arrays.toString(fused));
        int[] label = code(module, 1);
        assertFalse(Arrays.stream(label).anyMatch(word -> word == Bytecode.I32_ADD_CONST), Arrays.toString(label));
        int[] frame = code(module, 2);
        assertEquals(1, Arrays.stream(frame).filter(word -> word == Bytecode.I32_ADD_CONST_TEE).count(), Arrays.toString(frame));
        assertEquals(1, Arrays.stream(frame).filter(word -> word == Bytecode.I32_ADD_CONST_SET).count(), Arrays.toString(frame));
        int[] labelBeforeSet = code(module, 3);
        assertEquals(Bytecode.I32_ADD_CONST, labelBeforeSet[2], Arrays.toString(labelBeforeSet));
        assertFalse(Arrays.stream(labelBeforeSet).anyMatch(word -> word == Bytecode.I32_ADD_CONST_SET), Arrays.toString(labelBeforeSet));
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = context.eval(org.graalvm.polyglot.Source.newBuilder("wasm-truffle", org.graalvm.polyglot.io.ByteSequence.create(binary),
                            "arithmetic.wasm").buildLiteral()).newInstance().getMember("exports");
            assertEquals(0xAB - 0x80000000 + 5, exports.getMember("storeAndAdd").execute(32, 0x1AB).asInt());
            assertEquals((byte) 0xAB, exports.getMember("memory").readBufferByte(40));
            assertEquals(107, exports.getMember("labelBeforeAdd").execute(7, 1).asInt(), "the branch's value, 100");
            assertEquals(10, exports.getMember("labelBeforeAdd").execute(7, 0).asInt(), "the constant, 3");
            assertEquals(984 + 6, exports.getMember("frame").execute(5).asInt(), "the new stack pointer plus n + 1");
            assertEquals(968, exports.getMember("frame").execute(-1).asInt(), "the stack pointer moved down again");
            assertEquals(100, exports.getMember("labelBeforeSet").execute(7, 1).asInt(), "the branch's value");
            assertEquals(8, exports.getMember("labelBeforeSet").execute(7, 0).asInt(), "the sum");
        }
    }
}
