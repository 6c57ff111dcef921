package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.utilities.TriState;
import org.wasmtruffle.runtime.WasmGlobal;

/**
 * A global as the host sees it: member {@code value} (readable as the global's type: Integer, Long, Float,
 * Double or a reference; writable with the same conversions as function arguments, when the global is
 * mutable), {@code type} (e.g. {@code "(global (mut i32))"}) and {@code mutable}. There is one such object
 * per global, however often the global is exported or imported.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalObject implements TruffleObject {
    private static final ReadOnlyArray MEMBERS = new ReadOnlyArray("value", "type", "mutable");

    private final WasmGlobal global;

    public GlobalObject(WasmGlobal global) {
        this.global = global;
    }

    public WasmGlobal global() {
        return global;
    }

    /** The global's type, e.g. {@code "(global (mut i32))"}. */
    public String typeText() {
        return ExternDescriptor.typeText(global.type());
    }

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
        return "value".equals(member) || "type".equals(member) || "mutable".equals(member);
    }

    @ExportMessage
    boolean isMemberModifiable(String member) {
        return "value".equals(member) && global.type().mutable();
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        switch (member) {
            case "value":
                return ValueConverter.toInterop(global.value());
            case "type":
                return typeText();
            case "mutable":
                return global.type().mutable();
            default:
                throw UnknownIdentifierException.create(member);
        }
    }

    @ExportMessage
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException, UnsupportedTypeException {
        if (!"value".equals(member)) {
            CompilerDirectives.transferToInterpreter();
            if (isMemberReadable(member)) {
                throw UnsupportedMessageException.create();
            }
            throw UnknownIdentifierException.create(member);
        }
        if (!global.type().mutable()) {
            CompilerDirectives.transferToInterpreter();
            throw UnsupportedMessageException.create();
        }
        global.setValue(ValueConverter.toWasm(global.type().valueType(), value));
    }

    /*
     * Identity is the entity's: the host's identity comparisons (Value.equals, JavaScript ===) see one
     * object however often the entity is exported or imported.
     */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState doSame(GlobalObject receiver, GlobalObject other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState doOther(@SuppressWarnings("unused") GlobalObject receiver, @SuppressWarnings("unused") Object other) {
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
        return typeText() + " = " + ValueConverter.display(ValueConverter.toInterop(global.value()));
    }
}
