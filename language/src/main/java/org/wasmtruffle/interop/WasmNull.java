package org.wasmtruffle.interop;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * The interop null: what a function without results returns, and how a null reference (which the runtime
 * holds as Java {@code null}) appears to the host.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmNull implements TruffleObject {
    public static final WasmNull INSTANCE = new WasmNull();

    private WasmNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "null";
    }
}
