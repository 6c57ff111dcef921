package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.ModuleDescription;

/** A {@code local.get} followed by a load becomes one instruction, but never where a branch lands between them. */
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
                      ;; An unreachable local.get is not emitted and must not be fused with anything.
                      (func (export "dead") (param $p i32) (result i32)
                        (block $b (result i32)
                          (br $b (i32.load (local.get $p)))
                          (local.get $p))
                        (i32.load8_u (local.get $p))
                        (i32.add)))
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
        }
    }
}
