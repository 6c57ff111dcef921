package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.WasmBinary;
import org.wasmtruffle.interop.Wat;

/**
 * Traps seen through the Polyglot API: a guest exception with the specification's message and a stack
 * trace of the wasm functions, innermost first, named from the name section or {@code func[N]}.
 */
class TrapTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final String CALL_CHAIN = """
                    (module
                      (func $inner unreachable)
                      (func $middle call $inner)
                      (func $outer (export "outer") call $middle))
                    """;

    private static void inContext(Consumer<Context> test) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                test.accept(context);
            }
        });
    }

    private static Value exports(Context context, byte[] bytes) {
        return context.eval(WasmSource.of(bytes, "trap.wasm")).newInstance().getMember("exports");
    }

    /** The wasm frames of {@code e}'s polyglot stack trace, innermost first. */
    static List<String> wasmFrames(PolyglotException e) {
        List<String> names = new ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getLanguage().getId().equals(WasmSource.LANGUAGE)) {
                names.add(frame.getRootName());
            }
        }
        return names;
    }

    @Test
    void unreachableWithNamedFrames() {
        // What wat2wasm --debug-names would add: the function names, here appended by hand.
        byte[] bytes = WasmBinary.cat(Wat.compile(CALL_CHAIN), NameSection.functionNames("inner", "middle", "outer"));
        inContext(context -> {
            Value outer = exports(context, bytes).getMember("outer");
            PolyglotException e = GuestError.expect(outer::execute, "unreachable");
            assertEquals(List.of("inner", "middle", "outer"), wasmFrames(e));
            // The host frames follow the guest frames: the call came from this test.
            List<String> order = new ArrayList<>();
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame()) {
                    order.add("wasm");
                } else if (frame.toHostFrame().getClassName().equals(TrapTest.class.getName())) {
                    order.add("test");
                }
            }
            assertEquals("wasm", order.get(0), order::toString);
            assertTrue(order.lastIndexOf("wasm") < order.indexOf("test"), order::toString);
            System.out.println("[engine] unreachable trap: " + e.getMessage() + " at " + wasmFrames(e));
        });
    }

    @Test
    void unreachableWithoutNames() {
        byte[] bytes = Wat.compile(CALL_CHAIN);
        inContext(context -> {
            PolyglotException e = GuestError.expect(exports(context, bytes).getMember("outer")::execute, "unreachable");
            assertEquals(List.of("func[0]", "func[1]", "func[2]"), wasmFrames(e));
        });
    }

    @Test
    void unnamedFunctionsCountImports() {
        // Imported functions come first in the index space, so the defined ones start at func[1].
        String wat = """
                        (module
                          (import "env" "log" (func $log))
                          (func $inner unreachable)
                          (func $outer (export "outer") call $inner))
                        """;
        byte[] bytes = Wat.compile(wat);
        inContext(context -> {
            ProxyExecutable log = args -> null;
            ProxyObject imports = ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(Map.of("log", log))));
            Value outer = context.eval(WasmSource.of(bytes, "imports.wasm")).newInstance(imports).getMember("exports").getMember("outer");
            PolyglotException e = GuestError.expect(outer::execute, "unreachable");
            assertEquals(List.of("func[1]", "func[2]"), wasmFrames(e));
        });
    }

    @Test
    void partlyNamedModule() {
        byte[] bytes = WasmBinary.cat(Wat.compile(CALL_CHAIN), NameSection.functionNames(null, "middle", null));
        inContext(context -> {
            PolyglotException e = GuestError.expect(exports(context, bytes).getMember("outer")::execute, "unreachable");
            assertEquals(List.of("func[0]", "middle", "func[2]"), wasmFrames(e));
        });
    }

    private static final String ARITHMETIC_AND_MEMORY = """
                    (module
                      (memory 1)
                      (func $div (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
                      (func $rem (export "rem") (param i64 i64) (result i64) local.get 0 local.get 1 i64.rem_u)
                      (func $load (export "load") (param i32) (result i32) local.get 0 i32.load)
                      (func $load_offset (export "load_offset") (param i32) (result i64) local.get 0 i64.load offset=65528)
                      (func $store (export "store") (param i32) local.get 0 i32.const 1 i32.store8)
                      (func $caller (export "caller") (param i32 i32) (result i32) local.get 0 local.get 1 call $div))
                    """;

    @Test
    void integerDivideByZero() {
        byte[] bytes = Wat.compile(ARITHMETIC_AND_MEMORY);
        inContext(context -> {
            Value exports = exports(context, bytes);
            assertEquals(-3, exports.getMember("div").execute(-7, 2).asInt());
            GuestError.expect(() -> exports.getMember("div").execute(1, 0), "integer divide by zero");
            GuestError.expect(() -> exports.getMember("rem").execute(1L, 0L), "integer divide by zero");
            GuestError.expect(() -> exports.getMember("div").execute(Integer.MIN_VALUE, -1), "integer overflow");
            PolyglotException e = GuestError.expect(() -> exports.getMember("caller").execute(5, 0), "integer divide by zero");
            assertEquals(List.of("func[0]", "func[5]"), wasmFrames(e));
        });
    }

    @Test
    void outOfBoundsMemoryAccess() {
        byte[] bytes = Wat.compile(ARITHMETIC_AND_MEMORY);
        inContext(context -> {
            Value exports = exports(context, bytes);
            assertEquals(0, exports.getMember("load").execute(65532).asInt());
            GuestError.expect(() -> exports.getMember("load").execute(65533), "out of bounds memory access");
            GuestError.expect(() -> exports.getMember("load").execute(65536), "out of bounds memory access");
            GuestError.expect(() -> exports.getMember("load").execute(-1), "out of bounds memory access");
            // The static offset is added without wrapping: 8 + 65528 is the end, 9 + 65528 beyond it.
            assertEquals(0L, exports.getMember("load_offset").execute(0).asLong());
            GuestError.expect(() -> exports.getMember("load_offset").execute(1), "out of bounds memory access");
            GuestError.expect(() -> exports.getMember("load_offset").execute(-65528), "out of bounds memory access");
            exports.getMember("store").execute(65535);
            GuestError.expect(() -> exports.getMember("store").execute(65536), "out of bounds memory access");
            assertEquals(0x0100_0000, exports.getMember("load").execute(65532).asInt());
        });
    }

    private static final String INDIRECT = """
                    (module
                      (type $v_i (func (result i32)))
                      (type $i_i (func (param i32) (result i32)))
                      (table 4 funcref)
                      (elem (i32.const 0) $seven $inc)
                      (func $seven (type $v_i) i32.const 7)
                      (func $inc (type $i_i) local.get 0 i32.const 1 i32.add)
                      (func $call (export "call") (param i32) (result i32) local.get 0 call_indirect (type $v_i)))
                    """;

    @Test
    void callIndirectTraps() {
        byte[] bytes = Wat.compile(INDIRECT);
        inContext(context -> {
            Value call = exports(context, bytes).getMember("call");
            assertEquals(7, call.execute(0).asInt());
            PolyglotException mismatch = GuestError.expect(() -> call.execute(1), "indirect call type mismatch");
            assertEquals(List.of("func[2]"), wasmFrames(mismatch));
            GuestError.expect(() -> call.execute(2), "uninitialized element");
            GuestError.expect(() -> call.execute(3), "uninitialized element");
            GuestError.expect(() -> call.execute(4), "undefined element");
            GuestError.expect(() -> call.execute(-1), "undefined element");
            // Still works after all that.
            assertEquals(7, call.execute(0).asInt());
        });
    }

    @Test
    void trapsAreReportedTheSameOnceCompiled() {
        // Many calls let the JIT compile the functions; traps must keep their message and frames.
        byte[] bytes = WasmBinary.cat(Wat.compile(ARITHMETIC_AND_MEMORY), NameSection.functionNames("div", "rem", "load", "load_offset", "store", "caller"));
        inContext(context -> {
            Value caller = exports(context, bytes).getMember("caller");
            for (int i = 0; i < 20_000; i++) {
                assertEquals(i, caller.execute(i * 3, 3).asInt());
            }
            for (int i = 0; i < 100; i++) {
                PolyglotException e = GuestError.expect(() -> caller.execute(1, 0), "integer divide by zero");
                assertEquals(List.of("div", "caller"), wasmFrames(e));
            }
        });
    }

    @Test
    void trapsDuringInstantiation() {
        inContext(context -> {
            String start = "(module (func $start unreachable) (start $start))";
            GuestError.expect(context.eval(WasmSource.of(Wat.compile(start), "start.wasm"))::newInstance, "unreachable");
            String data = "(module (memory 1) (data (i32.const 65535) \"ab\"))";
            GuestError.expect(context.eval(WasmSource.of(Wat.compile(data), "data.wasm"))::newInstance, "out of bounds memory access");
            String elem = "(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))";
            GuestError.expect(context.eval(WasmSource.of(Wat.compile(elem), "elem.wasm"))::newInstance, "out of bounds table access");
            // A start function that recurses forever: StackExhaustionTest.
        });
    }
}
