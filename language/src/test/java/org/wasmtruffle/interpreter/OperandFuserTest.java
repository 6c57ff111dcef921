package org.wasmtruffle.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.FunctionValidator;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * An instruction that pushes an operand and the instruction after it (a {@code local.get}, an {@code i32.const}, a
 * constant addition, a {@code local.set}, an {@code i32.load}) become one instruction, computing what the two did, but
 * never where control can arrive between them.
 */
class OperandFuserTest {
    private static final String MODULE = """
                    (module
                      ;; (a - b) & 0xff: local.get + local.get, then local.get + i32.const.
                      (func (export "pairs") (param $a i32) (param $b i32) (result i32)
                        (i32.and (i32.sub (local.get $a) (local.get $b)) (i32.const 0xff)))
                      ;; $a + 4 pushed; $b = $a + 8; $c = $b - 3 kept and pushed.
                      (func (export "sums") (param $a i32) (result i32) (local $b i32) (local $c i32)
                        (i32.add (local.get $a) (i32.const 4))
                        (local.set $b (i32.add (local.get $a) (i32.const 8)))
                        (local.tee $c (i32.sub (local.get $b) (i32.const 3)))
                        (i32.mul)
                        (local.get $c)
                        (i32.add))
                      ;; The block's end, where br_if lands with 100, lies between local.get $a and the local.get
                      ;; after it; and between local.get $a and the constant after it.
                      (func (export "labels") (param $a i32) (param $c i32) (result i32)
                        (block $b (result i32)
                          (i32.const 100)
                          (br_if $b (local.get $c))
                          (drop)
                          (local.get $a))
                        (local.get $a)
                        (i32.sub)
                        (block $d (result i32)
                          (i32.const 100)
                          (br_if $d (local.get $c))
                          (drop)
                          (local.get $a))
                        (i32.const 1)
                        (i32.sub)
                        (i32.add))
                      ;; A loop's header lies between the two local.gets; its counter steps by local.get + add + set.
                      (func (export "loop") (param $n i32) (result i32) (local $i i32) (local $s i32)
                        (local.get $n)
                        (loop $l (param i32) (result i32)
                          (local.set $s (i32.add (local.get $s) (local.get $i)))
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
                        (local.get $s)
                        (i32.add))
                      (memory 1)
                      (data (i32.const 64) "\\10\\00\\00\\00\\2a\\00\\00\\00")
                      ;; A static variable read (i32.const + i32.load), a field masked (local.get + load, then
                      ;; i32.const), a local copied (local.get + local.set): (mem[68] + (mem[$p + 4] & 0xf)) * $p.
                      (func (export "moves") (param $p i32) (result i32) (local $q i32)
                        (local.set $q (local.get $p))
                        (i32.load offset=4 (i32.const 64))
                        (i32.and (i32.load offset=4 (local.get $p)) (i32.const 0xf))
                        (i32.add)
                        (local.get $q)
                        (i32.mul)))
                    """;

    private static ModuleDescription module() {
        ModuleDescription module = ModuleDecoder.decode("operands.wasm", Wat.compile(MODULE));
        ModuleValidator.validate(module);
        return module;
    }

    private static List<Integer> fusedOpcodes(ModuleDescription module, int function) {
        return Opcodes.opcodes(OperandFuser.fuse(FunctionValidator.translate(module, function)).code());
    }

