package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calling exported functions from the host and host functions from wasm: argument and result conversions,
 * arity and type errors, traps. These run wasm code, so they need the interpreter.
 */
class FunctionCallTest {
    private final WasmTestContext wasm = new WasmTestContext(false);

    @AfterEach
    void close() {
        wasm.close();
    }

    private static final String NUMBERS = """
                    (module
                      (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
                      (func (export "i64") (param i64) (result i64) local.get 0)
                      (func (export "f32") (param f32) (result f32) local.get 0)
                      (func (export "f64") (param f64) (result f64) local.get 0)
                      (func (export "none"))
                      (func (export "swap") (param i32 f64) (result f64 i32) local.get 1 local.get 0)
                      (func (export "funcref") (param funcref) (result funcref) local.get 0)
                      (func (export "externref") (param externref) (result externref) local.get 0)
                      (func (export "trap") unreachable))
                    """;

    @Test
    void argumentsAreConvertedToTheParameterTypes() {
        Value exports = wasm.exports(NUMBERS);
        assertEquals(5, exports.getMember("add").execute(2, 3).asInt());
        // The unsigned 32-bit range wraps.
        assertEquals(0, exports.getMember("add").execute(0xFFFF_FFFFL, 1).asInt());
        assertEquals(Long.MAX_VALUE, exports.getMember("i64").execute(Long.MAX_VALUE).asLong());
        assertEquals(-1L, exports.getMember("i64").execute(new BigInteger("18446744073709551615")).asLong());
        assertEquals(7L, exports.getMember("i64").execute(7).asLong());
        assertEquals(0.1f, exports.getMember("f32").execute(0.1).asFloat());
        assertEquals(2.5, exports.getMember("f64").execute(2.5f).asDouble());
        assertEquals(3.0, exports.getMember("f64").execute(3).asDouble());
        assertEquals(5, exports.invokeMember("add", 2, 3).asInt());
    }

    @Test
    void resultsAreTypedValues() {
        Value exports = wasm.exports(NUMBERS);
        Value sum = exports.getMember("add").execute(1, 1);
        assertTrue(sum.fitsInInt());
        assertTrue(exports.getMember("none").execute().isNull());
        Value both = exports.getMember("swap").execute(4, 0.5);
        assertTrue(both.hasArrayElements());
        assertEquals(2, both.getArraySize());
        assertEquals(0.5, both.getArrayElement(0).asDouble());
        assertEquals(4, both.getArrayElement(1).asInt());
    }

    @Test
    void referencesPassThrough() {
        Value exports = wasm.exports(NUMBERS);
        Value add = exports.getMember("add");
        assertEquals(add, exports.getMember("funcref").execute(add));
        assertTrue(exports.getMember("funcref").execute((Object) null).isNull());
        Object token = new Object();
        assertSame(token, exports.getMember("externref").execute(token).asHostObject());
        assertTrue(exports.getMember("externref").execute((Object) null).isNull());
    }

    @Test
    void wrongArgumentsAreRejected() {
        Value exports = wasm.exports(NUMBERS);
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> exports.getMember("add").execute(1));
        assertTrue(arity.getMessage().contains("2"), arity.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> exports.getMember("add").execute(1, "x"));
        assertTrue(type.getMessage().contains("i32"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("add").execute(1, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> exports.getMember("funcref").execute(3));
    }

    @Test
    void trapsPropagateAsGuestExceptions() {
        Value exports = wasm.exports(NUMBERS);
        PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("trap").execute());
        assertTrue(e.isGuestException());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void hostFunctionsReceiveAndReturnConvertedValues() {
        List<Object> received = new ArrayList<>();
        ProxyExecutable host = args -> {
            for (Value a : args) {
                received.add(a.isNull() ? null : a.isHostObject() ? a.asHostObject() : a.as(Object.class));
            }
            return 40;
        };
        ProxyExecutable pair = args -> ProxyArray.fromArray(1.5, 7L);
        Object token = new Object();
        String wat = """
                        (module
                          (import "env" "host" (func $host (param i32 i64 f32 f64 externref) (result i64)))
                          (import "env" "pair" (func $pair (result f64 i64)))
                          (func (export "call") (param externref) (result i64)
                            (call $host (i32.const -1) (i64.const 2) (f32.const 0.5) (f64.const 0.25) (local.get 0))
                            i64.const 2 i64.add)
                          (func (export "callPairSecond") (result i64) (local i64)
                            (call $pair) (local.set 0) drop (local.get 0))
                          (func (export "callPairFirst") (result f64)
                            (call $pair) drop))
                        """;
        Value exports = wasm.exports(wat, ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("host", host, "pair", pair)))));
        assertEquals(42L, exports.getMember("call").execute(token).asLong());
        assertEquals(-1, ((Number) received.get(0)).intValue());
        assertEquals(2L, ((Number) received.get(1)).longValue());
        assertEquals(0.5f, ((Number) received.get(2)).floatValue());
        assertEquals(0.25, ((Number) received.get(3)).doubleValue());
        assertSame(token, received.get(4));
        assertEquals(1.5, exports.getMember("callPairFirst").execute().asDouble());
        assertEquals(7L, exports.getMember("callPairSecond").execute().asLong());
    }

    @Test
    void hostFunctionResultsMustFitTheImportType() {
        ProxyExecutable bad = args -> "not a number";
        Value exports = wasm.exports("(module (import \"env\" \"bad\" (func $b (result i32))) (func (export \"f\") (result i32) call $b))",
                        ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("bad", bad)))));
        PolyglotException e = assertThrows(PolyglotException.class, () -> exports.getMember("f").execute());
        assertTrue(e.isGuestException());
        assertTrue(e.getMessage().contains("env.bad"), e.getMessage());
    }

    @Test
    void functionsInTablesAreCallable() {
        Value exports = wasm.exports("(module (table (export \"t\") 1 funcref) (func $f (result i32) i32.const 9) (elem (i32.const 0) $f))");
        assertEquals(9, exports.getMember("t").getArrayElement(0).execute().asInt());
    }

    @Test
    void startFunctionRunsAfterTheSegments() {
        Value exports = wasm.exports("""
                        (module
                          (memory (export "m") 1)
                          (data (i32.const 0) "\\05")
                          (func $start (i32.store8 (i32.const 1) (i32.add (i32.load8_u (i32.const 0)) (i32.const 1))))
                          (start $start))
                        """);
        assertEquals(6, exports.getMember("m").readBufferByte(1));
    }

    @Test
    void trappingStartFunctionFailsInstantiation() {
        Value module = wasm.module("(module (func $s unreachable) (start $s))");
        PolyglotException e = assertThrows(PolyglotException.class, module::newInstance);
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void importedWasmFunctionsAreCalledInTheirOwnInstance() {
        Value provider = wasm.exports("(module (global $g (mut i32) (i32.const 0)) (func (export \"inc\") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))");
        Value user = wasm.exports("(module (import \"P\" \"inc\" (func $inc (result i32))) (func (export \"twice\") (result i32) call $inc drop call $inc))",
                        ProxyObject.fromMap(Map.of("P", provider)));
        assertEquals(2, user.getMember("twice").execute().asInt());
        assertEquals(3, provider.getMember("inc").execute().asInt());
    }
}
