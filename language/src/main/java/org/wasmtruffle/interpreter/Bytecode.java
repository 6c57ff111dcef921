package org.wasmtruffle.interpreter;

/**
 * The opcodes of the per-function bytecode that {@link BytecodeNode} interprets. A function body is
 * translated into an {@code int[]}: an opcode followed by its immediates. Where a WebAssembly instruction
 * maps one-to-one, the opcode is the instruction's binary opcode (numeric instructions, loads and stores,
 * constants, {@code local.*}, ...); instructions of the 0xFC prefix become {@code 0xE0 + subopcode}.
 * Structured control flow is gone: blocks become nothing, branches become jumps with precomputed targets
 * and stack adjustments, so the interpreter never searches for a label.
 *
 * <p>Stack slots: locals occupy frame slots {@code [0, localCount)}, the operand stack the slots above.
 * Every slot is a static frame slot, holding the primitive (i32, i64, f32, f64) or the reference that the
 * validated program puts there.
 */
public final class Bytecode {
    private Bytecode() {
    }

    /** Trap: unreachable. */
    public static final int UNREACHABLE = 0x00;
    /**
     * {@code LOOP_HEADER outermost height}: the entry of a loop, whose backward branches go to the next instruction;
     * height = operand stack slot index there; outermost = where the backward branches of the outermost loop that
     * encloses this one go, or -1 if none does (the interpreter prefers to replace that loop by compiled code: see
     * {@code BytecodeNode}'s back edges). The interpreter does nothing here. Compiled code clears the stack slots from
     * there up, as backward branches do: the slots hold no live value at the loop's start, and cleared on every way in
     * they need no loop phi (which deoptimization states would keep alive).
     */
    public static final int LOOP_HEADER = 0x03;
    /**
     * {@code JUMP_IF_ZERO target profile}: pops an i32; jumps to target when it is zero. {@code profile} (here and
     * in {@link #BR_IF} and {@link #BR_TABLE}) numbers a branch profile of the function: which ways the
     * interpreter has gone, so that compiled code contains only those and deoptimizes on the others.
     */
    public static final int JUMP_IF_ZERO = 0x04;
    /**
     * {@code JUMP_UNLESS_COMPARE target profile compareOpcode}: a comparison ({@link #I32_EQZ} ... {@code f64.ge})
     * fused with the {@code if} that consumes its result: pops the comparison's operands and jumps to target
     * unless it holds. Compiled code branches on the comparison itself, not on an i32 made from it.
     */
    public static final int JUMP_UNLESS_COMPARE = 0x06;
    /**
     * {@code BR_IF_COMPARE target arity height profile compareOpcode}: a comparison fused with the {@code br_if}
     * that consumes its result: pops the comparison's operands; if it holds, as {@link #BR}.
     */
    public static final int BR_IF_COMPARE = 0x07;
    /**
     * {@code REGION_ENTRY region height}: does nothing, and marks where a region of a huge function begins: a case of
     * a large {@code br_table} (the dispatch of an interpreter loop), which continues up to the next region's entry.
     * Compiled code of the function calls a region as a call target of its own, sharing the function's frame,
     * instead of holding all cases in one compilation unit too big to compile in reasonable time (or to install);
     * the region returns where the function goes on. {@code height} is the operand stack slot index there.
     */
    public static final int REGION_ENTRY = 0x05;
    /** {@code BR target arity height}: moves the top arity values to slots [height, height+arity) and jumps. */
    public static final int BR = 0x0C;
    /** {@code BR_IF target arity height profile}: pops an i32; if nonzero, as {@link #BR}. */
    public static final int BR_IF = 0x0D;
    /**
     * {@code BR_TABLE count profile (target arity height)*(count+1)}: pops an index; the last entry is the
     * default. Entry i has the profile {@code profile + i}.
     */
    public static final int BR_TABLE = 0x0E;
    /** {@code RETURN height}: returns the top values (count from the function type); height = operand stack slot index there. */
    public static final int RETURN = 0x0F;
    /** {@code CALL functionIndex callSite}: calls a function defined in this module. */
    public static final int CALL = 0x10;
    /** {@code CALL_INDIRECT typeIndex tableIndex callSite}. */
    public static final int CALL_INDIRECT = 0x11;
    /** {@code CALL_IMPORT functionIndex callSite}: calls an imported function (a per-instance value). */
    public static final int CALL_IMPORT = 0x12;
    /** {@code JUMP target}: jumps forward with no stack adjustment. */
    public static final int JUMP = 0x13;

