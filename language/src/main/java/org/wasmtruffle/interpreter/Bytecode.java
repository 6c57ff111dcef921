package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

import java.util.Arrays;

/**
 * The opcodes of the per-function bytecode that {@link BytecodeNode} interprets. A function body is
 * translated into an {@code int[]}: an opcode followed by its immediates. Most WebAssembly instructions map
 * one-to-one to an opcode (numeric instructions, loads and stores, constants, {@code local.*}, ...), others to
 * fused opcodes of their own. Structured control flow is gone: blocks become nothing, branches become jumps with
 * precomputed targets and stack adjustments, so the interpreter never searches for a label.
 *
 * <p>The opcodes are numbered by how often the interpreter runs them, the commonest first ({@link #LOCAL_LOAD} is
 * 0), not by their binary opcodes ({@link #ofBinary} and {@link #binaryOpcode} convert). HotSpot's C1, which
 * compiles the interpreter loop in the JVM launcher, makes a {@code switch} a chain of comparisons in the order of
 * its keys, not a jump table: the case for key {@code n} is reached after about {@code n} tests. The order comes from
 * counting the dispatches of CPython's start-up and two Python workloads (weighted three times) and of the ten C
 * kernels of {@code bench/}; the opcodes of one case of the loop are consecutive, so that C1 tests them as one range.
 * Then come the numeric instructions without a case of their own (the loop's default case), and last the rare
 * instructions (under one dispatch in a thousand in all of those runs: bulk memory, tables, references,
 * {@code unreachable}, ...). Numbered above the loop's largest case, the default case's instructions would leave the
 * ahead-of-time compiled interpreter's jump table through a test of their own, and its register allocator then kept
 * two values on the stack at every dispatch. Partial evaluation (a constant opcode) does not depend on the numbering.
 *
 * <p>Stack slots: locals occupy frame slots {@code [0, localCount)}, the operand stack the slots above.
 * Every slot is a static frame slot, holding the primitive (i32, i64, f32, f64) or the reference that the
 * validated program puts there.
 */
public final class Bytecode {
    private Bytecode() {
    }

    /** Trap: unreachable. */
    public static final int UNREACHABLE = 205;
    /**
     * {@code LOOP_HEADER outermost height}: the entry of a loop, whose backward branches go to the next instruction;
     * height = operand stack slot index there; outermost = where the backward branches of the outermost loop that
     * encloses this one go, or -1 if none does (the interpreter prefers to replace that loop by compiled code: see
     * {@code BytecodeNode}'s back edges). The interpreter does nothing here. Compiled code clears the stack slots from
     * there up, as backward branches do: the slots hold no live value at the loop's start, and cleared on every way in
     * they need no loop phi (which deoptimization states would keep alive).
     */
    public static final int LOOP_HEADER = 66;
    /**
     * {@code JUMP_IF_ZERO target profile}: pops an i32; jumps to target when it is zero. {@code profile} (here and
     * in {@link #BR_IF} and {@link #BR_TABLE}) numbers a branch profile of the function: which ways the
     * interpreter has gone, so that compiled code contains only those and deoptimizes on the others.
     */
    public static final int JUMP_IF_ZERO = 11;
    /**
     * {@code JUMP_UNLESS_COMPARE target profile compareBinary}: a comparison ({@code i32.eqz} ... {@code f64.ge}, by
     * its binary opcode 0x45..0x66, as {@code NumericInstructions} takes it) fused with the {@code if} that consumes
     * its result: pops the comparison's operands and jumps to target unless it holds. Compiled code branches on the
     * comparison itself, not on an i32 made from it.
     */
    public static final int JUMP_UNLESS_COMPARE = 12;
    /**
     * {@code BR_IF_COMPARE target arity height profile compareBinary}: a comparison (its binary opcode) fused with the
     * {@code br_if} that consumes its result: pops the comparison's operands; if it holds, as {@link #BR}.
     */
    public static final int BR_IF_COMPARE = 1;
    /**
     * {@code REGION_ENTRY region height}: does nothing, and marks where a region of a huge function begins: a case of
     * a large {@code br_table} (the dispatch of an interpreter loop), which continues up to the next region's entry.
     * Compiled code of the function calls a region as a call target of its own, sharing the function's frame,
     * instead of holding all cases in one compilation unit too big to compile in reasonable time (or to install);
     * the region returns where the function goes on. {@code height} is the operand stack slot index there.
     */
    public static final int REGION_ENTRY = 206;
    /** {@code BR target arity height}: moves the top arity values to slots [height, height+arity) and jumps. */
    public static final int BR = 2;
    /** {@code BR_IF target arity height profile}: pops an i32; if nonzero, as {@link #BR}. */
    public static final int BR_IF = 3;
    /**
     * {@code BR_TABLE count profile (target arity height)*(count+1)}: pops an index; the last entry is the
     * default. Entry i has the profile {@code profile + i}.
     */
    public static final int BR_TABLE = 65;
    /** {@code RETURN height}: returns the top values (count from the function type); height = operand stack slot index there. */
    public static final int RETURN = 50;
    /** {@code CALL functionIndex callSite}: calls a function defined in this module. */
    public static final int CALL = 53;
    /** {@code CALL_INDIRECT typeIndex tableIndex callSite}. */
    public static final int CALL_INDIRECT = 71;
    /** {@code CALL_IMPORT functionIndex callSite}: calls an imported function (a per-instance value). */
    public static final int CALL_IMPORT = 201;
    /** {@code JUMP target}: jumps forward with no stack adjustment. */
    public static final int JUMP = 84;

