package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.module.ValueType;

import java.util.Arrays;

/**
 * A WebAssembly table: a growable vector of references of one {@link ValueType#isReference() reference
 * type}, where {@code null} is the null reference. Indices and lengths are unsigned 32-bit values passed as
 * non-negative {@code long}s; an access outside the table traps with
 * {@link TrapKind#OUT_OF_BOUNDS_TABLE_ACCESS}.
 *
 * <p>The elements are a Java array of exactly the table's size, so a table cannot exceed
 * {@link #MAX_ELEMENTS} elements whatever its declared maximum says. Not thread-safe.
 */
public final class Table {
    /** The upper bound on a table's size in this implementation: the longest array a JVM reliably allocates. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The maximum a table without a declared maximum has: the whole unsigned 32-bit range. */
    public static final long NO_MAX = 0xFFFF_FFFFL;

    private final ValueType elementType;
    private final long maxSize;
    /** Replaced, never resized in place, when the table grows. */
    private Object[] elements;

    /**
     * A table of {@code initialSize} null references that may grow up to {@code maxSize} (the declared
     * maximum, or {@link #NO_MAX}).
     *
     * @throws Trap {@link TrapKind#OUT_OF_MEMORY} if the host cannot hold the initial size
     */
    @TruffleBoundary
    public Table(ValueType elementType, long initialSize, long maxSize) {
        if (!elementType.isReference() || initialSize < 0 || maxSize < initialSize || maxSize > NO_MAX) {
            throw new IllegalArgumentException("invalid table " + elementType + " " + initialSize + ".." + maxSize);
        }
        this.elementType = elementType;
        this.maxSize = maxSize;
        Object[] array = allocate(initialSize);
        if (array == null) {
            throw Trap.create(TrapKind.OUT_OF_MEMORY, "cannot allocate a table of " + initialSize + " elements", null);
        }
        this.elements = array;
    }

    /** An array of {@code length} nulls, or {@code null} if the host cannot allocate one. */
    private static Object[] allocate(long length) {
        if (length > MAX_ELEMENTS) {
            return null;
        }
        try {
            return new Object[(int) length];
        } catch (OutOfMemoryError e) {
            return null;
        }
    }

    /** The type of the references this table holds. */
    public ValueType elementType() {
        return elementType;
    }

    /** The most elements this table may grow to. */
    public long maxSize() {
        return maxSize;
    }

    /** The current number of elements. */
    public long size() {
        return elements.length;
    }

    /** {@code table.get}: the reference at {@code index}, {@code null} for the null reference. */
    public Object get(long index, Node location) {
        Object[] array = elements;
        if (index < 0 || index >= array.length) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
        return array[(int) index];
    }

    /** {@code table.set}: stores {@code value} ({@code null} for the null reference) at {@code index}. */
    public void set(long index, Object value, Node location) {
        Object[] array = elements;
        if (index < 0 || index >= array.length) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
        array[(int) index] = value;
    }

    /**
     * {@code table.grow}: appends {@code delta} copies of {@code init}.
     *
     * @return the previous size, or -1 if the new size would exceed {@link #maxSize()} or what the host can
     *         hold (the table is then unchanged)
     */
    @TruffleBoundary
    public long grow(long delta, Object init) {
        Object[] old = elements;
        long oldSize = old.length;
        if (delta < 0 || delta > maxSize - oldSize) {
            return -1;
        }
        if (delta == 0) {
            return oldSize;
        }
        long newSize = oldSize + delta;
        if (newSize > MAX_ELEMENTS) {
            return -1;
        }
        Object[] grown;
        try {
            grown = Arrays.copyOf(old, (int) newSize);
        } catch (OutOfMemoryError e) {
            return -1;
        }
        if (init != null) {
            Arrays.fill(grown, (int) oldSize, (int) newSize, init);
        }
        elements = grown;
        return oldSize;
    }

    /**
     * {@code table.fill}: sets {@code length} elements from {@code index} to {@code value}. Traps if the range
     * leaves the table, even when {@code length} is 0.
     */
    public void fill(long index, Object value, long length, Node location) {
        Object[] array = elements;
        checkRange(index, length, array.length, location);
        fillRange(array, (int) index, (int) (index + length), value);
    }

    /**
     * {@code table.copy}: copies {@code length} elements of {@code src} from {@code srcIndex} to {@code dst}
     * at {@code dstIndex}. The tables may be the same and the ranges may overlap. Traps if either range
     * leaves its table, even when {@code length} is 0.
     */
    public static void copy(Table dst, long dstIndex, Table src, long srcIndex, long length, Node location) {
        Object[] to = dst.elements;
        Object[] from = src.elements;
        checkRange(srcIndex, length, from.length, location);
        checkRange(dstIndex, length, to.length, location);
        copyRange(from, (int) srcIndex, to, (int) dstIndex, (int) length);
    }

    /**
     * {@code table.init} and active element segments: copies {@code length} references from
     * {@code segment[offset..]} to this table at {@code dst}. A dropped segment is an empty array. Traps if
     * either range leaves its array, even when {@code length} is 0.
     */
    public void initialize(Object[] segment, long offset, long dst, long length, Node location) {
        Object[] array = elements;
        checkRange(offset, length, segment.length, location);
        checkRange(dst, length, array.length, location);
        copyRange(segment, (int) offset, array, (int) dst, (int) length);
    }

    private static void checkRange(long index, long length, int size, Node location) {
        if (index < 0 || length < 0 || index > size - length) {
            CompilerDirectives.transferToInterpreter();
            throw outOfBounds(location);
        }
    }

    @TruffleBoundary
    private static void fillRange(Object[] array, int from, int to, Object value) {
        Arrays.fill(array, from, to, value);
    }

    @TruffleBoundary
    private static void copyRange(Object[] from, int fromIndex, Object[] to, int toIndex, int length) {
        // System.arraycopy copies overlapping ranges of one array as if through a temporary copy.
        System.arraycopy(from, fromIndex, to, toIndex, length);
    }

    private static Trap outOfBounds(Node location) {
        return Trap.create(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, location);
    }
}
