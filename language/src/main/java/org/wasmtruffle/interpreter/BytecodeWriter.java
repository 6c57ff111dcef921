package org.wasmtruffle.interpreter;

import java.util.Arrays;

/** Builds a function's bytecode: a growable {@code int[]} with forward-jump patching. */
public final class BytecodeWriter {
    private int[] code = new int[64];
    private int length;

    /** The position the next emitted word will have. */
    public int position() {
        return length;
    }

    public void emit(int word) {
        if (length == code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        code[length++] = word;
    }

    public void emit(int opcode, int immediate) {
        emit(opcode);
        emit(immediate);
    }

    public void emit(int opcode, int a, int b) {
        emit(opcode);
        emit(a);
        emit(b);
    }

    /** Emits a 64-bit immediate as two words, low half first. */
    public void emitLong(long value) {
        emit((int) value);
        emit((int) (value >>> 32));
    }

    /** Overwrites the word at {@code position} (a forward jump's target, once known). */
    public void patch(int position, int value) {
        code[position] = value;
    }

    public int[] toArray() {
        return Arrays.copyOf(code, length);
    }
}
