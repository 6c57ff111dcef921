package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GraalPy as the host: Python loads, instantiates and uses wasm modules through {@code polyglot.eval}. */
class PythonHostTest {
    private static Context context;

    @BeforeAll
    static void setUp() {
        context = Context.newBuilder("python", "wasm-truffle").allowPolyglotAccess(PolyglotAccess.ALL).allowIO(IOAccess.ALL)
                        .option("engine.WarnInterpreterOnly", "false").build();
        py("import polyglot");
    }

    @AfterAll
    static void tearDown() {
        context.close();
    }

    private static Value py(String code) {
        return context.eval("python", code);
    }

    /** Loads {@code module} with polyglot.eval and instantiates it with a Python callable that doubles. */
    private static void instantiate(Path module) {
        py("""
                        calls = []
                        def callback(x):
                            calls.append(x)
                            return x * 2
                        module = polyglot.eval(language='wasm-truffle', path=%s)
                        instance = module({'env': {'callback': callback}})
                        exports = instance.exports
                        """.formatted(pythonString(module.toString())));
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void callsExportsAndIsCalledBack() throws Exception {
        instantiate(TestModules.hostTest());
        assertEquals(43, py("exports.compute(21)").asInt());
        assertEquals("[21]", py("str(calls)").asString());
        assertEquals("[3, 1]", py("str(list(exports.divmod(7, 2)))").asString());
        assertEquals("18446744073709551615", py("str(exports.add64(2**64 - 2, 1) & (2**64 - 1))").asString());
        assertEquals(1.25, py("exports.half(2.5)").asDouble());
    }

    @Test
    void sharesMemory() throws Exception {
        instantiate(TestModules.hostTest());
        // GraalPy 25 makes no memoryview of a foreign buffer: the memory's readBytes/writeBytes copy.
        assertEquals(6, py("""
                        mem = exports.memory
                        mem.writeBytes(100, bytes([1, 2, 3]))
                        exports.sum(100, 3)
                        """).asInt());
        assertEquals(0x04030201, py("exports.store(200, 0x04030201); int.from_bytes(bytes(mem.readBytes(200, 4)), 'little')").asInt());
        assertEquals(9, py("mem.writeBytes(300, [4, 5]); exports.sum(300, 2)").asInt());
        assertEquals(1, py("exports.memory.grow(1)").asInt());
        assertEquals(2, py("exports.memory.size").asInt());
    }

    @Test
    void catchesATrap() throws Exception {
        instantiate(TestModules.hostTest());
        String caught = py("""
                        def call_trap():
                            try:
                                exports.trap()
                                return 'no trap'
                            except polyglot.ForeignException as e:
                                return str(e)
                        call_trap()
                        """).asString();
        assertTrue(caught.contains("unreachable"), caught);
    }

    @Test
    void callsCStringFunctions() throws Exception {
        instantiate(TestModules.strings());
        String result = py("""
                        def to_wasm(text):
                            data = text.encode('utf-8')
                            p = exports.malloc(len(data) + 1)
                            exports.memory.writeBytes(p, data + b'\\0')
                            return p
                        def from_wasm(p):
                            n = exports.length(p)
                            return bytes(exports.memory.readBytes(p, n)).decode('utf-8')
                        p = to_wasm('Hello, wasm')
                        from_wasm(exports.upper(p)) + ' ' + from_wasm(exports.reverse(p)) + ' ' + str(exports.length(p))
                        """).asString();
        assertEquals("HELLO, WASM MSAW ,OLLEH 11", result);
    }
}
