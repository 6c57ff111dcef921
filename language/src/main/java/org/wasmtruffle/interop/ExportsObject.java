package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmtruffle.runtime.WasmFunction;

/**
 * An instance's exports: one readable member per export name, whose value is the exported
 * {@link WasmFunction}, {@link TableObject}, {@link MemoryObject} or {@link GlobalObject}. Exported functions
 * can also be invoked as members.
 */
@ExportLibrary(InteropLibrary.class)
public final class ExportsObject implements TruffleObject {
    private final Map<String, Object> exports;
    private final ReadOnlyArray names;

    /** @param exports the exported values by name, in the module's export order */
    ExportsObject(LinkedHashMap<String, Object> exports) {
        this.exports = exports;
        this.names = new ReadOnlyArray(exports.keySet().toArray());
    }

    /** The export called {@code name}, or {@code null}. */
    @TruffleBoundary
    public Object get(String name) {
        return exports.get(name);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return names;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return exports.containsKey(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = get(member);
        if (value == null) {
            CompilerDirectives.transferToInterpreter();
            throw UnknownIdentifierException.create(member);
        }
        return value;
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return get(member) instanceof WasmFunction;
    }

    @ExportMessage
    Object invokeMember(String member, Object[] arguments, @CachedLibrary(limit = "3") InteropLibrary functions)
                    throws UnknownIdentifierException, UnsupportedMessageException, ArityException, UnsupportedTypeException {
        Object value = get(member);
        if (!(value instanceof WasmFunction)) {
            CompilerDirectives.transferToInterpreter();
            throw UnknownIdentifierException.create(member);
        }
        return functions.execute(value, arguments);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "exports " + exports.keySet();
    }
}
