package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/wasm-truffle} as a process, as a user would: output, exit statuses and error
 * messages. Test modules are compiled with {@code wat2wasm} (wabt) into {@code tests/target}.
 */
class LauncherTest {
    private static Path launcher;
    private static Path work;

    /** What a launcher process did. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit status " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    @BeforeAll
    static void setUp() throws IOException {
        Path root = TestPaths.repositoryRoot();
        launcher = root.resolve("bin/wasm-truffle");
        work = root.resolve("tests/target/launcher-test");
        Files.createDirectories(work);
    }

    @Test
    void version() throws Exception {
        Result r = run("--version");
        assertEquals(0, r.status(), r::toString);
        // The script sets up the optimizing JIT; "interpreter" here would mean it did not work.
        assertTrue(r.out().matches("wasm-truffle \\d+\\.\\d+\\.\\d+ \\(Truffle \\d+\\.\\d+\\.\\d+, JIT\\)\\R"), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void help() throws Exception {
        Result r = run("--help");
        assertEquals(0, r.status(), r::toString);
        for (String expected : new String[]{"Usage:", "--invoke", "wasm-truffle wast", "--stack-size", "--vm.", "Exit status", "134", "70"}) {
            assertTrue(r.out().contains(expected), () -> "help lacks " + expected + "\n" + r);
        }
    }

    @Test
    void nonexistentFileIsALoadError() throws Exception {
        Result r = run(work.resolve("no-such-module.wasm").toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "no such file");
    }

    @Test
    void randomBytesAreMalformed() throws Exception {
        byte[] bytes = new byte[256];
        new Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // not "\0asm", nor text
        Path file = Files.write(work.resolve("random.wasm"), bytes);
        Result r = run(file.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "malformed");
    }

    @Test
    void aTextFileIsALoadError() throws Exception {
        Path file = Files.writeString(work.resolve("hello.txt"), "hello, world\n");
        Result r = run(file.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "hello.txt");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Result r = run("--no-such-option", work.resolve("unused.wasm").toString());
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("no-such-option"), r::toString);
        assertNoJavaStackTrace(r);
    }

    @Test
    void aMissingModuleIsAUsageError() throws Exception {
        Result r = run("--engine.TraceCompilation");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("missing MODULE"), r::toString);
    }

    @Test
    void wastRunsAScriptFolder() throws Exception {
        Path forward = TestPaths.specJsonDir().resolve("forward");
        Result r = run("wast", forward.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("forward: 5 passed, 0 failed, 0 skipped", "5 passed, 0 failed, 0 skipped"), lines, r::toString);
    }

    @Test
    void aTrapExitsWith134AndPrintsTheWasmBacktrace() throws Exception {
        Path module = GuestCompiler.wat(work, "trap", """
                        (module
                          (func $inner unreachable)
                          (func $outer call $inner)
                          (func (export "_start") call $outer))
                        """);
        Result r = run(module.toString());
        assertEquals(134, r.status(), r::toString);
        List<String> lines = r.errLines();
        assertEquals("Error: wasm trap: unreachable", lines.get(0), r::toString);
        assertTrue(lines.contains("  at inner"), r::toString);
        assertTrue(lines.indexOf("  at inner") < lines.indexOf("  at outer"), () -> "innermost frame first\n" + r);
        assertNoJavaStackTrace(r);
    }

    @Test
    void startRunsAndSucceeds() throws Exception {
        Path module = GuestCompiler.wat(work, "start", """
                        (module
                          (global $g (mut i32) (i32.const 0))
                          (func (export "_start") (global.set $g (i32.const 1))))
                        """);
        Result r = run(module.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void aModuleWithoutStartIsReported() throws Exception {
        Path module = GuestCompiler.wat(work, "nostart", "(module (func (export \"f\")))");
        Result r = run(module.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "_start");
    }

    @Test
    void invokeParsesArgumentsAndPrintsResults() throws Exception {
        Path module = GuestCompiler.wat(work, "arith", """
                        (module
                          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                          (func (export "pair") (param i64 f64) (result f64 i64) (local.get 1) (local.get 0)))
                        """);
        Result add = run("--invoke", "add", module.toString(), "2", "-5");
        assertEquals(0, add.status(), add::toString);
        assertEquals("-3\n", add.out().replace("\r", ""), add::toString);

        Result pair = run("--invoke=pair", module.toString(), "18446744073709551615", "1.5");
        assertEquals(0, pair.status(), pair::toString);
        assertEquals("1.5\n-1\n", pair.out().replace("\r", ""), pair::toString);

        Result wrongCount = run("--invoke", "add", module.toString(), "1");
        assertEquals(2, wrongCount.status(), wrongCount::toString);
        Result missing = run("--invoke", "sub", module.toString());
        assertEquals(2, missing.status(), missing::toString);
    }

    @Test
    void repeatRunsACommandAgainReusingItsCompiledCode() throws Exception {
        // proc_exit(0) ends each run, closing that run's context only.
        Path module = GuestCompiler.wat(work, "repeat", """
                        (module
                          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
                          (memory (export "memory") 1)
                          (data (i32.const 16) "ran\\n")
                          (func $step (param i32) (result i32) (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.const 1)))
                          (func (export "_start") (local $i i32) (local $x i32)
                            (loop $l
                              (local.set $x (call $step (local.get $x)))
                              (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20000))))
                            (i32.store (i32.const 0) (i32.const 16))
                            (i32.store (i32.const 4) (i32.const 4))
                            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                            (call $proc_exit (i32.const 0))))
                        """);
        Path log = work.resolve("repeat-compilation.log");
        Files.deleteIfExists(log);
        Result r = run("--repeat", "3", "--wasm-truffle.Inlining=false", "--engine.BackgroundCompilation=false", "--engine.MultiTier=false",
                        "--engine.SingleTierCompilationThreshold=100", "--engine.TraceCompilation", "--log.file=" + log, module.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("ran\nran\nran\n", r.out(), r::toString);
        List<String> runs = r.errLines().stream().filter(l -> l.startsWith("wasm-truffle: run ")).toList();
        assertEquals(3, runs.size(), r::toString);
        assertTrue(runs.get(2).matches("wasm-truffle: run 3 of 3: \\d+\\.\\d{4} s"), r::toString);
        // The function called 20,000 times a run is compiled in the first run only: later runs find its code.
        List<String> compiled = Files.readAllLines(log).stream().filter(l -> l.contains("opt done") && l.contains(" step ")).toList();
        assertEquals(1, compiled.size(), () -> String.join("\n", compiled) + "\n" + r);

        Path failing = GuestCompiler.c(work, "repeat-exit", "#include <stdlib.h>\nint main(void) { exit(3); }\n");
        Result fails = run("--repeat", "3", failing.toString());
        assertEquals(3, fails.status(), fails::toString);
        assertFalse(fails.err().contains("wasm-truffle: run "), fails::toString);
    }

    @Test
    void theLauncherRunsOnAJvmWithoutGraalToo() throws Exception {
        // The launcher sets compiler options of its own (RunCommand.COMPILER_DEFAULTS), which the interpreter-only
        // runtime of a JVM without JVMCI does not know: it must leave them out there, not fail.
        Path module = GuestCompiler.wat(work, "plain-jvm", """
                        (module
                          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
                          (func (export "_start") (call $proc_exit (i32.const 7))))
                        """);
        Path target = TestPaths.repositoryRoot().resolve("launcher/target");
        for (String warn : new String[]{"--engine.WarnInterpreterOnly=true", "--engine.WarnInterpreterOnly=false"}) {
            for (String repeat : new String[]{"--repeat=1", "--repeat=2"}) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                                "--sun-misc-unsafe-memory-access=allow", "-cp", target.resolve("wasm-truffle-launcher.jar") + ":" + target.resolve("lib") + "/*",
                                "org.wasmtruffle.launcher.WasmTruffleLauncher", warn, repeat, module.toString());
                LauncherProcess.Result r = LauncherProcess.runCommand(work, "", command);
                assertEquals(7, r.status(), r::toString);
                assertFalse(r.err().contains("unknown option"), r::toString);
                // Truffle's warning about the interpreter-only runtime: once if asked for, as without the defaults.
                int warnings = r.err().split("uses a fallback runtime", -1).length - 1;
                assertEquals(warn.endsWith("true") ? 1 : 0, warnings, r::toString);
            }
        }
    }

    private static void assertOneErrorLine(Result r, String expected) {
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "expected one line on stderr\n" + r);
        assertTrue(lines.get(0).startsWith("wasm-truffle: "), r::toString);
        assertTrue(lines.get(0).contains(expected), () -> "expected '" + expected + "'\n" + r);
        assertNoJavaStackTrace(r);
    }

    private static void assertNoJavaStackTrace(Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread") || r.err().contains(".java:"), () -> "a Java stack trace\n" + r);
    }

    /** Runs bin/wasm-truffle with this JVM's JDK and returns what it did. */
    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("XDG_CACHE_HOME", TestPaths.launcherCacheHome());
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("bin/wasm-truffle " + String.join(" ", args) + " did not finish within 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
