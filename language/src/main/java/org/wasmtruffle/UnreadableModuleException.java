package org.wasmtruffle;

/**
 * The module's bytes could not be read: its source reads them on demand (a launcher's large file) and the read
 * failed, e.g. because the file shrank meanwhile. The message reads {@code "<source>: cannot read the module: <why>"}.
 */
public final class UnreadableModuleException extends ModuleLoadException {
    private static final long serialVersionUID = 1L;

    public UnreadableModuleException(String sourceName, String why) {
        super(sourceName + ": cannot read the module: " + why);
    }
}
