package org.wasmtruffle.launcher.wast;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.graalvm.polyglot.Engine;

/**
 * Runs WebAssembly specification scripts (wast2json output) on wasm-truffle through the Polyglot API.
 * All scripts share one {@link Engine}, so modules and compiled code are reused; each script gets a
 * fresh context, run on its own thread with a moderate stack so that {@code assert_exhaustion} ends
 * quickly, and is cancelled if it runs longer than the timeout.
 */
public final class WastScriptRunner implements AutoCloseable {
    /** The guest thread's stack: deep enough for the scripts' recursion, shallow enough to exhaust fast. */
    public static final long DEFAULT_STACK_SIZE = 16L << 20;
    /** How long one script may run before it is cancelled. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Why scripts that need SIMD are skipped. */
    public static final String SIMD_SKIP_REASON = "SIMD not supported yet";

    private final Engine engine;
    private final boolean ownsEngine;
    private final long stackSize;
    private final Duration timeout;

    /** A runner on an engine it owns, with the default stack size and timeout. */
    public WastScriptRunner() {
        this(Map.of(), DEFAULT_STACK_SIZE, DEFAULT_TIMEOUT);
    }

    /**
     * A runner on an engine it creates (and closes) with the given polyglot options, e.g.
     * {@code engine.Compilation=false}.
     */
    public WastScriptRunner(Map<String, String> engineOptions, long stackSize, Duration timeout) {
        this(Engine.newBuilder(ScriptSession.LANGUAGE).options(engineOptions).allowExperimentalOptions(true).build(), true, stackSize, timeout);
    }

    /** A runner on an engine owned by the caller, which stays open when the runner closes. */
    public WastScriptRunner(Engine engine, long stackSize, Duration timeout) {
        this(engine, false, stackSize, timeout);
    }

    private WastScriptRunner(Engine engine, boolean ownsEngine, long stackSize, Duration timeout) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.stackSize = stackSize;
        this.timeout = timeout;
    }

    /** The engine the scripts run on. */
    public Engine engine() {
        return engine;
    }

    /**
     * Reads and runs the script in {@code jsonFile}. A file that cannot be read or is not a script
     * gives a result with one failure (at line 0) that says why.
     */
    public ScriptResult run(Path jsonFile) {
        WastScript script;
        try {
            script = WastScript.read(jsonFile);
        } catch (IOException | RuntimeException e) {
            String name = jsonFile.getFileName().toString().replaceFirst("\\.json$", "");
            return ScriptResult.failedToRun(name, "cannot read the script: " + ScriptSession.oneLine(String.valueOf(e.getMessage())));
        }
        return run(script);
    }

    /** Runs all commands of {@code script} (none if it needs SIMD: then they all count as skipped). */
    public ScriptResult run(WastScript script) {
        if (script.usesSimd()) {
            return ScriptResult.skippedScript(script.name(), script.commands().size(), SIMD_SKIP_REASON);
        }
        ScriptSession session = new ScriptSession(engine, script);
        Runnable body = () -> {
            try {
                session.run();
            } catch (Throwable t) {
                // Only errors such as OutOfMemoryError get here; record them instead of losing the result.
                session.result().fail(0, "the script stopped: " + ScriptSession.oneLine(t.toString()));
            }
        };
        Thread thread = new Thread(null, body, "wast " + script.name(), stackSize);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                session.cancel("the script timed out after " + timeout.toSeconds() + " s");
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.cancel("interrupted");
        }
        return session.result();
    }

    /** Closes the engine if this runner created it. */
    @Override
    public void close() {
        if (ownsEngine) {
            engine.close();
        }
    }
}
