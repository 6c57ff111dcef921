package org.wasmtruffle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * The bytes of a module file as the engine's source, handed over without a copy: {@link #toByteArray} returns the
 * array itself. ({@link ByteSequence#create}'s sequence copies it, and for python.wasm that was another 26 MB of fresh
 * memory written at every start.) Nobody writes to the array once it is read: the launcher drops it, and the engine
 * only reads its source.
 *
 * <p>A regular file of {@link #LAZY_THRESHOLD} or more is read on demand instead: the engine asks for the part it needs
 * ({@link #subSequence}), and the custom sections that end a module built with debug information (python.wasm: 13 of
 * its 26 MB) are never read. (Mapping the file did as well in the native launcher, but a file truncated meanwhile
 * would have stopped the process, and on the JVM the mapped buffer cost more than it saved: the JDK makes it by
 * reflection, whose method handles are spun afresh at every start.) The file stays open while the sequence lives; if
 * it changes meanwhile, the engine may see parts of both versions, or an {@link UncheckedIOException} if it shrank.
 */
final class ModuleBytes implements ByteSequence {
    /** Files at least this large are read on demand; smaller ones are read at once. */
    static final int LAZY_THRESHOLD = 1 << 20;
    /** How much a read for {@link #byteAt} brings in, for the reads of headers that follow it. */
    private static final int BLOCK = 64 * 1024;

    /**
     * How much {@link #read} asks of the file at a time. The channel reads through a temporary native buffer of this
     * size, reused from read to read; one read of the whole file (as {@code Files.readAllBytes} does) makes that
     * buffer as large as the file, all fresh memory, and copies the file twice through cold memory.
     */
    static final int CHUNK = 256 * 1024;
    /** The longest array the JVM allocates everywhere. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
    private static final String TOO_LARGE = "the file is larger than 2 GB";

    /** The bytes, when they were read at once (else null). */
    private final byte[] bytes;
    /** The open file, when it is read on demand (else null), and its length. */
    private final FileChannel file;
    private final int length;
    /** The block of the file that {@link #byteAt} read last, and where it starts (-1: none yet). */
    private byte[] block;
    private long blockStart = -1;

    ModuleBytes(byte[] bytes) {
        this.bytes = bytes;
        this.file = null;
        this.length = bytes.length;
    }

    private ModuleBytes(FileChannel file, int length) {
        this.bytes = null;
        this.file = file;
        this.length = length;
    }

    /**
     * Reads the whole file, or opens it to be read on demand (a regular file of {@link #LAZY_THRESHOLD} or more).
     * Files whose size is unknown ahead (pipes, {@code /dev/stdin}) and files that grow meanwhile are read to their
     * end as well.
     */
    static ModuleBytes read(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file);
        try {
            long size = channel.size();
            if (size > MAX_LENGTH) {
                throw new IOException(TOO_LARGE);
            }
            if (size >= LAZY_THRESHOLD && Files.isRegularFile(file)) {
                ModuleBytes lazy = new ModuleBytes(channel, (int) size);
                channel = null;
                return lazy;
            }
            return readAll(channel, size);
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    private static ModuleBytes readAll(FileChannel channel, long size) throws IOException {
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

    /** Reads {@code n} bytes of the file from {@code position} into {@code into} from {@code offset}. */
    private void readFully(long position, byte[] into, int offset, int n) {
        try {
            int done = 0;
            while (done < n) {
                int read = file.read(ByteBuffer.wrap(into, offset + done, Math.min(CHUNK, n - done)), position + done);
                if (read < 0) {
                    throw new IOException("the module file became shorter while it was read");
                }
                done += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public byte byteAt(int index) {
        if (bytes != null) {
            return bytes[index];
        }
        Objects.checkIndex(index, length);
        synchronized (this) {
            if (blockStart < 0 || index < blockStart || index >= blockStart + block.length) {
                long start = index - index % BLOCK;
                byte[] read = new byte[(int) Math.min(BLOCK, length - start)];
                readFully(start, read, 0, read.length);
                block = read;
                blockStart = start;
            }
            return block[(int) (index - blockStart)];
        }
    }

    /** A copy of the bytes from {@code start} to {@code end}, whose {@link #toByteArray} is that copy again. */
    @Override
    public ByteSequence subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        if (bytes != null) {
            return new ModuleBytes(Arrays.copyOfRange(bytes, start, end));
        }
        byte[] copy = new byte[end - start];
        readFully(start, copy, 0, copy.length);
        return new ModuleBytes(copy);
    }

    @Override
    public byte[] toByteArray() {
        if (bytes != null) {
            return bytes;
        }
        byte[] all = new byte[length];
        readFully(0, all, 0, length);
        return all;
    }
}
