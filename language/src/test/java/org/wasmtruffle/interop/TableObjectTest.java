package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exported table as a host array of references with {@code size} and {@code grow}. */
class TableObjectTest {
    private final WasmTestContext wasm = new WasmTestContext(false);
    private Value exports;

    @BeforeEach
    void instantiate() {
        exports = wasm.exports("""
                        (module
                          (func $f (export "f"))
                          (table (export "funcs") 2 4 funcref)
                          (table (export "externs") 1 externref)
                          (elem (table 0) (i32.const 1) func $f))
                        """);
    }

    @AfterEach
    void close() {
        wasm.close();
    }

    @Test
    void elementsAreReferencesOrNull() {
        Value funcs = exports.getMember("funcs");
        assertTrue(funcs.hasArrayElements());
        assertEquals(2, funcs.getArraySize());
        assertTrue(funcs.getArrayElement(0).isNull());
        assertEquals(exports.getMember("f"), funcs.getArrayElement(1));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> funcs.getArrayElement(2));
    }

    @Test
    void funcrefTablesAcceptOnlyFunctionsAndNull() {
        Value funcs = exports.getMember("funcs");
        funcs.setArrayElement(0, exports.getMember("f"));
        assertEquals(exports.getMember("f"), funcs.getArrayElement(0));
        funcs.setArrayElement(1, null);
        assertTrue(funcs.getArrayElement(1).isNull());
        assertThrows(ClassCastException.class, () -> funcs.setArrayElement(0, 42));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> funcs.setArrayElement(5, null));
    }

    @Test
    void externrefTablesHoldAnyHostValue() {
        Value externs = exports.getMember("externs");
        Object token = new Object();
        externs.setArrayElement(0, token);
        assertSame(token, externs.getArrayElement(0).asHostObject());
        externs.setArrayElement(0, "text");
        assertEquals("text", externs.getArrayElement(0).asString());
    }

    @Test
    void growAddsElementsUpToTheMaximum() {
        Value funcs = exports.getMember("funcs");
        assertEquals(2, funcs.getMember("size").asInt());
        assertEquals(2L, funcs.invokeMember("grow", 1, exports.getMember("f")).asLong());
        assertEquals(3, funcs.getArraySize());
        assertEquals(exports.getMember("f"), funcs.getArrayElement(2));
        assertEquals(3L, funcs.invokeMember("grow", 1).asLong());
        assertTrue(funcs.getArrayElement(3).isNull());
        assertEquals(-1L, funcs.invokeMember("grow", 1).asLong());
        assertEquals(4, funcs.invokeMember("size").asInt());
        assertThrows(IllegalArgumentException.class, () -> funcs.invokeMember("grow", 1, "not a function"));
    }

    @Test
    void describesItselfByItsCurrentType() {
        assertEquals("(table 2 4 funcref)", exports.getMember("funcs").toString());
        assertEquals("(table 1 externref)", exports.getMember("externs").toString());
    }
}
