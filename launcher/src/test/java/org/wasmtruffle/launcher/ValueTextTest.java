package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void integers() {
        assertEquals(42, ValueText.parse("i32", "42"));
        assertEquals(-1, ValueText.parse("i32", "-1"));
        assertEquals(-1, ValueText.parse("i32", "4294967295"));
        assertEquals(Integer.MIN_VALUE, ValueText.parse("i32", "-2147483648"));
        assertEquals(255, ValueText.parse("i32", "0xff"));
        assertEquals(-16, ValueText.parse("i32", "-0x10"));
        assertEquals(-1L, ValueText.parse("i64", "18446744073709551615"));
        assertEquals(Long.MIN_VALUE, ValueText.parse("i64", "-9223372036854775808"));
        assertEquals(0x7fffffffffffffffL, ValueText.parse("i64", "0x7fffffffffffffff"));
        for (String bad : new String[]{"4294967296", "-2147483649", "1.5", "", "0x", "--1", "ten"}) {
            assertThrows(IllegalArgumentException.class, () -> ValueText.parse("i32", bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("i64", "18446744073709551616"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("i64", "-9223372036854775809"));
    }

    @Test
    void floats() {
        assertEquals(1.5f, ValueText.parse("f32", "1.5"));
        assertEquals(-2000.0, ValueText.parse("f64", "-2e3"));
        assertEquals(Float.POSITIVE_INFINITY, ValueText.parse("f32", "inf"));
        assertEquals(Double.NEGATIVE_INFINITY, ValueText.parse("f64", "-inf"));
        assertEquals(Double.POSITIVE_INFINITY, ValueText.parse("f64", "Infinity"));
        assertEquals(0x7fc00000, Float.floatToRawIntBits((Float) ValueText.parse("f32", "nan")));
        assertEquals(0xfff8000000000000L, Double.doubleToRawLongBits((Double) ValueText.parse("f64", "-nan")));
        assertEquals(12.0, ValueText.parse("f64", "0x1.8p3"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("f32", "1.5f"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("f64", "x"));
    }

    @Test
    void references() {
        assertNull(ValueText.parse("externref", "null"));
        assertNull(ValueText.parse("funcref", "null"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("externref", "1"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse("v128", "0"));
    }

    @Test
    void formatsResults() {
        assertEquals("-1", ValueText.format("i32", Value.asValue(-1)));
        assertEquals("-1", ValueText.format("i64", Value.asValue(-1L)));
        assertEquals("1.5", ValueText.format("f32", Value.asValue(1.5f)));
        assertEquals("0.1", ValueText.format("f32", Value.asValue(0.1f)));
        assertEquals("inf", ValueText.format("f64", Value.asValue(Double.POSITIVE_INFINITY)));
        assertEquals("-inf", ValueText.format("f32", Value.asValue(Float.NEGATIVE_INFINITY)));
        assertEquals("NaN", ValueText.format("f64", Value.asValue(Double.NaN)));
        assertEquals("null", ValueText.format("externref", Value.asValue(null)));
    }
}
