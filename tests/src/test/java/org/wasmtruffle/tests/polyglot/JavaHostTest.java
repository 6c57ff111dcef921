package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/** Java as the host, through the Polyglot API: conversions, errors, and one engine shared by many threads. */
class JavaHostTest {
    private static Source hostTestSource() throws Exception {
        return Source.newBuilder("wasm-truffle", ByteSequence.create(TestModules.bytes(TestModules.hostTest())), "host_test.wasm").build();
    }

    /** The exports of the host test module instantiated with a callback that adds {@code delta}. */
    private static Value instantiate(Context context, Source source, int delta) {
        Value module = context.eval(source);
        ProxyExecutable callback = args -> args[0].asInt() + delta;
        ProxyObject imports = ProxyObject.fromMap(java.util.Map.of("env", ProxyObject.fromMap(java.util.Map.of("callback", callback))));
        return module.newInstance(imports).getMember("exports");
    }

    @Test
    void convertsArgumentsAndResults() throws Exception {
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = instantiate(context, hostTestSource(), 0);
            // i32 from any integer that fits, signed or unsigned; the result is signed.
            assertEquals(0, exports.invokeMember("compute", 0xFFFF_FFFFL).asInt());
            assertEquals(8, exports.invokeMember("compute", (byte) 7).asInt());
            // i64 from long or BigInteger (unsigned range too).
            assertEquals(-1L, exports.invokeMember("add64", new BigInteger("18446744073709551614"), 1).asLong());
            assertEquals(2.0, exports.invokeMember("half", 4).asDouble());
            // Several results: an array.
            Value divmod = exports.invokeMember("divmod", 17, 5);
            assertArrayEquals(new int[]{3, 2}, new int[]{divmod.getArrayElement(0).asInt(), divmod.getArrayElement(1).asInt()});
            // A wrong argument is a clear IllegalArgumentException.
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> exports.invokeMember("compute", "seven"));
            assertTrue(wrong.getMessage().contains("i32"), wrong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> exports.invokeMember("compute", 1L << 40));
            assertThrows(IllegalArgumentException.class, () -> exports.invokeMember("compute", 1, 2));
        }
    }

    @Test
    void exposesMemoryGlobalsAndTables() throws Exception {
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = instantiate(context, hostTestSource(), 0);
            Value memory = exports.getMember("memory");
            assertTrue(memory.hasBufferElements());
            memory.writeBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 16, 0x01020304);
            assertEquals(4 + 3 + 2 + 1, exports.invokeMember("sum", 16, 4).asInt());
            exports.invokeMember("store", 32, 0x11223344);
            assertEquals(0x11223344, memory.readBufferInt(java.nio.ByteOrder.LITTLE_ENDIAN, 32));
            assertEquals(65536, memory.getBufferSize());
            assertEquals(1, memory.invokeMember("grow", 1).asInt());
            assertEquals(2 * 65536, memory.getBufferSize());

            Value counter = exports.getMember("counter");
            exports.invokeMember("bump");
            assertEquals(1, counter.getMember("value").asInt());
            counter.putMember("value", 41);
            exports.invokeMember("bump");
            assertEquals(42, counter.getMember("value").asInt());
            Value limit = exports.getMember("limit");
            assertThrows(RuntimeException.class, () -> limit.putMember("value", 1L));

            Value table = exports.getMember("table");
            assertEquals(2, table.getArraySize());
            assertEquals(6, table.getArrayElement(0).execute(5).asInt());
        }
    }

    @Test
    void trapsListWasmFramesByName() throws Exception {
        try (Context context = Context.create("wasm-truffle")) {
            Value exports = instantiate(context, hostTestSource(), 0);
            PolyglotException trap = assertThrows(PolyglotException.class, () -> exports.invokeMember("trap"));
            assertTrue(trap.isGuestException());
            assertEquals("unreachable", trap.getMessage());
            List<String> guestFrames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : trap.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    guestFrames.add(frame.getRootName());
                }
            }
            assertEquals(List.of("inner", "trap"), guestFrames.subList(0, 2), guestFrames.toString());
        }
    }

    @Test
    void contextsOfOneEngineShareTheModuleAcrossThreads() throws Exception {
        Source source = hostTestSource();
        int threads = 4;
        try (Engine engine = Engine.newBuilder("wasm-truffle").option("engine.WarnInterpreterOnly", "false").build();
                        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int delta = t * 1000;
                results.add(pool.submit(() -> {
                    try (Context context = Context.newBuilder("wasm-truffle").engine(engine).build()) {
                        Value exports = instantiate(context, source, delta);
                        Value memory = exports.getMember("memory");
                        int total = 0;
                        for (int i = 0; i < 2000; i++) {
                            memory.writeBufferByte(0, (byte) (i & 0x7F));
                            total += exports.invokeMember("compute", exports.invokeMember("sum", 0, 1)).asInt();
                            exports.invokeMember("bump");
                        }
                        // Each context has its own instance, globals and memory.
                        assertEquals(2000, exports.getMember("counter").getMember("value").asInt());
                        return total;
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                int expected = 0;
                for (int i = 0; i < 2000; i++) {
                    expected += (i & 0x7F) + t * 1000 + 1;
                }
                assertEquals(expected, results.get(t).get());
            }
        }
    }
}
