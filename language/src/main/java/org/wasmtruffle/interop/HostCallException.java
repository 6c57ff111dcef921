package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.WasmException;

/**
 * A host function imported into a module could not be called as its import type says: it refused the
 * arguments, or returned something that is not a value of the import's result types.
 */
@ExportLibrary(InteropLibrary.class)
public final class HostCallException extends WasmException {
    private static final long serialVersionUID = 1L;

    private HostCallException(String message, Node location) {
        super(message, location);
    }

    /** Call behind a transfer to the interpreter. */
    @TruffleBoundary
    public static HostCallException create(String functionName, String problem, Node location) {
        return new HostCallException("host function " + functionName + ": " + problem, location);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
