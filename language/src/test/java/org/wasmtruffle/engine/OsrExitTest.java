package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * A loop that OSR compiled returns from its compiled code without falling back to the interpreter: the function's
 * frame is not copied back, since nothing reads it after the loop's code returns.
 */
class OsrExitTest {
    private static final String SUM = """
                    (module
                      (memory 1)
                      (func (export "sum") (param $n i32) (result i32)
                        (local $acc i32)
                        (loop $again
                          (local.set $acc (i32.add (local.get $acc) (i32.load (i32.const 0))))
                          (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
                          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                          (br_if $again (local.get $n)))
                        (local.get $acc)))
                    """;

    @Test
    void compiledLoopReturnsWithoutDeoptimizing() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = OsrEngine.synchronous(1000, log, "engine.TraceTransferToInterpreter");
                        Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value sum = context.eval(WasmSource.of(Wat.compile(SUM), "sum.wasm")).newInstance().getMember("exports").getMember("sum");
            // A short call first, so that the loop's exit is profiled too and the compiled loop has no reason to
            // fall back when it leaves the loop.
            assertEquals(0, sum.execute(1).asInt());
            // 1 + 2 + ... + 99,999 (the counter in memory starts at 1 now), wrapping at 32 bits as i32.add does.
            assertEquals((int) (99_999L * 100_000L / 2), sum.execute(99_999).asInt());
            assertEquals((int) ((299_999L * 300_000L - 99_999L * 100_000L) / 2), sum.execute(200_000).asInt());
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        assertFalse(trace.contains("transferToInterpreter"), trace);
    }
}