    public static final int DROP = 0x1A;
    /** {@code SELECT}: typed and untyped select alike. */
    public static final int SELECT = 0x1B;
    /** {@code LOCAL_GET index}. */
    public static final int LOCAL_GET = 0x20;
    public static final int LOCAL_SET = 0x21;
    public static final int LOCAL_TEE = 0x22;
    /**
     * {@code LOCAL_LOAD index loadOpcode offset}: {@code local.get index} fused with the load that follows it
     * ({@code loadOpcode offset}, one of {@link #I32_LOAD} ... {@link #I64_LOAD32_U}).
     */
    public static final int LOCAL_LOAD = 0x27;
    /**
     * {@code LOCAL_GET_LOCAL_LOAD first index loadOpcode offset}: {@code local.get first} followed by a
     * {@link #LOCAL_LOAD} (the second commonest pair in compiled C, after {@code local.get} + load itself).
     */
    public static final int LOCAL_GET_LOCAL_LOAD = 0x18;
    /**
     * {@code LOCAL_STORE index storeOpcode offset}: {@code local.get index} fused with the store that follows it
     * ({@code storeOpcode offset}, one of {@link #I32_STORE} ... {@link #I64_STORE32}): the local is the value
     * stored, the address is on the stack.
     */
    public static final int LOCAL_STORE = 0x15;
    /**
     * {@code LOCAL_GET_LOCAL_STORE addressLocal valueLocal storeOpcode offset}: {@code local.get addressLocal} followed by
     * a {@link #LOCAL_STORE}: stores a local at another local's address, with nothing on the stack.
     */
    public static final int LOCAL_GET_LOCAL_STORE = 0x19;
    /**
     * {@code LOCAL_LOAD_LOAD local I32_LOAD offset I32_LOAD secondOffset}: a {@link #LOCAL_LOAD} of an i32 followed by
     * an {@code i32.load} of the address it loaded (a pointer chased: {@code p->a->b}). Its words are those of the
     * two instructions it replaces, the second's opcode unused.
     */
    public static final int LOCAL_LOAD_LOAD = 0x08;
    /**
     * {@code GLOBAL_GET_ADD_CONST_SET global typeCode unused value index}: an i32 {@code global.get} followed by an
     * {@link #I32_ADD_CONST_SET} (a C function's prologue moving the stack pointer into a local). Its words are those
     * of the two instructions it replaces, the second's opcode unused.
     */
    public static final int GLOBAL_GET_ADD_CONST_SET = 0x09;
    /** {@code GLOBAL_GET_ADD_CONST_TEE global typeCode unused value index}: as {@link #GLOBAL_GET_ADD_CONST_SET} with a {@link #I32_ADD_CONST_TEE}. */
    public static final int GLOBAL_GET_ADD_CONST_TEE = 0x0A;
    /**
     * {@code GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET global typeCode unused value index unused setGlobal typeCode}: a
     * {@link #GLOBAL_GET_ADD_CONST_TEE} followed by an i32 {@code global.set} of the sum, which leaves nothing on the
     * stack (a C function's prologue: the stack pointer moved down, kept in the frame pointer local and stored back).
     * Its words are those of the two instructions it replaces, the second's opcode unused.
     */
    public static final int GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET = 0x02;
    /**
     * {@code LOCAL_GET_ADD_CONST_GLOBAL_SET index unused value unused global typeCode}: {@code local.get index} and an
     * {@link #I32_ADD_CONST} followed by an i32 {@code global.set} of the sum (a C function's epilogue: the stack
     * pointer restored from the frame pointer). Its words are those of the three instructions it replaces, the
     * others' opcodes unused.
     */
    public static final int LOCAL_GET_ADD_CONST_GLOBAL_SET = 0x01;
    /**
     * {@code EPILOGUE result unused index unused value unused global typeCode unused result}: a {@code local.set result},
     * a {@link #LOCAL_GET_ADD_CONST_GLOBAL_SET} and a {@code local.get result}: the value on top of the stack stays there
     * and is copied to local {@code result}, and the i32 global gets local {@code index} plus {@code value} (a C
     * function's epilogue: the result kept, the stack pointer restored from the frame pointer, the result read back to
     * be returned). Its words are those of the three instructions it replaces, the others' opcodes unused.
     */
    public static final int EPILOGUE = 0x1C;
    /**
     * {@code LOCAL_GET_LOCAL_GET first unused second}: two {@code local.get}s (operands of what follows: a comparison,
     * an arithmetic operator). Made after translation, by {@link OperandFuser}, as are the others below up to
     * {@link #LOCAL_LOAD_CONST}; its words are those of the two instructions it replaces, the second's opcode unused.
     */
    public static final int LOCAL_GET_LOCAL_GET = 0x1D;
    /**
     * {@code LOCAL_GET_ADD_CONST index unused value}: {@code local.get index} followed by an {@link #I32_ADD_CONST}
     * (an address computed from a local). Its words are those of the two instructions it replaces.
     */
    public static final int LOCAL_GET_ADD_CONST = 0x1E;
    /**
     * {@code LOCAL_GET_ADD_CONST_SET index unused value target}: {@code local.get index} followed by an
     * {@link #I32_ADD_CONST_SET}: local {@code target} gets local {@code index} plus {@code value}, nothing on the stack
     * (a loop's counter or pointer moved on). Its words are those of the two instructions it replaces.
     */
    public static final int LOCAL_GET_ADD_CONST_SET = 0x1F;
    /** {@code LOCAL_GET_ADD_CONST_TEE index unused value target}: as {@link #LOCAL_GET_ADD_CONST_SET}, the sum also pushed. */
    public static final int LOCAL_GET_ADD_CONST_TEE = 0xC5;
    /**
     * {@code LOCAL_GET_CONST index unused value}: {@code local.get index} followed by an {@code i32.const value} (the
     * operands of a mask, a shift or a comparison with a constant). Its words are those of the two instructions it
     * replaces.
     */
    public static final int LOCAL_GET_CONST = 0xC6;
    /** {@code LOCAL_GET_LOCAL_SET from unused to}: {@code local.get from} followed by {@code local.set to}: a local copied. */
    public static final int LOCAL_GET_LOCAL_SET = 0xCB;
    /**
     * {@code CONST_LOAD value unused offset}: {@code i32.const value} followed by an {@code i32.load offset}: reads a
     * static variable of the program. Its words are those of the two instructions it replaces.
     */
    public static final int CONST_LOAD = 0xCC;
    /**
     * {@code LOCAL_LOAD_CONST index loadOpcode offset unused value}: a {@link #LOCAL_LOAD} followed by an
     * {@code i32.const value} (a field read, then a mask or a comparison with a constant). Its words are those of the
     * two instructions it replaces.
     */
    public static final int LOCAL_LOAD_CONST = 0xCD;
    /**
     * {@code I32_ADD_CONST_AT_LOCAL local local I32_LOAD offset unused value unused offset}: a
     * {@link #LOCAL_GET_LOCAL_LOAD} of an i32 at a local's address, both operands the same local, then an
     * {@link #I32_ADD_CONST} and an {@code i32.store} at the same address and offset: the i32 there goes up by
     * {@code value} in place, nothing left on the stack (a reference count's increment or decrement, 2% of CPython's
     * start-up instructions). Its words are those of the three instructions it replaces, the others' opcodes unused.
     */
    public static final int I32_ADD_CONST_AT_LOCAL = 0x0B;
    /** {@code I32_ADD_CONST value}: {@code i32.const value} fused with the {@code i32.add} that follows it (or the {@code i32.sub}, negated). */
    public static final int I32_ADD_CONST = 0x14;
    /**
     * {@code I32_ADD_CONST_SET value index}: {@link #I32_ADD_CONST} fused with the {@code local.set index} that follows it (the
     * stack pointer's update in a C function's prologue and epilogue, an index's increment).
     */
    public static final int I32_ADD_CONST_SET = 0x16;
    /** {@code I32_ADD_CONST_TEE value index}: {@link #I32_ADD_CONST} fused with the {@code local.tee index} that follows it. */
    public static final int I32_ADD_CONST_TEE = 0x17;
    /** {@code GLOBAL_GET index typeCode} where typeCode is the global's {@code ValueType.code}. */
    public static final int GLOBAL_GET = 0x23;
    public static final int GLOBAL_SET = 0x24;
    /** {@code TABLE_GET tableIndex}. */
    public static final int TABLE_GET = 0x25;
    public static final int TABLE_SET = 0x26;

