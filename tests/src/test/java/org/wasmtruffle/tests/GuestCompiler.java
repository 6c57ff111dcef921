package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles small test guests at test time: WebAssembly text with {@code wat2wasm} (wabt), C for
 * {@code wasm32-wasi} with {@code clang} (Debian packages clang, lld, wasi-libc, libclang-rt-14-dev-wasm32).
 */
final class GuestCompiler {
    private GuestCompiler() {
    }

    private static final String WABT = "wat2wasm from wabt (apt-get install wabt)";

    /** Compiles WebAssembly text into {@code dir/NAME.wasm} (with a name section). */
    static Path wat(Path dir, String name, String text) throws IOException, InterruptedException {
        Path source = Files.writeString(dir.resolve(name + ".wat"), text);
        Path binary = dir.resolve(name + ".wasm");
        run(List.of("wat2wasm", "--debug-names", source.toString(), "-o", binary.toString()), WABT);
        return binary;
    }

    /** Compiles the WebAssembly text file {@code source} into {@code binary} as plain {@code wat2wasm} does (no name section). */
    static void watFile(Path source, Path binary) throws IOException, InterruptedException {
        run(List.of("wat2wasm", source.toString(), "-o", binary.toString()), WABT);
    }

    /** Compiles a C program into the WASI command module {@code dir/NAME.wasm}. */
    static Path c(Path dir, String name, String text) throws IOException, InterruptedException {
        Path source = Files.writeString(dir.resolve(name + ".c"), text);
        Path binary = dir.resolve(name + ".wasm");
        run(List.of("clang", "--target=wasm32-wasi", "-O2", "-o", binary.toString(), source.toString()),
                        "clang for wasm32-wasi (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)");
        return binary;
    }

    private static void run(List<String> command, String needs) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("this test needs " + needs + ": " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0, () -> String.join(" ", command) + " failed (this test needs " + needs + "):\n" + output);
    }
}
