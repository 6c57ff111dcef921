package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.Objects;

import sun.misc.Unsafe;

/**
 * A WebAssembly linear memory: a zero-initialised, byte-addressable, little-endian block of native memory
 * of a whole number of 64 KiB pages, up to the full 32-bit address space (65,536 pages = 4 GiB).
 *
 * <p>The memory lives off-heap so that it can span 4 GiB (a Java array cannot). Every access takes an
 * effective address as a non-negative {@code long} (unsigned 32-bit base plus unsigned 32-bit static offset,
 * so at most 2<sup>33</sup>) and traps with {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} unless the whole
 * access lies inside the memory. Compiled code reduces each load or store to two field reads, a bounds
 * check and one machine access.
 *
 * <p>The native block is freed by {@link #free()} or, failing that, when this object becomes unreachable.
 * Not thread-safe: WebAssembly 2.0 memories are not shared.
 */
@SuppressWarnings("removal") // sun.misc.Unsafe is the one way to 4 GiB of fast off-heap memory
public final class LinearMemory {
    /** The size of a WebAssembly page in bytes. */
    public static final long PAGE_SIZE = 65536;
    /** The most pages a 32-bit memory can have (4 GiB). */
    public static final long MAX_PAGES = 65536;

    // These statics must be constants in an ahead-of-time compiled image too (the class is initialized when
    // the image is built): a static read at run time would cost every access a load and a test. So no
    // state that cannot live in an image heap here; the cleaner and its thread live in NativeBlock.
    private static final Unsafe UNSAFE = loadUnsafe();
    /** Wasm is little-endian; on a big-endian host every multi-byte access is swapped (folds away on x86). */
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final long maxPages;
    /** The native block's address; changes when {@link #grow} moves the block. 0 while the size is 0. */
    private long base;
    /** The current size in bytes; every access is checked against it. */
    private long byteSize;
    /** Owns the native block for the cleaner, which must not reach {@code this}. */
    private final NativeBlock block;
    private final Cleaner.Cleanable cleanable;
    private boolean freed;

    /**
     * Allocates a zero-filled memory of {@code initialPages} pages that may grow up to {@code maxPages}
     * (the declared maximum, or {@link #MAX_PAGES} when there is none).
     *
     * @throws Trap {@link TrapKind#OUT_OF_MEMORY} if the host cannot allocate the initial size
     */
    @TruffleBoundary
    public LinearMemory(long initialPages, long maxPages) {
        if (initialPages < 0 || maxPages < initialPages || maxPages > MAX_PAGES) {
            throw new IllegalArgumentException("invalid memory limits " + initialPages + ".." + maxPages);
        }
        this.maxPages = maxPages;
        long size = initialPages * PAGE_SIZE;
        long address = 0;
        if (size > 0) {
            try {
                address = UNSAFE.allocateMemory(size);
            } catch (OutOfMemoryError e) {
                throw Trap.create(TrapKind.OUT_OF_MEMORY, "cannot allocate a memory of " + initialPages + " pages", null);
            }
            UNSAFE.setMemory(address, size, (byte) 0);
        }
        this.base = address;
        this.byteSize = size;
        this.block = new NativeBlock(address);
        this.cleanable = NativeBlock.CLEANER.register(this, block);
    }

    /** The current size in pages. */
    public long pages() {
        return byteSize / PAGE_SIZE;
    }

    /** The current size in bytes. */
    public long byteSize() {
        return byteSize;
    }

    /** The most pages this memory may grow to. */
    public long maxPages() {
        return maxPages;
    }

    /**
     * Grows the memory by {@code deltaPages} zero-filled pages ({@code memory.grow}).
     *
     * @return the previous size in pages, or -1 if the new size would exceed {@link #maxPages()} or the host
     *         cannot allocate it (the memory is then unchanged)
     */
    @TruffleBoundary
    public long grow(long deltaPages) {
        long oldPages = pages();
        if (freed || deltaPages < 0 || deltaPages > maxPages - oldPages) {
            return -1;
        }
        if (deltaPages == 0) {
            return oldPages;
        }
        long oldSize = byteSize;
        long newSize = (oldPages + deltaPages) * PAGE_SIZE;
        long newBase;
        try {
            // reallocateMemory(0, n) allocates, so an empty memory needs no special case.
            newBase = UNSAFE.reallocateMemory(base, newSize);
        } catch (OutOfMemoryError e) {
            return -1;
        }
        UNSAFE.setMemory(newBase + oldSize, newSize - oldSize, (byte) 0);
        block.address = newBase;
        base = newBase;
        byteSize = newSize;
        return oldPages;
    }