    // Loads and stores 0x28..0x3E: {@code OP offset} (the unsigned 32-bit static offset as an int).
    public static final int I32_LOAD = 0x28;
    public static final int I64_LOAD = 0x29;
    public static final int F32_LOAD = 0x2A;
    public static final int F64_LOAD = 0x2B;
    public static final int I32_LOAD8_S = 0x2C;
    public static final int I32_LOAD8_U = 0x2D;
    public static final int I32_LOAD16_S = 0x2E;
    public static final int I32_LOAD16_U = 0x2F;
    public static final int I64_LOAD8_S = 0x30;
    public static final int I64_LOAD8_U = 0x31;
    public static final int I64_LOAD16_S = 0x32;
    public static final int I64_LOAD16_U = 0x33;
    public static final int I64_LOAD32_S = 0x34;
    public static final int I64_LOAD32_U = 0x35;
    public static final int I32_STORE = 0x36;
    public static final int I64_STORE = 0x37;
    public static final int F32_STORE = 0x38;
    public static final int F64_STORE = 0x39;
    public static final int I32_STORE8 = 0x3A;
    public static final int I32_STORE16 = 0x3B;
    public static final int I64_STORE8 = 0x3C;
    public static final int I64_STORE16 = 0x3D;
    public static final int I64_STORE32 = 0x3E;
    public static final int MEMORY_SIZE = 0x3F;
    public static final int MEMORY_GROW = 0x40;

