package org.wasmtruffle.interpreter;

import org.wasmtruffle.module.ValueType;

/**
 * Copies the bytecode of a small function into a caller's bytecode in place of a {@code call} of it. A call costs
 * the interpreter far more than a few instructions: a Truffle call, a new frame, boxed arguments and result. A
 * C program compiled without optimization (CPython's python.wasm is one) calls one-line accessors millions of
 * times, so at start-up, before anything is compiled, most of its calls go to such functions.
 *
 * <p>The copy runs in the caller's frame. The callee's locals take the slots where the caller's operand stack
 * holds the arguments, and the slots above them (zeroed first, as a call's new frame would be); its operand
 * stack continues above. So every local index and stack height in the copy moves up by the slot of the first
 * argument, jumps and branch profiles move to the copy's own, and a {@code return} becomes a branch to the
 * copy's end that moves the results down to where the arguments were. Only bodies without calls, loops,
 * {@code br_table}s and regions are copied (see {@link #canInline}); they may hold copies of their own.
 */
public final class BytecodeInliner {
    private BytecodeInliner() {
    }

    /** Whether a local of type {@code t} can be copied: a number that a constant zeroes (no vector, no reference). */
    public static boolean canCopyLocal(ValueType t) {
        return t == ValueType.I32 || t == ValueType.I64 || t == ValueType.F32 || t == ValueType.F64;
    }

    /** Whether {@code callee}'s bytecode can be copied: it has only locals and instructions that {@link #inline} copies. */
    public static boolean canInline(FunctionBytecode callee) {
        for (ValueType t : callee.localTypes()) {
            if (!canCopyLocal(t)) {
                return false;
            }
        }
        int[] code = callee.code();
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            if (!canCopy(code[pc])) {
                return false;
            }
        }
        return true;
    }

    /** Whether instructions with {@code opcode} can be copied: not calls, loops, tables of branches or regions. */
    private static boolean canCopy(int opcode) {
        return switch (opcode) {
            case Bytecode.LOOP_HEADER, Bytecode.REGION_ENTRY, Bytecode.BR_TABLE, Bytecode.CALL, Bytecode.CALL_INDIRECT, Bytecode.CALL_IMPORT -> false;
            default -> true;
        };
    }

    /**
     * Writes a copy of {@code callee} (which {@link #canInline}) to {@code out}, for a call whose first argument is in
     * slot {@code base}; the results end up in the slots from {@code base}.
     *
     * @param profileBase the first of the caller's branch profiles that the copy gets ({@code callee.profileCount()} of
     *            them)
     * @return the copies that {@code callee}'s bytecode holds, moved to where they are now (as
     *         {@link FunctionBytecode#inlinedCopies})
     */
    public static int[] inline(BytecodeWriter out, FunctionBytecode callee, int paramCount, int resultCount, int base, int profileBase) {
        ValueType[] locals = callee.localTypes();
        for (int i = paramCount; i < locals.length; i++) {
            switch (locals[i]) {
                case I32 -> out.emit(Bytecode.I32_CONST, 0);
                case F32 -> out.emit(Bytecode.F32_CONST, 0);
                case I64 -> out.emit(Bytecode.I64_CONST, 0, 0);
                case F64 -> out.emit(Bytecode.F64_CONST, 0, 0);
                default -> throw new IllegalArgumentException("not inlinable: a local of type " + locals[i]);
            }
        }
        int[] code = callee.code();
        // Where each instruction of the callee goes: a return becomes a longer branch.
        int[] moved = new int[code.length + 1];
        int position = out.position();
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            moved[pc] = position;
            position += code[pc] == Bytecode.RETURN ? 4 : Bytecode.length(code, pc);
        }
        int end = position;
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            int op = code[pc];
            if (!canCopy(op)) {
                throw new IllegalArgumentException("not inlinable: opcode " + op);
            }
            switch (op) {
                case Bytecode.RETURN -> {
                    out.emit(Bytecode.BR);
                    out.emit(end, resultCount, base);
                    continue;
                }
                case Bytecode.JUMP -> out.emit(op, moved[code[pc + 1]]);
                case Bytecode.JUMP_IF_ZERO -> out.emit(op, moved[code[pc + 1]], profileBase + code[pc + 2]);
                case Bytecode.JUMP_UNLESS_COMPARE -> {
                    out.emit(op, moved[code[pc + 1]], profileBase + code[pc + 2]);
                    out.emit(code[pc + 3]);
                }
                case Bytecode.BR, Bytecode.BR_IF, Bytecode.BR_IF_COMPARE -> {
                    out.emit(op, moved[code[pc + 1]], code[pc + 2]);
                    out.emit(base + code[pc + 3]);
                    if (op != Bytecode.BR) {
                        out.emit(profileBase + code[pc + 4]);
                    }
                    if (op == Bytecode.BR_IF_COMPARE) {
                        out.emit(code[pc + 5]);
                    }
                }
                case Bytecode.LOCAL_GET, Bytecode.LOCAL_SET, Bytecode.LOCAL_TEE, Bytecode.LOCAL_LOAD, Bytecode.LOCAL_STORE, Bytecode.LOCAL_LOAD_LOAD -> {
                    // The local is the first immediate; the others (a load or store and its offsets) stay.
                    out.emit(op, base + code[pc + 1]);
                    copy(out, code, pc + 2, pc + Bytecode.length(code, pc));
                }
                case Bytecode.LOCAL_GET_LOCAL_LOAD, Bytecode.LOCAL_GET_LOCAL_STORE, Bytecode.I32_ADD_CONST_AT_LOCAL -> {
                    out.emit(op, base + code[pc + 1], base + code[pc + 2]);
                    copy(out, code, pc + 3, pc + Bytecode.length(code, pc));
                }
                case Bytecode.I32_ADD_CONST_SET, Bytecode.I32_ADD_CONST_TEE -> out.emit(op, code[pc + 1], base + code[pc + 2]);
                case Bytecode.GLOBAL_GET_ADD_CONST_SET, Bytecode.GLOBAL_GET_ADD_CONST_TEE, Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET -> {
                    copy(out, code, pc, pc + 5);
                    out.emit(base + code[pc + 5]);
                    copy(out, code, pc + 6, pc + Bytecode.length(code, pc));
                }
                case Bytecode.EPILOGUE -> {
                    out.emit(op, base + code[pc + 1], code[pc + 2]);
                    out.emit(base + code[pc + 3]);
                    copy(out, code, pc + 4, pc + 10);
                    out.emit(base + code[pc + 10]);
                }
                case Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET -> {
                    out.emit(op, base + code[pc + 1]);
                    copy(out, code, pc + 2, pc + Bytecode.length(code, pc));
                }
                default -> copy(out, code, pc, pc + Bytecode.length(code, pc));
            }
            assert out.position() == moved[pc] + Bytecode.length(code, pc);
        }
        assert out.position() == end;
        // The end is a jump target: nothing after the copy may fuse with its last instruction.
        out.markTarget(end);
        int[] nested = callee.inlinedCopies().clone();
        for (int i = 0; i < nested.length; i += 3) {
            nested[i] = moved[nested[i]];
            nested[i + 1] = moved[nested[i + 1]];
        }
        return nested;
    }

    private static void copy(BytecodeWriter out, int[] code, int from, int to) {
        for (int i = from; i < to; i++) {
            out.emit(code[i]);
        }
    }
}
