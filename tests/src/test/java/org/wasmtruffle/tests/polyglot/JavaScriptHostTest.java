package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GraalJS as the host: JavaScript loads, instantiates and uses wasm modules through {@code Polyglot}. */
class JavaScriptHostTest {
    private static Context context;

    @BeforeAll
    static void setUp() {
        context = Context.newBuilder("js", "wasm-truffle").allowPolyglotAccess(PolyglotAccess.ALL).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
    }

    @AfterAll
    static void tearDown() {
        context.close();
    }

    /** Loads {@code module} with Polyglot.evalFile and instantiates it with a JS imports object whose callback doubles. */
    private static void instantiate(Path module) {
        context.eval("js", """
                        var calls = [];
                        var module = Polyglot.evalFile('wasm-truffle', '%s');
                        var instance = new module({env: {callback: function (x) { calls.push(x); return x * 2; }}});
                        var exports = instance.exports;
                        """.formatted(module.toString().replace("\\", "\\\\")));
    }

    private static Value js(String code) {
        return context.eval("js", code);
    }

    @Test
    void callsExportsAndIsCalledBack() throws Exception {
        instantiate(TestModules.hostTest());
        assertEquals(43, js("exports.compute(21)").asInt());
        assertEquals("21", js("calls.join(',')").asString());
        assertEquals("[3,1]", js("JSON.stringify(Array.from(exports.divmod(7, 2)))").asString());
        assertEquals("8", js("String(exports.add64(5n, 3))").asString());
        assertEquals(1.25, js("exports.half(2.5)").asDouble());
        // The module's description lists imports and exports with their types.
        assertEquals("env.callback:function", js("var d = module.imports[0]; d.module + '.' + d.name + ':' + d.kind").asString());
    }

    @Test
    void sharesMemoryThroughATypedArray() throws Exception {
        instantiate(TestModules.hostTest());
        assertEquals(6, js("var bytes = new Uint8Array(exports.memory); bytes.set([1, 2, 3], 100); exports.sum(100, 3)").asInt());
        assertEquals(0x04030201, js("exports.store(200, 0x04030201); new DataView(exports.memory).getInt32(200, true)").asInt());
        assertEquals(65536, js("bytes.length").asInt());
        // Growth is visible to a new view.
        assertEquals(1, js("exports.memory.grow(1)").asInt());
        assertEquals(2 * 65536, js("new Uint8Array(exports.memory).length").asInt());
    }

    @Test
    void readsAndWritesGlobalsAndTables() throws Exception {
        instantiate(TestModules.hostTest());
        assertEquals(2, js("exports.bump(); exports.bump(); exports.counter.value").asInt());
        assertEquals(10, js("exports.counter.value = 10; exports.counter.value").asInt());
        assertEquals(1000, js("exports.limit.value").asLong());
        assertEquals(2, js("exports.table.length").asInt());
        assertEquals(9, js("exports.table[0](4)").asInt());
    }

    @Test
    void catchesATrap() throws Exception {
        instantiate(TestModules.hostTest());
        String caught = js("""
                        try { exports.trap(); 'no trap'; } catch (e) { e.message + '|' + e.stack; }
                        """).asString();
        String[] parts = caught.split("\\|", 2);
        assertEquals("unreachable", parts[0], caught);
        org.junit.jupiter.api.Assertions.assertTrue(parts[1].contains("inner"), caught);
    }

    @Test
    void callsCStringFunctions() throws Exception {
        instantiate(TestModules.strings());
        String result = js("""
                        function toWasm(text) {
                          // ASCII text: one byte per character (GraalJS has no TextEncoder outside Node).
                          var p = exports.malloc(text.length + 1);
                          var bytes = new Uint8Array(exports.memory);
                          for (var i = 0; i < text.length; i++) bytes[p + i] = text.charCodeAt(i);
                          bytes[p + text.length] = 0;
                          return p;
                        }
                        function fromWasm(p) {
                          var bytes = new Uint8Array(exports.memory);
                          var end = p;
                          while (bytes[end] !== 0) end++;
                          return String.fromCharCode.apply(null, bytes.slice(p, end));
                        }
                        var p = toWasm('Hello, wasm');
                        fromWasm(exports.upper(p)) + ' ' + fromWasm(exports.reverse(p)) + ' ' + exports.length(p);
                        """).asString();
        assertEquals("HELLO, WASM MSAW ,OLLEH 11", result);
    }
}
