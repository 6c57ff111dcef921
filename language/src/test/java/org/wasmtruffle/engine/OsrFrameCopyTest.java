package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Entering a loop's OSR code, the function's locals arrive with their values, whatever their types: the interpreter
 * copies them by type when the operand stack is empty at the loop, and leaves the copy to Truffle when it is not.
 */
class OsrFrameCopyTest {
    private static final String LOCALS = """
                    (module
                      (func $f (result i32) (i32.const 40))
                      (table 1 funcref)
                      (elem (i32.const 0) $f)
                      (type $t (func (result i32)))
                      ;; Every type of local set before the loop, updated in it, and read after it.
                      (func (export "locals") (param $n i32) (param $l i64) (result f64)
                        (local $i i32) (local $x f32) (local $d f64) (local $r funcref)
                        (local.set $x (f32.const 1.5))
                        (local.set $d (f64.const 0.25))
                        (local.set $r (ref.func $f))
                        (loop $again
                          (local.set $l (i64.add (local.get $l) (i64.extend_i32_u (local.get $i))))
                          (local.set $x (f32.add (local.get $x) (f32.const 1)))
                          (local.set $d (f64.add (local.get $d) (f64.const 0.5)))
                          (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                        (table.set 0 (i32.const 0) (local.get $r))
                        (f64.add (f64.add (f64.convert_i64_s (local.get $l)) (f64.promote_f32 (local.get $x)))
                                 (f64.add (local.get $d) (f64.convert_i32_s (call_indirect (type $t) (i32.const 0))))))
                      ;; A value below the loop on the operand stack, live across it.
                      (func (export "stacked") (param $n i32) (result i32)
                        (local $i i32) (local $acc i32)
                        (i32.const 1000000)
                        (loop $again
                          (local.set $acc (i32.add (local.get $acc) (local.get $i)))
                          (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                        (i32.add (local.get $acc))))
                    """;

    @Test
    void localsOfEveryTypeArriveInTheLoopsCompiledCode() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = OsrEngine.synchronous(1000, log, "engine.TraceCompilation");
                        Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value exports = context.eval(WasmSource.of(Wat.compile(LOCALS), "locals.wasm")).newInstance().getMember("exports");
            int n = 200_000;
            // l: 7 + 0 + 1 + ... + (n - 1); x: 1.5 + n in f32; d: 0.25 + n / 2; the call through the reference: 40.
            double expected = (7L + (long) n * (n - 1) / 2) + (double) (1.5f + n) + (0.25 + n * 0.5) + 40;
            assertEquals(expected, exports.getMember("locals").execute(n, 7L).asDouble());
            // i32 arithmetic wraps.
            assertEquals((int) (1_000_000L + (long) n * (n - 1) / 2), exports.getMember("stacked").execute(n).asInt());
        }
        String trace = log.toString(StandardCharsets.UTF_8);
        // Both loops ran in OSR code.
        assertEquals(2, OsrEngine.compiledTargets(trace).size(), trace);
        assertTrue(trace.lines().noneMatch(l -> l.contains("opt failed")), trace);
    }
}
