package org.wasmtruffle.validation;

import org.wasmtruffle.ModuleLoadException;

/**
 * The module is well-formed but does not validate. The message reads
 * {@code "<source>: invalid module: <reason>"} plus where (function and byte offset) when known; the
 * reason uses the specification's wording (e.g. "type mismatch", "unknown local").
 */
public final class InvalidModuleException extends ModuleLoadException {
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
}
