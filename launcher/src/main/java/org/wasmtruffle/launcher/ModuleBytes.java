package org.wasmtruffle.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The bytes of a module file as the engine's source, handed over without a copy: {@link #toByteArray} returns the
 * array itself. ({@link ByteSequence#create}'s sequence copies it, and for python.wasm that was another 26 MB of fresh
 * memory written at every start.) Nobody writes to the array once it is read: the launcher drops it, and the engine
 * only reads its source.
 */
final class ModuleBytes implements ByteSequence {
    /**
     * How much {@link #read} asks of the file at a time. The channel reads through a temporary native buffer of this
     * size, reused from read to read; one read of the whole file (as {@code Files.readAllBytes} does) makes that
     * buffer as large as the file, all fresh memory, and copies the file twice through cold memory.
     */
    static final int CHUNK = 256 * 1024;
    /** The longest array the JVM allocates everywhere. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
    private static final String TOO_LARGE = "the file is larger than 2 GB";

    private final byte[] bytes;

    ModuleBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Reads the whole file. Files whose size is unknown ahead (pipes, {@code /dev/stdin}) and files that grow
     * meanwhile are read to their end as well.
     */
    static ModuleBytes read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > MAX_LENGTH) {
                throw new IOException(TOO_LARGE);
            }
            byte[] bytes = new byte[size > 0 ? (int) size : CHUNK];
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    // Full, most likely at the end (the size was right): a one-byte read tells, before the array is
                    // doubled for nothing.
                    ByteBuffer probe = ByteBuffer.allocate(1);
                    if (channel.read(probe) < 0) {
                        break;
                    }
                    if (bytes.length == MAX_LENGTH) {
                        throw new IOException(TOO_LARGE);
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_LENGTH, 2L * bytes.length));
                    bytes[length++] = probe.get(0);
                    continue;
                }
                int n = channel.read(ByteBuffer.wrap(bytes, length, Math.min(CHUNK, bytes.length - length)));
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return new ModuleBytes(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
        }
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
