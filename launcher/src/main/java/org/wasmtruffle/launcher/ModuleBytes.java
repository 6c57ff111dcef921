package org.wasmtruffle.launcher;

import java.util.Arrays;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The bytes of a module file as the engine's source, handed over without a copy: {@link #toByteArray} returns the
 * array itself. ({@link ByteSequence#create}'s sequence copies it, and for python.wasm that was another 26 MB of fresh
 * memory written at every start.) Nobody writes to the array once it is read: the launcher drops it, and the engine
 * only reads its source.
 */
final class ModuleBytes implements ByteSequence {
    private final byte[] bytes;

    ModuleBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public byte byteAt(int index) {
        return bytes[index];
    }

    @Override
    public ByteSequence subSequence(int start, int end) {
        return ByteSequence.create(Arrays.copyOfRange(bytes, start, end));
    }

    @Override
    public byte[] toByteArray() {
        return bytes;
    }
}
