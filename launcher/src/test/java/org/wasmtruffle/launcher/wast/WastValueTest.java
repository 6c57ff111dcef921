package org.wasmtruffle.launcher.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.junit.jupiter.api.Test;

class WastValueTest {
    private static WastValue v(String type, String value) {
        return new WastValue(type, value);
    }

    @Test
    void parsesJsonValueObjects() {
        assertEquals(v("i32", "4294967295"), WastValue.fromJson(Map.of("type", "i32", "value", "4294967295")));
        assertEquals(v("i64", null), WastValue.fromJson(Map.of("type", "i64")));
        WastValue simd = WastValue.fromJson(Map.of("type", "v128", "lane_type", "i32", "value", List.of("1", "2", "3", "4")));
        assertTrue(simd.isSimd());
        assertEquals("1 2 3 4", simd.value());
        assertThrows(IllegalArgumentException.class, () -> WastValue.fromJson(Map.of("value", "1")));
    }

    @Test
    void integerArgumentsAreTheUnsignedTextsBits() {
        assertEquals(-1, v("i32", "4294967295").toArgument());
        assertEquals(Integer.MIN_VALUE, v("i32", "2147483648").toArgument());
        assertEquals(7, v("i32", "7").toArgument());
        assertEquals(-1L, v("i64", "18446744073709551615").toArgument());
        assertEquals(Long.MIN_VALUE, v("i64", "9223372036854775808").toArgument());
        assertEquals(-5L, v("i64", "-5").toArgument());
        assertThrows(NumberFormatException.class, () -> v("i32", "4294967296").toArgument());
    }

    @Test
    void floatArgumentsKeepExactBits() {
        // A signalling NaN with a payload must reach the guest unchanged.
        Object f = v("f32", "2141192192").toArgument();
        assertEquals(2141192192, Float.floatToRawIntBits((Float) f));
        Object negativeZero = v("f32", "2147483648").toArgument();
        assertEquals(0x80000000, Float.floatToRawIntBits((Float) negativeZero));
        Object d = v("f64", "9219994337134247936").toArgument();
        assertEquals(9219994337134247936L, Double.doubleToRawLongBits((Double) d));
        assertEquals(1.0, v("f64", "4607182418800017408").toArgument());
    }

    @Test
    void referenceArguments() {
        assertNull(v("externref", "null").toArgument());
        assertNull(v("funcref", "null").toArgument());
        assertEquals(new ExternRef(42), v("externref", "42").toArgument());
        assertThrows(IllegalArgumentException.class, () -> v("funcref", "1").toArgument());
        assertThrows(IllegalArgumentException.class, () -> v("v128", "1 2 3 4").toArgument());
    }

    @Test
    void comparesIntegersByBits() {
        assertNull(v("i32", "4294967294").mismatch(Value.asValue(-2)));
        assertNull(v("i64", "18446744073709551615").mismatch(Value.asValue(-1L)));
        String mismatch = v("i32", "1").mismatch(Value.asValue(2));
        assertEquals("expected i32:1, got i32:2", mismatch);
        assertNotNull(v("i32", "1").mismatch(Value.asValue("1")));
        assertNotNull(v("i32", "1").mismatch(null));
    }

    @Test
    void comparesFloatsByBits() {
        assertNull(v("f32", "1065353216").mismatch(Value.asValue(1.0f)));
        // 0.0 and -0.0 are equal as numbers but not as bits.
        assertNotNull(v("f32", "0").mismatch(Value.asValue(-0.0f)));
        assertNotNull(v("f64", "0").mismatch(Value.asValue(-0.0)));
        assertNull(v("f64", "9223372036854775808").mismatch(Value.asValue(-0.0)));
    }

    @Test
    void nanExpectations() {
        float canonical = Float.intBitsToFloat(0x7fc00000);
        float negativeCanonical = Float.intBitsToFloat(0xffc00000);
        float arithmetic = Float.intBitsToFloat(0x7fc00001);
        float signalling = Float.intBitsToFloat(0x7fa00000);
        assertNull(v("f32", "nan:canonical").mismatch(Value.asValue(canonical)));
        assertNull(v("f32", "nan:canonical").mismatch(Value.asValue(negativeCanonical)));
        assertNotNull(v("f32", "nan:canonical").mismatch(Value.asValue(arithmetic)));
        assertNull(v("f32", "nan:arithmetic").mismatch(Value.asValue(arithmetic)));
        assertNull(v("f32", "nan:arithmetic").mismatch(Value.asValue(canonical)));
        assertNotNull(v("f32", "nan:arithmetic").mismatch(Value.asValue(signalling)));
        assertNotNull(v("f32", "nan:arithmetic").mismatch(Value.asValue(1.0f)));

        assertNull(v("f64", "nan:canonical").mismatch(Value.asValue(Double.longBitsToDouble(0xfff8000000000000L))));
        assertNotNull(v("f64", "nan:canonical").mismatch(Value.asValue(Double.longBitsToDouble(0x7ff8000000000001L))));
        assertNull(v("f64", "nan:arithmetic").mismatch(Value.asValue(Double.longBitsToDouble(0x7ff8000000000001L))));
        assertNotNull(v("f64", "nan:arithmetic").mismatch(Value.asValue(Double.longBitsToDouble(0x7ff4000000000000L))));
    }

    @Test
    void comparesReferences() {
        assertNull(v("externref", "null").mismatch(Value.asValue(null)));
        assertNull(v("externref", "7").mismatch(Value.asValue(new ExternRef(7))));
        assertNotNull(v("externref", "7").mismatch(Value.asValue(new ExternRef(8))));
        assertNotNull(v("externref", "7").mismatch(Value.asValue(null)));
        assertNotNull(v("externref", "null").mismatch(Value.asValue(new ExternRef(1))));
        assertNull(v("funcref", "null").mismatch(Value.asValue(null)));
        assertNotNull(v("funcref", "null").mismatch(Value.asValue(new Object())));
    }

    @Test
    void aMissingExpectedValueMatchesAnything() {
        assertNull(v("i64", null).mismatch(Value.asValue(5L)));
    }

    @Test
    void comparesResultLists() {
        assertNull(ScriptSession.compare(List.of(), null));
        assertNull(ScriptSession.compare(List.of(), Value.asValue(null)));
        assertNotNull(ScriptSession.compare(List.of(), Value.asValue(1)));
        try (Context context = Context.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            Value pair = context.asValue(ProxyArray.fromArray(1, 2L));
            assertNull(ScriptSession.compare(List.of(v("i32", "1"), v("i64", "2")), pair));
            assertEquals("result 1: expected i64:3, got i64:2", ScriptSession.compare(List.of(v("i32", "1"), v("i64", "3")), pair));
            assertNotNull(ScriptSession.compare(List.of(v("i32", "1")), pair));
        }
        assertNotNull(ScriptSession.compare(List.of(v("i32", "1"), v("i64", "2")), Value.asValue(1)));
    }

    @Test
    void trapMessagesMatchTheScriptsText() {
        assertTrue(ScriptSession.trapMatches("integer divide by zero", "integer divide by zero"));
        assertTrue(ScriptSession.trapMatches("out of bounds memory access: address 65536", "out of bounds memory access"));
        assertTrue(ScriptSession.trapMatches("uninitialized element", "uninitialized element 2"));
        assertTrue(!ScriptSession.trapMatches("unreachable", "integer overflow"));
        assertTrue(!ScriptSession.trapMatches("", "unreachable"));
        assertTrue(!ScriptSession.trapMatches(null, "unreachable"));
    }
}
