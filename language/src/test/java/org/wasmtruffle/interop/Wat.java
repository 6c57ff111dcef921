package org.wasmtruffle.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Compiles WebAssembly text to a binary with wabt's {@code wat2wasm} at test time. Tests that need it are
 * skipped, with the reason shown, when the tool is not installed.
 */
public final class Wat {
    private Wat() {
    }

    public static byte[] compile(String text) {
        try {
            Path dir = Files.createTempDirectory("wasm-truffle-wat");
            Path input = dir.resolve("module.wat");
            Path output = dir.resolve("module.wasm");
            Files.writeString(input, text, StandardCharsets.UTF_8);
            Process process;
            try {
                process = new ProcessBuilder("wat2wasm", input.toString(), "-o", output.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("wat2wasm (wabt) is not installed: " + e.getMessage());
                throw new AssertionError(e);
            }
            String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalArgumentException("wat2wasm failed:\n" + messages + "\n" + text);
            }
            byte[] bytes = Files.readAllBytes(output);
            Files.delete(input);
            Files.delete(output);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
