package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Code compiled while a loop runs (OSR) is shared by every instance of the module: it must read the
 * instance of the call it serves, never one it saw while compiling.
 */
class OsrInstanceTest {
    private static final String COUNTER = """
                    (module
                      (memory 1)
                      (func (export "count") (param $n i32) (result i32)
                        (loop $again
                          (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
                          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                          (br_if $again (local.get $n)))
                        (i32.load (i32.const 0))))
                    """;

    private static final String SWITCHING_LOOP = """
                    (module
                      (func (export "run") (param $n i32) (param $switchAt i32) (result i32)
                        (local $i i32) (local $acc i32)
                        (loop $next
                          (if (i32.lt_u (local.get $i) (local.get $switchAt))
                            (then (local.set $acc (i32.add (local.get $acc) (i32.const 1))))
                            (else (local.set $acc (i32.add (local.get $acc) (i32.const 2)))))
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
                        (local.get $acc)))
                    """;

    @Test
    void loopCompiledAgainAfterItsCompiledCodeFellBack() {
        // The loop compiles while it runs the if's first arm only; when it turns to the other arm the
        // compiled code gives way to the interpreter, which goes on in the compiled loop's frame and
        // compiles the loop again from there: that second compilation's parent frame is a loop frame too.
        try (Engine engine = OsrEngine.synchronous(1000, null);
                        Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value run = context.eval(WasmSource.of(Wat.compile(SWITCHING_LOOP), "switching.wasm")).newInstance().getMember("exports").getMember("run");
            assertEquals(1_500_000, run.execute(1_000_000, 500_000).asInt());
            assertEquals(1_000_000 + 2 * 1_000_000, run.execute(2_000_000, 1_000_000).asInt());
        }
    }

    @Test
    void osrCompiledLoopUsesEachCallsOwnInstance() {
        try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.OSRCompilationThreshold", "1000")
                        .option("engine.CompilationFailureAction", "Throw").build()) {
            Source source = WasmSource.of(Wat.compile(COUNTER), "counter.wasm");
            // A fresh context (and so a fresh instance and memory) for every run, as a benchmark harness does:
            // each run counts from its own zero, however the loop was compiled by then.
            for (int run = 0; run < 8; run++) {
                try (Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
                    Value count = context.eval(source).newInstance().getMember("exports").getMember("count");
                    assertEquals(1_000_000, count.execute(1_000_000).asInt(), "run " + run);
                    assertEquals(2_000_000, count.execute(1_000_000).asInt(), "run " + run);
                }
            }
        }
    }
}
