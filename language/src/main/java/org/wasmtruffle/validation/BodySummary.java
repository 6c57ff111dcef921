package org.wasmtruffle.validation;

/**
 * What validating a function body finds that its callers' translation needs, packed into one int (so that a
 * module's summaries are one {@code int[]}, kept by the module and by the persistent module cache): the frame
 * slots the function takes, and whether a call of it may be replaced by a copy of its body (see
 * {@link FunctionValidator#INLINE_MAX_BYTES}).
 */
public final class BodySummary {
    private static final int INLINABLE = 1 << 30;
    private static final int CALLS = 1 << 29;
    /** Frame sizes are below this. */
    static final int FRAME_SIZE_LIMIT = 1 << 28;

    private BodySummary() {
    }

    static int of(int frameSize, boolean inlinable, boolean calls) {
        assert frameSize >= 0 && frameSize < FRAME_SIZE_LIMIT;
        return frameSize | (inlinable ? INLINABLE : 0) | (calls ? CALLS : 0);
    }

    /** The frame slots of the function: its locals plus its deepest operand stack (with room for what it inlines). */
    public static int frameSize(int summary) {
        return summary & (FRAME_SIZE_LIMIT - 1);
    }

    /**
     * Whether calls of the function may be inlined: a small body without loops or {@code br_table}s that calls only
     * functions it inlines.
     */
    public static boolean inlinable(int summary) {
        return (summary & INLINABLE) != 0;
    }

    /** Whether the function's body has calls (which, if it is {@link #inlinable}, it inlines all). */
    public static boolean calls(int summary) {
        return (summary & CALLS) != 0;
    }
}