    public static final int DROP = 83;
    /** {@code SELECT}: typed and untyped select alike. */
    public static final int SELECT = 77;
    /** {@code LOCAL_GET index}. */
    public static final int LOCAL_GET = 7;
    public static final int LOCAL_SET = 16;
    public static final int LOCAL_TEE = 6;
    /**
     * {@code LOCAL_LOAD index loadOpcode offset}: {@code local.get index} fused with the load that follows it
     * ({@code loadOpcode offset}, one of {@link #I32_LOAD} ... {@link #I64_LOAD32_U}).
     */
    public static final int LOCAL_LOAD = 0;
    /**
     * {@code LOCAL_GET_LOCAL_LOAD first index loadOpcode offset}: {@code local.get first} followed by a
     * {@link #LOCAL_LOAD} (the second commonest pair in compiled C, after {@code local.get} + load itself).
     */
    public static final int LOCAL_GET_LOCAL_LOAD = 8;
    /**
     * {@code LOCAL_STORE index storeOpcode offset}: {@code local.get index} fused with the store that follows it
     * ({@code storeOpcode offset}, one of {@link #I32_STORE} ... {@link #I64_STORE32}): the local is the value
     * stored, the address is on the stack.
     */
    public static final int LOCAL_STORE = 46;
    /**
     * {@code LOCAL_GET_LOCAL_STORE addressLocal valueLocal storeOpcode offset}: {@code local.get addressLocal} followed by
     * a {@link #LOCAL_STORE}: stores a local at another local's address, with nothing on the stack.
     */
    public static final int LOCAL_GET_LOCAL_STORE = 15;
    /**
     * {@code LOCAL_LOAD_LOAD local I32_LOAD offset I32_LOAD secondOffset}: a {@link #LOCAL_LOAD} of an i32 followed by
     * an {@code i32.load} of the address it loaded (a pointer chased: {@code p->a->b}). Its words are those of the
     * two instructions it replaces, the second's opcode unused.
     */
    public static final int LOCAL_LOAD_LOAD = 31;
    /**
     * {@code GLOBAL_GET_ADD_CONST_SET global typeCode unused value index}: an i32 {@code global.get} followed by an
     * {@link #I32_ADD_CONST_SET} (a C function's prologue moving the stack pointer into a local). Its words are those
     * of the two instructions it replaces, the second's opcode unused.
     */
    public static final int GLOBAL_GET_ADD_CONST_SET = 48;
    /** {@code GLOBAL_GET_ADD_CONST_TEE global typeCode unused value index}: as {@link #GLOBAL_GET_ADD_CONST_SET} with a {@link #I32_ADD_CONST_TEE}. */
    public static final int GLOBAL_GET_ADD_CONST_TEE = 49;
    /**
     * {@code GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET global typeCode unused value index unused setGlobal typeCode}: a
     * {@link #GLOBAL_GET_ADD_CONST_TEE} followed by an i32 {@code global.set} of the sum, which leaves nothing on the
     * stack (a C function's prologue: the stack pointer moved down, kept in the frame pointer local and stored back).
     * Its words are those of the two instructions it replaces, the second's opcode unused.
     */
    public static final int GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET = 51;
    /**
     * {@code LOCAL_GET_ADD_CONST_GLOBAL_SET index unused value unused global typeCode}: {@code local.get index} and an
     * {@link #I32_ADD_CONST} followed by an i32 {@code global.set} of the sum (a C function's epilogue: the stack
     * pointer restored from the frame pointer). Its words are those of the three instructions it replaces, the
     * others' opcodes unused.
     */
    public static final int LOCAL_GET_ADD_CONST_GLOBAL_SET = 63;
    /**
     * {@code EPILOGUE result unused index unused value unused global typeCode unused result}: a {@code local.set result},
     * a {@link #LOCAL_GET_ADD_CONST_GLOBAL_SET} and a {@code local.get result}: the value on top of the stack stays there
     * and is copied to local {@code result}, and the i32 global gets local {@code index} plus {@code value} (a C
     * function's epilogue: the result kept, the stack pointer restored from the frame pointer, the result read back to
     * be returned). Its words are those of the three instructions it replaces, the others' opcodes unused.
     */
    public static final int EPILOGUE = 56;
    /**
     * {@code LOCAL_GET_LOCAL_GET first unused second}: two {@code local.get}s (operands of what follows: a comparison,
     * an arithmetic operator). Made after translation, by {@link OperandFuser}, as are the others below up to
     * {@link #LOCAL_LOAD_CONST}; its words are those of the two instructions it replaces, the second's opcode unused.
     */
    public static final int LOCAL_GET_LOCAL_GET = 9;
    /**
     * {@code LOCAL_GET_ADD_CONST index unused value}: {@code local.get index} followed by an {@link #I32_ADD_CONST}
     * (an address computed from a local). Its words are those of the two instructions it replaces.
     */
    public static final int LOCAL_GET_ADD_CONST = 45;
    /**
     * {@code LOCAL_GET_ADD_CONST_SET index unused value target}: {@code local.get index} followed by an
     * {@link #I32_ADD_CONST_SET}: local {@code target} gets local {@code index} plus {@code value}, nothing on the stack
     * (a loop's counter or pointer moved on). Its words are those of the two instructions it replaces.
     */
    public static final int LOCAL_GET_ADD_CONST_SET = 14;
    /** {@code LOCAL_GET_ADD_CONST_TEE index unused value target}: as {@link #LOCAL_GET_ADD_CONST_SET}, the sum also pushed. */
    public static final int LOCAL_GET_ADD_CONST_TEE = 52;
    /**
     * {@code LOCAL_GET_CONST index unused value}: {@code local.get index} followed by an {@code i32.const value} (the
     * operands of a mask, a shift or a comparison with a constant). Its words are those of the two instructions it
     * replaces.
     */
    public static final int LOCAL_GET_CONST = 10;
    /** {@code LOCAL_GET_LOCAL_SET from unused to}: {@code local.get from} followed by {@code local.set to}: a local copied. */
    public static final int LOCAL_GET_LOCAL_SET = 57;
    /**
     * {@code CONST_LOAD value unused offset}: {@code i32.const value} followed by an {@code i32.load offset}: reads a
     * static variable of the program. Its words are those of the two instructions it replaces.
     */
    public static final int CONST_LOAD = 70;
    /**
     * {@code LOCAL_LOAD_CONST index loadOpcode offset unused value}: a {@link #LOCAL_LOAD} followed by an
     * {@code i32.const value} (a field read, then a mask or a comparison with a constant). Its words are those of the
     * two instructions it replaces.
     */
    public static final int LOCAL_LOAD_CONST = 47;
    /**
     * {@code I32_ADD_CONST_AT_LOCAL local local I32_LOAD offset unused value unused offset}: a
     * {@link #LOCAL_GET_LOCAL_LOAD} of an i32 at a local's address, both operands the same local, then an
     * {@link #I32_ADD_CONST} and an {@code i32.store} at the same address and offset: the i32 there goes up by
     * {@code value} in place, nothing left on the stack (a reference count's increment or decrement, 2% of CPython's
     * start-up instructions). Its words are those of the three instructions it replaces, the others' opcodes unused.
     */
    public static final int I32_ADD_CONST_AT_LOCAL = 64;
    /** {@code I32_ADD_CONST value}: {@code i32.const value} fused with the {@code i32.add} that follows it (or the {@code i32.sub}, negated). */
    public static final int I32_ADD_CONST = 20;
    /**
     * {@code I32_ADD_CONST_SET value index}: {@link #I32_ADD_CONST} fused with the {@code local.set index} that follows it (the
     * stack pointer's update in a C function's prologue and epilogue, an index's increment).
     */
    public static final int I32_ADD_CONST_SET = 74;
    /** {@code I32_ADD_CONST_TEE value index}: {@link #I32_ADD_CONST} fused with the {@code local.tee index} that follows it. */
    public static final int I32_ADD_CONST_TEE = 55;
    /** {@code GLOBAL_GET index typeCode} where typeCode is the global's {@code ValueType.code}. */
    public static final int GLOBAL_GET = 88;
    public static final int GLOBAL_SET = 207;
    /** {@code TABLE_GET tableIndex}. */
    public static final int TABLE_GET = 208;
    public static final int TABLE_SET = 209;

