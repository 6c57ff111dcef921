package org.wasmtruffle.binary;

import org.wasmtruffle.ModuleLoadException;

/**
 * The binary is not a well-formed module. The message reads
 * {@code "<source>: malformed module at byte offset N: <reason>"}, where the reason uses the
 * specification's wording (e.g. "unexpected end", "integer representation too long").
 */
public final class MalformedModuleException extends ModuleLoadException {
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
}
