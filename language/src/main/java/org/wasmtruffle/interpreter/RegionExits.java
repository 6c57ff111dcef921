package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives;

/**
 * The ways out of a region of a huge function (see {@link Bytecode#REGION_ENTRY}) known from its code, as pairs
 * of position and operand stack height: branches to outside it, returns, and falling into the next region. Known
 * before the region runs, they never deoptimize the function's compiled code as exits seen for the first time
 * would. (Jumps of an if that encloses a region's start are not known: their height is not in the code; they are
 * added when taken, see {@link RegionRootNode#exit}.)
 */
final class RegionExits {
    private RegionExits() {
    }

    /** The exits of the region [{@code start}, {@code end}) of {@code code}, as pairs: position, stack height. */
    static int[] of(int[] code, int start, int end) {
        int[] exits = new int[0];
        int pc = start;
        int last = start;
        while (pc < end) {
            last = pc;
            switch (code[pc]) {
                case Bytecode.BR, Bytecode.BR_IF, Bytecode.BR_IF_COMPARE -> exits = withExitIfLeaving(exits, start, end, code[pc + 1], code[pc + 3] + code[pc + 2]);
                case Bytecode.RETURN -> exits = RegionRootNode.withExit(exits, pc, code[pc + 1]);
                case Bytecode.BR_TABLE -> {
                    for (int entry = pc + 3; entry <= pc + 3 * (code[pc + 1] + 1); entry += 3) {
                        exits = withExitIfLeaving(exits, start, end, code[entry], code[entry + 2] + code[entry + 1]);
                    }
                }
                default -> {
                }
            }
            pc += Bytecode.length(code, pc);
        }
        if (pc != end) {
            throw CompilerDirectives.shouldNotReachHere("region [" + start + ", " + end + ") does not end at an instruction boundary");
        }
        // Falling into the next region is an exit only if the last instruction can fall through. Most cases of a
        // dispatch end with a branch back to it; were the next case an exit of every case, the function's compiled
        // code would reach every case from any one, and hold a call of each, even of those never run.
        if (end < code.length && fallsThrough(code[last])) {
            exits = RegionRootNode.withExit(exits, end, code[end + 2]);
        }
        return exits;
    }

    /** Whether control can go on to the next instruction after {@code opcode}. */
    static boolean fallsThrough(int opcode) {
        return switch (opcode) {
            case Bytecode.BR, Bytecode.BR_TABLE, Bytecode.RETURN, Bytecode.UNREACHABLE, Bytecode.JUMP -> false;
            default -> true;
        };
    }

    private static int[] withExitIfLeaving(int[] exits, int start, int end, int target, int height) {
        return target < start || target >= end ? RegionRootNode.withExit(exits, target, height) : exits;
    }
}
