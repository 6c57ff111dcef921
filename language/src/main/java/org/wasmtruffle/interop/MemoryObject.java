package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.utilities.TriState;
import java.nio.ByteOrder;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.runtime.LinearMemory;

/**
 * A linear memory as the host sees it: a writable buffer of the memory's current bytes (multi-byte accesses
 * in the byte order the host asks for), with member {@code size} (the size in pages, readable and
 * invocable) and method {@code grow(pages)} (returns the previous size in pages, or -1). For hosts that
 * cannot view a foreign buffer (GraalPy 25 has no {@code memoryview} of one), {@code readBytes(offset,
 * length)} returns the bytes as an array of unsigned values and {@code writeBytes(offset, data)} stores
 * an array of integers or a buffer (a Python {@code bytes}) at {@code offset}. There is one such
 * object per memory, however often the memory is exported or imported.
 */
@ExportLibrary(InteropLibrary.class)
public final class MemoryObject implements TruffleObject {
    private static final ReadOnlyArray MEMBERS = new ReadOnlyArray("size", "grow", "readBytes", "writeBytes");

    private final LinearMemory memory;
    /** The type the memory was created with; its maximum (or lack of one) takes part in import matching. */
    private final MemoryType declaredType;

    public MemoryObject(LinearMemory memory, MemoryType declaredType) {
        this.memory = memory;
        this.declaredType = declaredType;
    }

    public LinearMemory memory() {
        return memory;
    }

    /** The memory's current limits: its current size and its declared maximum, as import matching compares them. */
    public Limits currentLimits() {
        Limits declared = declaredType.limits();
        return new Limits(memory.pages(), declared.max(), declared.hasMax());
    }

    /** The memory's current type, e.g. {@code "(memory 1 2)"}. */
    public String typeText() {
        return ExternDescriptor.typeText(new MemoryType(currentLimits()));
    }

