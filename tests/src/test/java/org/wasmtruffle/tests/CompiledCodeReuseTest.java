package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WASI command run again and again in fresh contexts of one engine, as a benchmark harness or a server
 * does: the code compiled during the first runs (on-stack replacement of the hot loop included) must serve
 * every later run with that run's own instance, memory and streams. (An instance passed to OSR as its
 * interpreter state was once folded into the compiled loop, and later runs used the first run's.)
 */
class CompiledCodeReuseTest {
    @Test
    void everyRunInAFreshContextComputesTheSame(@TempDir Path work) throws Exception {
        // The benchmark harness's bytecode-interpreter kernel: its hot loop is compiled on-stack and uses the
        // shadow stack (a mutable global) and memory of the instance at hand.
        Path module = GuestCompiler.c(work, "interp", Files.readString(TestPaths.repositoryRoot().resolve("bench/c/interp.c")));
        try (Engine engine = Engine.newBuilder("wasm-truffle").allowExperimentalOptions(true).option("engine.OSRCompilationThreshold", "10000").build()) {
            WasiProgram program = new WasiProgram(module).arguments(List.of("30000"));
            WasiProgram.Outcome first = program.run(engine);
            assertEquals(0, first.exitCode(), first::toString);
            for (int run = 1; run < 5; run++) {
                WasiProgram.Outcome again = program.run(engine);
                assertEquals(first.stdout(), again.stdout(), "run " + run + ": " + again);
                assertEquals(0, again.exitCode(), again::toString);
            }
        }
    }
}
