package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The modules of the embedding tests, compiled at test time into {@code tests/target/polyglot-test}: one
 * from WebAssembly text (wabt's {@code wat2wasm}) and one from C ({@code clang} for wasm32 with
 * {@code wasm-ld}).
 */
final class TestModules {
    private static final Path WORK = Path.of("target/polyglot-test").toAbsolutePath();
    private static final Path C_SOURCE = Path.of("src/test/java/org/wasmtruffle/tests/polyglot/strings.c").toAbsolutePath();

    /**
     * A module importing {@code env.callback: i32 -> i32} and exporting: {@code memory} (1 page, max 4),
     * {@code compute(x) = callback(x) + 1}, {@code sum(p, n)} (the sum of the n bytes at p),
     * {@code store(p, v)} (i32 store), {@code divmod(a, b) = [a / b, a % b]} (unsigned), mutable global
     * {@code counter}, immutable {@code limit}, {@code bump()} (adds 1 to counter), table {@code table} of
     * 2 functions, {@code add64(a, b)}, {@code half(f64)}, and {@code trap()}, which calls {@code $inner},
     * which traps (unreachable).
     */
    static final String HOST_TEST_WAT = """
                    (module $host_test
                      (import "env" "callback" (func $callback (param i32) (result i32)))
                      (memory (export "memory") 1 4)
                      (global $counter (export "counter") (mut i32) (i32.const 0))
                      (global (export "limit") i64 (i64.const 1000))
                      (table (export "table") 2 funcref)
                      (elem (i32.const 0) $compute $bump)
                      (func $compute (export "compute") (param i32) (result i32)
                        (i32.add (call $callback (local.get 0)) (i32.const 1)))
                      (func $sum (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
                        (block $done
                          (loop $next
                            (br_if $done (i32.eqz (local.get $n)))
                            (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get $p))))
                            (local.set $p (i32.add (local.get $p) (i32.const 1)))
                            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                            (br $next)))
                        (local.get $s))
                      (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
                      (func (export "divmod") (param i32 i32) (result i32 i32)
                        (i32.div_u (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (local.get 1)))
                      (func $bump (export "bump") (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
                      (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
                      (func (export "half") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5)))
                      (func $inner (unreachable))
                      (func $trap (export "trap") (call $inner)))
                    """;

    private TestModules() {
    }

    /** The host test module (see {@link #HOST_TEST_WAT}), compiled once. */
    static synchronized Path hostTest() throws IOException, InterruptedException {
        Path binary = WORK.resolve("host_test.wasm");
        if (!Files.exists(binary)) {
            Files.createDirectories(WORK);
            Path source = Files.writeString(WORK.resolve("host_test.wat"), HOST_TEST_WAT);
            run(List.of("wat2wasm", "--debug-names", source.toString(), "-o", binary.toString()), "wat2wasm from wabt");
        }
        return binary;
    }

    /** The module compiled from {@code strings.c}: exports memory, malloc, length, upper, reverse. */
    static synchronized Path strings() throws IOException, InterruptedException {
        Path binary = WORK.resolve("strings.wasm");
        if (!Files.exists(binary)) {
            Files.createDirectories(WORK);
            run(List.of("clang", "--target=wasm32", "-O2", "-nostdlib", "-Wl,--no-entry", "-Wl,--export=malloc", "-Wl,--export=length",
                            "-Wl,--export=upper", "-Wl,--export=reverse", "-o", binary.toString(), C_SOURCE.toString()), "clang with the wasm32 target and wasm-ld (lld)");
        }
        return binary;
    }

    static byte[] bytes(Path module) throws IOException {
        return Files.readAllBytes(module);
    }

    private static void run(List<String> command, String tool) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("this test needs " + tool + " on PATH: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, () -> String.join(" ", command) + " failed: " + output);
    }
}
