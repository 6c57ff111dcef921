package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * One {@code call_indirect} site that meets several callees: the same function of two instances of one
 * module (one call target, two instances), a host function, and a function whose type is equal to the
 * expected one but declared by another module. Its cache tells them apart by module and index, so each runs
 * in its own instance, interpreted and compiled alike, and a wrong type still traps.
 */
class IndirectCallCacheTest {
    /**
     * Instantiated twice: {@code get} adds this instance's global to its argument. It is function 0, as
     * {@code negate} is of its module: only the module tells them apart.
     */
    private static final String ADDER = """
                    (module
                      (global $g (mut i32) (i32.const 0))
                      (func (export "get") (param i32) (result i32) local.get 0 global.get $g i32.add)
                      (func (export "set") (param i32) local.get 0 global.set $g))
                    """;

    /** Declares the same signature as its own type: the caller's type object is another one. */
    private static final String NEGATOR = """
                    (module
                      (type $filler (func (param f64)))
                      (type $unary (func (param i32) (result i32)))
                      (func (export "negate") (type $unary) i32.const 0 local.get 0 i32.sub))
                    """;

    /** Sums {@code call_indirect (i, i % 4)} for i below n, through one call site. */
    private static final String CALLER = """
                    (module
                      (type $unary (func (param i32) (result i32)))
                      (import "m" "first" (func $first (type $unary)))
                      (import "m" "second" (func $second (type $unary)))
                      (import "m" "host" (func $host (type $unary)))
                      (import "m" "negate" (func $negate (type $unary)))
                      (table 5 funcref)
                      (elem (i32.const 0) $first $second $host $negate $wrongType)
                      (func $wrongType (param i64) (result i32) i32.const 0)
                      (func $at (param $i i32) (param $slot i32) (result i32)
                        local.get $i local.get $slot call_indirect (type $unary))
                      (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
                        (block $done
                          (loop $next
                            (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                            (local.set $acc (i32.add (local.get $acc) (call $at (local.get $i) (i32.rem_u (local.get $i) (i32.const 4)))))
                            (local.set $i (i32.add (local.get $i) (i32.const 1)))
                            (br $next)))
                        (local.get $acc))
                      (func (export "wrongType") (result i32) i32.const 1 i32.const 4 call_indirect (type $unary)))
                    """;

    /** What {@code sum(n)} must return with the adders' globals at {@code first} and {@code second}. */
    private static int expectedSum(int n, int first, int second) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += switch (i % 4) {
                case 0 -> i + first;
                case 1 -> i + second;
                case 2 -> 3 * i;
                default -> -i;
            };
        }
        return sum;
    }

    private static void check(Engine engine) {
        try (Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value adder = context.eval(WasmSource.of(Wat.compile(ADDER), "adder.wasm"));
            Value first = adder.newInstance().getMember("exports");
            Value second = adder.newInstance().getMember("exports");
            first.getMember("set").execute(100);
            second.getMember("set").execute(10_000);
            Value negate = context.eval(WasmSource.of(Wat.compile(NEGATOR), "negator.wasm")).newInstance().getMember("exports").getMember("negate");
            ProxyExecutable host = arguments -> 3 * arguments[0].asInt();
            Map<String, Object> fields = Map.of("first", first.getMember("get"), "second", second.getMember("get"), "host", host, "negate", negate);
            Value caller = context.eval(WasmSource.of(Wat.compile(CALLER), "caller.wasm")).newInstance(ProxyObject.fromMap(Map.of("m", ProxyObject.fromMap(fields))))
                            .getMember("exports");
            Value sum = caller.getMember("sum");
            for (int round = 0; round < 20; round++) {
                assertEquals(expectedSum(5_000, 100, 10_000), sum.execute(5_000).asInt());
            }
            // Each callee still reads its own instance's global, now changed.
            second.getMember("set").execute(7);
            assertEquals(expectedSum(5_000, 100, 7), sum.execute(5_000).asInt());
            GuestError.expect(() -> caller.getMember("wrongType").execute(), "indirect call type mismatch");
            assertEquals(expectedSum(10, 100, 7), sum.execute(10).asInt());
        }
    }

    private static void withEngine(Consumer<Engine.Builder> options) {
        Engine.Builder builder = Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true);
        options.accept(builder);
        try (Engine engine = builder.build()) {
            check(engine);
        }
    }

    @Test
    void interpreted() {
        withEngine(builder -> builder.option("engine.Compilation", "false"));
    }

    @Test
    void compiled() {
        withEngine(builder -> builder.option("engine.CompileImmediately", "true").option("engine.BackgroundCompilation", "false")
                        .option("engine.CompilationFailureAction", "Throw"));
    }
}
