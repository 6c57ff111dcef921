package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyHashMap;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Import resolution and import matching: what links, what is "unknown" or "incompatible", and what is shared. */
class LinkingTest {
    private final WasmTestContext wasm = new WasmTestContext(false);

    @AfterEach
    void close() {
        wasm.close();
    }

    private static ProxyObject imports(String module, Object fields) {
        Map<String, Object> map = new HashMap<>();
        map.put(module, fields);
        return ProxyObject.fromMap(map);
    }

    private static ProxyObject fields(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return ProxyObject.fromMap(map);
    }

    private PolyglotException unlinkable(String wat, Object imports) {
        Value module = wasm.module(wat);
        PolyglotException e = assertThrows(PolyglotException.class, () -> {
            if (imports == null) {
                module.newInstance();
            } else {
                module.newInstance(imports);
            }
        });
        assertTrue(e.isGuestException(), e.getMessage());
        assertTrue(e.getMessage().contains("unlinkable module"), e.getMessage());
        return e;
    }

    private static final String PROVIDER = """
                    (module
                      (func (export "f") (param i32) (result i32) local.get 0)
                      (table (export "t") 2 5 funcref)
                      (memory (export "m") 1 3)
                      (global (export "g") (mut i32) (i32.const 42))
                      (global (export "c") f64 (f64.const 1.5)))
                    """;

    @Test
    void missingModuleIsUnknownImport() {
        PolyglotException e = unlinkable("(module (import \"nowhere\" \"f\" (func)))", null);
        assertTrue(e.getMessage().contains("unknown import: nowhere.f"), e.getMessage());
    }

    @Test
    void missingFieldIsUnknownImport() {
        Value provider = wasm.exports(PROVIDER);
        PolyglotException e = unlinkable("(module (import \"P\" \"nope\" (func)))", imports("P", provider));
        assertTrue(e.getMessage().contains("unknown import: P.nope"), e.getMessage());
    }

    @Test
    void spectestIsUnknownWhenTheOptionIsOff() {
        PolyglotException e = unlinkable("(module (import \"spectest\" \"print\" (func)))", null);
        assertTrue(e.getMessage().contains("unknown import: spectest.print"), e.getMessage());
    }

    @Test
    void functionTypesMustBeEqual() {
        Value provider = wasm.exports(PROVIDER);
        PolyglotException e = unlinkable("(module (import \"P\" \"f\" (func (param i64) (result i32))))", imports("P", provider));
        assertTrue(e.getMessage().contains("incompatible import type"), e.getMessage());
        assertTrue(e.getMessage().contains("P.f: expected (func (param i64) (result i32)), got (func (param i32) (result i32))"), e.getMessage());
    }

    @Test
    void kindsMustBeEqual() {
        Value provider = wasm.exports(PROVIDER);
        assertTrue(unlinkable("(module (import \"P\" \"m\" (func)))", imports("P", provider)).getMessage().contains("incompatible import type"));
        assertTrue(unlinkable("(module (import \"P\" \"f\" (memory 1)))", imports("P", provider)).getMessage().contains("incompatible import type"));
        assertTrue(unlinkable("(module (import \"P\" \"g\" (table 1 funcref)))", imports("P", provider)).getMessage().contains("incompatible import type"));
        assertTrue(unlinkable("(module (import \"P\" \"t\" (global i32)))", imports("P", provider)).getMessage().contains("incompatible import type"));
        // A function is not a plain value for an immutable funcref global.
        assertTrue(unlinkable("(module (import \"P\" \"f\" (global funcref)))", imports("P", provider)).getMessage().contains("incompatible import type"));
    }