    // Loads and stores (binary opcodes 0x28..0x3E): {@code OP offset} (the unsigned 32-bit static offset as an int).
    public static final int I32_LOAD = 17;
    public static final int I64_LOAD = 32;
    public static final int F32_LOAD = 33;
    public static final int F64_LOAD = 34;
    public static final int I32_LOAD8_S = 35;
    public static final int I32_LOAD8_U = 36;
    public static final int I32_LOAD16_S = 37;
    public static final int I32_LOAD16_U = 38;
    public static final int I64_LOAD8_S = 39;
    public static final int I64_LOAD8_U = 40;
    public static final int I64_LOAD16_S = 41;
    public static final int I64_LOAD16_U = 42;
    public static final int I64_LOAD32_S = 43;
    public static final int I64_LOAD32_U = 44;
    public static final int I32_STORE = 5;
    public static final int I64_STORE = 23;
    public static final int F32_STORE = 24;
    public static final int F64_STORE = 25;
    public static final int I32_STORE8 = 26;
    public static final int I32_STORE16 = 27;
    public static final int I64_STORE8 = 28;
    public static final int I64_STORE16 = 29;
    public static final int I64_STORE32 = 30;
    public static final int MEMORY_SIZE = 202;
    public static final int MEMORY_GROW = 203;

