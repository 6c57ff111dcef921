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