    // ---- buffer --------------------------------------------------------------------------------------

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return true;
    }

    @ExportMessage
    long getBufferSize() {
        return memory.byteSize();
    }

    private void checkOffset(long offset, int length) throws InvalidBufferOffsetException {
        if (offset < 0 || offset > memory.byteSize() - length) {
            CompilerDirectives.transferToInterpreter();
            throw InvalidBufferOffsetException.create(offset, length);
        }
    }

    @ExportMessage
    byte readBufferByte(long offset) throws InvalidBufferOffsetException {
        checkOffset(offset, 1);
        return memory.readByte(offset);
    }

    @ExportMessage
    void readBuffer(long offset, byte[] destination, int destinationOffset, int length) throws InvalidBufferOffsetException {
        checkOffset(offset, length);
        memory.readBytes(offset, destination, destinationOffset, length);
    }

    @ExportMessage
    short readBufferShort(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        checkOffset(offset, 2);
        short v = (short) memory.loadI32_16u(offset, null);
        return order == ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v);
    }

    @ExportMessage
    int readBufferInt(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        checkOffset(offset, 4);
        int v = memory.loadI32(offset, null);
        return order == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
    }

    @ExportMessage
    long readBufferLong(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        checkOffset(offset, 8);
        long v = memory.loadI64(offset, null);
        return order == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
    }

    @ExportMessage
    float readBufferFloat(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return Float.intBitsToFloat(readBufferInt(order, offset));
    }

    @ExportMessage
    double readBufferDouble(ByteOrder order, long offset) throws InvalidBufferOffsetException {
        return Double.longBitsToDouble(readBufferLong(order, offset));
    }

    @ExportMessage
    void writeBufferByte(long offset, byte value) throws InvalidBufferOffsetException {
        checkOffset(offset, 1);
        memory.writeByte(offset, value);
    }

    @ExportMessage
    void writeBufferShort(ByteOrder order, long offset, short value) throws InvalidBufferOffsetException {
        checkOffset(offset, 2);
        memory.storeI32_16(offset, order == ByteOrder.LITTLE_ENDIAN ? value : Short.reverseBytes(value), null);
    }

    @ExportMessage
    void writeBufferInt(ByteOrder order, long offset, int value) throws InvalidBufferOffsetException {
        checkOffset(offset, 4);
        memory.storeI32(offset, order == ByteOrder.LITTLE_ENDIAN ? value : Integer.reverseBytes(value), null);
    }

    @ExportMessage
    void writeBufferLong(ByteOrder order, long offset, long value) throws InvalidBufferOffsetException {
        checkOffset(offset, 8);
        memory.storeI64(offset, order == ByteOrder.LITTLE_ENDIAN ? value : Long.reverseBytes(value), null);
    }

    @ExportMessage
    void writeBufferFloat(ByteOrder order, long offset, float value) throws InvalidBufferOffsetException {
        writeBufferInt(order, offset, Float.floatToRawIntBits(value));
    }

    @ExportMessage
    void writeBufferDouble(ByteOrder order, long offset, double value) throws InvalidBufferOffsetException {
        writeBufferLong(order, offset, Double.doubleToRawLongBits(value));
    }

    // ---- members -------------------------------------------------------------------------------------

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return MEMBERS;
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return "size".equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if ("size".equals(member)) {
            return memory.pages();
        }
        CompilerDirectives.transferToInterpreter();
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return "size".equals(member) || "grow".equals(member) || "readBytes".equals(member) || "writeBytes".equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        switch (member) {
            case "size":
                if (arguments.length != 0) {
                    throw ArityException.create(0, 0, arguments.length);
                }
                return memory.pages();
            case "grow":
                if (arguments.length != 1) {
                    throw ArityException.create(1, 1, arguments.length);
                }
                return memory.grow(unsignedCount(arguments, 0));
            case "readBytes":
                if (arguments.length != 2) {
                    throw ArityException.create(2, 2, arguments.length);
                }
                return readBytes(unsignedCount(arguments, 0), unsignedCount(arguments, 1), arguments);
            case "writeBytes":
                if (arguments.length != 2) {
                    throw ArityException.create(2, 2, arguments.length);
                }
                writeBytes(unsignedCount(arguments, 0), arguments);
                return WasmNull.INSTANCE;
            default:
                throw UnknownIdentifierException.create(member);
        }
    }

    private Object readBytes(long offset, long length, Object[] arguments) throws UnsupportedTypeException {
        if (length > Integer.MAX_VALUE - 8 || offset + length > memory.byteSize()) {
            throw UnsupportedTypeException.create(arguments, "out of bounds: " + length + " bytes at " + offset + " in a memory of " + memory.byteSize() + " bytes");
        }
        byte[] bytes = new byte[(int) length];
        memory.readBytes(offset, bytes, 0, bytes.length);
        Object[] values = new Object[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return new ReadOnlyArray(values);
    }

    /** Stores {@code arguments[1]}, a buffer or an array of integers (each taken modulo 256), at {@code offset}. */
    private void writeBytes(long offset, Object[] arguments) throws UnsupportedTypeException {
        Object data = arguments[1];
        InteropLibrary lib = InteropLibrary.getUncached(data);
        try {
            byte[] bytes;
            if (lib.hasBufferElements(data)) {
                long size = lib.getBufferSize(data);
                if (size > Integer.MAX_VALUE - 8) {
                    throw UnsupportedTypeException.create(arguments, "too much data");
                }
                bytes = new byte[(int) size];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = lib.readBufferByte(data, i);
                }
            } else if (lib.hasArrayElements(data)) {
                long size = lib.getArraySize(data);
                if (size > Integer.MAX_VALUE - 8) {
                    throw UnsupportedTypeException.create(arguments, "too much data");
                }
                bytes = new byte[(int) size];
                for (int i = 0; i < bytes.length; i++) {
                    Object element = lib.readArrayElement(data, i);
                    InteropLibrary elementLib = InteropLibrary.getUncached(element);
                    if (!elementLib.fitsInLong(element)) {
                        throw UnsupportedTypeException.create(arguments, "expected integers, got " + ValueConverter.display(element) + " at index " + i);
                    }
                    bytes[i] = (byte) elementLib.asLong(element);
                }
            } else {
                throw UnsupportedTypeException.create(arguments, "expected a buffer or an array of integers, got " + ValueConverter.display(data));
            }
            if (offset + bytes.length > memory.byteSize()) {
                throw UnsupportedTypeException.create(arguments, "out of bounds: " + bytes.length + " bytes at " + offset + " in a memory of " + memory.byteSize() + " bytes");
            }
            memory.writeBytes(offset, bytes, 0, bytes.length);
        } catch (UnsupportedMessageException | InvalidArrayIndexException | InvalidBufferOffsetException e) {
            throw UnsupportedTypeException.create(arguments, "cannot read the data: " + e.getMessage());
        }
    }

    /** Argument {@code index} as an unsigned 32-bit count (pages or elements). */
    @TruffleBoundary
    static long unsignedCount(Object[] arguments, int index) throws UnsupportedTypeException {
        Object value = arguments[index];
        InteropLibrary lib = InteropLibrary.getUncached(value);
        if (lib.fitsInLong(value)) {
            try {
                long count = lib.asLong(value);
                if (count >= 0 && count <= 0xFFFF_FFFFL) {
                    return count;
                }
            } catch (UnsupportedMessageException e) {
                throw CompilerDirectives.shouldNotReachHere(e);
            }
        }
        throw UnsupportedTypeException.create(arguments, "expected a count in the unsigned 32-bit range, got " + ValueConverter.display(value));
    }

    /*
     * Identity is the entity's: the host's identity comparisons (Value.equals, JavaScript ===) see one
     * object however often the entity is exported or imported.
     */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState doSame(MemoryObject receiver, MemoryObject other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState doOther(@SuppressWarnings("unused") MemoryObject receiver, @SuppressWarnings("unused") Object other) {
            return TriState.UNDEFINED;
        }
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode() {
        return System.identityHashCode(this);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return typeText();
    }
}
