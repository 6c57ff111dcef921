package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Instantiation: globals, element and data segments in specification order, and traps on the way. */
class InstantiationTest {
    private final WasmTestContext wasm = new WasmTestContext(false);

    @AfterEach
    void close() {
        wasm.close();
    }

    private static ProxyObject imports(String module, Value fields) {
        return ProxyObject.fromMap(Map.of(module, fields));
    }

    private static String bytes(Value memory, int offset, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = memory.readBufferByte(offset + i);
        }
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void globalsAreInitializedInOrderFromConstantExpressions() {
        Value provider = wasm.exports("(module (global (export \"base\") i32 (i32.const 1000)))");
        String wat = """
                        (module
                          (import "P" "base" (global $base i32))
                          (func $f)
                          (global (export "a") i32 (global.get $base))
                          (global (export "b") i64 (i64.const -5))
                          (global (export "c") f32 (f32.const 2.5))
                          (global (export "d") (mut f64) (f64.const -0.125))
                          (global (export "r") funcref (ref.func $f))
                          (global (export "n") externref (ref.null extern))
                          (export "f" (func $f)))
                        """;
        Value exports = wasm.exports(wat, imports("P", provider));
        assertEquals(1000, exports.getMember("a").getMember("value").asInt());
        assertEquals(-5L, exports.getMember("b").getMember("value").asLong());
        assertEquals(2.5f, exports.getMember("c").getMember("value").asFloat());
        assertEquals(-0.125, exports.getMember("d").getMember("value").asDouble());
        // ref.func yields the very function value the index space and exports hold.
        assertEquals(exports.getMember("f"), exports.getMember("r").getMember("value"));
        assertTrue(exports.getMember("n").getMember("value").isNull());
    }

    @Test
    void activeSegmentsAreAppliedPassiveOnesAreNot() {
        Value provider = wasm.exports("(module (global (export \"off\") i32 (i32.const 8)))");
        String wat = """
                        (module
                          (import "P" "off" (global $off i32))
                          (memory (export "m") 1)
                          (table (export "t") 4 funcref)
                          (func $a) (func $b)
                          (export "a" (func $a)) (export "b" (func $b))
                          (data (i32.const 0) "hello")
                          (data (global.get $off) "world")
                          (data "passive")
                          (elem (i32.const 1) func $a $b)
                          (elem funcref (ref.func $b))
                          (elem declare func $a))
                        """;
        Value exports = wasm.exports(wat, imports("P", provider));
        Value memory = exports.getMember("m");
        assertEquals("hello\0\0\0world\0", bytes(memory, 0, 14));
        Value table = exports.getMember("t");
        assertEquals(4, table.getArraySize());
        assertTrue(table.getArrayElement(0).isNull());
        assertEquals(exports.getMember("a"), table.getArrayElement(1));
        assertEquals(exports.getMember("b"), table.getArrayElement(2));
        assertTrue(table.getArrayElement(3).isNull());
    }

    @Test
    void laterSegmentsOverwriteEarlierOnes() {
        Value exports = wasm.exports("(module (memory (export \"m\") 1) (data (i32.const 0) \"aaaa\") (data (i32.const 2) \"bb\"))");
        assertEquals("aabb", bytes(exports.getMember("m"), 0, 4));
    }

    @Test
    void outOfBoundsDataSegmentTrapsAndKeepsEarlierWrites() {
        Value provider = wasm.exports("(module (memory (export \"m\") 1))");
        Value module = wasm.module("""
                        (module
                          (import "P" "m" (memory 1))
                          (data (i32.const 0) "abc")
                          (data (i32.const 65534) "xyz")
                          (data (i32.const 10) "never"))
                        """);
        PolyglotException e = assertThrows(PolyglotException.class, () -> module.newInstance(imports("P", provider)));
        assertTrue(e.isGuestException());
        assertTrue(e.getMessage().contains("out of bounds memory access"), e.getMessage());
        Value memory = provider.getMember("m");
        assertEquals("abc", bytes(memory, 0, 3));
        // Bulk-memory semantics: the failing segment writes nothing, and nothing after it runs.
        assertEquals(0, memory.readBufferByte(65534));
        assertEquals(0, memory.readBufferByte(10));
    }

    @Test
    void outOfBoundsElementSegmentTrapsAndKeepsEarlierWrites() {
        Value provider = wasm.exports("(module (table (export \"t\") 3 funcref) (memory (export \"m\") 1))");
        Value module = wasm.module("""
                        (module
                          (import "P" "t" (table 3 funcref))
                          (import "P" "m" (memory 1))
                          (func $a)
                          (elem (i32.const 0) func $a)
                          (elem (i32.const 2) func $a $a)
                          (data (i32.const 0) "not written"))
                        """);
        PolyglotException e = assertThrows(PolyglotException.class, () -> module.newInstance(imports("P", provider)));
        assertTrue(e.getMessage().contains("out of bounds table access"), e.getMessage());
        Value table = provider.getMember("t");
        // The function of the failed instance stays in the shared table.
        assertTrue(table.getArrayElement(0).canExecute());
        assertTrue(table.getArrayElement(1).isNull());
        assertTrue(table.getArrayElement(2).isNull());
        assertEquals(0, provider.getMember("m").readBufferByte(0));
    }

    @Test
    void emptySegmentsStillCheckTheirOffset() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> wasm.exports("(module (table 2 funcref) (elem (i32.const 3)))"));
        assertTrue(e.getMessage().contains("out of bounds table access"), e.getMessage());
        wasm.exports("(module (table 2 funcref) (elem (i32.const 2)))");
        e = assertThrows(PolyglotException.class, () -> wasm.exports("(module (memory 1) (data (i32.const 65537) \"\"))"));
        assertTrue(e.getMessage().contains("out of bounds memory access"), e.getMessage());
        wasm.exports("(module (memory 1) (data (i32.const 65536) \"\"))");
    }

    @Test
    void offsetsAreUnsigned() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> wasm.exports("(module (memory 1) (data (i32.const -1) \"a\"))"));
        assertTrue(e.getMessage().contains("out of bounds memory access"), e.getMessage());
    }

    @Test
    void memoryAndTableStartAtTheirMinimumSize() {
        Value exports = wasm.exports("(module (memory (export \"m\") 2 5) (table (export \"t\") 7 externref))");
        assertEquals(2 * 65536, exports.getMember("m").getBufferSize());
        assertEquals(2, exports.getMember("m").getMember("size").asInt());
        assertEquals(7, exports.getMember("t").getArraySize());
        assertEquals(-1L, exports.getMember("m").invokeMember("grow", 4).asLong());
        assertEquals(2L, exports.getMember("m").invokeMember("grow", 3).asLong());
    }
}
