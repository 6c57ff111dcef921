package org.wasmtruffle.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds the test guests at test time: C sources from {@code src/test/resources/guests} with
 * {@code clang --target=wasm32-wasi} (apt: clang, lld, wasi-libc, libclang-rt-14-dev-wasm32) and WAT
 * text with {@code wat2wasm} (apt: wabt). A missing tool skips the test with the reason.
 */
final class GuestPrograms {
    private static final Map<String, Path> BUILT = new HashMap<>();
    private static Path workDirectory;

    private GuestPrograms() {
    }

    /** The compiled {@code guests/NAME.c}. */
    static synchronized Path c(String name) throws IOException, InterruptedException {
        Path built = BUILT.get(name);
        if (built != null) {
            return built;
        }
        Path dir = work();
        Path source = dir.resolve(name + ".c");
        try (InputStream in = GuestPrograms.class.getResourceAsStream("/guests/" + name + ".c")) {
            if (in == null) {
                throw new IOException("no test guest " + name + ".c");
            }
            Files.write(source, in.readAllBytes());
        }
        Path wasm = dir.resolve(name + ".wasm");
        String clang = System.getProperty("wasi.clang", "clang");
        tool(List.of(clang, "--target=wasm32-wasi", "-O2", source.toString(), "-o", wasm.toString()));
        BUILT.put(name, wasm);
        return wasm;
    }

    /** The binary of the WAT module {@code text}. */
    static byte[] wat(String text) throws IOException, InterruptedException {
        Path dir = work();
        Path source = Files.createTempFile(dir, "module", ".wat");
        Path wasm = Path.of(source.toString().replace(".wat", ".wasm"));
        Files.writeString(source, text);
        tool(List.of("wat2wasm", source.toString(), "-o", wasm.toString()));
        return Files.readAllBytes(wasm);
    }

    private static Path work() throws IOException {
        if (workDirectory == null) {
            workDirectory = Files.createTempDirectory("wasi-guests-");
            workDirectory.toFile().deleteOnExit();
        }
        return workDirectory;
    }

    private static void tool(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(command.get(0) + " is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            if (output.contains("wasi") && output.contains("not found") || output.contains("cannot find")) {
                Assumptions.abort("the wasm32-wasi toolchain is incomplete: " + output);
            }
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
