package org.wasmtruffle.module;

/**
 * Size limits of a table or memory, in elements or 64 KiB pages. Values are unsigned 32-bit numbers held
 * in longs; {@code max} is meaningful only when {@code hasMax}.
 */
public record Limits(long min, long max, boolean hasMax) {
    /** Whether limits {@code this} of an import's provider match the import's expected {@code required}. */
    public boolean matches(Limits required) {
        if (min < required.min) {
            return false;
        }
        if (required.hasMax) {
            return hasMax && max <= required.max;
        }
        return true;
    }

    @Override
    public String toString() {
        return hasMax ? min + " " + max : Long.toString(min);
    }
}
