package org.wasmtruffle.wasi;

import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.WasmException;

/**
 * {@code proc_exit}: unwinds the guest from any call depth. For the embedder it is an exit exception
 * ({@code PolyglotException.isExit()}, {@code getExitStatus()} = the guest's code).
 */
@ExportLibrary(InteropLibrary.class)
public final class WasiExitException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WasiExitException(int status, Node location) {
        // No guest frames are recorded: an exit is not an error to be traced, and may come from deep recursion.
        super("exit status " + status, location, 0);
        this.status = status;
    }

    public int status() {
        return status;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.EXIT;
    }

    @ExportMessage
    int getExceptionExitStatus() {
        return status;
    }
}