    /**
     * Releases the native memory now instead of waiting for the garbage collector. Afterwards the memory has
     * size 0 and can no longer grow, so every access traps instead of touching freed memory.
     */
    @TruffleBoundary
    public void free() {
        freed = true;
        byteSize = 0;
        base = 0;
        cleanable.clean();
    }

    // ---- bounds checks ------------------------------------------------------------------------------

    /** Traps unless {@code [address, address + size)} lies inside the memory ({@code size} is small). */
    private void checkAccess(long address, long size, Node location) {
        // address >= 0 is usually known from how the caller computed it, so that test folds away.
        if (address < 0 || address > byteSize - size) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
    }

    /** Traps unless {@code [address, address + length)} lies inside the memory; any length, even 0. */
    private void checkRange(long address, long length, Node location) {
        if (address < 0 || length < 0 || address > byteSize - length) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
    }

    private static Trap outOfBounds(Node location) {
        return Trap.create(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, location);
    }

    // ---- raw little-endian accesses (after the bounds check) -----------------------------------------

    private short rawGetShort(long address) {
        short v = UNSAFE.getShort(base + address);
        return NATIVE_LITTLE_ENDIAN ? v : Short.reverseBytes(v);
    }

    private int rawGetInt(long address) {
        int v = UNSAFE.getInt(base + address);
        return NATIVE_LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
    }

    private long rawGetLong(long address) {
        long v = UNSAFE.getLong(base + address);
        return NATIVE_LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }

    private void rawPutShort(long address, short v) {
        UNSAFE.putShort(base + address, NATIVE_LITTLE_ENDIAN ? v : Short.reverseBytes(v));
    }

    private void rawPutInt(long address, int v) {
        UNSAFE.putInt(base + address, NATIVE_LITTLE_ENDIAN ? v : Integer.reverseBytes(v));
    }

    private void rawPutLong(long address, long v) {
        UNSAFE.putLong(base + address, NATIVE_LITTLE_ENDIAN ? v : Long.reverseBytes(v));
    }

    // ---- loads ----------------------------------------------------------------------------------------

    /** {@code i32.load}. */
    public int loadI32(long address, Node location) {
        checkAccess(address, 4, location);
        return rawGetInt(address);
    }

    /** {@code i64.load}. */
    public long loadI64(long address, Node location) {
        checkAccess(address, 8, location);
        return rawGetLong(address);
    }

    /** {@code f32.load}; the bits are kept exactly, NaN payloads included. */
    public float loadF32(long address, Node location) {
        checkAccess(address, 4, location);
        return Float.intBitsToFloat(rawGetInt(address));
    }

    /** {@code f64.load}; the bits are kept exactly, NaN payloads included. */
    public double loadF64(long address, Node location) {
        checkAccess(address, 8, location);
        return Double.longBitsToDouble(rawGetLong(address));
    }

    /** {@code i32.load8_s}. */
    public int loadI32_8s(long address, Node location) {
        checkAccess(address, 1, location);
        return UNSAFE.getByte(base + address);
    }

    /** {@code i32.load8_u}. */
    public int loadI32_8u(long address, Node location) {
        checkAccess(address, 1, location);
        return UNSAFE.getByte(base + address) & 0xFF;
    }

    /** {@code i32.load16_s}. */
    public int loadI32_16s(long address, Node location) {
        checkAccess(address, 2, location);
        return rawGetShort(address);
    }

    /** {@code i32.load16_u}. */
    public int loadI32_16u(long address, Node location) {
        checkAccess(address, 2, location);
        return rawGetShort(address) & 0xFFFF;
    }

