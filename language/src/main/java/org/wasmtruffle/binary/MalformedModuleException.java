package org.wasmtruffle.binary;

import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmException;

/**
 * The binary is not a well-formed module. The message reads
 * {@code "<source>: malformed module at byte offset N: <reason>"}, where the reason uses the
 * specification's wording (e.g. "unexpected end", "integer representation too long").
 */
@ExportLibrary(InteropLibrary.class)
public final class MalformedModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long offset;

    public MalformedModuleException(String sourceName, long offset, String reason) {
        super(sourceName + ": malformed module at byte offset " + offset + ": " + reason);
        this.reason = reason;
        this.offset = offset;
    }

    /** The specification's wording of what is wrong. */
    public String reason() {
        return reason;
    }

    /** Where in the binary the problem was found. */
    public long offset() {
        return offset;
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