    @Test
    void memoryLimitsMustMatch() {
        Value provider = wasm.exports(PROVIDER);
        wasm.module("(module (import \"P\" \"m\" (memory 1)))").newInstance(imports("P", provider));
        wasm.module("(module (import \"P\" \"m\" (memory 0 3)))").newInstance(imports("P", provider));
        wasm.module("(module (import \"P\" \"m\" (memory 1 4)))").newInstance(imports("P", provider));
        PolyglotException tooSmall = unlinkable("(module (import \"P\" \"m\" (memory 2)))", imports("P", provider));
        assertTrue(tooSmall.getMessage().contains("P.m: expected (memory 2), got (memory 1 3)"), tooSmall.getMessage());
        unlinkable("(module (import \"P\" \"m\" (memory 1 2)))", imports("P", provider));
        // The current size counts: after growing to 2 pages it satisfies a minimum of 2.
        assertEquals(1L, provider.getMember("m").invokeMember("grow", 1).asLong());
        wasm.module("(module (import \"P\" \"m\" (memory 2)))").newInstance(imports("P", provider));
    }

    @Test
    void memoryWithoutMaximumDoesNotSatisfyAMaximum() {
        Value provider = wasm.exports("(module (memory (export \"m\") 1))");
        unlinkable("(module (import \"P\" \"m\" (memory 1 65536)))", imports("P", provider));
    }

    @Test
    void tableTypesAndLimitsMustMatch() {
        Value provider = wasm.exports(PROVIDER);
        wasm.module("(module (import \"P\" \"t\" (table 1 funcref)))").newInstance(imports("P", provider));
        wasm.module("(module (import \"P\" \"t\" (table 2 6 funcref)))").newInstance(imports("P", provider));
        unlinkable("(module (import \"P\" \"t\" (table 3 funcref)))", imports("P", provider));
        unlinkable("(module (import \"P\" \"t\" (table 1 4 funcref)))", imports("P", provider));
        PolyglotException e = unlinkable("(module (import \"P\" \"t\" (table 1 externref)))", imports("P", provider));
        assertTrue(e.getMessage().contains("P.t: expected (table 1 externref), got (table 2 5 funcref)"), e.getMessage());
    }

    @Test
    void globalTypesAndMutabilityMustBeEqual() {
        Value provider = wasm.exports(PROVIDER);
        wasm.module("(module (import \"P\" \"g\" (global (mut i32))))").newInstance(imports("P", provider));
        wasm.module("(module (import \"P\" \"c\" (global f64)))").newInstance(imports("P", provider));
        PolyglotException e = unlinkable("(module (import \"P\" \"g\" (global i32)))", imports("P", provider));
        assertTrue(e.getMessage().contains("P.g: expected (global i32), got (global (mut i32))"), e.getMessage());
        unlinkable("(module (import \"P\" \"c\" (global (mut f64))))", imports("P", provider));
        unlinkable("(module (import \"P\" \"g\" (global (mut i64))))", imports("P", provider));
    }

    @Test
    void plainNumbersSatisfyImmutableGlobals() {
        String wat = """
                        (module
                          (import "env" "i" (global i32)) (import "env" "u" (global i32))
                          (import "env" "l" (global i64)) (import "env" "f" (global f32)) (import "env" "d" (global f64))
                          (global (export "i2") i32 (global.get 0)) (global (export "u2") i32 (global.get 1))
                          (global (export "l2") i64 (global.get 2)) (global (export "f2") f32 (global.get 3))
                          (global (export "d2") f64 (global.get 4)))
                        """;
        Value exports = wasm.exports(wat, imports("env", fields("i", -7, "u", 0xFFFF_FFFFL, "l", Long.MIN_VALUE, "f", 1.25, "d", 3)));
        assertEquals(-7, exports.getMember("i2").getMember("value").asInt());
        assertEquals(-1, exports.getMember("u2").getMember("value").asInt());
        assertEquals(Long.MIN_VALUE, exports.getMember("l2").getMember("value").asLong());
        assertEquals(1.25f, exports.getMember("f2").getMember("value").asFloat());
        assertEquals(3.0, exports.getMember("d2").getMember("value").asDouble());
        // Out of range, wrong kind of value, or a mutable global: incompatible.
        unlinkable("(module (import \"env\" \"i\" (global i32)))", imports("env", fields("i", 1L << 32)));
        unlinkable("(module (import \"env\" \"i\" (global i32)))", imports("env", fields("i", "text")));
        unlinkable("(module (import \"env\" \"i\" (global (mut i32))))", imports("env", fields("i", 1)));
    }

