package org.wasmtruffle.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;

class NumericConversionsTest {

    private static void assertTrap(TrapKind kind, Executable op) {
        assertEquals(kind, assertThrows(Trap.class, op).kind());
    }

    @Test
    void truncationRangeBoundariesF64ToI32() {
        assertEquals(Integer.MIN_VALUE, NumericConversions.i32TruncF64S(-2147483648.9, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF64S(-2147483649.0, null));
        assertEquals(Integer.MAX_VALUE, NumericConversions.i32TruncF64S(2147483647.9, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF64S(2147483648.0, null));
        assertEquals(0, NumericConversions.i32TruncF64U(-0.9, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF64U(-1.0, null));
        assertEquals(-1, NumericConversions.i32TruncF64U(4294967295.9, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF64U(4294967296.0, null));
    }

    @Test
    void truncationRangeBoundariesF32() {
        assertEquals(Integer.MIN_VALUE, NumericConversions.i32TruncF32S(-0x1p31f, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF32S(Math.nextDown(-0x1p31f), null));
        assertEquals(0x7FFF_FF80, NumericConversions.i32TruncF32S(Math.nextDown(0x1p31f), null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF32S(0x1p31f, null));
        assertEquals(0, NumericConversions.i32TruncF32U(Math.nextUp(-1.0f), null));
        assertEquals(0xFFFF_FF00, NumericConversions.i32TruncF32U(Math.nextDown(0x1p32f), null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF32U(0x1p32f, null));
        assertEquals(Long.MIN_VALUE, NumericConversions.i64TruncF32S(-0x1p63f, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF32S(0x1p63f, null));
        assertEquals(0xFFFF_FF00_0000_0000L, NumericConversions.i64TruncF32U(Math.nextDown(0x1p64f), null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF32U(0x1p64f, null));
    }

    @Test
    void truncationRangeBoundariesF64ToI64() {
        assertEquals(Long.MIN_VALUE, NumericConversions.i64TruncF64S(-0x1p63, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF64S(Math.nextDown(-0x1p63), null));
        assertEquals(0x7FFF_FFFF_FFFF_FC00L, NumericConversions.i64TruncF64S(Math.nextDown(0x1p63), null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF64S(0x1p63, null));
        assertEquals(Long.MIN_VALUE, NumericConversions.i64TruncF64U(0x1p63, null));
        assertEquals(0xFFFF_FFFF_FFFF_F800L, NumericConversions.i64TruncF64U(Math.nextDown(0x1p64), null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF64U(0x1p64, null));
        assertEquals(0L, NumericConversions.i64TruncF64U(-0.999, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF64U(-1.0, null));
    }

    @Test
    void truncationOfNaNIsAnInvalidConversionAndOfInfinityAnOverflow() {
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> NumericConversions.i32TruncF32S(Float.NaN, null));
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> NumericConversions.i32TruncF64U(Double.NaN, null));
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER,
                        () -> NumericConversions.i64TruncF32U(Float.intBitsToFloat(0xFFA0_0000), null));
        assertTrap(TrapKind.INVALID_CONVERSION_TO_INTEGER, () -> NumericConversions.i64TruncF64S(Double.NaN, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i32TruncF32U(Float.NEGATIVE_INFINITY, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> NumericConversions.i64TruncF64S(Double.POSITIVE_INFINITY, null));
    }

    @Test
    void saturatingTruncationClampsAndMapsNaNToZero() {
        assertEquals(0, NumericConversions.i32TruncSatF32S(Float.NaN));
        assertEquals(Integer.MIN_VALUE, NumericConversions.i32TruncSatF32S(Float.NEGATIVE_INFINITY));
        assertEquals(Integer.MAX_VALUE, NumericConversions.i32TruncSatF64S(1e300));
        assertEquals(0, NumericConversions.i32TruncSatF32U(-5.0f));
        assertEquals(0, NumericConversions.i32TruncSatF64U(Double.NaN));
        assertEquals(-1, NumericConversions.i32TruncSatF64U(4294967296.0));
        assertEquals(-1, NumericConversions.i32TruncSatF64U(4294967295.5));
        assertEquals(Long.MAX_VALUE, NumericConversions.i64TruncSatF32S(Float.POSITIVE_INFINITY));
        assertEquals(0L, NumericConversions.i64TruncSatF64S(Double.NaN));
        assertEquals(-1L, NumericConversions.i64TruncSatF64U(0x1p64));
        assertEquals(-1L, NumericConversions.i64TruncSatF32U(Float.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, NumericConversions.i64TruncSatF64U(0x1p63));
        assertEquals(0L, NumericConversions.i64TruncSatF32U(Float.intBitsToFloat(0x7FA0_0000)));
    }

    @Test
    void unsignedIntegerToFloatIsCorrectlyRounded() {
        // The decimal parsers round exactly, so they are the reference. Random values, plus the values near
        // 2^63..2^64 and exact ties, where a naive halving would round twice.
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong();
            if ((i & 3) == 0) {
                v = (v | Long.MIN_VALUE) & ~((1L << random.nextInt(40)) - 1); // many trailing zeros: ties
            } else if ((i & 3) == 1) {
                v = Long.MIN_VALUE | (1L << random.nextInt(63)) | (v & 0xFFF) | 1;
            }
            checkUnsignedConversion(v);
        }
        long[] edges = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0080_0000_0001L, 0x8000_0080_0000_0000L,
            0x8000_0000_0000_0401L, 0x8000_0000_0000_0400L, 0xFFFF_FF7F_FFFF_FFFFL, 0xFFFF_FFFF_FFFF_FBFFL,
            0x0020_0000_0000_0001L, 0x0000_0000_0100_0001L};
        for (long v : edges) {
            checkUnsignedConversion(v);
        }
        for (int i = 0; i < 100_000; i++) {
            int v = random.nextInt();
            String decimal = Integer.toUnsignedString(v);
            assertEquals(Float.parseFloat(decimal), NumericConversions.f32ConvertI32U(v), decimal);
            assertEquals(Double.parseDouble(decimal), NumericConversions.f64ConvertI32U(v), decimal);
        }
    }

    private static void checkUnsignedConversion(long v) {
        String decimal = Long.toUnsignedString(v);
        assertEquals(Float.floatToRawIntBits(Float.parseFloat(decimal)),
                        Float.floatToRawIntBits(NumericConversions.f32ConvertI64U(v)), decimal);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(decimal)),
                        Double.doubleToRawLongBits(NumericConversions.f64ConvertI64U(v)), decimal);
    }

    @Test
    void signedIntegerToFloatRoundsHalfToEven() {
        assertEquals(16777216.0f, NumericConversions.f32ConvertI32S(16777217));
        assertEquals(16777220.0f, NumericConversions.f32ConvertI32S(16777219));
        assertEquals(9007199254740992.0, NumericConversions.f64ConvertI64S(9007199254740993L));
        assertEquals(Float.parseFloat("9223371761976868863"), NumericConversions.f32ConvertI64S(9223371761976868863L));
        assertEquals(-0x1p63f, NumericConversions.f32ConvertI64S(Long.MIN_VALUE));
    }

    @Test
    void demoteAndPromoteQuietNaNsAndKeepTheirSign() {
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits(NumericConversions.f32DemoteF64(Double.NaN)));
        assertEquals(0xFFC0_0000,
                        Float.floatToRawIntBits(NumericConversions.f32DemoteF64(Double.longBitsToDouble(0xFFF8_0000_0000_0000L))));
        // A signalling NaN whose payload lies below f32's precision still becomes a (quiet) NaN.
        assertEquals(0x7FC0_0000,
                        Float.floatToRawIntBits(NumericConversions.f32DemoteF64(Double.longBitsToDouble(0x7FF0_0000_0000_0001L))));
        assertEquals(0x7FE0_0000,
                        Float.floatToRawIntBits(NumericConversions.f32DemoteF64(Double.longBitsToDouble(0x7FF4_0000_0000_0000L))));
        assertEquals(0x7FF8_0000_2000_0000L,
                        Double.doubleToRawLongBits(NumericConversions.f64PromoteF32(Float.intBitsToFloat(0x7F80_0001))));
        assertEquals(0xFFF8_0000_0000_0000L,
                        Double.doubleToRawLongBits(NumericConversions.f64PromoteF32(Float.intBitsToFloat(0xFFC0_0000))));
    }

    @Test
    void demoteRoundsHalfToEvenAndOverflowsToInfinity() {
        assertEquals(1.0f, NumericConversions.f32DemoteF64(1.0 + 0x1p-24));
        assertEquals(Math.nextUp(1.0f), NumericConversions.f32DemoteF64(1.0 + 0x1p-24 + 0x1p-52));
        assertEquals(Float.POSITIVE_INFINITY, NumericConversions.f32DemoteF64(0x1.ffffffp127));
        assertEquals(Float.MAX_VALUE, NumericConversions.f32DemoteF64(0x1.fffffefffffffp127));
        assertEquals(Float.MIN_VALUE, NumericConversions.f32DemoteF64(0x1.8p-150));
        assertEquals(0x8000_0000, Float.floatToRawIntBits(NumericConversions.f32DemoteF64(-0x1p-150)));
        assertEquals(1.5, NumericConversions.f64PromoteF32(1.5f));
    }
}
