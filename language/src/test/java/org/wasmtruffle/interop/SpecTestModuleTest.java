package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code spectest} host module, as the specification test scripts use it. */
class SpecTestModuleTest {
    private final WasmTestContext wasm = new WasmTestContext(true);

    @AfterEach
    void close() {
        wasm.close();
    }

    @Test
    void globalsHoldTheirValues() {
        Value exports = wasm.exports("""
                        (module
                          (import "spectest" "global_i32" (global i32))
                          (import "spectest" "global_i64" (global i64))
                          (import "spectest" "global_f32" (global f32))
                          (import "spectest" "global_f64" (global f64))
                          (export "i" (global 0)) (export "l" (global 1)) (export "f" (global 2)) (export "d" (global 3)))
                        """);
        assertEquals(666, exports.getMember("i").getMember("value").asInt());
        assertEquals(666L, exports.getMember("l").getMember("value").asLong());
        assertEquals(666.6f, exports.getMember("f").getMember("value").asFloat());
        assertEquals(666.6, exports.getMember("d").getMember("value").asDouble());
    }

    @Test
    void tableAndMemoryHaveTheSpecifiedLimits() {
        Value exports = wasm.exports("""
                        (module
                          (import "spectest" "table" (table 10 20 funcref))
                          (import "spectest" "memory" (memory 1 2))
                          (export "t" (table 0)) (export "m" (memory 0)))
                        """);
        assertEquals(10, exports.getMember("t").getArraySize());
        assertEquals(1, exports.getMember("m").getMember("size").asInt());
        assertUnlinkable("(module (import \"spectest\" \"table\" (table 11 funcref)))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"table\" (table 10 15 funcref)))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"memory\" (memory 2)))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"memory\" (memory 0 1)))", "incompatible import type");
    }

    @Test
    void allModulesOfAContextShareOneInstance() {
        wasm.exports("(module (import \"spectest\" \"memory\" (memory 1)) (data (i32.const 5) \"shared\"))");
        Value a = wasm.exports("(module (import \"spectest\" \"memory\" (memory 1)) (export \"m\" (memory 0)))");
        Value b = wasm.exports("(module (import \"spectest\" \"memory\" (memory 1)) (export \"m\" (memory 0)))");
        assertEquals('s', a.getMember("m").readBufferByte(5));
        assertEquals(a.getMember("m"), b.getMember("m"));
        Value t1 = wasm.exports("(module (import \"spectest\" \"table\" (table 10 funcref)) (export \"t\" (table 0)))");
        Value t2 = wasm.exports("(module (import \"spectest\" \"table\" (table 10 funcref)) (export \"t\" (table 0)))");
        assertEquals(t1.getMember("t"), t2.getMember("t"));
    }

    @Test
    void printFunctionsWriteTheirArgumentsWithTypes() {
        Value exports = wasm.exports("""
                        (module
                          (import "spectest" "print" (func $p))
                          (import "spectest" "print_i32" (func $i (param i32)))
                          (import "spectest" "print_i64" (func $l (param i64)))
                          (import "spectest" "print_f32" (func $f (param f32)))
                          (import "spectest" "print_f64" (func $d (param f64)))
                          (import "spectest" "print_i32_f32" (func $if (param i32 f32)))
                          (import "spectest" "print_f64_f64" (func $dd (param f64 f64)))
                          (export "p" (func $p)) (export "i" (func $i)) (export "l" (func $l)) (export "f" (func $f))
                          (export "d" (func $d)) (export "if" (func $if)) (export "dd" (func $dd)))
                        """);
        assertTrue(exports.getMember("p").execute().isNull());
        exports.getMember("i").execute(42);
        exports.getMember("l").execute(-7L);
        exports.getMember("f").execute(1.5f);
        exports.getMember("d").execute(666.6);
        exports.getMember("if").execute(1, 2.5f);
        exports.getMember("dd").execute(Double.NaN, Double.NEGATIVE_INFINITY);
        assertEquals("42 : i32\n-7 : i64\n1.5 : f32\n666.6 : f64\n1 : i32\n2.5 : f32\nnan : f64\n-inf : f64\n", wasm.output());
    }

    @Test
    void unknownFieldsAndWrongTypesDoNotLink() {
        assertUnlinkable("(module (import \"spectest\" \"unknown\" (func)))", "unknown import");
        assertUnlinkable("(module (import \"spectest\" \"print_i32\" (func (param i64))))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"print_i32\" (global i32)))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"global_i32\" (global (mut i32))))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"global_i32\" (func)))", "incompatible import type");
        assertUnlinkable("(module (import \"spectest\" \"memory\" (table 1 funcref)))", "incompatible import type");
    }

    private void assertUnlinkable(String wat, String reason) {
        Value module = wasm.module(wat);
        PolyglotException e = assertThrows(PolyglotException.class, module::newInstance);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
