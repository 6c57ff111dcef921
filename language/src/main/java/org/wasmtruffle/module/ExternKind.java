package org.wasmtruffle.module;

/** The kinds of entity a module imports or exports. */
public enum ExternKind {
    FUNCTION(0, "func"),
    TABLE(1, "table"),
    MEMORY(2, "memory"),
    GLOBAL(3, "global");

    /** The byte that encodes this kind in import and export entries. */
    public final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
