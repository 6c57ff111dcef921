package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * Unbounded recursion ends in the trap "call stack exhausted", after which the context works on; deep but
 * bounded recursion completes when the thread's stack is large enough.
 */
class StackExhaustionTest {
    private static final long TIME_LIMIT_MILLIS = 60_000;

    private static final String RECURSION = """
                    (module
                      (func $forever (export "forever") (param i32) (result i32)
                        local.get 0 i32.const 1 i32.add call $forever)
                      (func $depth (export "depth") (param i32) (result i32)
                        local.get 0 i32.eqz
                        if (result i32)
                          i32.const 0
                        else
                          local.get 0 i32.const 1 i32.sub call $depth i32.const 1 i32.add
                        end)
                      (func (export "answer") (result i32) i32.const 42))
                    """;

    /** Runs {@code task} on a new thread with a stack of {@code stackBytes}, within the time limit. */
    private static <T> T onThread(long stackBytes, Callable<T> task) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "wasm-stack-test", stackBytes);
        thread.start();
        thread.join(TIME_LIMIT_MILLIS);
        assertFalse(thread.isAlive(), "did not finish within " + TIME_LIMIT_MILLIS + " ms");
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    @Test
    void infiniteRecursionTrapsAndTheContextWorksOn() throws Throwable {
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            Value exports = context.eval(WasmSource.of(Wat.compile(RECURSION), "recursion.wasm")).newInstance().getMember("exports");
            for (int attempt = 0; attempt < 3; attempt++) {
                long start = System.nanoTime();
                PolyglotException e = onThread(4L << 20, () -> {
                    try {
                        exports.getMember("forever").execute(0);
                        return null;
                    } catch (PolyglotException caught) {
                        return caught;
                    }
                });
                long millis = (System.nanoTime() - start) / 1_000_000;
                GuestError.check(e, "call stack exhausted");
                System.out.println("[engine] infinite recursion on a 4 MB stack trapped after " + millis + " ms: " + e.getMessage());
                // On this thread and on a fresh one, other calls still work.
                assertEquals(42, exports.getMember("answer").execute().asInt());
                assertEquals(1000, exports.getMember("depth").execute(1000).asInt());
                assertEquals(42, (int) onThread(4L << 20, () -> exports.getMember("answer").execute().asInt()));
            }
        }
    }

    @Test
    void deepFiniteRecursionSucceeds() throws Throwable {
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            Value exports = context.eval(WasmSource.of(Wat.compile(RECURSION), "recursion.wasm")).newInstance().getMember("exports");
            long start = System.nanoTime();
            int depth = onThread(512L << 20, () -> exports.getMember("depth").execute(100_000).asInt());
            System.out.println("[engine] recursion 100,000 deep on a 512 MB stack: " + (System.nanoTime() - start) / 1_000_000 + " ms");
            assertEquals(100_000, depth);
        }
    }

    @Test
    void compiledRecursionExhaustsCleanly() throws Throwable {
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            Value exports = context.eval(WasmSource.of(Wat.compile(RECURSION), "recursion.wasm")).newInstance().getMember("exports");
            Value depth = exports.getMember("depth");
            // Enough calls for the JIT to compile "depth"; then a count that never reaches zero in time.
            for (int i = 0; i < 20_000; i++) {
                assertEquals(20, depth.execute(20).asInt());
            }
            PolyglotException e = onThread(4L << 20, () -> {
                try {
                    depth.execute(-1);
                    return null;
                } catch (PolyglotException caught) {
                    return caught;
                }
            });
            GuestError.check(e, "call stack exhausted");
            assertEquals(20, depth.execute(20).asInt());
        }
    }

    @Test
    void recursionThroughTheHostExhaustsCleanly() throws Throwable {
        String wat = """
                        (module
                          (import "host" "again" (func $again (param i32) (result i32)))
                          (func (export "down") (param i32) (result i32)
                            local.get 0 i32.const 1 i32.add call $again))
                        """;
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            AtomicReference<Value> next = new AtomicReference<>();
            ProxyExecutable again = args -> next.get().execute(args[0]).asInt();
            ProxyObject imports = ProxyObject.fromMap(Map.of("host", ProxyObject.fromMap(Map.of("again", again))));
            Value exports = context.eval(WasmSource.of(Wat.compile(wat), "host-recursion.wasm")).newInstance(imports).getMember("exports");
            next.set(exports.getMember("down"));
            PolyglotException e = onThread(4L << 20, () -> {
                try {
                    next.get().execute(0);
                    return null;
                } catch (PolyglotException caught) {
                    return caught;
                }
            });
            // The overflow may strike in wasm code (the trap) or in Truffle's host-call code, which reports
            // it as a resource exhausted; either way no internal error, and the context works on.
            assertFalse(e.isInternalError(), () -> GuestError.describe(e));
            if (e.isResourceExhausted()) {
                assertTrue(e.getMessage().contains("Stack overflow"), e.getMessage());
            } else {
                GuestError.check(e, "call stack exhausted");
            }
            System.out.println("[engine] recursion through the host ended with: " + e.getMessage());
            // The host function now calls an identity function: down(5) = identity(6).
            next.set(context.eval(WasmSource.of(Wat.compile("(module (func (export \"id\") (param i32) (result i32) local.get 0))"), "id.wasm"))
                            .newInstance().getMember("exports").getMember("id"));
            assertEquals(6, exports.getMember("down").execute(5).asInt());
        }
    }

    @Test
    void startFunctionRecursingForeverFailsInstantiation() throws Throwable {
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            Value module = context.eval(WasmSource.of(Wat.compile("(module (func $start call $start) (start $start))"), "recursive-start.wasm"));
            PolyglotException e = onThread(4L << 20, () -> {
                try {
                    module.newInstance();
                    return null;
                } catch (PolyglotException caught) {
                    return caught;
                }
            });
            GuestError.check(e, "call stack exhausted");
        }
    }

    /**
     * Runs {@link IsolatedRecursion} in a JVM of its own with this JVM's options and a 512 MB heap, with
     * this JVM's JIT if {@code jit} else interpreted only; the child is killed after {@code limitSeconds}.
     *
     * @return the child's "outcome:" lines, one per attempt
     */
    private static List<String> isolatedRecursion(boolean jit, long locals, int stackMiB, int warmUp, int attempts, int limitSeconds) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The JIT (if wanted) and access options, not agents or debuggers.
            boolean jitOption = option.contains("JVMCI") || option.contains("UnlockExperimentalVMOptions") || option.startsWith("--upgrade-module-path");
            boolean debugOption = option.startsWith("-agent") || option.startsWith("-javaagent") || option.startsWith("-Xrunjdwp");
            if (!debugOption && (jit || !jitOption)) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Xmx512m", "-Dpolyglot.engine.WarnInterpreterOnly=false", "-cp", System.getProperty("java.class.path"), IsolatedRecursion.class.getName(),
                        Long.toString(locals), Integer.toString(stackMiB), Integer.toString(warmUp), Integer.toString(attempts)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        // Read on another thread, so that the time limit holds even if the child hangs.
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The child was killed.
            }
        });
        reader.start();
        boolean finished = process.waitFor(limitSeconds, TimeUnit.SECONDS);
        process.destroyForcibly();
        reader.join(10_000);
        List<String> outcomes;
        synchronized (output) {
            outcomes = new ArrayList<>(output.toString().lines().filter(line -> line.startsWith("outcome: ")).toList());
            if (outcomes.isEmpty()) {
                outcomes.add("no outcome; the child said:\n" + output);
            }
        }
        if (!finished) {
            outcomes.add("killed after " + limitSeconds + " s");
        }
        return outcomes;
    }

    private static long millis(String outcome) {
        int at = outcome.lastIndexOf(" ms=");
        return at < 0 ? Long.MAX_VALUE : Long.parseLong(outcome.substring(at + 4).trim());
    }

    /**
     * Each wasm call's locals and operand stack live in a heap-allocated frame, so deep recursion uses heap
     * as well as thread stack. A function with 50,000 locals (about 650 KB of frame) recursing forever
     * must still end in the trap, not exhaust a 512 MB heap on a thread with a 64 MB stack (the test JVM's
     * default). Interpreted only, so the outcome does not depend on what the JIT does without heap.
     */
    @Test
    void recursionWithLargeFramesTrapsInsteadOfExhaustingTheHeap() throws Exception {
        List<String> outcomes = isolatedRecursion(false, 49_999, 64, 0, 1, 120);
        System.out.println("[engine] infinite recursion with 50,000 locals per frame, 64 MB stack, 512 MB heap: " + outcomes);
        assertEquals(1, outcomes.size(), outcomes::toString);
        assertTrue(outcomes.get(0).contains("guest=true") && outcomes.get(0).contains("call stack exhausted"), outcomes::toString);
    }

    /**
     * Stack exhaustion must stay quick once the recursing function is compiled, on a thread with a 64 MB
     * stack (the test JVM's default): each of three attempts ends in the trap within 30 seconds.
     */
    @Test
    void stackExhaustionIsQuickInCompiledCode() throws Exception {
        List<String> outcomes = isolatedRecursion(true, 0, 64, 20_000, 3, 90);
        System.out.println("[engine] infinite recursion, compiled, 64 MB stack, three attempts: " + outcomes);
        assertEquals(3, outcomes.size(), outcomes::toString);
        for (String outcome : outcomes) {
            assertTrue(outcome.contains("guest=true") && outcome.contains("call stack exhausted"), outcomes::toString);
            assertTrue(millis(outcome) < 30_000, outcomes::toString);
        }
    }
}
