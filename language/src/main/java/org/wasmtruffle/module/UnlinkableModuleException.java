package org.wasmtruffle.module;

import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.wasmtruffle.WasmException;

/**
 * Instantiation could not satisfy an import: it is missing ("unknown import") or its type does not match
 * ("incompatible import type"). The message reads {@code "<source>: unlinkable module: <reason>: <details>"}
 * and names the import.
 */
@ExportLibrary(InteropLibrary.class)
public final class UnlinkableModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    public UnlinkableModuleException(String sourceName, String reason, String details) {
        super(sourceName + ": unlinkable module: " + reason + ": " + details);
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