    @Test
    void fusesALocalGetWithTheOperandOrAdditionAfterIt() {
        ModuleDescription module = module();
        List<Integer> pairs = fusedOpcodes(module, 0);
        assertEquals(List.of(Bytecode.LOCAL_GET_LOCAL_GET, Bytecode.I32_SUB, Bytecode.I32_CONST, Bytecode.I32_AND, Bytecode.RETURN), pairs);
        List<Integer> sums = fusedOpcodes(module, 1);
        assertEquals(Bytecode.LOCAL_GET_ADD_CONST, sums.get(0), sums.toString());
        assertEquals(Bytecode.LOCAL_GET_ADD_CONST_SET, sums.get(1), sums.toString());
        assertEquals(Bytecode.LOCAL_GET_ADD_CONST_TEE, sums.get(2), sums.toString());
        List<Integer> loop = fusedOpcodes(module, 3);
        assertTrue(loop.contains(Bytecode.LOCAL_GET_ADD_CONST_SET), loop.toString());
        assertTrue(loop.contains(Bytecode.LOCAL_GET_LOCAL_GET), loop.toString());
        assertEquals(List.of(Bytecode.LOCAL_GET_LOCAL_SET, Bytecode.CONST_LOAD, Bytecode.LOCAL_LOAD_CONST, Bytecode.I32_AND, Bytecode.I32_ADD,
                        Bytecode.LOCAL_GET, Bytecode.I32_MUL, Bytecode.RETURN), fusedOpcodes(module, 4));
    }

    @Test
    void fusesNothingWhereABranchLandsBetween() {
        ModuleDescription module = module();
        List<Integer> labels = fusedOpcodes(module, 2);
        assertFalse(labels.contains(Bytecode.LOCAL_GET_LOCAL_GET), labels.toString());
        assertFalse(labels.contains(Bytecode.LOCAL_GET_CONST), labels.toString());
        // The loop's first local.get $n (before the header) stays alone; the header is not fused into anything.
        List<Integer> loop = fusedOpcodes(module, 3);
        assertEquals(List.of(Bytecode.LOCAL_GET, Bytecode.LOOP_HEADER), loop.subList(0, 2), loop.toString());
    }

    @Test
    void fusedCodeComputesWhatItsInstructionsDo() {
        for (Engine.Builder engine : List.of(interpreted(), compiled())) {
            try (Engine e = engine.build(); Context context = Context.newBuilder("wasm-truffle").engine(e).build()) {
                Value exports = context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(Wat.compile(MODULE)), "operands.wasm").buildLiteral())
                                .newInstance().getMember("exports");
                assertEquals((7 - 300) & 0xff, exports.getMember("pairs").execute(7, 300).asInt());
                // a = 10: (10 + 4) * (18 - 3) + 15.
                assertEquals(14 * 15 + 15, exports.getMember("sums").execute(10).asInt());
                int a = Integer.MAX_VALUE;
                int c = a + 8 - 3;
                assertEquals((a + 4) * c + c, exports.getMember("sums").execute(a).asInt(), "wrapping");
                // No branch: (a - a) + (a - 1); branches taken: (100 - a) + (100 - 1).
                assertEquals(41, exports.getMember("labels").execute(42, 0).asInt());
                assertEquals(100 - 42 + 99, exports.getMember("labels").execute(42, 1).asInt());
                // n + 0 + 1 + ... + (n - 1).
                assertEquals(1000 + 999 * 1000 / 2, exports.getMember("loop").execute(1000).asInt());
                // mem[68] = 42, mem[64 + 4] & 0xf = 10; mem[60 + 4] = 16 & 0xf = 0.
                assertEquals((42 + 10) * 64, exports.getMember("moves").execute(64).asInt());
                assertEquals((42 + 0) * 60, exports.getMember("moves").execute(60).asInt());
                assertThrows(PolyglotException.class, () -> exports.getMember("moves").execute(65533), "out of bounds");
            }
        }
    }

    /** An engine that only interprets. */
    private static Engine.Builder interpreted() {
        return Engine.newBuilder("wasm-truffle").allowExperimentalOptions(true).option("engine.Compilation", "false");
    }

    /** An engine that compiles every function on its first call, before it runs. */
    private static Engine.Builder compiled() {
        return Engine.newBuilder("wasm-truffle").allowExperimentalOptions(true).option("engine.CompileImmediately", "true")
                        .option("engine.BackgroundCompilation", "false");
    }
}
