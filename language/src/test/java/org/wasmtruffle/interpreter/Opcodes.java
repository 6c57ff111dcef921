package org.wasmtruffle.interpreter;

import java.util.ArrayList;
import java.util.List;

/** For tests: the opcodes of a function's bytecode, one per instruction, in order. */
public final class Opcodes {
    private Opcodes() {
    }

    /** The opcodes of the instructions of {@code code}, in order. */
    public static List<Integer> opcodes(int[] code) {
        List<Integer> opcodes = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            opcodes.add(code[pc]);
        }
        return opcodes;
    }
}