    /** {@code I32_CONST value}. */
    public static final int I32_CONST = 0x41;
    /** {@code I64_CONST low high}. */
    public static final int I64_CONST = 0x42;
    /** {@code F32_CONST bits}. */
    public static final int F32_CONST = 0x43;
    /** {@code F64_CONST low high}. */
    public static final int F64_CONST = 0x44;

    // Numeric instructions 0x45..0xC4 keep their binary opcodes and have no immediates. Named here: those
    // that the interpreter loop runs itself (the commonest), and those that fuse.
    public static final int I32_EQZ = 0x45;
    public static final int I32_EQ = 0x46;
    public static final int I32_NE = 0x47;
    public static final int I32_LT_S = 0x48;
    public static final int I32_LT_U = 0x49;
    public static final int I32_GT_S = 0x4A;
    public static final int I32_GT_U = 0x4B;
    public static final int I32_LE_S = 0x4C;
    public static final int I32_LE_U = 0x4D;
    public static final int I32_GE_S = 0x4E;
    public static final int I32_GE_U = 0x4F;
    public static final int I64_EQZ = 0x50;
    /** The last comparison: every opcode from {@link #I32_EQZ} to here compares and gives an i32 of 0 or 1. */
    public static final int F64_GE = 0x66;
    public static final int I32_ADD = 0x6A;
    public static final int I32_SUB = 0x6B;
    public static final int I32_MUL = 0x6C;
    public static final int I32_AND = 0x71;
    public static final int I32_OR = 0x72;
    public static final int I32_XOR = 0x73;
    public static final int I32_SHL = 0x74;
    public static final int I32_SHR_S = 0x75;
    public static final int I32_SHR_U = 0x76;
    public static final int I64_ADD = 0x7C;
    public static final int I64_SUB = 0x7D;
    public static final int F64_ADD = 0xA0;
    public static final int F64_SUB = 0xA1;
    public static final int F64_MUL = 0xA2;
    public static final int F64_DIV = 0xA3;
    public static final int I32_WRAP_I64 = 0xA7;
    public static final int I64_EXTEND_I32_S = 0xAC;
    public static final int I64_EXTEND_I32_U = 0xAD;

