package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.interpreter.Opcodes.opcodes;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

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

/**
 * A {@code local.get} followed by a load or a store (and the {@code local.get} before those), an {@code i32.const}
 * followed by {@code i32.add} or {@code i32.sub} (and the {@code global.get} before, the {@code local.set} after),
 * an {@code i32.load} of a local's address followed by another {@code i32.load}, and a comparison followed by the
 * {@code br_if} or {@code if} that consumes it, become one instruction each, but never where a branch lands
 * between them.
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
                      ;; Stores the local $v at $p + 8 (both local.gets and the store fused), returns the byte there minus
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
                      (func $frame (export "frame") (param $n i32) (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
                        (local.set $n (i32.add (local.get $n) (i32.const 1)))
                        (i32.add (local.get $fp) (local.get $n)))
                      (func (export "labelBeforeSet") (param $x i32) (param $c i32) (result i32) (local $r i32)
                        (i32.add (local.get $x) (i32.const 1))
                        (block $b (param i32) (result i32)
                          (br_if $b (i32.const 100) (local.get $c))
                          (drop))
                        (local.set $r)
                        (local.get $r))
                      ;; A whole C frame: the prologue (global.get, sub, local.tee and global.set) and the epilogue
                      ;; (local.get, add and global.set) are one instruction each. Returns $n plus the stack pointer.
                      (func $balanced (export "balanced") (param $n i32) (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
                        (i32.store (local.get $fp) (local.get $n))
                        (global.set $sp (i32.add (local.get $fp) (i32.const 32)))
                        (i32.add (i32.load (local.get $fp)) (global.get $sp)))
                      ;; The block's end lies between the add and the global.set: the global gets 7 when $c, else 2032.
                      (func (export "labelBeforeGlobalSet") (param $c i32) (result i32) (local $fp i32)
                        (local.set $fp (i32.const 2000))
                        (i32.add (local.get $fp) (i32.const 32))
                        (block $b (param i32) (result i32)
                          (br_if $b (i32.const 7) (local.get $c))
                          (drop))
                        (global.set $sp)
                        (global.get $sp))
                      ;; $balanced copied into its caller, its locals moved.
                      (func (export "callsBalanced") (param $x i32) (param $n i32) (result i32)
                        (i32.add (local.get $x) (call $balanced (local.get $n)))))
                    """;

    private static final String CHAINS = """
                    (module
                      (memory (export "memory") 1)
                      (global $sp (mut i32) (i32.const 4096))
                      ;; A local stored at another local's address: both local.gets and the store fused.
                      (func (export "store") (param $p i32) (param $v i32)
                        (i32.store offset=4 (local.get $p) (local.get $v)))
                      (func (export "store64") (param $p i32) (param $v i64)
                        (i64.store16 offset=2 (local.get $p) (local.get $v)))
                      ;; The block's end lies between the two local.gets: the address is $q when $c, else $p.
                      (func (export "labelBeforeStore") (param $p i32) (param $q i32) (param $v i32) (param $c i32)
                        (block $b (result i32)
                          (local.get $q)
                          (br_if $b (local.get $c))
                          (drop)
                          (local.get $p))
                        (local.get $v)
                        (i32.store))
                      ;; A pointer chased: the local's load and the load of what it found, fused.
                      (func (export "chase") (param $p i32) (result i32)
                        (i32.load offset=8 (i32.load offset=4 (local.get $p))))
                      ;; The block's end lies between the two loads: the second reads at $q when $c.
                      (func (export "labelBeforeSecondLoad") (param $p i32) (param $q i32) (param $c i32) (result i32)
                        (block $b (result i32)
                          (local.get $q)
                          (br_if $b (local.get $c))
                          (drop)
                          (i32.load (local.get $p)))
                        (i32.load))
                      ;; A C prologue: the stack pointer moved down into a local (tee), or into a local only (set).
                      (func (export "prologueTee") (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
                        (local.get $fp))
                      (func (export "prologueSet") (result i32) (local $fp i32)
                        (local.set $fp (i32.add (global.get $sp) (i32.const 8)))
                        (local.get $fp))
                      ;; The block's end lies between the global.get and the constant: the sum is 500 + 16 when $c.
                      (func (export "labelBeforeConstant") (param $c i32) (result i32) (local $l i32)
                        (block $b (result i32)
                          (i32.const 500)
                          (br_if $b (local.get $c))
                          (drop)
                          (global.get $sp))
                        (i32.const 16)
                        (i32.add)
                        (local.set $l)
                        (local.get $l)))
                    """;

    @Test
    void fusesStoresOfLocalsAtLocalsChasedPointersAndPrologues() {
        byte[] binary = Wat.compile(CHAINS);
        ModuleDescription module = ModuleDecoder.decode("chains.wasm", binary);
        ModuleValidator.validate(module);
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_STORE, 0, 1, Bytecode.I32_STORE, 4}, Arrays.copyOf(code(module, 0), 5));
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_STORE, 0, 1, Bytecode.I64_STORE16, 2}, Arrays.copyOf(code(module, 1), 5));
        int[] labelBeforeStore = code(module, 2);
        assertFalse(opcodes(labelBeforeStore).contains(Bytecode.LOCAL_GET_LOCAL_STORE), Arrays.toString(labelBeforeStore));
        assertTrue(opcodes(labelBeforeStore).contains(Bytecode.LOCAL_STORE), Arrays.toString(labelBeforeStore));
        assertArrayEquals(new int[]{Bytecode.LOCAL_LOAD_LOAD, 0, Bytecode.I32_LOAD, 4, Bytecode.I32_LOAD, 8}, Arrays.copyOf(code(module, 3), 6));
        int[] labelBeforeSecondLoad = code(module, 4);
        assertFalse(opcodes(labelBeforeSecondLoad).contains(Bytecode.LOCAL_LOAD_LOAD), Arrays.toString(labelBeforeSecondLoad));
        assertEquals(Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET, code(module, 5)[0], Arrays.toString(code(module, 5)));
        assertEquals(Bytecode.GLOBAL_GET_ADD_CONST_SET, code(module, 6)[0], Arrays.toString(code(module, 6)));
        int[] labelBeforeConstant = code(module, 7);
        assertFalse(opcodes(labelBeforeConstant).contains(Bytecode.GLOBAL_GET_ADD_CONST_SET), Arrays.toString(labelBeforeConstant));
        assertTrue(opcodes(labelBeforeConstant).contains(Bytecode.I32_ADD_CONST_SET), Arrays.toString(labelBeforeConstant));
    }

    @Test
    void chainedFusionsComputeWhatTheirInstructionsDoInterpreted() {
        checkChains(interpreted());
    }

    @Test
    void chainedFusionsComputeWhatTheirInstructionsDoCompiled() {
        checkChains(compiled());
    }

    private static void checkChains(Engine.Builder engineBuilder) {
        try (Engine engine = engineBuilder.build(); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
            Value exports = exports(context, Wat.compile(CHAINS), "chains.wasm");
            Value memory = exports.getMember("memory");
            exports.getMember("store").execute(100, 0x11223344);
            assertEquals(0x11223344, memory.readBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 104));
            exports.getMember("store64").execute(200, 0x7777_5566L);
            assertEquals((short) 0x5566, memory.readBufferShort(java.nio.ByteOrder.LITTLE_ENDIAN, 202));
            exports.getMember("labelBeforeStore").execute(300, 400, 5, 0);
            exports.getMember("labelBeforeStore").execute(300, 400, 6, 1);
            assertEquals(5, memory.readBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 300), "stored at $p");
            assertEquals(6, memory.readBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 400), "stored at $q");
            // 1000 + 4 holds 2000; 2000 + 8 holds 42. 3000 holds 77.
            memory.writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 1004, 2000);
            memory.writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 2008, 42);
            memory.writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 3000, 77);
            memory.writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 3500, 3000);
            assertEquals(42, exports.getMember("chase").execute(1000).asInt());
            assertEquals(77, exports.getMember("labelBeforeSecondLoad").execute(3500, 3000, 0).asInt(), "two loads from $p");
            assertEquals(3000, exports.getMember("labelBeforeSecondLoad").execute(3500, 3500, 1).asInt(), "one load at $q");
            assertEquals(4096 - 32, exports.getMember("prologueTee").execute().asInt());
            assertEquals(4096 - 64, exports.getMember("prologueTee").execute().asInt(), "the stack pointer moved");
            assertEquals(4096 - 64 + 8, exports.getMember("prologueSet").execute().asInt());
            assertEquals(4096 - 64 + 16, exports.getMember("labelBeforeConstant").execute(0).asInt(), "the global plus 16");
            assertEquals(516, exports.getMember("labelBeforeConstant").execute(1).asInt(), "500 from the branch plus 16");
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

    /** The exports of a new instance of {@code binary}. */
    private static Value exports(Context context, byte[] binary, String name) {
        return context.eval(org.graalvm.polyglot.Source.newBuilder("wasm-truffle", org.graalvm.polyglot.io.ByteSequence.create(binary), name).buildLiteral())
                        .newInstance().getMember("exports");
    }

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
        assertFalse(opcodes(label).contains(Bytecode.LOCAL_LOAD), Arrays.toString(label));
        assertEquals(Bytecode.I32_LOAD, label[label.length - 4], "an unfused load before the return (RETURN height): " + Arrays.toString(label));
        int[] pair = code(module, 2);
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_LOAD, 0, 1, Bytecode.I32_LOAD, 4}, Arrays.copyOf(pair, 5), Arrays.toString(pair));
        int[] pair64 = code(module, 3);
        assertArrayEquals(new int[]{Bytecode.LOCAL_GET_LOCAL_LOAD, 0, 1, Bytecode.I64_LOAD8_U, 1}, Arrays.copyOf(pair64, 5), Arrays.toString(pair64));
        int[] loopBetween = code(module, 4);
        assertFalse(opcodes(loopBetween).contains(Bytecode.LOCAL_GET_LOCAL_LOAD), Arrays.toString(loopBetween));
        assertEquals(Bytecode.LOCAL_GET, loopBetween[0], Arrays.toString(loopBetween));
        assertTrue(opcodes(loopBetween).contains(Bytecode.LOCAL_LOAD), Arrays.toString(loopBetween));
    }

    @Test
    void fusedAndUnfusedCodeComputeTheSame() {
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = exports(context, Wat.compile(MODULE), "fusion.wasm");
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
        int[] summaries = ModuleValidator.validate(module);
        int[] fused = code(module, 0);
        assertEquals(Bytecode.LOCAL_GET_LOCAL_STORE, fused[0], Arrays.toString(fused));
        assertEquals(2, opcodes(fused).stream().filter(op -> op == Bytecode.I32_ADD_CONST).count(), Arrays.toString(fused));
        int[] label = code(module, 1);
        assertFalse(opcodes(label).contains(Bytecode.I32_ADD_CONST), Arrays.toString(label));
        int[] frame = code(module, 2);
        // The global.get of the stack pointer joins the add, the local.tee and the global.set; the increment stays an
        // add and a set.
        assertEquals(Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET, frame[0], Arrays.toString(frame));
        assertFalse(opcodes(frame).contains(Bytecode.GLOBAL_SET), Arrays.toString(frame));
        assertFalse(opcodes(frame).contains(Bytecode.I32_ADD_CONST_TEE), Arrays.toString(frame));
        assertEquals(1, opcodes(frame).stream().filter(op -> op == Bytecode.I32_ADD_CONST_SET).count(), Arrays.toString(frame));
        int[] labelBeforeSet = code(module, 3);
        assertEquals(Bytecode.I32_ADD_CONST, labelBeforeSet[2], Arrays.toString(labelBeforeSet));
        assertFalse(opcodes(labelBeforeSet).contains(Bytecode.I32_ADD_CONST_SET), Arrays.toString(labelBeforeSet));
        List<Integer> balanced = opcodes(code(module, 4));
        assertEquals(Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET, balanced.get(0), balanced.toString());
        assertTrue(balanced.contains(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET), balanced.toString());
        assertFalse(balanced.contains(Bytecode.GLOBAL_SET), balanced.toString());
        List<Integer> labelBeforeGlobalSet = opcodes(code(module, 5));
        assertFalse(labelBeforeGlobalSet.contains(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET), labelBeforeGlobalSet.toString());
        assertTrue(labelBeforeGlobalSet.contains(Bytecode.GLOBAL_SET), labelBeforeGlobalSet.toString());
        int[] copied = FunctionValidator.translate(module, 6, 0, summaries, true).code();
        assertFalse(opcodes(copied).contains(Bytecode.CALL), "inlined: " + Arrays.toString(copied));
        assertTrue(opcodes(copied).contains(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET), Arrays.toString(copied));
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = exports(context, binary, "arithmetic.wasm");
            assertEquals(0xAB - 0x80000000 + 5, exports.getMember("storeAndAdd").execute(32, 0x1AB).asInt());
            assertEquals((byte) 0xAB, exports.getMember("memory").readBufferByte(40));
            assertEquals(107, exports.getMember("labelBeforeAdd").execute(7, 1).asInt(), "the branch's value, 100");
            assertEquals(10, exports.getMember("labelBeforeAdd").execute(7, 0).asInt(), "the constant, 3");
            assertEquals(984 + 6, exports.getMember("frame").execute(5).asInt(), "the new stack pointer plus n + 1");
            assertEquals(968, exports.getMember("frame").execute(-1).asInt(), "the stack pointer moved down again");
            assertEquals(100, exports.getMember("labelBeforeSet").execute(7, 1).asInt(), "the branch's value");
            assertEquals(8, exports.getMember("labelBeforeSet").execute(7, 0).asInt(), "the sum");
            assertEquals(5 + 968, exports.getMember("balanced").execute(5).asInt(), "n plus the stack pointer, restored");
            assertEquals(6 + 968, exports.getMember("balanced").execute(6).asInt(), "the stack pointer restored again");
            assertEquals(5 + 6 + 968, exports.getMember("callsBalanced").execute(5, 6).asInt(), "inlined: the same");
            assertEquals(6, exports.getMember("memory").readBufferInt(ByteOrder.LITTLE_ENDIAN, 968 - 32), "n, stored at the frame pointer");
            assertEquals(2032, exports.getMember("labelBeforeGlobalSet").execute(0).asInt(), "the sum");
            assertEquals(7, exports.getMember("labelBeforeGlobalSet").execute(1).asInt(), "the branch's value");
        }
    }

    /** The comparisons, by value type: the text names of the wasm instructions from i32.eqz to f64.ge. */
    private static final String[][] COMPARISONS = {
        {"i32", "eqz", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"},
        {"i64", "eqz", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"},
        {"f32", "eq", "ne", "lt", "gt", "le", "ge"},
        {"f64", "eq", "ne", "lt", "gt", "le", "ge"},
    };

    /** Operands for each type: signed and unsigned extremes, signed zeros, infinities and a NaN. */
    private static final Object[][] OPERANDS = {
        {0, 1, -1, 7, Integer.MIN_VALUE, Integer.MAX_VALUE},
        {0L, 1L, -1L, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE},
        {0f, -0f, 1.5f, -2f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY},
        {0d, -0d, 1.5d, -2d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
    };

    /**
     * For every comparison: the comparison alone (not fused: its result is returned), the comparison with a
     * {@code br_if} that consumes it, and with an {@code if}; each returns 1 when it holds and 0 otherwise.
     */
    private static String comparisonModule() {
        StringBuilder wat = new StringBuilder("(module\n");
        for (String[] type : COMPARISONS) {
            for (int i = 1; i < type.length; i++) {
                String t = type[0];
                String op = t + "." + type[i];
                boolean unary = type[i].equals("eqz");
                String params = unary ? "(param " + t + ")" : "(param " + t + " " + t + ")";
                String operands = unary ? "(local.get 0)" : "(local.get 0) (local.get 1)";
                wat.append("  (func (export \"plain ").append(op).append("\") ").append(params).append(" (result i32) (").append(op).append(' ').append(operands).append("))\n");
                wat.append("  (func (export \"br_if ").append(op).append("\") ").append(params).append(" (result i32)\n")
                                .append("    (block $b (result i32) (i32.const 1) (").append(op).append(' ').append(operands).append(") (br_if $b) (drop) (i32.const 0)))\n");
                wat.append("  (func (export \"if ").append(op).append("\") ").append(params).append(" (result i32)\n")
                                .append("    (").append(op).append(' ').append(operands).append(") (if (result i32) (then (i32.const 1)) (else (i32.const 0))))\n");
            }
        }
        // The end of block $b, where a branch lands, lies between the comparison and the br_if (and the if):
        // they must consume whichever value reached the label (1 from the branch, the comparison otherwise).
        wat.append("""
                          (func (export "labelBeforeBrIf") (param i32 i32 i32) (result i32)
                            (block $out (result i32)
                              (i32.const 7)
                              (block $b (result i32)
                                (br_if $b (i32.const 1) (local.get 2))
                                (drop)
                                (i32.lt_s (local.get 0) (local.get 1)))
                              (br_if $out)
                              (drop)
                              (i32.const 9)))
                          (func (export "labelBeforeIf") (param i32 i32 i32) (result i32)
                            (block $b (result i32)
                              (br_if $b (i32.const 1) (local.get 2))
                              (drop)
                              (i32.lt_s (local.get 0) (local.get 1)))
                            (if (result i32) (then (i32.const 7)) (else (i32.const 9))))
                        )
                        """);
        return wat.toString();
    }

    @Test
    void fusesComparisonsWithTheBranchesThatConsumeThem() {
        byte[] binary = Wat.compile(comparisonModule());
        ModuleDescription module = ModuleDecoder.decode("comparisons.wasm", binary);
        ModuleValidator.validate(module);
        int function = 0;
        for (String[] type : COMPARISONS) {
            for (int i = 1; i < type.length; i++) {
                String op = type[0] + "." + type[i];
                int[] plain = code(module, function++);
                int opcode = plain[plain.length - 3];
                // The fused branches keep the comparison's binary opcode.
                int comparison = Bytecode.binaryOpcode(opcode);
                assertTrue(Bytecode.isComparison(comparison), op + ": " + Arrays.toString(plain));
                int[] brIf = code(module, function++);
                assertTrue(containsInstruction(brIf, Bytecode.BR_IF_COMPARE, 5, comparison), op + ": " + Arrays.toString(brIf));
                assertFalse(opcodes(brIf).contains(opcode), op + ": " + Arrays.toString(brIf));
                int[] ifCode = code(module, function++);
                assertTrue(containsInstruction(ifCode, Bytecode.JUMP_UNLESS_COMPARE, 3, comparison), op + ": " + Arrays.toString(ifCode));
                assertFalse(opcodes(ifCode).contains(opcode), op + ": " + Arrays.toString(ifCode));
            }
        }
        for (int labelled = function; labelled < function + 2; labelled++) {
            int[] code = code(module, labelled);
            List<Integer> opcodes = opcodes(code);
            assertTrue(opcodes.contains(Bytecode.I32_LT_S), Arrays.toString(code));
            assertFalse(opcodes.contains(Bytecode.BR_IF_COMPARE) || opcodes.contains(Bytecode.JUMP_UNLESS_COMPARE), Arrays.toString(code));
        }
    }

    private static boolean containsInstruction(int[] code, int opcode, int comparisonOffset, int comparison) {
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            if (code[pc] == opcode && code[pc + comparisonOffset] == comparison) {
                return true;
            }
        }
        return false;
    }

    private static final String STACK_FRAME = """
                    (module
                      (global $sp (mut i32) (i32.const 1024))
                      ;; A C frame, prologue and epilogue fused; returns the frame pointer plus $n, leaves $sp as it was.
                      (func $frame (export "frame") (param $n i32) (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 48))))
                        (local.set $n (i32.add (local.get $fp) (local.get $n)))
                        (global.set $sp (i32.add (local.get $fp) (i32.const 48)))
                        (local.get $n))
                      (func (export "sp") (result i32) (global.get $sp))
                      ;; The local read back is not the one set: no epilogue fused.
                      (func (export "otherLocal") (param $n i32) (result i32) (local $fp i32) (local $r i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 48))))
                        (local.set $r (i32.add (local.get $fp) (local.get $n)))
                        (global.set $sp (i32.add (local.get $fp) (i32.const 48)))
                        (local.get $n))
                      ;; The block's end lies between the local.set and the epilogue: $n stays as passed when $c.
                      (func (export "labelAfterSet") (param $n i32) (param $c i32) (result i32) (local $fp i32)
                        (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 48))))
                        (block $b
                          (br_if $b (local.get $c))
                          (local.set $n (i32.add (local.get $fp) (local.get $n))))
                        (global.set $sp (i32.add (local.get $fp) (i32.const 48)))
                        (local.get $n))
                      ;; Calls the frame, whose copy is inlined here.
                      (func (export "callsFrame") (param $n i32) (result i32)
                        (i32.add (call $frame (local.get $n)) (i32.const 1))))
                    """;

    @Test
    void fusedPrologueAndEpilogueMoveTheStackPointerInterpretedAndCompiled() {
        ModuleDescription module = ModuleDecoder.decode("frame.wasm", Wat.compile(STACK_FRAME));
        int[] summaries = ModuleValidator.validate(module);
        List<Integer> copied = opcodes(FunctionValidator.translate(module, 4, 0, summaries, true).code());
        assertTrue(copied.contains(Bytecode.EPILOGUE) && !copied.contains(Bytecode.CALL), "inlined: " + copied);
        List<Integer> frame = opcodes(code(module, 0));
        assertTrue(frame.containsAll(List.of(Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET, Bytecode.EPILOGUE)), frame.toString());
        assertFalse(frame.contains(Bytecode.LOCAL_SET) || frame.contains(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET), frame.toString());
        for (int f = 2; f <= 3; f++) {
            List<Integer> notFused = opcodes(code(module, f));
            assertFalse(notFused.contains(Bytecode.EPILOGUE), "function " + f + ": " + notFused);
            assertTrue(notFused.contains(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET), "function " + f + ": " + notFused);
        }
        for (Engine.Builder engineBuilder : List.of(interpreted(), compiled())) {
            try (Engine engine = engineBuilder.build(); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
                Value exports = exports(context, Wat.compile(STACK_FRAME), "frame.wasm");
                assertEquals(1024 - 48 + 5, exports.getMember("frame").execute(5).asInt());
                assertEquals(1024, exports.getMember("sp").execute().asInt(), "the stack pointer restored");
                assertEquals(1024 - 48 - 7, exports.getMember("frame").execute(-7).asInt());
                assertEquals(1024, exports.getMember("sp").execute().asInt(), "the stack pointer restored");
                assertEquals(9, exports.getMember("otherLocal").execute(9).asInt());
                assertEquals(1024, exports.getMember("sp").execute().asInt(), "the stack pointer restored");
                assertEquals(1024 - 48 + 5, exports.getMember("labelAfterSet").execute(5, 0).asInt());
                assertEquals(5, exports.getMember("labelAfterSet").execute(5, 1).asInt(), "the branch skipped the set");
                assertEquals(1024, exports.getMember("sp").execute().asInt(), "the stack pointer restored");
                assertEquals(1024 - 48 + 5 + 1, exports.getMember("callsFrame").execute(5).asInt(), "the copy's result");
                assertEquals(1024, exports.getMember("sp").execute().asInt(), "the stack pointer restored");
            }
        }
    }

    private static final String IN_PLACE = """
                    (module
                      (memory (export "memory") 1)
                      ;; A reference count's increment and decrement: the i32 at $p plus 12, updated in place.
                      (func $incref (export "incref") (param $p i32)
                        (i32.store offset=12 (local.get $p) (i32.add (i32.load offset=12 (local.get $p)) (i32.const 1))))
                      (func (export "decref") (param $p i32)
                        (i32.store offset=12 (local.get $p) (i32.sub (i32.load offset=12 (local.get $p)) (i32.const 1))))
                      ;; Loaded at one local's address, stored at another's: not in place.
                      (func (export "otherLocal") (param $p i32) (param $q i32)
                        (i32.store (local.get $q) (i32.add (i32.load (local.get $p)) (i32.const 5))))
                      ;; Stored at another offset: not in place.
                      (func (export "otherOffset") (param $p i32)
                        (i32.store offset=4 (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 5))))
                      ;; The block's end lies between the load and the constant: when $c, 7 + 100 is stored at 600.
                      (func (export "labelBeforeConstant") (param $p i32) (param $c i32)
                        (block $b (result i32 i32)
                          (i32.const 600)
                          (i32.const 7)
                          (br_if $b (local.get $c))
                          (drop)
                          (drop)
                          (local.get $p)
                          (i32.load (local.get $p)))
                        (i32.const 100)
                        (i32.add)
                        (i32.store))
                      ;; A small function whose copy is inlined into its caller.
                      (func (export "twice") (param $p i32)
                        (call $incref (local.get $p))
                        (call $incref (local.get $p))))
                    """;

    @Test
    void fusesAnI32UpdatedInPlaceAtALocalsAddress() {
        byte[] binary = Wat.compile(IN_PLACE);
        ModuleDescription module = ModuleDecoder.decode("in-place.wasm", binary);
        int[] summaries = ModuleValidator.validate(module);
        assertArrayEquals(new int[]{Bytecode.I32_ADD_CONST_AT_LOCAL, 0, 0, Bytecode.I32_LOAD, 12, Bytecode.I32_ADD_CONST, 1, Bytecode.I32_STORE, 12},
                        Arrays.copyOf(code(module, 0), 9));
        assertArrayEquals(new int[]{Bytecode.I32_ADD_CONST_AT_LOCAL, 0, 0, Bytecode.I32_LOAD, 12, Bytecode.I32_ADD_CONST, -1, Bytecode.I32_STORE, 12},
                        Arrays.copyOf(code(module, 1), 9));
        for (int f = 2; f <= 4; f++) {
            List<Integer> notInPlace = opcodes(code(module, f));
            assertFalse(notInPlace.contains(Bytecode.I32_ADD_CONST_AT_LOCAL), "function " + f + ": " + notInPlace);
        }
        assertTrue(opcodes(code(module, 4)).contains(Bytecode.LOCAL_GET_LOCAL_LOAD), "the load before the label fused as usual");
        int[] copied = FunctionValidator.translate(module, 5, 0, summaries, true).code();
        assertFalse(opcodes(copied).contains(Bytecode.CALL), "inlined: " + Arrays.toString(copied));
        assertEquals(2, opcodes(copied).stream().filter(op -> op == Bytecode.I32_ADD_CONST_AT_LOCAL).count(), Arrays.toString(copied));
        for (Engine.Builder engineBuilder : List.of(interpreted(), compiled())) {
            try (Engine engine = engineBuilder.build(); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
                Value exports = exports(context, binary, "in-place.wasm");
                Value memory = exports.getMember("memory");
                memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 112, 41);
                exports.getMember("incref").execute(100);
                assertEquals(42, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 112));
                exports.getMember("decref").execute(100);
                exports.getMember("decref").execute(100);
                assertEquals(40, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 112));
                exports.getMember("twice").execute(100);
                assertEquals(42, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 112), "two increments in the copies");
                memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 200, 10);
                exports.getMember("otherLocal").execute(200, 300);
                assertEquals(15, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 300));
                exports.getMember("otherOffset").execute(200);
                assertEquals(15, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 204));
                memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 400, 3);
                exports.getMember("labelBeforeConstant").execute(400, 0);
                assertEquals(103, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 400), "the i32 there plus 100");
                exports.getMember("labelBeforeConstant").execute(400, 1);
                assertEquals(107, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 600), "7 from the branch plus 100");
                assertEquals(103, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 400), "unchanged");
                // The last four bytes of the memory can be updated; one byte further out traps and writes nothing.
                exports.getMember("incref").execute(65536 - 16);
                assertEquals(1, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65532));
                PolyglotException trap = assertThrows(PolyglotException.class, () -> exports.getMember("incref").execute(65536 - 15));
                assertTrue(trap.getMessage().contains("out of bounds memory access"), trap.getMessage());
                assertEquals(1, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65532));
            }
        }
    }

    @Test
    void fusedComparisonsBranchAsTheirResultsSayInterpreted() {
        checkComparisons(interpreted());
    }

    @Test
    void fusedComparisonsBranchAsTheirResultsSayCompiled() {
        checkComparisons(compiled());
    }

    private static void checkComparisons(Engine.Builder engineBuilder) {
        byte[] binary = Wat.compile(comparisonModule());
        try (Engine engine = engineBuilder.build(); Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
            Value exports = exports(context, binary, "comparisons.wasm");
            for (int t = 0; t < COMPARISONS.length; t++) {
                for (int i = 1; i < COMPARISONS[t].length; i++) {
                    String op = COMPARISONS[t][0] + "." + COMPARISONS[t][i];
                    boolean unary = COMPARISONS[t][i].equals("eqz");
                    for (Object a : OPERANDS[t]) {
                        for (Object b : unary ? new Object[]{null} : OPERANDS[t]) {
                            Object[] args = unary ? new Object[]{a} : new Object[]{a, b};
                            int expected = expected(op, a, b);
                            String what = op + " " + Arrays.toString(args);
                            assertEquals(expected, exports.getMember("plain " + op).execute(args).asInt(), what);
                            assertEquals(expected, exports.getMember("br_if " + op).execute(args).asInt(), what);
                            assertEquals(expected, exports.getMember("if " + op).execute(args).asInt(), what);
                        }
                    }
                }
            }
            for (int c = 0; c <= 1; c++) {
                for (int a = -1; a <= 1; a++) {
                    int expected = c != 0 || a < 0 ? 7 : 9;
                    assertEquals(expected, exports.getMember("labelBeforeBrIf").execute(a, 0, c).asInt(), "a=" + a + " c=" + c);
                    assertEquals(expected, exports.getMember("labelBeforeIf").execute(a, 0, c).asInt(), "a=" + a + " c=" + c);
                }
            }
        }
    }

    /** What comparison {@code op} gives, computed in Java from the operator's definition. */
    private static int expected(String op, Object x, Object y) {
        String name = op.substring(4);
        boolean r;
        if (op.startsWith("i")) {
            long a = ((Number) x).longValue();
            long b = y == null ? 0 : ((Number) y).longValue();
            boolean wide = op.startsWith("i64");
            long ua = wide ? a : a & 0xFFFFFFFFL;
            long ub = wide ? b : b & 0xFFFFFFFFL;
            int unsigned = Long.compareUnsigned(ua, ub);
            r = switch (name) {
                case "eqz" -> a == 0;
                case "eq" -> a == b;
                case "ne" -> a != b;
                case "lt_s" -> a < b;
                case "lt_u" -> unsigned < 0;
                case "gt_s" -> a > b;
                case "gt_u" -> unsigned > 0;
                case "le_s" -> a <= b;
                case "le_u" -> unsigned <= 0;
                case "ge_s" -> a >= b;
                default -> unsigned >= 0;
            };
        } else {
            double a = ((Number) x).doubleValue();
            double b = y == null ? 0 : ((Number) y).doubleValue();
            r = switch (name) {
                case "eq" -> a == b;
                case "ne" -> a != b;
                case "lt" -> a < b;
                case "gt" -> a > b;
                case "le" -> a <= b;
                default -> a >= b;
            };
        }
        return r ? 1 : 0;
    }
}