    /** {@code I32_CONST value}. */
    public static final int I32_CONST = 4;
    /** {@code I64_CONST low high}. */
    public static final int I64_CONST = 73;
    /** {@code F32_CONST bits}. */
    public static final int F32_CONST = 204;
    /** {@code F64_CONST low high}. */
    public static final int F64_CONST = 59;

    // Numeric instructions (binary opcodes 0x45..0xC4) have no immediates. Named here: those that the interpreter
    // loop runs itself (the commonest), and those that fuse. The others are numbered from FIRST_UNNAMED on
    // (ofBinary), and NumericInstructions runs them by their binary opcodes.
    public static final int I32_EQZ = 196;
    public static final int I32_EQ = 76;
    public static final int I32_NE = 72;
    public static final int I32_LT_S = 75;
    public static final int I32_LT_U = 81;
    public static final int I32_GT_S = 79;
    public static final int I32_GT_U = 199;
    public static final int I32_LE_S = 87;
    public static final int I32_LE_U = 200;
    public static final int I32_GE_S = 82;
    public static final int I32_GE_U = 197;
    public static final int I32_ADD = 13;
    public static final int I32_SUB = 62;
    public static final int I32_MUL = 68;
    public static final int I32_AND = 21;
    public static final int I32_OR = 67;
    public static final int I32_XOR = 58;
    public static final int I32_SHL = 19;
    public static final int I32_SHR_S = 80;
    public static final int I32_SHR_U = 54;
    public static final int I64_ADD = 61;
    public static final int I64_SUB = 198;
    public static final int F64_ADD = 22;
    public static final int F64_SUB = 60;
    public static final int F64_MUL = 18;
    public static final int F64_DIV = 69;
    public static final int I32_WRAP_I64 = 78;
    public static final int I64_EXTEND_I32_S = 86;
    public static final int I64_EXTEND_I32_U = 85;

    /** {@code REF_NULL}: pushes the null reference. */
    public static final int REF_NULL = 210;
    public static final int REF_IS_NULL = 211;
    /** {@code REF_FUNC functionIndex}. */
    public static final int REF_FUNC = 212;

