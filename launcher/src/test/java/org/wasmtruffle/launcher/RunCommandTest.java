package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    /** {@code (module (func (export "answer") (result i32) i32.const 42))}. */
    private static final byte[] ANSWER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
                    0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};

    /** {@code (module (func (export "boom") unreachable))}. */
    private static final byte[] BOOM = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                    0x07, 0x08, 0x01, 0x04, 0x62, 0x6f, 0x6f, 0x6d, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b};

    /** Runs the export {@code name} of {@code module} with {@code --repeat}, from a file in {@code dir}. */
    private static Outcome repeat(Path dir, byte[] module, String name, String... options) throws IOException {
        Path file = Files.write(dir.resolve(name + ".wasm"), module);
        String[] args = Stream.concat(Stream.of(options), Stream.of("--invoke", name, file.toString())).toArray(String[]::new);
        return launch(args);
    }

    @Test
    void repeatRunsTheModuleThatManyTimesAndReportsEachRun(@TempDir Path dir) throws IOException {
        Outcome outcome = repeat(dir, ANSWER, "answer", "--module-cache=none", "--repeat", "3");
        assertEquals(0, outcome.status, outcome.err);
        assertEquals("42\n42\n42\n", outcome.out);
        String[] lines = outcome.err.split("\n");
        assertEquals(3, lines.length, outcome.err);
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].matches("wasm-truffle: run " + (i + 1) + " of 3: \\d+\\.\\d{4} s"), lines[i]);
        }
    }

    @Test
    void repeatStopsAtTheFirstRunThatFails(@TempDir Path dir) throws IOException {
        Outcome outcome = repeat(dir, BOOM, "boom", "--module-cache=none", "--repeat", "3");
        assertEquals(ExitStatus.TRAP, outcome.status);
        assertTrue(outcome.err.startsWith("Error: wasm trap: "), outcome.err);
        assertEquals(1, outcome.err.split("Error: wasm trap", -1).length - 1, "one run only: " + outcome.err);
        assertFalse(outcome.err.contains("run 1 of 3"), outcome.err);
    }

    @Test
    void repeatReportsABadOptionOnce(@TempDir Path dir) throws IOException {
        Outcome outcome = repeat(dir, ANSWER, "answer", "--repeat", "2", "--engine.NoSuchOption=1");
        assertEquals(ExitStatus.USAGE_ERROR, outcome.status);
        assertTrue(outcome.err.startsWith("wasm-truffle: unknown option '--engine.NoSuchOption'"), outcome.err);
        assertEquals("", outcome.out);
    }

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

    /**
     * A module that ends with megabytes of debug information (only its start read):
     * it runs, from the cache too, and a malformed body before that information is reported as such.
     */
    @Test
    void aModuleEndingWithALargeCustomSectionRuns(@TempDir Path dir) throws IOException {
        byte[] debug = new byte[2 * ModuleBytes.LAZY_THRESHOLD];
        new Random(3).nextBytes(debug);
        Path module = Files.write(dir.resolve("debug.wasm"), withCustomSection(ANSWER, ".debug_info", debug));
        Path cache = dir.resolve("cache");
        assertEquals("42\n", run("--module-cache=" + cache, "--invoke", "answer", module.toString()));
        assertEquals("42\n", run("--module-cache=" + cache, "--invoke", "answer", module.toString()));
        assertEquals(1, entries(cache).length);

        byte[] broken = ANSWER.clone();
        broken[broken.length - 1] = 0x0f; // the body's end becomes a return: the body runs past the section's end
        Outcome small = launch("--module-cache=none", "--invoke", "answer", Files.write(dir.resolve("small.wasm"), broken).toString());
        Outcome large = launch("--module-cache=none", "--invoke", "answer",
                        Files.write(dir.resolve("large.wasm"), withCustomSection(broken, ".debug_info", debug)).toString());
        // Where the body runs off the module's end, and where it runs into the section that follows (the reference
        // decoder's words for each).
        assertEquals(ExitStatus.LOAD_ERROR, small.status, small.err);
        assertTrue(small.err.contains("unexpected end of section or function"), small.err);
        assertEquals(ExitStatus.LOAD_ERROR, large.status, large.err);
        assertTrue(large.err.contains("section size mismatch"), large.err);
    }

    /** {@code module} followed by a custom section {@code name} holding {@code payload}. */
    private static byte[] withCustomSection(byte[] module, String name, byte[] payload) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(module);
        out.write(0);
        long size = 1 + nameBytes.length + payload.length;
        do {
            out.write((int) (size & 0x7F) | (size >= 0x80 ? 0x80 : 0));
            size >>>= 7;
        } while (size != 0);
        out.write(nameBytes.length);
        out.writeBytes(nameBytes);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static Path[] entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toArray(Path[]::new);
        }
    }

    /** Runs the launcher in this process and returns what it printed; it must succeed. */
    private static String run(String... args) {
        Outcome outcome = launch(args);
        assertEquals(0, outcome.status, outcome.err);
        return outcome.out;
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome launch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new WasmTruffleLauncher(new ByteArrayInputStream(new byte[0]), o, e).launch(args);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
