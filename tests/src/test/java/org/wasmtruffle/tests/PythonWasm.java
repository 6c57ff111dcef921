package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code python.wasm} (CPython 3.12 for WASI), fetched and cached by {@code tools/fetch-python-wasm}. */
final class PythonWasm {
    private static Path cached;

    private PythonWasm() {
    }

    /** The path of python.wasm; fails the test with the script's message if it cannot be fetched. */
    static synchronized Path path() throws IOException, InterruptedException {
        if (cached != null) {
            return cached;
        }
        Path script = TestPaths.repositoryRoot().resolve("tools/fetch-python-wasm");
        Process process = new ProcessBuilder(script.toString()).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("cannot fetch python.wasm with tools/fetch-python-wasm (network or npm needed once; it is then cached): "
                            + new String(err, StandardCharsets.UTF_8).strip());
        }
        Path path = Path.of(new String(out, StandardCharsets.UTF_8).strip());
        if (!Files.isRegularFile(path)) {
            fail("tools/fetch-python-wasm printed '" + path + "', which is not a file");
        }
        cached = path;
        return path;
    }
}
