package org.wasmtruffle.engine;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Engine;

/** Engines for OSR tests, and what their compilation traces say about OSR. */
final class OsrEngine {
    private static final Pattern OSR_DONE = Pattern.compile("opt done .*<OSR@(\\d+)>");

    private OsrEngine() {
    }

    /**
     * An engine that compiles a loop after {@code osrThreshold} backward branches, in the running thread, and fails the
     * test on any compilation failure; with {@code log}, the engine options {@code traces} (such as
     * {@code engine.TraceCompilation}) are on and log there.
     */
    static Engine synchronous(int osrThreshold, OutputStream log, String... traces) {
        Engine.Builder builder = Engine.newBuilder(WasmSource.LANGUAGE).allowExperimentalOptions(true).option("engine.OSRCompilationThreshold", Integer.toString(osrThreshold))
                        .option("engine.BackgroundCompilation", "false").option("engine.CompilationFailureAction", "Throw");
        for (String trace : traces) {
            builder.option(trace, "true");
        }
        if (log != null) {
            builder.logHandler(log);
        }
        return builder.build();
    }

    /** The targets of the OSR compilations that {@code engine.TraceCompilation}'s {@code trace} reports done, in order. */
    static List<Integer> compiledTargets(String trace) {
        List<Integer> targets = new ArrayList<>();
        Matcher m = OSR_DONE.matcher(trace);
        while (m.find()) {
            targets.add(Integer.parseInt(m.group(1)));
        }
        return targets;
    }
}
