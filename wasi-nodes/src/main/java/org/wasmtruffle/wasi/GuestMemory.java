package org.wasmtruffle.wasi;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.wasmtruffle.runtime.LinearMemory;

/**
 * The calling module's linear memory as WASI sees it: guest pointers are unsigned 32-bit, and any access
 * outside the memory (or a module without memory) fails the call with {@link Errno#FAULT} instead of
 * trapping.
 */
public final class GuestMemory {
    private final LinearMemory memory;

    public GuestMemory(LinearMemory memory) {
        this.memory = memory;
    }

    /** Fails with EFAULT unless {@code [pointer, pointer + length)} lies inside the memory. */
    public void check(int pointer, long length) {
        long p = Integer.toUnsignedLong(pointer);
        if (memory == null || length < 0 || p + length > memory.byteSize()) {
            throw new WasiError(Errno.FAULT);
        }
    }

    public int loadI32(int pointer) {
        check(pointer, 4);
        return memory.loadI32(Integer.toUnsignedLong(pointer), null);
    }

    public long loadI64(int pointer) {
        check(pointer, 8);
        return memory.loadI64(Integer.toUnsignedLong(pointer), null);
    }

    public int loadU8(int pointer) {
        check(pointer, 1);
        return memory.loadI32_8u(Integer.toUnsignedLong(pointer), null);
    }

    public int loadU16(int pointer) {
        check(pointer, 2);
        return memory.loadI32_16u(Integer.toUnsignedLong(pointer), null);
    }

    public void storeI32(int pointer, int value) {
        check(pointer, 4);
        memory.storeI32(Integer.toUnsignedLong(pointer), value, null);
    }

    public void storeI64(int pointer, long value) {
        check(pointer, 8);
        memory.storeI64(Integer.toUnsignedLong(pointer), value, null);
    }

    public void storeU8(int pointer, int value) {
        check(pointer, 1);
        memory.storeI32_8(Integer.toUnsignedLong(pointer), value, null);
    }

    public void storeU16(int pointer, int value) {
        check(pointer, 2);
        memory.storeI32_16(Integer.toUnsignedLong(pointer), value, null);
    }

    /** Copies {@code length} guest bytes at {@code pointer} into a new array. */
    public byte[] read(int pointer, int length) {
        check(pointer, Integer.toUnsignedLong(length));
        byte[] bytes = new byte[length];
        memory.readBytes(Integer.toUnsignedLong(pointer), bytes, 0, length);
        return bytes;
    }

    /** Copies {@code bytes[offset..offset+length)} to the guest at {@code pointer}. */
    public void write(int pointer, byte[] bytes, int offset, int length) {
        check(pointer, length);
        memory.writeBytes(Integer.toUnsignedLong(pointer), bytes, offset, length);
    }

    public void write(int pointer, byte[] bytes) {
        write(pointer, bytes, 0, bytes.length);
    }

    /** Fills {@code length} guest bytes with zero. */
    public void zero(int pointer, int length) {
        check(pointer, length);
        memory.fill(Integer.toUnsignedLong(pointer), (byte) 0, length, null);
    }

    /** A path or other string argument: UTF-8 (else EILSEQ), without NUL bytes (else EINVAL). */
    public String readString(int pointer, int length) {
        byte[] bytes = read(pointer, length);
        for (byte b : bytes) {
            if (b == 0) {
                throw new WasiError(Errno.INVAL);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }

    /** The {@code iovec}/{@code ciovec} array at {@code iovs}: pairs of (pointer, length), checked. */
    public IoVector[] readIoVectors(int iovs, int count) {
        if (count < 0 || count > 1024) {
            throw new WasiError(Errno.INVAL);
        }
        check(iovs, (long) count * 8);
        IoVector[] vectors = new IoVector[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int buf = loadI32(iovs + 8 * i);
            int len = loadI32(iovs + 8 * i + 4);
            check(buf, Integer.toUnsignedLong(len));
            total += Integer.toUnsignedLong(len);
            vectors[i] = new IoVector(buf, len);
        }
        if (total > Integer.MAX_VALUE) {
            throw new WasiError(Errno.INVAL);
        }
        return vectors;
    }

    /** One guest buffer of an {@code iovec} array. */
    public record IoVector(int pointer, int length) {
    }

    /** The total length of {@code vectors}. */
    public static int totalLength(IoVector[] vectors) {
        int total = 0;
        for (IoVector v : vectors) {
            total += v.length();
        }
        return total;
    }

    /** Gathers the guest bytes of {@code vectors} into one array (for a write). */
    public byte[] gather(IoVector[] vectors) {
        byte[] data = new byte[totalLength(vectors)];
        int at = 0;
        for (IoVector v : vectors) {
            memory.readBytes(Integer.toUnsignedLong(v.pointer()), data, at, v.length());
            at += v.length();
        }
        return data;
    }

    /** Scatters the first {@code length} bytes of {@code data} over {@code vectors} (after a read). */
    public void scatter(IoVector[] vectors, byte[] data, int length) {
        int at = 0;
        for (IoVector v : vectors) {
            if (at >= length) {
                break;
            }
            int n = Math.min(v.length(), length - at);
            memory.writeBytes(Integer.toUnsignedLong(v.pointer()), data, at, n);
            at += n;
        }
    }
}
