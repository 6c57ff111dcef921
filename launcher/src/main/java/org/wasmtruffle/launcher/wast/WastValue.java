package org.wasmtruffle.launcher.wast;

import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * A value in a wast2json script: an argument of an action or an expected result. wast2json writes
 * integers as unsigned decimal strings, floats as the decimal value of their bit pattern, NaN
 * expectations as {@code nan:canonical} / {@code nan:arithmetic}, references as {@code null} or a
 * number, and v128 values as lists of lanes (which this runner does not execute yet).
 *
 * @param type the value type: i32, i64, f32, f64, v128, funcref or externref
 * @param value the value text; {@code null} when the script gives none (e.g. an exhaustion's result)
 */
public record WastValue(String type, String value) {
    private static final int F32_CANONICAL_NAN = 0x7fc00000;
    private static final long F64_CANONICAL_NAN = 0x7ff8000000000000L;

    /** The value a wast2json value object ({@code {"type": ..., "value": ...}}) describes. */
    public static WastValue fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)) {
            throw new IllegalArgumentException("not a value: " + json);
        }
        Object value = map.get("value");
        if (value instanceof List<?> lanes) {
            return new WastValue(type, String.join(" ", lanes.stream().map(String::valueOf).toList()));
        }
        return new WastValue(type, value == null ? null : value.toString());
    }

    /** Whether this is a SIMD value, which the runner skips. */
    public boolean isSimd() {
        return "v128".equals(type);
    }

    /**
     * The Java value to pass to an exported function for this argument: {@link Integer} for i32,
     * {@link Long} for i64, {@link Float} / {@link Double} with exactly the given bits, an
     * {@link ExternRef} or {@code null} for references.
     *
     * @throws IllegalArgumentException if the value cannot be passed (v128, a non-null funcref, bad text)
     */
    public Object toArgument() {
        return switch (type) {
            case "i32" -> parseI32(value);
            case "i64" -> parseI64(value);
            case "f32" -> Float.intBitsToFloat(parseI32(value));
            case "f64" -> Double.longBitsToDouble(parseI64(value));
            case "externref" -> "null".equals(value) ? null : new ExternRef(parseI64(value));
            case "funcref" -> {
                if ("null".equals(value)) {
                    yield null;
                }
                throw new IllegalArgumentException("cannot pass a non-null funcref argument");
            }
            default -> throw new IllegalArgumentException("cannot pass a " + type + " argument");
        };
    }

    /**
     * Checks a result against this expected value, comparing exact bits.
     *
     * @return {@code null} if {@code actual} matches, else a description of the mismatch
     */
    public String mismatch(Value actual) {
        if (value == null) {
            return null; // wast2json gives no value where any result of the type is fine
        }
        boolean matches = switch (type) {
            case "i32" -> isNumber(actual) && actual.fitsInInt() && actual.asInt() == parseI32(value);
            case "i64" -> isNumber(actual) && actual.fitsInLong() && actual.asLong() == parseI64(value);
            case "f32" -> isNumber(actual) && actual.fitsInFloat() && matchesF32(Float.floatToRawIntBits(actual.asFloat()));
            case "f64" -> isNumber(actual) && actual.fitsInDouble() && matchesF64(Double.doubleToRawLongBits(actual.asDouble()));
            case "funcref" -> "null".equals(value) ? actual.isNull() : !actual.isNull();
            case "externref" -> "null".equals(value) ? actual.isNull()
                            : !actual.isNull() && actual.isHostObject() && new ExternRef(parseI64(value)).equals(actual.asHostObject());
            default -> throw new IllegalArgumentException("cannot check a " + type + " result");
        };
        return matches ? null : "expected " + this + ", got " + describe(type, actual);
    }

    private static boolean isNumber(Value v) {
        return v != null && v.isNumber();
    }

    private boolean matchesF32(int bits) {
        return switch (value) {
            case "nan:canonical" -> (bits & 0x7fffffff) == F32_CANONICAL_NAN;
            case "nan:arithmetic" -> (bits & F32_CANONICAL_NAN) == F32_CANONICAL_NAN;
            default -> bits == parseI32(value);
        };
    }

    private boolean matchesF64(long bits) {
        return switch (value) {
            case "nan:canonical" -> (bits & Long.MAX_VALUE) == F64_CANONICAL_NAN;
            case "nan:arithmetic" -> (bits & F64_CANONICAL_NAN) == F64_CANONICAL_NAN;
            default -> bits == parseI64(value);
        };
    }

    /** Parses wast2json's i32 text: unsigned decimal (signed accepted too), as the 32 bits it denotes. */
    static int parseI32(String text) {
        long v = Long.parseLong(text);
        if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
            throw new NumberFormatException("out of range for 32 bits: " + text);
        }
        return (int) v;
    }

    /** Parses wast2json's i64 text: unsigned decimal (signed accepted too), as the 64 bits it denotes. */
    static long parseI64(String text) {
        return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
    }

    /** Describes a result as a value of {@code type} in the script's notation, with a readable form beside it. */
    static String describe(String type, Value actual) {
        if (actual == null || actual.isNull()) {
            return "null";
        }
        if (actual.isNumber()) {
            switch (type) {
                case "i32":
                    if (actual.fitsInInt()) {
                        return "i32:" + Integer.toUnsignedString(actual.asInt());
                    }
                    break;
                case "i64":
                    if (actual.fitsInLong()) {
                        return "i64:" + Long.toUnsignedString(actual.asLong());
                    }
                    break;
                case "f32":
                    if (actual.fitsInFloat()) {
                        float f = actual.asFloat();
                        return "f32:" + Integer.toUnsignedString(Float.floatToRawIntBits(f)) + " (" + f + ")";
                    }
                    break;
                case "f64":
                    if (actual.fitsInDouble()) {
                        double d = actual.asDouble();
                        return "f64:" + Long.toUnsignedString(Double.doubleToRawLongBits(d)) + " (" + d + ")";
                    }
                    break;
                default:
                    break;
            }
        }
        if (actual.isHostObject()) {
            Object host = actual.asHostObject();
            return String.valueOf(host);
        }
        return actual.toString();
    }

    @Override
    public String toString() {
        if (value == null) {
            return type;
        }
        return switch (type) {
            case "f32" -> value.startsWith("nan:") ? "f32:" + value : "f32:" + value + " (" + Float.intBitsToFloat(parseI32(value)) + ")";
            case "f64" -> value.startsWith("nan:") ? "f64:" + value : "f64:" + value + " (" + Double.longBitsToDouble(parseI64(value)) + ")";
            default -> type + ":" + value;
        };
    }
}
