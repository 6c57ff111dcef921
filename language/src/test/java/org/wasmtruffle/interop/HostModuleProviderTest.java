package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/** Host modules from other jars: found by ServiceLoader, instantiated once per context, called with the importer's instance. */
class HostModuleProviderTest {
    private static final String IMPORTER = """
                    (module
                      (import "wasm-truffle-test-host" "store" (func $store (param i32 i32)))
                      (import "wasm-truffle-test-host" "counter" (global $counter (mut i64)))
                      (memory (export "m") 1)
                      (export "store" (func $store))
                      (export "counter" (global $counter)))
                    """;

    @Test
    void hostFunctionsReachTheImportingInstancesMemory() {
        try (WasmTestContext wasm = new WasmTestContext(false)) {
            Value a = wasm.exports(IMPORTER);
            Value b = wasm.exports(IMPORTER);
            a.getMember("store").execute(3, 0x41);
            b.getMember("store").execute(3, 0x42);
            assertEquals(0x41, a.getMember("m").readBufferByte(3));
            assertEquals(0x42, b.getMember("m").readBufferByte(3));
        }
    }

    @Test
    void oneInstancePerContext() {
        int before = TestHostModule.INSTANTIATIONS.get();
        try (WasmTestContext first = new WasmTestContext(false); WasmTestContext second = new WasmTestContext(false)) {
            Value a = first.exports(IMPORTER);
            Value b = first.exports(IMPORTER);
            assertEquals(before + 1, TestHostModule.INSTANTIATIONS.get());
            assertEquals(a.getMember("counter"), b.getMember("counter"));
            a.getMember("counter").putMember("value", 5L);
            assertEquals(5L, b.getMember("counter").getMember("value").asLong());
            Value c = second.exports(IMPORTER);
            assertEquals(before + 2, TestHostModule.INSTANTIATIONS.get());
            assertEquals(0L, c.getMember("counter").getMember("value").asLong());
        }
    }

    @Test
    void theImportsObjectTakesPrecedence() {
        try (WasmTestContext wasm = new WasmTestContext(false)) {
            Value module = wasm.module(IMPORTER);
            ProxyObject imports = ProxyObject.fromMap(Map.of("wasm-truffle-test-host", ProxyObject.fromMap(Map.of())));
            PolyglotException e = assertThrows(PolyglotException.class, () -> module.newInstance(imports));
            assertTrue(e.getMessage().contains("unknown import: wasm-truffle-test-host.store"), e.getMessage());
        }
    }
}
