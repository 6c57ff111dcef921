package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Two modules linked through the Polyglot API: one imports another's function, memory, mutable global and
 * table and changes them, and the other sees the changes; imports that are missing or of the wrong type
 * make the module unlinkable; host functions are called from wasm and call back into it.
 */
class CrossModuleLinkingTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** Module A: owns the function, memory, global and table, and reads them back for the test. */
    private static final String PROVIDER = """
                    (module
                      (type $unary (func (param i32) (result i32)))
                      (func $double (export "double") (type $unary) local.get 0 i32.const 2 i32.mul)
                      (memory (export "memory") 1)
                      (global $counter (export "counter") (mut i32) (i32.const 0))
                      (table $table (export "table") 4 funcref)
                      (elem (i32.const 0) $double)
                      (func (export "peek") (param i32) (result i32) local.get 0 i32.load)
                      (func (export "poke") (param i32 i32) local.get 0 local.get 1 i32.store)
                      (func (export "memorySize") (result i32) memory.size)
                      (func (export "tableSize") (result i32) table.size $table)
                      (func (export "counterValue") (result i32) global.get $counter)
                      (func (export "callSlot") (param i32 i32) (result i32)
                        local.get 1 local.get 0 call_indirect (type $unary)))
                    """;

    /**
     * Module B: imports all four; its element segment writes slot 1 of A's table at instantiation, and
     * {@code run} writes A's memory, global and slot 2, then calls A's function through slot 0. Its own
     * function reads B's own global, so a call through A's table must run it in B's instance. B's type
     * indices differ from A's: {@code call_indirect} compares the types themselves.
     */
    private static final String CONSUMER = """
                    (module
                      (type $other (func (param f64)))
                      (type $unary (func (param i32) (result i32)))
                      (import "A" "double" (func $double (type $unary)))
                      (import "A" "memory" (memory 1))
                      (import "A" "counter" (global $counter (mut i32)))
                      (import "A" "table" (table 4 funcref))
                      (global $factor (mut i32) (i32.const 3))
                      (func $scale (type $unary) local.get 0 global.get $factor i32.mul)
                      (elem (i32.const 1) $scale)
                      (func (export "setFactor") (param i32) local.get 0 global.set $factor)
                      (func (export "growMemory") (param i32) (result i32) local.get 0 memory.grow)
                      (func (export "growTable") (result i32) ref.func $scale i32.const 1 table.grow 0)
                      (func (export "run") (param i32) (result i32)
                        i32.const 16 i32.const 0x1234 i32.store
                        global.get $counter i32.const 99 i32.add global.set $counter
                        i32.const 2 ref.func $scale table.set 0
                        local.get 0 i32.const 0 call_indirect (type $unary)
                        call $double))
                    """;

    private static void inContext(Consumer<Context> test) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                test.accept(context);
            }
        });
    }

    private static Value module(Context context, String wat, String name) {
        return context.eval(WasmSource.of(Wat.compile(wat), name));
    }

    private static ProxyObject imports(String module, Object fields) {
        return ProxyObject.fromMap(Map.of(module, fields));
    }

    @Test
    void importerChangesAreSeenByTheExporter() {
        inContext(context -> {
            Value a = module(context, PROVIDER, "a.wasm").newInstance().getMember("exports");
            Value b = module(context, CONSUMER, "b.wasm").newInstance(imports("A", a)).getMember("exports");

            // B's element segment already wrote A's table at instantiation.
            assertEquals(5 * 3, a.getMember("callSlot").execute(1, 5).asInt());
            assertEquals(0, a.getMember("counterValue").execute().asInt());

            // run(10): double(double(10)) through slot 0 and the direct import.
            assertEquals(40, b.getMember("run").execute(10).asInt());
            assertEquals(0x1234, a.getMember("peek").execute(16).asInt());
            assertEquals(99, a.getMember("counterValue").execute().asInt());
            assertEquals(99, a.getMember("counter").getMember("value").asInt());
            assertEquals(7 * 3, a.getMember("callSlot").execute(2, 7).asInt());

            // B's function runs in B's instance even when A calls it: it sees B's global change.
            b.getMember("setFactor").execute(10);
            assertEquals(70, a.getMember("callSlot").execute(2, 7).asInt());
            assertEquals(50, a.getMember("callSlot").execute(1, 5).asInt());

            // A second run adds 99 again to the shared global.
            b.getMember("run").execute(1);
            assertEquals(198, a.getMember("counterValue").execute().asInt());
            GuestError.expect(() -> a.getMember("callSlot").execute(3, 1), "uninitialized element");

            // B grows the memory and the table; A uses the new page and the new slot.
            GuestError.expect(() -> a.getMember("poke").execute(65536, 5), "out of bounds memory access");
            assertEquals(1, b.getMember("growMemory").execute(1).asInt());
            assertEquals(2, a.getMember("memorySize").execute().asInt());
            a.getMember("poke").execute(65536, 5);
            assertEquals(5, a.getMember("peek").execute(65536).asInt());
            GuestError.expect(() -> a.getMember("callSlot").execute(4, 1), "undefined element");
            assertEquals(4, b.getMember("growTable").execute().asInt());
            assertEquals(5, a.getMember("tableSize").execute().asInt());
            assertEquals(20, a.getMember("callSlot").execute(4, 2).asInt());
        });
    }

    @Test
    void missingImportIsUnknown() {
        inContext(context -> {
            Value a = module(context, PROVIDER, "a.wasm").newInstance().getMember("exports");
            String wat = "(module (import \"A\" \"triple\" (func (param i32) (result i32))))";
            Value consumer = module(context, wat, "missing.wasm");
            GuestError.expect(() -> consumer.newInstance(imports("A", a)), "unlinkable module", "unknown import", "A.triple");
            // No imports object at all, or one without the module.
            GuestError.expect(consumer::newInstance, "unlinkable module", "unknown import");
            GuestError.expect(() -> consumer.newInstance(imports("B", a)), "unlinkable module", "unknown import");
        });
    }

    @Test
    void wrongImportTypeIsIncompatible() {
        inContext(context -> {
            Value a = module(context, PROVIDER, "a.wasm").newInstance().getMember("exports");
            List<String> wrong = new ArrayList<>();
            wrong.add("(module (import \"A\" \"double\" (func (param i64) (result i32))))");
            wrong.add("(module (import \"A\" \"double\" (func (param i32))))");
            wrong.add("(module (import \"A\" \"memory\" (memory 2)))");
            wrong.add("(module (import \"A\" \"memory\" (table 1 funcref)))");
            wrong.add("(module (import \"A\" \"counter\" (global i32)))");
            wrong.add("(module (import \"A\" \"counter\" (global (mut i64))))");
            wrong.add("(module (import \"A\" \"table\" (table 5 funcref)))");
            wrong.add("(module (import \"A\" \"table\" (table 1 externref)))");
            wrong.add("(module (import \"A\" \"double\" (global i32)))");
            for (String wat : wrong) {
                Value consumer = module(context, wat, "wrong.wasm");
                PolyglotException e = GuestError.expect(() -> consumer.newInstance(imports("A", a)), "unlinkable module", "incompatible import type");
                assertTrue(e.getMessage().contains("A."), e.getMessage());
            }
            // After all those failures A is unchanged and still links.
            module(context, CONSUMER, "b.wasm").newInstance(imports("A", a));
        });
    }

    @Test
    void hostFunctionCallsBackIntoWasm() {
        String wat = """
                        (module
                          (import "host" "callback" (func $callback (param i32) (result i32)))
                          (func (export "square") (param i32) (result i32) local.get 0 local.get 0 i32.mul)
                          (func (export "run") (param i32) (result i32) local.get 0 call $callback i32.const 1 i32.add))
                        """;
        inContext(context -> {
            AtomicReference<Value> exports = new AtomicReference<>();
            List<Integer> seen = new ArrayList<>();
            ProxyExecutable callback = args -> {
                int x = args[0].asInt();
                seen.add(x);
                return exports.get().getMember("square").execute(x).asInt() + 1000;
            };
            exports.set(module(context, wat, "host.wasm").newInstance(imports("host", ProxyObject.fromMap(Map.of("callback", callback)))).getMember("exports"));
            Value run = exports.get().getMember("run");
            assertEquals(49 + 1000 + 1, run.execute(7).asInt());
            // Enough calls for the JIT to compile the path; results stay right.
            for (int i = 0; i < 5000; i++) {
                assertEquals(i * i + 1001, run.execute(i).asInt());
            }
            assertEquals(5001, seen.size());
        });
    }

    @Test
    void trapInsideACallbackCrossesTheHostFrame() {
        String wat = """
                        (module
                          (import "host" "callback" (func $callback))
                          (func $boom (export "boom") unreachable)
                          (func $run (export "run") call $callback))
                        """;
        inContext(context -> {
            AtomicReference<Value> exports = new AtomicReference<>();
            ProxyExecutable callback = args -> exports.get().getMember("boom").execute();
            exports.set(module(context, wat, "callback-trap.wasm").newInstance(imports("host", ProxyObject.fromMap(Map.of("callback", callback)))).getMember("exports"));
            PolyglotException e = GuestError.expect(() -> exports.get().getMember("run").execute(), "unreachable");
            List<String> wasmFrames = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && frame.getLanguage().getId().equals(WasmSource.LANGUAGE)) {
                    wasmFrames.add(frame.getRootName());
                }
            }
            assertEquals("func[1]", wasmFrames.get(0), wasmFrames::toString);
            assertTrue(wasmFrames.contains("func[2]"), wasmFrames::toString);
        });
    }

    @Test
    void hostExceptionInsideACallbackReachesTheCaller() {
        String wat = "(module (import \"host\" \"fail\" (func $fail)) (func (export \"run\") call $fail))";
        inContext(context -> {
            ProxyExecutable fail = args -> {
                throw new IllegalStateException("host failure");
            };
            Value run = module(context, wat, "host-throws.wasm").newInstance(imports("host", ProxyObject.fromMap(Map.of("fail", fail)))).getMember("exports").getMember("run");
            PolyglotException e = assertThrows(PolyglotException.class, run::execute);
            assertTrue(e.isHostException(), e.getMessage());
            assertTrue(e.asHostException() instanceof IllegalStateException);
            assertEquals("host failure", e.asHostException().getMessage());
        });
    }
}
