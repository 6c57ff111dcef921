package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    /** {@code (module (func (export "answer") (result i32) i32.const 42))}. */
    private static final byte[] ANSWER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
                    0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};

    @Test
    void theDefaultModuleCacheIsInTheUsersCacheDirectory() {
        assertEquals(Path.of("/x/cache/wasm-truffle/modules").toString(), RunCommand.moduleCacheDirectory(null, "/x/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/wasm-truffle/modules").toString(), RunCommand.moduleCacheDirectory(null, null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/wasm-truffle/modules").toString(), RunCommand.moduleCacheDirectory(null, "", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/wasm-truffle/modules").toString(), RunCommand.moduleCacheDirectory(null, "relative", "/home/u"),
                        "a relative XDG_CACHE_HOME is ignored, as the XDG specification says");
        assertEquals("", RunCommand.moduleCacheDirectory(null, null, null), "no home: no cache");
        assertEquals("given", RunCommand.moduleCacheDirectory("given", "/x/cache", "/home/u"));
        assertEquals("", RunCommand.moduleCacheDirectory("", "/x/cache", "/home/u"), "--module-cache=none");
    }

    @Test
    void aSecondRunUsesTheEntryTheFirstWrote(@TempDir Path dir) throws IOException {
        Path module = dir.resolve("answer.wasm");
        Files.write(module, ANSWER);
        Path cache = dir.resolve("cache");
        assertEquals("42\n", run("--module-cache=" + cache, "--invoke", "answer", module.toString()));
        Path[] entries = entries(cache);
        assertEquals(1, entries.length);
        byte[] entry = Files.readAllBytes(entries[0]);
        assertEquals("42\n", run("--module-cache", cache.toString(), "--invoke", "answer", module.toString()));
        assertArrayEquals(entry, Files.readAllBytes(entries(cache)[0]), "a hit leaves the entry as it was");
        assertEquals(1, entries(cache).length);
    }

    @Test
    void theLanguageOptionWinsOverModuleCache(@TempDir Path dir) throws IOException {
        Path module = dir.resolve("answer.wasm");
        Files.write(module, ANSWER);
        Path cache = dir.resolve("cache");
        assertEquals("42\n", run("--module-cache=none", "--invoke", "answer", module.toString()));
        // The language option itself wins over --module-cache.
        assertEquals("42\n", run("--module-cache=" + dir.resolve("other"), "--wasm-truffle.ModuleCacheDir=" + cache, "--invoke", "answer", module.toString()));
        assertEquals(1, entries(cache).length);
        assertTrue(Files.notExists(dir.resolve("other")));
    }

    @Test
    void anUnwritableCacheDirectoryDoesNotStopTheRun(@TempDir Path dir) throws IOException {
        Path module = dir.resolve("answer.wasm");
        Files.write(module, ANSWER);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        assertEquals("42\n", run("--module-cache=" + file.resolve("cache"), "--invoke", "answer", module.toString()));
        assertEquals("not a directory", Files.readString(file));
    }

    private static Path[] entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toArray(Path[]::new);
        }
    }

    /** Runs the launcher in this process and returns what it printed; it must succeed. */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new WasmTruffleLauncher(new ByteArrayInputStream(new byte[0]), o, e).launch(args);
        }
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
