package org.wasmtruffle.numeric;

/**
 * The WebAssembly floating-point instructions whose semantics Java's operators or {@link Math} do not give
 * exactly.
 *
 * <p>NaN rules (specification, "NaN propagation"): {@code abs}, {@code neg} and {@code copysign} only touch
 * the sign bit and keep NaN payloads. Every other operation returns, for a NaN input, that NaN with its quiet
 * bit set (an arithmetic NaN; a canonical input stays canonical), and for a NaN made from non-NaN inputs the
 * canonical NaN. {@code Math.ceil} and friends may hand a signalling NaN back unchanged, so NaN inputs are
 * handled here explicitly. Java's {@code + - * /} already follow these rules on the hardware the JVM runs on
 * (SSE/AVX and AArch64 quiet NaN operands and produce a default NaN whose payload is canonical).
 */
public final class FloatArithmetic {
    private static final int F32_SIGN = 0x8000_0000;
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;

    private FloatArithmetic() {
    }

    /** {@code nan} with its quiet bit set, payload and sign kept. */
    static float quiet(float nan) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(nan) | F32_QUIET);
    }

    /** {@code nan} with its quiet bit set, payload and sign kept. */
    static double quiet(double nan) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(nan) | F64_QUIET);
    }

    // ---- f32 ------------------------------------------------------------------------------------------

    /** {@code f32.min}: NaN if either operand is; {@code -0 < +0}. */
    public static float f32Min(float a, float b) {
        if (a != a) {
            return quiet(a);
        }
        if (b != b) {
            return quiet(b);
        }
        return Math.min(a, b);
    }

    /** {@code f32.max}: NaN if either operand is; {@code -0 < +0}. */
    public static float f32Max(float a, float b) {
        if (a != a) {
            return quiet(a);
        }
        if (b != b) {
            return quiet(b);
        }
        return Math.max(a, b);
    }

    /** {@code f32.ceil}. */
    public static float f32Ceil(float a) {
        if (a != a) {
            return quiet(a);
        }
        // Widening is exact and every f32 integral value is a double integral value, so one rounding only.
        return (float) Math.ceil(a);
    }

    /** {@code f32.floor}. */
    public static float f32Floor(float a) {
        if (a != a) {
            return quiet(a);
        }
        return (float) Math.floor(a);
    }

    /** {@code f32.trunc}: rounds toward zero, keeping the sign of a zero result. */
    public static float f32Trunc(float a) {
        if (a != a) {
            return quiet(a);
        }
        return (float) (a < 0 ? Math.ceil(a) : Math.floor(a));
    }

    /** {@code f32.nearest}: rounds to the nearest integer, ties to even, keeping the sign of a zero result. */
    public static float f32Nearest(float a) {
        if (a != a) {
            return quiet(a);
        }
        return (float) Math.rint(a);
    }

    /** {@code f32.sqrt}: correctly rounded; the square root of a negative number is the canonical NaN. */
    public static float f32Sqrt(float a) {
        if (a != a) {
            return quiet(a);
        }
        if (a < 0) {
            return Float.NaN;
        }
        // Double rounding through f64 is harmless for sqrt (53 >= 2 * 24 + 2).
        return (float) Math.sqrt(a);
    }

    /** {@code f32.abs}: clears the sign bit only. */
    public static float f32Abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & ~F32_SIGN);
    }

    /** {@code f32.neg}: flips the sign bit only. */
    public static float f32Neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ F32_SIGN);
    }

    /** {@code f32.copysign}: the magnitude bits of {@code magnitude} with the sign bit of {@code sign}. */
    public static float f32Copysign(float magnitude, float sign) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(magnitude) & ~F32_SIGN)
                        | (Float.floatToRawIntBits(sign) & F32_SIGN));
    }

    // ---- f64 ------------------------------------------------------------------------------------------

    /** {@code f64.min}: NaN if either operand is; {@code -0 < +0}. */
    public static double f64Min(double a, double b) {
        if (a != a) {
            return quiet(a);
        }
        if (b != b) {
            return quiet(b);
        }
        return Math.min(a, b);
    }

    /** {@code f64.max}: NaN if either operand is; {@code -0 < +0}. */
    public static double f64Max(double a, double b) {
        if (a != a) {
            return quiet(a);
        }
        if (b != b) {
            return quiet(b);
        }
        return Math.max(a, b);
    }

    /** {@code f64.ceil}. */
    public static double f64Ceil(double a) {
        if (a != a) {
            return quiet(a);
        }
        return Math.ceil(a);
    }

    /** {@code f64.floor}. */
    public static double f64Floor(double a) {
        if (a != a) {
            return quiet(a);
        }
        return Math.floor(a);
    }

    /** {@code f64.trunc}: rounds toward zero, keeping the sign of a zero result. */
    public static double f64Trunc(double a) {
        if (a != a) {
            return quiet(a);
        }
        return a < 0 ? Math.ceil(a) : Math.floor(a);
    }

    /** {@code f64.nearest}: rounds to the nearest integer, ties to even, keeping the sign of a zero result. */
    public static double f64Nearest(double a) {
        if (a != a) {
            return quiet(a);
        }
        return Math.rint(a);
    }

    /** {@code f64.sqrt}: correctly rounded; the square root of a negative number is the canonical NaN. */
    public static double f64Sqrt(double a) {
        if (a != a) {
            return quiet(a);
        }
        if (a < 0) {
            return Double.NaN;
        }
        return Math.sqrt(a);
    }

    /** {@code f64.abs}: clears the sign bit only. */
    public static double f64Abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & ~F64_SIGN);
    }

    /** {@code f64.neg}: flips the sign bit only. */
    public static double f64Neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ F64_SIGN);
    }

    /** {@code f64.copysign}: the magnitude bits of {@code magnitude} with the sign bit of {@code sign}. */
    public static double f64Copysign(double magnitude, double sign) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(magnitude) & ~F64_SIGN)
                        | (Double.doubleToRawLongBits(sign) & F64_SIGN));
    }
}