    // The 0xFC-prefixed instructions. The saturating truncations are consecutive, in the order of their subopcodes 0..7.
    public static final int I32_TRUNC_SAT_F32_S = 89;
    public static final int I32_TRUNC_SAT_F32_U = 90;
    public static final int I32_TRUNC_SAT_F64_S = 91;
    public static final int I32_TRUNC_SAT_F64_U = 92;
    public static final int I64_TRUNC_SAT_F32_S = 93;
    public static final int I64_TRUNC_SAT_F32_U = 94;
    public static final int I64_TRUNC_SAT_F64_S = 95;
    public static final int I64_TRUNC_SAT_F64_U = 96;
    /** {@code MEMORY_INIT dataIndex}. */
    public static final int MEMORY_INIT = 213;
    /** {@code DATA_DROP dataIndex}. */
    public static final int DATA_DROP = 214;
    public static final int MEMORY_COPY = 215;
    public static final int MEMORY_FILL = 216;
    /** {@code TABLE_INIT elemIndex tableIndex}. */
    public static final int TABLE_INIT = 217;
    /** {@code ELEM_DROP elemIndex}. */
    public static final int ELEM_DROP = 218;
    /** {@code TABLE_COPY dstTable srcTable}. */
    public static final int TABLE_COPY = 219;
    /** {@code TABLE_GROW tableIndex}. */
    public static final int TABLE_GROW = 220;
    /** {@code TABLE_SIZE tableIndex}. */
    public static final int TABLE_SIZE = 221;
    /** {@code TABLE_FILL tableIndex}. */
    public static final int TABLE_FILL = 222;

    /** The first opcode of the numeric instructions without a name here. */
    private static final int FIRST_UNNAMED = I64_TRUNC_SAT_F64_U + 1;
    /** The binary opcode of each opcode that has one (see {@link #binaryOpcode}), else -1. */
    @CompilationFinal(dimensions = 1) private static final int[] BINARY_OPCODES = new int[256];
    /** The opcode of each binary opcode from 0x00 to 0xC4 that translates one-to-one, else -1. */
    private static final int[] OF_BINARY = new int[0xC5];

    static {
        Arrays.fill(BINARY_OPCODES, -1);
        Arrays.fill(OF_BINARY, -1);
        int[] named = {LOCAL_GET, 0x20, LOCAL_SET, 0x21, LOCAL_TEE, 0x22, GLOBAL_GET, 0x23, GLOBAL_SET, 0x24, TABLE_GET, 0x25,
                        TABLE_SET, 0x26, I32_LOAD, 0x28, I64_LOAD, 0x29, F32_LOAD, 0x2A, F64_LOAD, 0x2B, I32_LOAD8_S, 0x2C,
                        I32_LOAD8_U, 0x2D, I32_LOAD16_S, 0x2E, I32_LOAD16_U, 0x2F, I64_LOAD8_S, 0x30, I64_LOAD8_U, 0x31,
                        I64_LOAD16_S, 0x32, I64_LOAD16_U, 0x33, I64_LOAD32_S, 0x34, I64_LOAD32_U, 0x35, I32_STORE, 0x36,
                        I64_STORE, 0x37, F32_STORE, 0x38, F64_STORE, 0x39, I32_STORE8, 0x3A, I32_STORE16, 0x3B, I64_STORE8, 0x3C,
                        I64_STORE16, 0x3D, I64_STORE32, 0x3E, I32_EQZ, 0x45, I32_EQ, 0x46, I32_NE, 0x47, I32_LT_S, 0x48,
                        I32_LT_U, 0x49, I32_GT_S, 0x4A, I32_GT_U, 0x4B, I32_LE_S, 0x4C, I32_LE_U, 0x4D, I32_GE_S, 0x4E,
                        I32_GE_U, 0x4F, I32_ADD, 0x6A, I32_SUB, 0x6B, I32_MUL, 0x6C, I32_AND, 0x71, I32_OR, 0x72, I32_XOR, 0x73,
                        I32_SHL, 0x74, I32_SHR_S, 0x75, I32_SHR_U, 0x76, I64_ADD, 0x7C, I64_SUB, 0x7D, F64_ADD, 0xA0,
                        F64_SUB, 0xA1, F64_MUL, 0xA2, F64_DIV, 0xA3, I32_WRAP_I64, 0xA7, I64_EXTEND_I32_S, 0xAC,
                        I64_EXTEND_I32_U, 0xAD};
        for (int i = 0; i < named.length; i += 2) {
            map(named[i], named[i + 1]);
        }
        int next = FIRST_UNNAMED;
        for (int binary = 0x45; binary <= 0xC4; binary++) {
            if (OF_BINARY[binary] < 0) {
                map(next++, binary);
            }
        }
        for (int sub = 0; sub < 8; sub++) {
            // NumericInstructions numbers the saturating truncations 0xE0 + subopcode.
            BINARY_OPCODES[I32_TRUNC_SAT_F32_S + sub] = NumericInstructions.SATURATING_TRUNCATIONS + sub;
        }
    }

