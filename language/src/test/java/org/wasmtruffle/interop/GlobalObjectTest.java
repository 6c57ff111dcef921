package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exported global: its typed {@code value}, {@code type} and {@code mutable}. */
class GlobalObjectTest {
    private final WasmTestContext wasm = new WasmTestContext(false);
    private Value exports;

    @BeforeEach
    void instantiate() {
        exports = wasm.exports("""
                        (module
                          (func $f (export "f"))
                          (global (export "i") (mut i32) (i32.const -1))
                          (global (export "l") (mut i64) (i64.const 1))
                          (global (export "s") (mut f32) (f32.const 0.5))
                          (global (export "d") (mut f64) (f64.const 0.25))
                          (global (export "r") (mut funcref) (ref.null func))
                          (global (export "x") (mut externref) (ref.null extern))
                          (global (export "c") i32 (i32.const 3))
                          (global (export "nan") f32 (f32.const nan:0x200000)))
                        """);
    }

    @AfterEach
    void close() {
        wasm.close();
    }

    @Test
    void valuesAreTypedByTheGlobalsType() {
        assertTrue(exports.getMember("i").getMember("value").fitsInInt());
        assertEquals(-1, exports.getMember("i").getMember("value").asInt());
        assertEquals(1L, exports.getMember("l").getMember("value").asLong());
        assertEquals(0.5f, exports.getMember("s").getMember("value").asFloat());
        assertEquals(0.25, exports.getMember("d").getMember("value").asDouble());
        assertTrue(exports.getMember("r").getMember("value").isNull());
        assertTrue(exports.getMember("x").getMember("value").isNull());
        // NaN payloads survive.
        assertEquals(0x7fa00000, Float.floatToRawIntBits(exports.getMember("nan").getMember("value").asFloat()));
    }

    @Test
    void describesTypeAndMutability() {
        assertEquals("(global (mut i32))", exports.getMember("i").getMember("type").asString());
        assertTrue(exports.getMember("i").getMember("mutable").asBoolean());
        assertEquals("(global i32)", exports.getMember("c").getMember("type").asString());
        assertFalse(exports.getMember("c").getMember("mutable").asBoolean());
    }

    @Test
    void mutableGlobalsAreWritableWithConversions() {
        Value i = exports.getMember("i");
        i.putMember("value", 5);
        assertEquals(5, i.getMember("value").asInt());
        i.putMember("value", 0xFFFF_FFFEL);
        assertEquals(-2, i.getMember("value").asInt());
        exports.getMember("l").putMember("value", new java.math.BigInteger("18446744073709551615"));
        assertEquals(-1L, exports.getMember("l").getMember("value").asLong());
        exports.getMember("s").putMember("value", 0.1);
        assertEquals(0.1f, exports.getMember("s").getMember("value").asFloat());
        exports.getMember("d").putMember("value", 7);
        assertEquals(7.0, exports.getMember("d").getMember("value").asDouble());
        exports.getMember("r").putMember("value", exports.getMember("f"));
        assertEquals(exports.getMember("f"), exports.getMember("r").getMember("value"));
        Object token = new Object();
        exports.getMember("x").putMember("value", token);
        assertEquals(token, exports.getMember("x").getMember("value").asHostObject());
        exports.getMember("x").putMember("value", null);
        assertTrue(exports.getMember("x").getMember("value").isNull());
    }

    @Test
    void wrongTypesAndImmutableGlobalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("i").putMember("value", "text"));
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("i").putMember("value", 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("r").putMember("value", 1));
        assertThrows(UnsupportedOperationException.class, () -> exports.getMember("c").putMember("value", 4));
        assertEquals(3, exports.getMember("c").getMember("value").asInt());
    }
}
