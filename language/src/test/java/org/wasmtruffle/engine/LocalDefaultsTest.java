package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Locals that are not parameters start at zero (all bits clear, so not -0.0) and null, in every call: also in a
 * call made after its caller, running the same function, has written all of its own locals. The engine relies on
 * new frames holding those values rather than writing them; interpreted and compiled alike.
 */
class LocalDefaultsTest {
    private static final String MODULE = """
                    (module
                      (func $target)
                      (elem declare func $target)
                      ;; 1 if every local was zero or null on entry, and the same for each nested call.
                      (func $fresh (export "fresh") (param $depth i32) (result i32)
                        (local $i i32) (local $l i64) (local $f f32) (local $d f64) (local $r funcref) (local $e externref)
                        (local $ok i32)
                        (local.set $ok (i32.and
                          (i32.and (i32.eqz (local.get $i)) (i64.eqz (local.get $l)))
                          (i32.and (i32.eqz (i32.reinterpret_f32 (local.get $f))) (i64.eqz (i64.reinterpret_f64 (local.get $d))))))
                        (local.set $ok (i32.and (local.get $ok) (i32.and (ref.is_null (local.get $r)) (ref.is_null (local.get $e)))))
                        (local.set $i (i32.const 7))
                        (local.set $l (i64.const 7))
                        (local.set $f (f32.const -0))
                        (local.set $d (f64.const -0))
                        (local.set $r (ref.func $target))
                        (if (local.get $depth)
                          (then (local.set $ok (i32.and (local.get $ok) (call $fresh (i32.sub (local.get $depth) (i32.const 1)))))))
                        (local.get $ok)))
                    """;

    @Test
    void localsStartAtZeroAndNullInterpreted() {
        check(Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.Compilation", "false"));
    }

    @Test
    void localsStartAtZeroAndNullCompiled() {
        check(Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.CompileImmediately", "true")
                        .option("engine.BackgroundCompilation", "false"));
    }

    private static void check(Engine.Builder engineBuilder) {
        try (Engine engine = engineBuilder.build(); Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value fresh = context.eval(WasmSource.of(Wat.compile(MODULE), "locals.wasm")).newInstance().getMember("exports").getMember("fresh");
            for (int round = 0; round < 3; round++) {
                assertEquals(1, fresh.execute(4).asInt(), "round " + round);
            }
        }
    }
}
