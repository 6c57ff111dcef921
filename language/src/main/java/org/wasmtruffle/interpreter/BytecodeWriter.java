package org.wasmtruffle.interpreter;

import java.util.Arrays;

/** Builds a function's bytecode: a growable {@code int[]} with forward-jump patching. */
public final class BytecodeWriter {
    private int[] code = new int[64];
    private int length;
    /** The highest position a jump targets so far: code may not be fused across a jump target. */
    private int lastTarget = -1;

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

    /** Overwrites the word at {@code position} with a jump's target, once known. */
    public void patch(int position, int target) {
        code[position] = target;
        lastTarget = Math.max(lastTarget, target);
    }

    /** Records that a jump lands at {@code position}: nothing may be fused across it. */
    public void markTarget(int position) {
        lastTarget = Math.max(lastTarget, position);
    }

    /**
     * Whether the instruction at {@code position}, of {@code size} words, is still {@code opcode} (not fused
     * already), is the last one written, and the next one can be fused with it: no jump lands between the two.
     */
    public boolean canFuseWith(int position, int opcode, int size) {
        return position >= 0 && position + size == length && lastTarget != length && code[position] == opcode;
    }

    /** The word at {@code position}. */
    public int get(int position) {
        return code[position];
    }

    /** Replaces the word at {@code position} (an opcode being fused with the next instruction). */
    public void set(int position, int word) {
        code[position] = word;
    }

    public int[] toArray() {
        return Arrays.copyOf(code, length);
    }
}
