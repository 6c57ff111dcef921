package org.wasmtruffle.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloatArithmeticTest {
    private static final int F32_SIGNALLING = 0x7FA0_0001;
    private static final int F32_CANONICAL = 0x7FC0_0000;
    private static final long F64_SIGNALLING = 0x7FF4_0000_0000_0001L;
    private static final long F64_CANONICAL = 0x7FF8_0000_0000_0000L;

    private static float f32(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static int bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    @Test
    void minAndMaxOrderNegativeZeroBelowPositiveZero() {
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Min(0.0f, -0.0f)));
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Min(-0.0f, 0.0f)));
        assertEquals(0, bits(FloatArithmetic.f32Max(-0.0f, 0.0f)));
        assertEquals(0x8000_0000_0000_0000L, bits(FloatArithmetic.f64Min(0.0, -0.0)));
        assertEquals(0L, bits(FloatArithmetic.f64Max(0.0, -0.0)));
        assertEquals(-1.0f, FloatArithmetic.f32Min(-1.0f, Float.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, FloatArithmetic.f64Max(-1.0, Double.POSITIVE_INFINITY));
    }

    @Test
    void minAndMaxQuietANaNOperand() {
        // Either operand position, and the payload survives with the quiet bit added.
        assertEquals(F32_SIGNALLING | 0x0040_0000, bits(FloatArithmetic.f32Min(f32(F32_SIGNALLING), 1.0f)));
        assertEquals(F32_SIGNALLING | 0x0040_0000, bits(FloatArithmetic.f32Max(1.0f, f32(F32_SIGNALLING))));
        assertEquals(0xFFC0_0000, bits(FloatArithmetic.f32Max(f32(0xFFC0_0000), 1.0f)));
        assertEquals(F64_SIGNALLING | 0x0008_0000_0000_0000L, bits(FloatArithmetic.f64Min(1.0, f64(F64_SIGNALLING))));
        assertEquals(F64_CANONICAL, bits(FloatArithmetic.f64Max(f64(F64_CANONICAL), Double.NEGATIVE_INFINITY)));
    }

    @Test
    void roundingOperationsQuietSignallingNaNs() {
        int quietF32 = F32_SIGNALLING | 0x0040_0000;
        assertEquals(quietF32, bits(FloatArithmetic.f32Ceil(f32(F32_SIGNALLING))));
        assertEquals(quietF32, bits(FloatArithmetic.f32Floor(f32(F32_SIGNALLING))));
        assertEquals(quietF32, bits(FloatArithmetic.f32Trunc(f32(F32_SIGNALLING))));
        assertEquals(quietF32, bits(FloatArithmetic.f32Nearest(f32(F32_SIGNALLING))));
        assertEquals(quietF32, bits(FloatArithmetic.f32Sqrt(f32(F32_SIGNALLING))));
        long quietF64 = F64_SIGNALLING | 0x0008_0000_0000_0000L;
        assertEquals(quietF64, bits(FloatArithmetic.f64Ceil(f64(F64_SIGNALLING))));
        assertEquals(quietF64, bits(FloatArithmetic.f64Floor(f64(F64_SIGNALLING))));
        assertEquals(quietF64, bits(FloatArithmetic.f64Trunc(f64(F64_SIGNALLING))));
        assertEquals(quietF64, bits(FloatArithmetic.f64Nearest(f64(F64_SIGNALLING))));
        assertEquals(quietF64, bits(FloatArithmetic.f64Sqrt(f64(F64_SIGNALLING))));
    }

    @Test
    void sqrtOfANegativeNumberIsCanonical() {
        assertEquals(F32_CANONICAL, bits(FloatArithmetic.f32Sqrt(-1.0f)) & 0x7FFF_FFFF);
        assertEquals(F64_CANONICAL, bits(FloatArithmetic.f64Sqrt(Double.NEGATIVE_INFINITY)) & Long.MAX_VALUE);
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Sqrt(-0.0f)));
        assertEquals(0x8000_0000_0000_0000L, bits(FloatArithmetic.f64Sqrt(-0.0)));
    }

    @Test
    void f32SqrtIsCorrectlyRounded() {
        // 2 has a root close to halfway cases in neither format; compare with the exact decimal expansion.
        assertEquals(0x3FB504F3, bits(FloatArithmetic.f32Sqrt(2.0f)));
        assertEquals(0x5F7FFFFF, bits(FloatArithmetic.f32Sqrt(Float.MAX_VALUE)));
    }

    @Test
    void nearestRoundsHalfToEvenAndKeepsTheSign() {
        assertEquals(2.0f, FloatArithmetic.f32Nearest(2.5f));
        assertEquals(4.0f, FloatArithmetic.f32Nearest(3.5f));
        assertEquals(-2.0f, FloatArithmetic.f32Nearest(-2.5f));
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Nearest(-0.5f)));
        assertEquals(0, bits(FloatArithmetic.f32Nearest(0.5f)));
        assertEquals(8388609.0f, FloatArithmetic.f32Nearest(8388609.0f));
        assertEquals(2.0, FloatArithmetic.f64Nearest(2.5));
        assertEquals(0x8000_0000_0000_0000L, bits(FloatArithmetic.f64Nearest(-0.5)));
        assertEquals(4503599627370497.0, FloatArithmetic.f64Nearest(4503599627370497.0));
        assertEquals(Double.NEGATIVE_INFINITY, FloatArithmetic.f64Nearest(Double.NEGATIVE_INFINITY));
    }

    @Test
    void ceilFloorTruncKeepTheSignOfZeroResults() {
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Ceil(-0.5f)));
        assertEquals(0, bits(FloatArithmetic.f32Floor(0.5f)));
        assertEquals(-1.0f, FloatArithmetic.f32Floor(-0.5f));
        assertEquals(0x8000_0000, bits(FloatArithmetic.f32Trunc(-0.7f)));
        assertEquals(-1.0f, FloatArithmetic.f32Trunc(-1.7f));
        assertEquals(1.0f, FloatArithmetic.f32Trunc(1.7f));
        assertEquals(0x8000_0000_0000_0000L, bits(FloatArithmetic.f64Ceil(-0.5)));
        assertEquals(0x8000_0000_0000_0000L, bits(FloatArithmetic.f64Trunc(-0.0)));
        assertEquals(2.0, FloatArithmetic.f64Ceil(1.0000000000000002));
    }

    @Test
    void signOperationsKeepNaNPayloads() {
        assertEquals(F32_SIGNALLING, bits(FloatArithmetic.f32Abs(f32(F32_SIGNALLING | 0x8000_0000))));
        assertEquals(F32_SIGNALLING | 0x8000_0000, bits(FloatArithmetic.f32Neg(f32(F32_SIGNALLING))));
        assertEquals(F32_SIGNALLING | 0x8000_0000, bits(FloatArithmetic.f32Copysign(f32(F32_SIGNALLING), -0.0f)));
        assertEquals(F32_SIGNALLING, bits(FloatArithmetic.f32Copysign(f32(F32_SIGNALLING), f32(0x7FC0_0000))));
        assertEquals(F64_SIGNALLING, bits(FloatArithmetic.f64Abs(f64(F64_SIGNALLING | Long.MIN_VALUE))));
        assertEquals(F64_SIGNALLING | Long.MIN_VALUE, bits(FloatArithmetic.f64Neg(f64(F64_SIGNALLING))));
        assertEquals(F64_SIGNALLING | Long.MIN_VALUE,
                        bits(FloatArithmetic.f64Copysign(f64(F64_SIGNALLING), f64(0xFFF8_0000_0000_0000L))));
        assertEquals(-3.0, FloatArithmetic.f64Copysign(3.0, -0.0));
        assertEquals(3.0f, FloatArithmetic.f32Copysign(-3.0f, 0.0f));
    }
}
