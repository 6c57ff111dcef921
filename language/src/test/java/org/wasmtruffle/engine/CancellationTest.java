package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.interop.Wat;

/**
 * A guest that never ends can be stopped by its embedder: a context closed with cancellation, or
 * interrupted, stops the wasm loop that runs in it (the interpreter polls Truffle safepoints on back edges).
 */
class CancellationTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static final String SPIN = """
                    (module
                      (memory 1)
                      (func (export "spin") (loop $again br $again))
                      (func (export "busy") (local $i i32)
                        (loop $again
                          local.get $i i32.const 1 i32.add local.tee $i
                          i32.const 0 local.get $i i32.store
                          i32.const 0 i32.ne br_if $again))
                      (func (export "answer") (result i32) i32.const 42))
                    """;

    /**
     * Starts {@code export} on a new thread; the future completes with what ended it. A new thread each
     * time: with Truffle 25.0.2, a second {@code Context.interrupt} does not reach a pooled thread that
     * was interrupted before in the same context (it polls safepoints, but the action never runs).
     */
    private static CompletableFuture<PolyglotException> start(Value exports, String export) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                exports.getMember(export).execute();
                return null;
            } catch (PolyglotException e) {
                return e;
            }
        }, task -> new Thread(task, "wasm-" + export).start());
    }

    @Test
    void closingWithCancellationStopsAnEndlessLoop() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Context context = Context.create(WasmSource.LANGUAGE);
            Value exports = context.eval(WasmSource.of(Wat.compile(SPIN), "spin.wasm")).newInstance().getMember("exports");
            CompletableFuture<PolyglotException> running = start(exports, "spin");
            Thread.sleep(500);
            context.close(true);
            PolyglotException e = running.get(30, TimeUnit.SECONDS);
            assertTrue(e != null && e.isCancelled(), () -> e == null ? "returned" : GuestError.describe(e));
        });
    }

    @Test
    void interruptStopsTheLoopAndTheContextWorksOn() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                Value exports = context.eval(WasmSource.of(Wat.compile(SPIN), "spin.wasm")).newInstance().getMember("exports");
                for (String export : new String[]{"spin", "busy"}) {
                    CompletableFuture<PolyglotException> running = start(exports, export);
                    Thread.sleep(500);
                    context.interrupt(Duration.ofSeconds(30));
                    PolyglotException e = running.get(30, TimeUnit.SECONDS);
                    assertTrue(e != null && e.isInterrupted(), () -> e == null ? "returned" : GuestError.describe(e));
                    assertEquals(42, exports.getMember("answer").execute().asInt());
                }
            }
        });
    }

    @Test
    void aClosedContextRefusesCalls() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Context context = Context.create(WasmSource.LANGUAGE);
            Value answer = context.eval(WasmSource.of(Wat.compile(SPIN), "spin.wasm")).newInstance().getMember("exports").getMember("answer");
            assertEquals(42, answer.execute().asInt());
            context.close();
            assertThrows(IllegalStateException.class, answer::execute);
        });
    }
}
