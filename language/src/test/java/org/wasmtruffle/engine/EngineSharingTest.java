package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Many contexts of one engine: a source is decoded and validated once for all of them, each gets its own
 * instance state, an instance costs little memory, and contexts on different threads run concurrently.
 */
class EngineSharingTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** Each instance keeps a running total in its own memory and global. */
    private static final String COUNTER = """
                    (module
                      (memory (export "memory") 1)
                      (global $calls (export "calls") (mut i32) (i32.const 0))
                      (func (export "add") (param i32) (result i32)
                        global.get $calls i32.const 1 i32.add global.set $calls
                        i32.const 0
                        i32.const 0 i32.load local.get 0 i32.add
                        i32.store
                        i32.const 0 i32.load))
                    """;

    private static final String COMPUTE = """
                    (module
                      (func $fib (export "fib") (param i32) (result i32)
                        local.get 0 i32.const 2 i32.lt_u
                        if (result i32)
                          local.get 0
                        else
                          local.get 0 i32.const 1 i32.sub call $fib
                          local.get 0 i32.const 2 i32.sub call $fib
                          i32.add
                        end)
                      (func (export "sumOfSquares") (param i32) (result i64) (local $i i32) (local $sum i64)
                        block $done
                          loop $next
                            local.get $i local.get 0 i32.ge_u br_if $done
                            local.get $sum
                            local.get $i i64.extend_i32_u local.get $i i64.extend_i32_u i64.mul
                            i64.add local.set $sum
                            local.get $i i32.const 1 i32.add local.set $i
                            br $next
                          end
                        end
                        local.get $sum))
                    """;

    private static Context newContext(Engine engine) {
        return Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections: the smallest reading is the closest to the live data.
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    @Test
    void sourceIsParsedOncePerEngine() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Source source = WasmSource.of(Wat.compile(COUNTER), "counter.wasm");
            try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).option("engine.TraceSourceCacheDetails", "true").logHandler(log).build()) {
                for (int i = 0; i < 5; i++) {
                    try (Context context = newContext(engine)) {
                        assertEquals(7, context.eval(source).newInstance().getMember("exports").getMember("add").execute(7).asInt());
                    }
                }
            }
            String trace = log.toString(StandardCharsets.UTF_8);
            // One line per lookup of the source: the first misses (and parses), the others hit the cache.
            assertEquals(1, count(trace, "source-cache-miss"), trace);
            assertEquals(4, count(trace, "source-cache-hit"), trace);
        });
    }

    private static int count(String text, String word) {
        Matcher m = Pattern.compile(Pattern.quote(word)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void thousandContextsShareTheModule() {
        int contexts = 1000;
        assertTimeoutPreemptively(LIMIT, () -> {
            Source source = WasmSource.of(Wat.compile(COUNTER), "counter.wasm");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).option("engine.TraceSourceCacheDetails", "true").logHandler(log).build()) {
                // Warm up the engine and the classes, so the measurement below counts instances only.
                try (Context warm = newContext(engine)) {
                    warm.eval(source).newInstance().getMember("exports").getMember("add").execute(1);
                }
                List<Context> open = new ArrayList<>();
                List<Value> adders = new ArrayList<>();
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                for (int i = 0; i < contexts; i++) {
                    Context context = newContext(engine);
                    open.add(context);
                    Value add = context.eval(source).newInstance().getMember("exports").getMember("add");
                    assertEquals(i, add.execute(i).asInt());
                    adders.add(add);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                long heapAfter = usedHeap();
                // Each context has its own state: a second call adds to its own total only.
                for (int i = 0; i < contexts; i++) {
                    assertEquals(2 * i + 1, adders.get(i).execute(i + 1).asInt());
                }
                long heapPerContext = (heapAfter - heapBefore) / contexts;
                // The memory's page is native (off-heap): 64 KiB per instance on top of the heap figure.
                System.out.printf("[engine] %d contexts (one instance each): created in %d ms; heap %,d -> %,d bytes, %,d bytes per context and instance,"
                                + " plus 65,536 bytes of native memory each%n", contexts, millis, heapBefore, heapAfter, heapPerContext);
                assertTrue(heapPerContext < 1_000_000, "heap per context and instance: " + heapPerContext);
                for (Context context : open) {
                    context.close();
                }
            }
            // Decoded and validated once, for the warm-up context; all 1,000 others found it in the cache.
            String trace = log.toString(StandardCharsets.UTF_8);
            assertEquals(1, count(trace, "source-cache-miss"));
            assertEquals(contexts, count(trace, "source-cache-hit"));
        });
    }

    @Test
    void instancesInOneContextAreSmall() {
        int instances = 5000;
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                Value module = context.eval(WasmSource.of(Wat.compile(COUNTER), "counter.wasm"));
                module.newInstance().getMember("exports").getMember("add").execute(1);
                List<Value> adders = new ArrayList<>();
                long heapBefore = usedHeap();
                for (int i = 0; i < instances; i++) {
                    Value add = module.newInstance().getMember("exports").getMember("add");
                    assertEquals(i, add.execute(i).asInt());
                    adders.add(add);
                }
                long heapAfter = usedHeap();
                long perInstance = (heapAfter - heapBefore) / instances;
                System.out.printf("[engine] %d instances in one context: heap %,d -> %,d bytes, %,d bytes per instance (plus a 64 KiB native page)%n", instances,
                                heapBefore, heapAfter, perInstance);
                assertTrue(perInstance < 1_000_000, "heap per instance: " + perInstance);
                assertEquals(adders.size(), instances);
            }
        });
    }

    @Test
    void fourThreadsComputeConcurrently() {
        int threads = 4;
        assertTimeoutPreemptively(LIMIT, () -> {
            Source source = WasmSource.of(Wat.compile(COMPUTE), "compute.wasm");
            long expectedSum = 0;
            for (long i = 0; i < 3_000_000; i++) {
                expectedSum += i * i;
            }
            long expected = expectedSum;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).build()) {
                CountDownLatch ready = new CountDownLatch(threads);
                List<Future<Long>> results = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        try (Context context = newContext(engine)) {
                            Value exports = context.eval(source).newInstance().getMember("exports");
                            ready.countDown();
                            ready.await();
                            long checks = 0;
                            for (int round = 0; round < 5; round++) {
                                assertEquals(832_040, exports.getMember("fib").execute(30).asInt());
                                assertEquals(expected, exports.getMember("sumOfSquares").execute(3_000_000).asLong());
                                checks += 2;
                            }
                            return checks;
                        }
                    }));
                }
                long checks = 0;
                for (Future<Long> f : results) {
                    checks += f.get();
                }
                assertEquals(threads * 10L, checks);
                System.out.printf("[engine] %d threads, each 5 x (fib(30) + sum of 3,000,000 squares) in its own context: %d ms%n", threads,
                                (System.nanoTime() - start) / 1_000_000);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
    }

    @Test
    void hostImportsStayPerContext() {
        // The module's code is shared by the engine; each context links its own host function.
        String wat = """
                        (module
                          (import "host" "f" (func $f (param i32) (result i32)))
                          (func (export "run") (param i32) (result i32) local.get 0 call $f i32.const 1 i32.add))
                        """;
        assertTimeoutPreemptively(LIMIT, () -> {
            Source source = WasmSource.of(Wat.compile(wat), "host-per-context.wasm");
            try (Engine engine = Engine.newBuilder(WasmSource.LANGUAGE).build();
                            Context first = newContext(engine);
                            Context second = newContext(engine)) {
                ProxyExecutable times10 = args -> args[0].asInt() * 10;
                ProxyExecutable plus100 = args -> args[0].asInt() + 100;
                Value run1 = first.eval(source).newInstance(ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of("f", times10))))).getMember("exports").getMember("run");
                Value run2 = second.eval(source).newInstance(ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of("f", plus100))))).getMember("exports").getMember("run");
                // Interleaved and many times over, so the shared call sites are compiled on the way.
                for (int i = 0; i < 20_000; i++) {
                    assertEquals(i * 10 + 1, run1.execute(i).asInt());
                    assertEquals(i + 101, run2.execute(i).asInt());
                }
            }
        });
    }
}