    private static void map(int opcode, int binary) {
        assert BINARY_OPCODES[opcode] < 0 && OF_BINARY[binary] < 0 : "opcode mapped twice";
        BINARY_OPCODES[opcode] = binary;
        OF_BINARY[binary] = opcode;
    }

    /**
     * The opcode of the instruction with binary opcode {@code binary} (one of {@code local.get} ... {@code table.set},
     * the loads and stores, the numeric instructions 0x45..0xC4): each translates to one opcode of its own.
     */
    public static int ofBinary(int binary) {
        int opcode = OF_BINARY[binary];
        assert opcode >= 0 : "no opcode for binary opcode " + binary;
        return opcode;
    }

    /**
     * The binary opcode of {@code opcode}, if {@link #ofBinary} gives it (the saturating truncations: 0xE0 + their
     * subopcode); else -1. A constant for a constant opcode in compiled code.
     */
    public static int binaryOpcode(int opcode) {
        return BINARY_OPCODES[opcode];
    }

    /** Whether the instruction with binary opcode {@code binary} is a comparison (0x45..0x66), fusable with the branch that follows it. */
    public static boolean isComparison(int binary) {
        return binary >= 0x45 && binary <= 0x66;
    }

    /** How many operands the comparison with binary opcode {@code binary} pops: one for the {@code eqz}s, two for the others. */
    public static int comparisonOperands(int binary) {
        return binary == 0x45 || binary == 0x50 ? 1 : 2;
    }

    /** The operand stack slot index at loop target {@code target} (the position just after a {@link #LOOP_HEADER}). */
    public static int loopHeight(int[] code, int target) {
        return code[target - 1];
    }

    /**
     * The target of the outermost loop that encloses the loop at {@code target} (see {@link #LOOP_HEADER}), or -1 if
     * none does.
     */
    public static int outermostLoop(int[] code, int target) {
        return code[target - 2];
    }

    /** The number of words of the instruction at {@code pc}: its opcode and immediates. */
    public static int length(int[] code, int pc) {
        return switch (code[pc]) {
            case JUMP, RETURN, I32_ADD_CONST, LOCAL_GET, LOCAL_SET, LOCAL_TEE, TABLE_GET, TABLE_SET, I32_CONST, F32_CONST, REF_FUNC, MEMORY_INIT, DATA_DROP,
                            ELEM_DROP, TABLE_GROW, TABLE_SIZE, TABLE_FILL ->
                2;
            case LOOP_HEADER, REGION_ENTRY, JUMP_IF_ZERO, CALL, CALL_IMPORT, I32_ADD_CONST_SET, I32_ADD_CONST_TEE, GLOBAL_GET, GLOBAL_SET, I64_CONST, F64_CONST, TABLE_INIT, TABLE_COPY -> 3;
            case CALL_INDIRECT, LOCAL_LOAD, LOCAL_STORE, BR, JUMP_UNLESS_COMPARE, LOCAL_GET_LOCAL_GET, LOCAL_GET_ADD_CONST, LOCAL_GET_CONST, LOCAL_GET_LOCAL_SET, CONST_LOAD -> 4;
            case BR_IF, LOCAL_GET_LOCAL_LOAD, LOCAL_GET_LOCAL_STORE, LOCAL_GET_ADD_CONST_SET, LOCAL_GET_ADD_CONST_TEE -> 5;
            case BR_IF_COMPARE, LOCAL_LOAD_LOAD, GLOBAL_GET_ADD_CONST_SET, GLOBAL_GET_ADD_CONST_TEE, LOCAL_LOAD_CONST -> 6;
            case LOCAL_GET_ADD_CONST_GLOBAL_SET -> 7;
            case GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET, I32_ADD_CONST_AT_LOCAL -> 9;
            case EPILOGUE -> 11;
            case BR_TABLE -> 3 + 3 * (code[pc + 1] + 1);
            case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S, I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U,
                            I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S, I64_LOAD32_U, I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8,
                            I32_STORE16, I64_STORE8, I64_STORE16, I64_STORE32 ->
                2;
            default -> 1;
        };
    }
}
