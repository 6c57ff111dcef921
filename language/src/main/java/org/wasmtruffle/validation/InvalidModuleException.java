package org.wasmtruffle.validation;

import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmException;

/**
 * The module is well-formed but does not validate. The message reads
 * {@code "<source>: invalid module: <reason>"} plus where (function and byte offset) when known; the
 * reason uses the specification's wording (e.g. "type mismatch", "unknown local").
 */
@ExportLibrary(InteropLibrary.class)
public final class InvalidModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public InvalidModuleException(String sourceName, String reason, String where) {
        super(sourceName + ": invalid module: " + reason + (where == null ? "" : " (" + where + ")"));
        this.reason = reason;
    }

    /** The specification's wording of what is wrong. */
    public String reason() {
        return reason;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    /* A parse error points at the module it was found in (InvalidSyntaxTest of the Truffle TCK requires it). */
    @ExportMessage
    boolean hasSourceLocation() {
        return attachedSourceSection() != null;
    }

    @ExportMessage
    SourceSection getSourceLocation() throws UnsupportedMessageException {
        SourceSection section = attachedSourceSection();
        if (section == null) {
            throw UnsupportedMessageException.create();
        }
        return section;
    }
}
