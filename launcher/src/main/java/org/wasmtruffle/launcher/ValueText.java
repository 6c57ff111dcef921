package org.wasmtruffle.launcher;

import java.math.BigInteger;
import java.util.Locale;
import org.graalvm.polyglot.Value;

/**
 * Converts between command-line text and WebAssembly values for {@code --invoke}: arguments are parsed
 * per parameter type, results printed one per line.
 */
final class ValueText {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ValueText() {
    }

    /**
     * Parses an argument of wasm type {@code type}: integers in decimal or {@code 0x} hex, signed or
     * unsigned (e.g. {@code -1} and {@code 4294967295} are the same i32); floats in Java syntax plus
     * {@code inf}, {@code -inf} and {@code nan}; references only as {@code null}.
     *
     * @return an Integer, Long, Float, Double or {@code null}
     * @throws IllegalArgumentException if the text is not a value of the type
     */
    static Object parse(String type, String text) {
        String t = text.trim();
        switch (type) {
            case "i32": {
                BigInteger v = parseInteger(t, type);
                if (v.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0 || v.compareTo(BigInteger.valueOf(0xFFFF_FFFFL)) > 0) {
                    throw outOfRange(type, text);
                }
                return v.intValue();
            }
            case "i64": {
                BigInteger v = parseInteger(t, type);
                if (v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0 || v.compareTo(TWO_TO_64) >= 0) {
                    throw outOfRange(type, text);
                }
                return v.longValue();
            }
            case "f32":
                return parseFloat(t, type, true);
            case "f64":
                return parseFloat(t, type, false);
            case "funcref", "externref":
                if (t.equals("null")) {
                    return null;
                }
                throw new IllegalArgumentException("a " + type + " argument can only be null, not '" + text + "'");
            default:
                throw new IllegalArgumentException("cannot pass a " + type + " argument from the command line");
        }
    }

    private static BigInteger parseInteger(String t, String type) {
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
            throw new IllegalArgumentException("'" + t + "' is not an " + type + " (expected an integer)");
        }
        try {
            BigInteger v = new BigInteger(digits, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not an " + type + " (expected an integer)");
        }
    }

    private static IllegalArgumentException outOfRange(String type, String text) {
        return new IllegalArgumentException("'" + text + "' is out of range for " + type);
    }

    private static Object parseFloat(String t, String type, boolean single) {
        String lower = t.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String magnitude = negative || lower.startsWith("+") ? lower.substring(1) : lower;
        switch (magnitude) {
            case "nan":
                // The canonical quiet NaN, with the sign asked for.
                return single ? (Object) Float.intBitsToFloat(negative ? 0xFFC0_0000 : 0x7FC0_0000)
                                : (Object) Double.longBitsToDouble(negative ? 0xFFF8_0000_0000_0000L : 0x7FF8_0000_0000_0000L);
            case "inf", "infinity":
                return single ? (Object) (negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY)
                                : (Object) (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            default:
                break;
        }
        // Java's parser also takes a trailing type letter (1.5f); a wasm value has none.
        if (lower.endsWith("f") || lower.endsWith("d")) {
            throw new IllegalArgumentException("'" + t + "' is not an " + type + " (expected a number)");
        }
        try {
            return single ? (Object) Float.parseFloat(t) : (Object) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not an " + type + " (expected a number)");
        }
    }

    /** Formats a result of wasm type {@code type} (or of unknown type when {@code type} is null). */
    static String format(String type, Value v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (type == null) {
            return v.toString();
        }
        switch (type) {
            case "i32":
                return v.fitsInInt() ? Integer.toString(v.asInt()) : v.toString();
            case "i64":
                return v.fitsInLong() ? Long.toString(v.asLong()) : v.toString();
            case "f32":
                return v.fitsInFloat() ? formatFloating(v.asFloat()) : v.toString();
            case "f64":
                return v.fitsInDouble() ? formatFloating(v.asDouble()) : v.toString();
            default:
                if (v.isHostObject()) {
                    Object host = v.asHostObject();
                    return String.valueOf(host);
                }
                return v.toString();
        }
    }

    private static String formatFloating(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static String formatFloating(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return formatFloating((double) f);
        }
        return Float.toString(f);
    }
}
