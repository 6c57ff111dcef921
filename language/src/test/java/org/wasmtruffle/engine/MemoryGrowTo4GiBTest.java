package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * A memory without a maximum grows to the whole 32-bit address space: 65,536 pages, 4 GiB of native memory
 * (run once; the machine must have the memory to spare). The last word is addressable, one byte beyond is
 * not, and it cannot grow further.
 */
class MemoryGrowTo4GiBTest {
    private static final String MODULE = """
                    (module
                      (memory (export "memory") 1)
                      (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
                      (func (export "size") (result i32) memory.size)
                      (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
                      (func (export "load") (param i32) (result i32) local.get 0 i32.load)
                      (func (export "load8") (param i32) (result i32) local.get 0 i32.load8_u))
                    """;

    @Test
    void growToFourGibibytes() {
        byte[] bytes = Wat.compile(MODULE);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                Value exports = context.eval(WasmSource.of(bytes, "grow.wasm")).newInstance().getMember("exports");
                exports.getMember("store").execute(65532, 0x01020304);

                long start = System.nanoTime();
                assertEquals(1, exports.getMember("grow").execute(65535).asInt());
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("[engine] memory.grow by 65,535 pages to 4 GiB: " + millis + " ms");

                assertEquals(65536, exports.getMember("size").execute().asInt());
                assertEquals(65536, exports.getMember("memory").getMember("size").asLong());
                // The old contents survive, the new pages are zero.
                assertEquals(0x01020304, exports.getMember("load").execute(65532).asInt());
                assertEquals(0, exports.getMember("load").execute(65536).asInt());
                assertEquals(0, exports.getMember("load").execute(0x8000_0000).asInt());

                // The last word is 0xFFFFFFFC..0xFFFFFFFF; 0xFFFFFFFD reaches one byte past the end.
                exports.getMember("store").execute(0xFFFF_FFFC, 0xCAFEBABE);
                assertEquals(0xCAFEBABE, exports.getMember("load").execute(0xFFFF_FFFC).asInt());
                assertEquals(0xCA, exports.getMember("load8").execute(0xFFFF_FFFF).asInt());
                GuestError.expect(() -> exports.getMember("store").execute(0xFFFF_FFFD, 1), "out of bounds memory access");
                GuestError.expect(() -> exports.getMember("load").execute(0xFFFF_FFFD), "out of bounds memory access");
                // The failed store wrote nothing.
                assertEquals(0xCAFEBABE, exports.getMember("load").execute(0xFFFF_FFFC).asInt());

                assertEquals(-1, exports.getMember("grow").execute(1).asInt());
                assertEquals(65536, exports.getMember("size").execute().asInt());
                assertEquals(65536, exports.getMember("grow").execute(0).asInt());
            }
        });
        // The 4 GiB are native memory, released when the memory object is collected.
        System.gc();
    }
}