    /** {@code i64.load8_s}. */
    public long loadI64_8s(long address, Node location) {
        checkAccess(address, 1, location);
        return UNSAFE.getByte(base + address);
    }

    /** {@code i64.load8_u}. */
    public long loadI64_8u(long address, Node location) {
        checkAccess(address, 1, location);
        return UNSAFE.getByte(base + address) & 0xFFL;
    }

    /** {@code i64.load16_s}. */
    public long loadI64_16s(long address, Node location) {
        checkAccess(address, 2, location);
        return rawGetShort(address);
    }

    /** {@code i64.load16_u}. */
    public long loadI64_16u(long address, Node location) {
        checkAccess(address, 2, location);
        return rawGetShort(address) & 0xFFFFL;
    }

    /** {@code i64.load32_s}. */
    public long loadI64_32s(long address, Node location) {
        checkAccess(address, 4, location);
        return rawGetInt(address);
    }

    /** {@code i64.load32_u}. */
    public long loadI64_32u(long address, Node location) {
        checkAccess(address, 4, location);
        return rawGetInt(address) & 0xFFFF_FFFFL;
    }

    // ---- stores ---------------------------------------------------------------------------------------

    /** {@code i32.store}. */
    public void storeI32(long address, int value, Node location) {
        checkAccess(address, 4, location);
        rawPutInt(address, value);
    }

    /** {@code i64.store}. */
    public void storeI64(long address, long value, Node location) {
        checkAccess(address, 8, location);
        rawPutLong(address, value);
    }

    /** {@code f32.store}; the bits are kept exactly, NaN payloads included. */
    public void storeF32(long address, float value, Node location) {
        checkAccess(address, 4, location);
        rawPutInt(address, Float.floatToRawIntBits(value));
    }

    /** {@code f64.store}; the bits are kept exactly, NaN payloads included. */
    public void storeF64(long address, double value, Node location) {
        checkAccess(address, 8, location);
        rawPutLong(address, Double.doubleToRawLongBits(value));
    }

    /** {@code i32.store8}: the low 8 bits. */
    public void storeI32_8(long address, int value, Node location) {
        checkAccess(address, 1, location);
        UNSAFE.putByte(base + address, (byte) value);
    }

    /** {@code i32.store16}: the low 16 bits. */
    public void storeI32_16(long address, int value, Node location) {
        checkAccess(address, 2, location);
        rawPutShort(address, (short) value);
    }

    /** {@code i64.store8}: the low 8 bits. */
    public void storeI64_8(long address, long value, Node location) {
        checkAccess(address, 1, location);
        UNSAFE.putByte(base + address, (byte) value);
    }

    /** {@code i64.store16}: the low 16 bits. */
    public void storeI64_16(long address, long value, Node location) {
        checkAccess(address, 2, location);
        rawPutShort(address, (short) value);
    }

    /** {@code i64.store32}: the low 32 bits. */
    public void storeI64_32(long address, long value, Node location) {
        checkAccess(address, 4, location);
        rawPutInt(address, (int) value);
    }

    // ---- bulk operations (bounds are checked before any byte is written) ------------------------------

    /**
     * {@code memory.fill}: sets {@code length} bytes from {@code dst} to {@code value}. Traps if the range
     * leaves the memory, even when {@code length} is 0.
     */
    public void fill(long dst, byte value, long length, Node location) {
        checkRange(dst, length, location);
        setBytes(base + dst, length, value);
    }

    /**
     * {@code memory.copy}: copies {@code length} bytes from {@code src} to {@code dst}; the ranges may
     * overlap (the result is as if copied through a temporary buffer). Traps if either range leaves the
     * memory, even when {@code length} is 0.
     */
    public void copy(long dst, long src, long length, Node location) {
        checkRange(src, length, location);
        checkRange(dst, length, location);
        copyNative(base + src, base + dst, length);
    }

