package org.wasmtruffle.interpreter;

/**
 * Fuses an instruction that pushes an operand with the instruction after it, in a function's translated bytecode: a
 * {@code local.get} with the {@code local.get} after it ({@link Bytecode#LOCAL_GET_LOCAL_GET}), with an
 * {@code i32.const} ({@link Bytecode#LOCAL_GET_CONST}), with a {@code local.set} (a copy,
 * {@link Bytecode#LOCAL_GET_LOCAL_SET}) or with a constant addition ({@link Bytecode#LOCAL_GET_ADD_CONST} and its
 * {@code _SET} and {@code _TEE}); an {@code i32.const} with an {@code i32.load} ({@link Bytecode#CONST_LOAD}); a load
 * of a local's address with an {@code i32.const} ({@link Bytecode#LOCAL_LOAD_CONST}). Each dispatch saved is a round
 * of the interpreter's loop; in compiled C these pairs are a fifth of the instructions run in loops such as a matrix
 * product's. Only pushes and moves are fused: a fused instruction that also computes (a binary operator with its
 * operands) cost the ahead-of-time compiled loop as much as it saved (see the README).
 *
 * <p>It rewrites the code in place: a fused instruction keeps the words of the two it replaces (the second's opcode
 * unused), so no position moves and no branch, profile or region changes. It runs on the bytecode the interpreter
 * runs, after translation; the bodies that {@link BytecodeInliner} copies into callers are not fused, so the copier
 * never meets these opcodes. Nothing is fused across a place that control can reach other than from the instruction
 * before it: a branch target, a region's entry, or the start or end of a copy of an inlined function.
 */
public final class OperandFuser {
    private OperandFuser() {
    }

    /** Fuses {@code bytecode}'s code in place; returns it. */
    public static FunctionBytecode fuse(FunctionBytecode bytecode) {
        int[] code = bytecode.code();
        boolean[] entered = entries(code, bytecode.inlinedCopies());
        int pc = 0;
        while (pc < code.length) {
            int length = Bytecode.length(code, pc);
            int next = pc + length;
            if (next < code.length && !entered[next]) {
                int fused = switch (code[pc]) {
                    case Bytecode.LOCAL_GET -> switch (code[next]) {
                        case Bytecode.LOCAL_GET -> Bytecode.LOCAL_GET_LOCAL_GET;
                        case Bytecode.LOCAL_SET -> Bytecode.LOCAL_GET_LOCAL_SET;
                        case Bytecode.I32_CONST -> Bytecode.LOCAL_GET_CONST;
                        case Bytecode.I32_ADD_CONST -> Bytecode.LOCAL_GET_ADD_CONST;
                        case Bytecode.I32_ADD_CONST_SET -> Bytecode.LOCAL_GET_ADD_CONST_SET;
                        case Bytecode.I32_ADD_CONST_TEE -> Bytecode.LOCAL_GET_ADD_CONST_TEE;
                        default -> -1;
                    };
                    case Bytecode.I32_CONST -> code[next] == Bytecode.I32_LOAD ? Bytecode.CONST_LOAD : -1;
                    case Bytecode.LOCAL_LOAD -> code[next] == Bytecode.I32_CONST ? Bytecode.LOCAL_LOAD_CONST : -1;
                    default -> -1;
                };
                if (fused >= 0) {
                    length += Bytecode.length(code, next);
                    code[pc] = fused;
                }
            }
            pc += length;
        }
        return bytecode;
    }

    /** By position: whether control can arrive there other than from the instruction before. */
    private static boolean[] entries(int[] code, int[] inlinedCopies) {
        boolean[] entered = new boolean[code.length + 1];
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            switch (code[pc]) {
                case Bytecode.JUMP, Bytecode.JUMP_IF_ZERO, Bytecode.JUMP_UNLESS_COMPARE, Bytecode.BR, Bytecode.BR_IF, Bytecode.BR_IF_COMPARE -> entered[code[pc + 1]] = true;
                case Bytecode.BR_TABLE -> {
                    for (int entry = pc + 3; entry <= pc + 3 * (code[pc + 1] + 1); entry += 3) {
                        entered[code[entry]] = true;
                    }
                }
                case Bytecode.REGION_ENTRY, Bytecode.LOOP_HEADER -> {
                    entered[pc] = true;
                    entered[pc + Bytecode.length(code, pc)] = true;
                }
                default -> {
                }
            }
        }
        for (int i = 0; i < inlinedCopies.length; i += 3) {
            entered[inlinedCopies[i]] = true;
            entered[inlinedCopies[i + 1]] = true;
        }
        return entered;
    }
}