    @Test
    void hostValuesCanBeImportedAsExternrefGlobals() {
        Object token = new Object();
        Value exports = wasm.exports("(module (import \"env\" \"x\" (global externref)) (global (export \"y\") externref (global.get 0)))",
                        imports("env", fields("x", token)));
        assertEquals(token, exports.getMember("y").getMember("value").asHostObject());
    }

    @Test
    void hashMapsWorkAsImportObjects() {
        Value provider = wasm.exports(PROVIDER);
        // Hash entries instead of members, at both levels.
        Map<Object, Object> fields = new HashMap<>();
        fields.put("m", provider.getMember("m"));
        Map<Object, Object> modules = new HashMap<>();
        modules.put("P", ProxyHashMap.from(fields));
        Value exports = wasm.exports("(module (import \"P\" \"m\" (memory 1)) (export \"m\" (memory 0)))", ProxyHashMap.from(modules));
        assertEquals(provider.getMember("m"), exports.getMember("m"));
    }

    @Test
    void sharedMemoryTableAndGlobalKeepTheirIdentity() {
        Value provider = wasm.exports(PROVIDER);
        String wat = """
                        (module
                          (import "P" "f" (func $f (param i32) (result i32)))
                          (import "P" "t" (table 2 funcref))
                          (import "P" "m" (memory 1))
                          (import "P" "g" (global (mut i32)))
                          (export "f" (func $f)) (export "f2" (func $f))
                          (export "t" (table 0)) (export "m" (memory 0)) (export "m2" (memory 0)) (export "g" (global 0)))
                        """;
        Value reexports = wasm.exports(wat, imports("P", provider));
        assertEquals(provider.getMember("f"), reexports.getMember("f"));
        assertEquals(reexports.getMember("f"), reexports.getMember("f2"));
        assertEquals(provider.getMember("t"), reexports.getMember("t"));
        assertEquals(provider.getMember("m"), reexports.getMember("m"));
        assertEquals(reexports.getMember("m"), reexports.getMember("m2"));
        assertEquals(provider.getMember("g"), reexports.getMember("g"));
        assertNotEquals(provider.getMember("m"), provider.getMember("t"));

        // Shared, not copied: changes through one are seen through the other.
        provider.getMember("m").writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 100, 0x12345678);
        assertEquals(0x12345678, reexports.getMember("m").readBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 100));
        reexports.getMember("g").putMember("value", 99);
        assertEquals(99, provider.getMember("g").getMember("value").asInt());
        reexports.getMember("m").invokeMember("grow", 1);
        assertEquals(2, provider.getMember("m").getMember("size").asInt());
        reexports.getMember("t").setArrayElement(1, provider.getMember("f"));
        assertEquals(provider.getMember("f"), provider.getMember("t").getArrayElement(1));
    }

    @Test
    void executableHostValuesSatisfyFunctionImports() {
        ProxyExecutable host = args -> 0;
        Value exports = wasm.exports("(module (import \"env\" \"h\" (func $h (param i32))) (export \"h\" (func $h)))", imports("env", fields("h", host)));
        Value h = exports.getMember("h");
        assertTrue(h.canExecute());
        // The wrapper gets the import's name and type; a non-executable value does not link.
        unlinkable("(module (import \"env\" \"h\" (func)))", imports("env", fields("h", 5)));
    }

    @Test
    void hostFunctionAsStartFunctionIsCalledAtInstantiation() {
        int[] calls = new int[1];
        ProxyExecutable host = args -> {
            calls[0]++;
            return null;
        };
        wasm.exports("(module (import \"env\" \"start\" (func $s)) (start $s))", imports("env", fields("start", host)));
        assertEquals(1, calls[0]);
    }

    @Test
    void firstFailingImportIsReported() {
        PolyglotException e = unlinkable("(module (import \"a\" \"x\" (func)) (import \"b\" \"y\" (func)))", null);
        assertTrue(e.getMessage().contains("a.x"), e.getMessage());
    }
}