    /** {@code REF_NULL}: pushes the null reference. */
    public static final int REF_NULL = 0xD0;
    public static final int REF_IS_NULL = 0xD1;
    /** {@code REF_FUNC functionIndex}. */
    public static final int REF_FUNC = 0xD2;

    /** Base of the 0xFC-prefixed instructions: opcode = {@code MISC + subopcode}. */
    public static final int MISC = 0xE0;
    public static final int I32_TRUNC_SAT_F32_S = MISC + 0;
    public static final int I32_TRUNC_SAT_F32_U = MISC + 1;
    public static final int I32_TRUNC_SAT_F64_S = MISC + 2;
    public static final int I32_TRUNC_SAT_F64_U = MISC + 3;
    public static final int I64_TRUNC_SAT_F32_S = MISC + 4;
    public static final int I64_TRUNC_SAT_F32_U = MISC + 5;
    public static final int I64_TRUNC_SAT_F64_S = MISC + 6;
    public static final int I64_TRUNC_SAT_F64_U = MISC + 7;
    /** {@code MEMORY_INIT dataIndex}. */
    public static final int MEMORY_INIT = MISC + 8;
    /** {@code DATA_DROP dataIndex}. */
    public static final int DATA_DROP = MISC + 9;
    public static final int MEMORY_COPY = MISC + 10;
    public static final int MEMORY_FILL = MISC + 11;
    /** {@code TABLE_INIT elemIndex tableIndex}. */
    public static final int TABLE_INIT = MISC + 12;
    /** {@code ELEM_DROP elemIndex}. */
    public static final int ELEM_DROP = MISC + 13;
    /** {@code TABLE_COPY dstTable srcTable}. */
    public static final int TABLE_COPY = MISC + 14;
    /** {@code TABLE_GROW tableIndex}. */
    public static final int TABLE_GROW = MISC + 15;
    /** {@code TABLE_SIZE tableIndex}. */
    public static final int TABLE_SIZE = MISC + 16;
    /** {@code TABLE_FILL tableIndex}. */
    public static final int TABLE_FILL = MISC + 17;

    /** Whether {@code opcode} is a comparison, fusable with the branch that follows it. */
    public static boolean isComparison(int opcode) {
        return opcode >= I32_EQZ && opcode <= F64_GE;
    }

    /** How many operands comparison {@code opcode} pops: one for the {@code eqz}s, two for the others. */
    public static int comparisonOperands(int opcode) {
        return opcode == I32_EQZ || opcode == I64_EQZ ? 1 : 2;
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
            default -> code[pc] >= I32_LOAD && code[pc] <= I64_STORE32 ? 2 : 1;
        };
    }
}
