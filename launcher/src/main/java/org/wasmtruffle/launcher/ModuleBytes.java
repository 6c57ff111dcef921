package org.wasmtruffle.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.graalvm.nativeimage.ImageInfo;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The bytes of a module file as the engine's source, handed over without a copy: {@link #toByteArray} returns the
 * array itself. ({@link ByteSequence#create}'s sequence copies it, and for python.wasm that was another 26 MB of fresh
 * memory written at every start.) Nobody writes to the array once it is read: the launcher drops it, and the engine
 * only reads its source.
 *
 * <p>In the native launcher, a large regular file is mapped instead of read: the engine copies only the part it
 * needs ({@link #subSequence}), and never touches the custom sections that end a module built with debug information
 * (python.wasm: 13 of its 26 MB). As with any mapped module (wasmtime maps them too), the file must not be
 * truncated while the module loads: reading a page that is gone stops the process. On the JVM the file is read:
 * mapping it there cost more than it saved (python.wasm -V 0.92 s against 0.88 s), because the JDK makes the
 * mapped buffer by reflection, whose method handles are spun afresh at every start (the AOT cache cannot hold them).
 */
final class ModuleBytes implements ByteSequence {
    /** Files at least this large are mapped; smaller ones cost less to read than to map. */
    static final int MAP_THRESHOLD = 1 << 20;

    /**
     * How much {@link #read} asks of the file at a time. The channel reads through a temporary native buffer of this
     * size, reused from read to read; one read of the whole file (as {@code Files.readAllBytes} does) makes that
     * buffer as large as the file, all fresh memory, and copies the file twice through cold memory.
     */
    static final int CHUNK = 256 * 1024;
    /** The longest array the JVM allocates everywhere. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
    private static final String TOO_LARGE = "the file is larger than 2 GB";

    /** The bytes, when they were read (else null). */
    private final byte[] bytes;
    /** The mapped file, when it was mapped (else null). */
    private final MappedByteBuffer mapped;

    ModuleBytes(byte[] bytes) {
        this.bytes = bytes;
        this.mapped = null;
    }

    private ModuleBytes(MappedByteBuffer mapped) {
        this.bytes = null;
        this.mapped = mapped;
    }

    /**
     * Reads the whole file. Files whose size is unknown ahead (pipes, {@code /dev/stdin}) and files that grow
     * meanwhile are read to their end as well.
     */
    static ModuleBytes read(Path file) throws IOException {
        return read(file, ImageInfo.inImageRuntimeCode());
    }

    /** Reads the whole file, or maps it if {@code mapLarge} and it is a regular file of {@link #MAP_THRESHOLD} or more. */
    static ModuleBytes read(Path file, boolean mapLarge) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > MAX_LENGTH) {
                throw new IOException(TOO_LARGE);
            }
            if (mapLarge && size >= MAP_THRESHOLD && Files.isRegularFile(file)) {
                try {
                    return new ModuleBytes(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
                } catch (IOException | UnsupportedOperationException e) {
                    // A file system that cannot map files (some FUSE ones): read the file instead.
                }
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
        return bytes != null ? bytes.length : mapped.capacity();
    }

    @Override
    public byte byteAt(int index) {
        return bytes != null ? bytes[index] : mapped.get(index);
    }

    /** A copy of the bytes from {@code start} to {@code end}, whose {@link #toByteArray} is that copy again. */
    @Override
    public ByteSequence subSequence(int start, int end) {
        if (bytes != null) {
            return new ModuleBytes(Arrays.copyOfRange(bytes, start, end));
        }
        if (start < 0 || end > mapped.capacity() || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + mapped.capacity() + " bytes");
        }
        byte[] copy = new byte[end - start];
        mapped.get(start, copy);
        return new ModuleBytes(copy);
    }

    @Override
    public byte[] toByteArray() {
        if (bytes != null) {
            return bytes;
        }
        byte[] copy = new byte[mapped.capacity()];
        mapped.get(0, copy);
        return copy;
    }
}
