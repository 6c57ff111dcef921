package org.wasmtruffle.validation;

/**
 * What validating a function body finds that its callers' translation needs, packed into one int (so that a
 * module's summaries are one {@code int[]}, kept by the module and by the persistent module cache): the frame
 * slots the function takes, and whether a call of it may be replaced by a copy of its body (see
 * {@link FunctionValidator#INLINE_MAX_BYTES}).
 */
public final class BodySummary {
    private static final int INLINABLE = 1 << 30;

    private BodySummary() {
    }

    static int of(int frameSize, boolean inlinable) {
        assert frameSize >= 0 && frameSize < INLINABLE;
        return inlinable ? frameSize | INLINABLE : frameSize;
    }

    /** The frame slots of the function: its locals plus its deepest operand stack (with room for what it inlines). */
    public static int frameSize(int summary) {
        return summary & ~INLINABLE;
    }

    /** Whether calls of the function may be inlined: a small body without calls, loops or {@code br_table}. */
    public static boolean inlinable(int summary) {
        return (summary & INLINABLE) != 0;
    }
}