    /**
     * {@code memory.init} and active data segments: copies {@code length} bytes, starting {@code offset}
     * bytes into a data segment, to {@code dst}. The segment is the {@code segmentLength} bytes of
     * {@code data} at {@code segmentStart} (typically the module binary; a dropped segment has length 0).
     * Traps if {@code offset + length > segmentLength} or the destination range leaves the memory, even
     * when {@code length} is 0.
     */
    public void initialize(byte[] data, int segmentStart, int segmentLength, long offset, long dst, long length,
                    Node location) {
        if (offset < 0 || length < 0 || offset > segmentLength - length) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
        checkRange(dst, length, location);
        if (segmentStart < 0 || segmentLength < 0 || segmentStart > data.length - segmentLength) {
            CompilerDirectives.transferToInterpreter();
            throw new IndexOutOfBoundsException("data segment outside its byte array");
        }
        copyFromArray(data, segmentStart + offset, base + dst, length);
    }

    /** {@link #initialize(byte[], int, int, long, long, long, Node)} where the whole array is the segment. */
    public void initialize(byte[] segment, long offset, long dst, long length, Node location) {
        initialize(segment, 0, segment.length, offset, dst, length, location);
    }

    @TruffleBoundary
    private static void setBytes(long address, long length, byte value) {
        UNSAFE.setMemory(address, length, value);
    }

    @TruffleBoundary
    private static void copyNative(long srcAddress, long dstAddress, long length) {
        // Unsafe.copyMemory has memmove semantics: overlapping ranges are copied correctly.
        UNSAFE.copyMemory(srcAddress, dstAddress, length);
    }

    @TruffleBoundary
    private static void copyFromArray(byte[] src, long srcIndex, long dstAddress, long length) {
        UNSAFE.copyMemory(src, Unsafe.ARRAY_BYTE_BASE_OFFSET + srcIndex, null, dstAddress, length);
    }

    @TruffleBoundary
    private static void copyToArray(long srcAddress, byte[] dst, long dstIndex, long length) {
        UNSAFE.copyMemory(null, srcAddress, dst, Unsafe.ARRAY_BYTE_BASE_OFFSET + dstIndex, length);
    }

    // ---- host access (interop, WASI) ------------------------------------------------------------------

    /**
     * Reads one byte for the host.
     *
     * @throws Trap {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} if {@code address} is outside the memory
     */
    public byte readByte(long address) {
        checkAccess(address, 1, null);
        return UNSAFE.getByte(base + address);
    }

    /**
     * Writes one byte for the host.
     *
     * @throws Trap {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} if {@code address} is outside the memory
     */
    public void writeByte(long address, byte value) {
        checkAccess(address, 1, null);
        UNSAFE.putByte(base + address, value);
    }

    /**
     * Copies {@code length} bytes at {@code address} into {@code dst[offset..]}.
     *
     * @throws Trap {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} if the range is outside the memory
     * @throws IndexOutOfBoundsException if the range is outside {@code dst}
     */
    @TruffleBoundary // a bulk copy, and its index checks reach JDK code that compiled code must not
    public void readBytes(long address, byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        checkRange(address, length, null);
        copyToArray(base + address, dst, offset, length);
    }

    /**
     * Copies {@code src[offset..offset+length)} to the memory at {@code address}.
     *
     * @throws Trap {@link TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS} if the range is outside the memory
     * @throws IndexOutOfBoundsException if the range is outside {@code src}
     */
    @TruffleBoundary // a bulk copy, and its index checks reach JDK code that compiled code must not
    public void writeBytes(long address, byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        checkRange(address, length, null);
        copyFromArray(src, offset, base + address, length);
    }

    // ---- native memory ownership ----------------------------------------------------------------------

    /**
     * The cleaning action: frees the block wherever the last grow moved it. Must not refer to the memory.
     * Initialized at run time in a native image: the cleaner owns a thread, which an image heap cannot hold.
     */
    private static final class NativeBlock implements Runnable {
        static final Cleaner CLEANER = Cleaner.create();

        long address;

        NativeBlock(long address) {
            this.address = address;
        }

        @Override
        public void run() {
            if (address != 0) {
                UNSAFE.freeMemory(address);
                address = 0;
            }
        }
    }

    private static Unsafe loadUnsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
