package org.wasmtruffle.numeric;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;

/**
 * The WebAssembly conversions between integers and floats, and between f32 and f64, with their exact
 * rounding, range and NaN rules. Unsigned integers travel in {@code int}/{@code long} as their bit patterns.
 *
 * <p>Truncations ({@code trunc}) trap on NaN and on values whose integral part is out of the target range;
 * the saturating ones ({@code trunc_sat}) map NaN to 0 and clamp. Integer-to-float conversions round to
 * nearest, ties to even, in a single rounding. The trivial conversions ({@code wrap}, {@code extend},
 * {@code reinterpret}, signed integer to f64) are plain Java casts and
 * {@code Float.floatToRawIntBits}/{@code intBitsToFloat}.
 */
public final class NumericConversions {
    private static final float F32_TWO_31 = 0x1p31f;
    private static final float F32_TWO_32 = 0x1p32f;
    private static final float F32_TWO_63 = 0x1p63f;
    private static final float F32_TWO_64 = 0x1p64f;
    private static final double F64_TWO_31 = 0x1p31;
    private static final double F64_TWO_32 = 0x1p32;
    private static final double F64_TWO_63 = 0x1p63;
    private static final double F64_TWO_64 = 0x1p64;

    private NumericConversions() {
    }

    // ---- trapping truncation ---------------------------------------------------------------------------
    // In range means: the value truncated toward zero fits. Bounds are written so that each comparison is
    // exact in the source type (no f32 lies strictly between -2^31 - 1 and -2^31, for instance).

    /** {@code i32.trunc_f32_s}. */
    public static int i32TruncF32S(float a, Node location) {
        if (!(a >= -F32_TWO_31 && a < F32_TWO_31)) {
            throw truncationTrap(a != a, location);
        }
        return (int) a;
    }

    /** {@code i32.trunc_f32_u}: the result is the unsigned bit pattern. */
    public static int i32TruncF32U(float a, Node location) {
        if (!(a > -1.0f && a < F32_TWO_32)) {
            throw truncationTrap(a != a, location);
        }
        return (int) (long) a;
    }

    /** {@code i32.trunc_f64_s}. */
    public static int i32TruncF64S(double a, Node location) {
        if (!(a > -F64_TWO_31 - 1.0 && a < F64_TWO_31)) {
            throw truncationTrap(a != a, location);
        }
        return (int) a;
    }

    /** {@code i32.trunc_f64_u}: the result is the unsigned bit pattern. */
    public static int i32TruncF64U(double a, Node location) {
        if (!(a > -1.0 && a < F64_TWO_32)) {
            throw truncationTrap(a != a, location);
        }
        return (int) (long) a;
    }

    /** {@code i64.trunc_f32_s}. */
    public static long i64TruncF32S(float a, Node location) {
        if (!(a >= -F32_TWO_63 && a < F32_TWO_63)) {
            throw truncationTrap(a != a, location);
        }
        return (long) a;
    }

    /** {@code i64.trunc_f32_u}: the result is the unsigned bit pattern. */
    public static long i64TruncF32U(float a, Node location) {
        if (!(a > -1.0f && a < F32_TWO_64)) {
            throw truncationTrap(a != a, location);
        }
        return unsignedLongOf(a);
    }

    /** {@code i64.trunc_f64_s}. */
    public static long i64TruncF64S(double a, Node location) {
        if (!(a >= -F64_TWO_63 && a < F64_TWO_63)) {
            throw truncationTrap(a != a, location);
        }
        return (long) a;
    }

    /** {@code i64.trunc_f64_u}: the result is the unsigned bit pattern. */
    public static long i64TruncF64U(double a, Node location) {
        if (!(a > -1.0 && a < F64_TWO_64)) {
            throw truncationTrap(a != a, location);
        }
        return unsignedLongOf(a);
    }

    /** The truncation of {@code a}, which lies in {@code (-1, 2^64)}, as an unsigned bit pattern. */
    private static long unsignedLongOf(double a) {
        if (a < F64_TWO_63) {
            return (long) a;
        }
        // a - 2^63 is exact here (both lie within a factor of two), and fits a signed long.
        return (long) (a - F64_TWO_63) ^ Long.MIN_VALUE;
    }

    private static Trap truncationTrap(boolean nan, Node location) {
        CompilerDirectives.transferToInterpreter();
        return Trap.create(nan ? TrapKind.INVALID_CONVERSION_TO_INTEGER : TrapKind.INTEGER_OVERFLOW, location);
    }

