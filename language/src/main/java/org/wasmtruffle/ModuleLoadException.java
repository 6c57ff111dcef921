package org.wasmtruffle;

import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * An error found while loading a module (malformed or invalid): a parse error that points at the module's
 * source (the Truffle TCK's InvalidSyntaxTest requires a location).
 */
@ExportLibrary(InteropLibrary.class)
public abstract class ModuleLoadException extends WasmException {
    private static final long serialVersionUID = 1L;

    /** The module's source, once known; {@code null} before (the decoder and validator see only bytes). */
    private SourceSection sourceSection;

    protected ModuleLoadException(String message) {
        super(message);
    }

    /**
     * Records that the error is in {@code source}. The section is the whole module: a binary source has no
     * characters to point into.
     */
    public final void attachSource(Source source) {
        this.sourceSection = source.createUnavailableSection();
    }

    @ExportMessage
    final ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    final boolean hasSourceLocation() {
        return sourceSection != null;
    }

    @ExportMessage
    final SourceSection getSourceLocation() throws UnsupportedMessageException {
        if (sourceSection == null) {
            throw UnsupportedMessageException.create();
        }
        return sourceSection;
    }
}
