package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.utilities.TriState;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.runtime.Table;

/**
 * A table as the host sees it: an array of its references (null references read as interop null; writes
 * must be of the element type: a wasm function or null for funcref, anything for externref), with member
 * {@code size} (readable and invocable) and method {@code grow(delta[, init])} (returns the previous size,
 * or -1). There is one such object per table, however often the table is exported or imported.
 */
@ExportLibrary(InteropLibrary.class)
public final class TableObject implements TruffleObject {
    private static final ReadOnlyArray MEMBERS = new ReadOnlyArray("size", "grow");

    private final Table table;
    /** The type the table was created with; its maximum (or lack of one) takes part in import matching. */
    private final TableType declaredType;

    public TableObject(Table table, TableType declaredType) {
        this.table = table;
        this.declaredType = declaredType;
    }

    public Table table() {
        return table;
    }

    /** The table's current limits: its current size and its declared maximum, as import matching compares them. */
    public Limits currentLimits() {
        Limits declared = declaredType.limits();
        return new Limits(table.size(), declared.max(), declared.hasMax());
    }

    /** The table's current type, e.g. {@code "(table 10 20 funcref)"}. */
    public String typeText() {
        return ExternDescriptor.typeText(new TableType(table.elementType(), currentLimits()));
    }

    // ---- elements ------------------------------------------------------------------------------------

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return table.size();
    }

    @ExportMessage(name = "isArrayElementReadable")
    @ExportMessage(name = "isArrayElementModifiable")
    boolean isArrayElementInBounds(long index) {
        return index >= 0 && index < table.size();
    }

    @ExportMessage
    boolean isArrayElementInsertable(@SuppressWarnings("unused") long index) {
        return false;
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= table.size()) {
            CompilerDirectives.transferToInterpreter();
            throw InvalidArrayIndexException.create(index);
        }
        return ValueConverter.toInterop(table.get(index, null));
    }

    @ExportMessage
    void writeArrayElement(long index, Object value) throws InvalidArrayIndexException, UnsupportedTypeException {
        if (index < 0 || index >= table.size()) {
            CompilerDirectives.transferToInterpreter();
            throw InvalidArrayIndexException.create(index);
        }
        table.set(index, ValueConverter.toWasm(table.elementType(), value), null);
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
            return table.size();
        }
        CompilerDirectives.transferToInterpreter();
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return "size".equals(member) || "grow".equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException, UnsupportedTypeException {
        switch (member) {
            case "size":
                if (arguments.length != 0) {
                    throw ArityException.create(0, 0, arguments.length);
                }
                return table.size();
            case "grow":
                if (arguments.length < 1 || arguments.length > 2) {
                    throw ArityException.create(1, 2, arguments.length);
                }
                long delta = MemoryObject.unsignedCount(arguments, 0);
                Object init = arguments.length == 2 ? ValueConverter.toWasm(table.elementType(), arguments[1]) : null;
                return table.grow(delta, init);
            default:
                throw UnknownIdentifierException.create(member);
        }
    }

    /*
     * Identity is the entity's: the host's identity comparisons (Value.equals, JavaScript ===) see one
     * object however often the entity is exported or imported.
     */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState doSame(TableObject receiver, TableObject other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState doOther(@SuppressWarnings("unused") TableObject receiver, @SuppressWarnings("unused") Object other) {
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