    // ---- saturating truncation -------------------------------------------------------------------------
    // Java's float-to-int/long casts already truncate, saturate and map NaN to 0: exactly the signed rules.

    /** {@code i32.trunc_sat_f32_s}. */
    public static int i32TruncSatF32S(float a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f32_u}: NaN and negatives give 0, too large gives 2^32-1 (i.e. -1). */
    public static int i32TruncSatF32U(float a) {
        return i32TruncSatF64U(a);
    }

    /** {@code i32.trunc_sat_f64_s}. */
    public static int i32TruncSatF64S(double a) {
        return (int) a;
    }

    /** {@code i32.trunc_sat_f64_u}: NaN and negatives give 0, too large gives 2^32-1 (i.e. -1). */
    public static int i32TruncSatF64U(double a) {
        if (!(a > 0)) {
            return 0;
        }
        if (a >= F64_TWO_32) {
            return -1;
        }
        return (int) (long) a;
    }

    /** {@code i64.trunc_sat_f32_s}. */
    public static long i64TruncSatF32S(float a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f32_u}: NaN and negatives give 0, too large gives 2^64-1 (i.e. -1). */
    public static long i64TruncSatF32U(float a) {
        return i64TruncSatF64U(a);
    }

    /** {@code i64.trunc_sat_f64_s}. */
    public static long i64TruncSatF64S(double a) {
        return (long) a;
    }

    /** {@code i64.trunc_sat_f64_u}: NaN and negatives give 0, too large gives 2^64-1 (i.e. -1). */
    public static long i64TruncSatF64U(double a) {
        if (!(a > 0)) {
            return 0;
        }
        if (a >= F64_TWO_64) {
            return -1;
        }
        return unsignedLongOf(a);
    }

    // ---- integer to float ------------------------------------------------------------------------------

    /** {@code f32.convert_i32_s}. */
    public static float f32ConvertI32S(int a) {
        return a;
    }

    /** {@code f32.convert_i32_u}: the u32 is exact as a long, and long-to-float rounds once. */
    public static float f32ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    /** {@code f32.convert_i64_s}: Java's conversion is IEEE round-to-nearest-even. */
    public static float f32ConvertI64S(long a) {
        return a;
    }

    /** {@code f32.convert_i64_u}. */
    public static float f32ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        // Halve, keeping the dropped bit as a sticky bit so that the one rounding sees whether the value lay
        // above a tie; 63 significant bits are far more than f32's 24, and doubling back is exact.
        return ((a >>> 1) | (a & 1)) * 2.0f;
    }

    /** {@code f64.convert_i32_s}. */
    public static double f64ConvertI32S(int a) {
        return a;
    }

    /** {@code f64.convert_i32_u}: exact. */
    public static double f64ConvertI32U(int a) {
        return Integer.toUnsignedLong(a);
    }

    /** {@code f64.convert_i64_s}: Java's conversion is IEEE round-to-nearest-even. */
    public static double f64ConvertI64S(long a) {
        return a;
    }

    /** {@code f64.convert_i64_u}. */
    public static double f64ConvertI64U(long a) {
        if (a >= 0) {
            return a;
        }
        // As in f32ConvertI64U: 63 bits with a sticky bit round exactly like 64 to f64's 53.
        return ((a >>> 1) | (a & 1)) * 2.0;
    }

    // ---- between f32 and f64 ---------------------------------------------------------------------------

    /**
     * {@code f32.demote_f64}: rounds to nearest even. A NaN keeps its sign and the top of its payload and
     * gets the quiet bit, so a canonical NaN stays canonical.
     */
    public static float f32DemoteF64(double a) {
        if (a != a) {
            long bits = Double.doubleToRawLongBits(a);
            int sign = (int) (bits >>> 32) & 0x8000_0000;
            int payload = (int) (bits >>> 29) & 0x003F_FFFF;
            return Float.intBitsToFloat(sign | 0x7FC0_0000 | payload);
        }
        return (float) a;
    }

    /**
     * {@code f64.promote_f32}: exact. A NaN keeps its sign and payload (as the top payload bits) and gets
     * the quiet bit, so a canonical NaN stays canonical.
     */
    public static double f64PromoteF32(float a) {
        if (a != a) {
            int bits = Float.floatToRawIntBits(a);
            long sign = (long) (bits & 0x8000_0000) << 32;
            long payload = (long) (bits & 0x003F_FFFF) << 29;
            return Double.longBitsToDouble(sign | 0x7FF8_0000_0000_0000L | payload);
        }
        return a;
    }
}
