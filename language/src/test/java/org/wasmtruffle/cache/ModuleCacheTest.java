package org.wasmtruffle.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmtruffle.interop.Wat;

/**
 * The persistent module cache through the polyglot API: every load is in a fresh context (and engine), as in a
 * new process, so that it goes through the cache rather than the engine's own source cache.
 */
class ModuleCacheTest {
    /** Recursion, locals and a loop: frame sizes matter. */
    private static final String PROGRAM = """
                    (module
                      (func $fac (export "fac") (param i64) (result i64)
                        (if (result i64) (i64.eqz (local.get 0))
                          (then (i64.const 1))
                          (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
                      (func (export "sum") (param i32) (result i32) (local i32 i64 f64)
                        (block (loop
                          (br_if 1 (i32.eqz (local.get 0)))
                          (local.set 1 (i32.add (local.get 1) (local.get 0)))
                          (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                          (br 0)))
                        (local.get 1))
                      (func (export "unused") (result i32) (i32.const 7)))
                    """;

    /** {@code (module (func (export "answer") (result i32) i32.const 42))}. */
    private static final byte[] ANSWER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
                    0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};
    /** Where {@code i32.const} is in {@link #ANSWER}; {@code i64.const} (0x42) there makes the module invalid. */
    private static final int ANSWER_OPCODE = 36;

    @TempDir Path dir;

    /** One load of a module in a new context, with what the cache logged. */
    private record Load(Value exports, String log, Context context) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    private Load load(byte[] module, String cacheDir) {
        return load(module, cacheDir, IOAccess.ALL);
    }

    private Load load(byte[] module, String cacheDir, IOAccess io) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Context context = Context.newBuilder("wasm-truffle").allowExperimentalOptions(true).allowIO(io).option("wasm-truffle.ModuleCacheDir", cacheDir)
                        .option("log.wasm-truffle.level", "FINE").logHandler(log).build();
        try {
            Value exports = context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(module), "m.wasm").buildLiteral()).newInstance().getMember("exports");
            return new Load(exports, log.toString(StandardCharsets.UTF_8), context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private Path[] entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toArray(Path[]::new);
        }
    }

    private static void assertProgramWorks(Value exports) {
        assertEquals(3628800L, exports.invokeMember("fac", 10L).asLong());
        assertEquals(5050, exports.invokeMember("sum", 100).asInt());
    }

    @Test
    void aMissWritesAnEntryAndAHitBehavesTheSame() throws IOException {
        byte[] module = Wat.compile(PROGRAM);
        Path cache = dir.resolve("cache");
        try (Load miss = load(module, cache.toString())) {
            assertTrue(miss.log.contains("module cache miss"), miss.log);
            assertProgramWorks(miss.exports);
        }
        Path[] entries = entries(cache);
        assertEquals(1, entries.length);
        assertTrue(entries[0].getFileName().toString().endsWith(CachedModuleFormat.FILE_SUFFIX));
        byte[] entry = Files.readAllBytes(entries[0]);
        try (Load hit = load(module, cache.toString())) {
            assertTrue(hit.log.contains("module cache hit"), hit.log);
            assertProgramWorks(hit.exports);
            assertEquals(7, hit.exports.invokeMember("unused").asInt());
        }
        assertArrayEquals(entry, Files.readAllBytes(entries[0]));
    }

    @Test
    void writingAnEntryRemovesTheSameModulesEntriesOfOtherBuilds() throws IOException {
        byte[] module = Wat.compile(PROGRAM);
        Path cache = dir.resolve("cache");
        try (Load miss = load(module, cache.toString())) {
            assertProgramWorks(miss.exports);
        }
        Path current = entries(cache)[0];
        String name = current.getFileName().toString();
        String moduleHash = name.substring(0, name.indexOf('-'));
        // What an older build left: this module's entry under another implementation fingerprint, plus an
        // entry of another module, which must stay.
        Path olderBuild = cache.resolve(moduleHash + "-0123456789abcdef" + CachedModuleFormat.FILE_SUFFIX);
        Path otherModule = cache.resolve("ab".repeat(32) + "-0123456789abcdef" + CachedModuleFormat.FILE_SUFFIX);
        Files.write(olderBuild, new byte[]{1, 2, 3});
        Files.write(otherModule, new byte[]{4, 5, 6});
        Files.delete(current);
        try (Load again = load(module, cache.toString())) {
            assertTrue(again.log.contains("module cache miss"), again.log);
            assertTrue(again.log.contains("of another build removed"), again.log);
            assertProgramWorks(again.exports);
        }
        assertEquals(Set.of(current, otherModule), Set.of(entries(cache)));
    }

    @Test
    void aDamagedEntryIsIgnoredAndRewritten() throws IOException {
        byte[] module = Wat.compile(PROGRAM);
        Path cache = dir.resolve("cache");
        load(module, cache.toString()).close();
        Path file = entries(cache)[0];
        byte[] good = Files.readAllBytes(file);
        byte[][] damaged = {Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, 10), new byte[0], Arrays.copyOf(good, good.length + 4), flip(good, good.length - 9),
                        flip(good, 4), flip(good, 50)};
        for (byte[] bad : damaged) {
            Files.write(file, bad);
            try (Load l = load(module, cache.toString())) {
                assertTrue(l.log.contains("ignored"), l.log);
                assertProgramWorks(l.exports);
            }
            assertArrayEquals(good, Files.readAllBytes(file), "the entry is written again");
        }
        // A folder where the entry should be: not read, not replaced, no harm done.
        Files.delete(file);
        Files.createDirectory(file);
        Files.writeString(file.resolve("keep"), "x");
        try (Load l = load(module, cache.toString())) {
            assertProgramWorks(l.exports);
        }
        assertTrue(Files.isDirectory(file));
    }

    @Test
    void aModuleOfTheSameSizeIsNotTakenForAnother() throws IOException {
        byte[] other = ANSWER.clone();
        other[ANSWER_OPCODE + 1] = 43;
        Path cache = dir.resolve("cache");
        try (Load a = load(ANSWER, cache.toString()); Load b = load(other, cache.toString())) {
            assertEquals(42, a.exports.invokeMember("answer").asInt());
            assertEquals(43, b.exports.invokeMember("answer").asInt());
            assertTrue(b.log.contains("module cache miss"), b.log);
        }
        assertEquals(2, entries(cache).length);
    }

    @Test
    void anInvalidModuleIsNeverCachedNorTakenForAValidOne() throws IOException {
        byte[] invalid = ANSWER.clone();
        invalid[ANSWER_OPCODE] = 0x42;
        Path cache = dir.resolve("cache");
        load(ANSWER, cache.toString()).close();
        Path validEntry = entries(cache)[0];
        for (int i = 0; i < 2; i++) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> load(invalid, cache.toString()));
            assertTrue(e.getMessage().contains("type mismatch"), e.getMessage());
        }
        assertEquals(1, entries(cache).length, "only the valid module has an entry");
        // Even the valid module's entry under the invalid module's name is refused: it holds the other hash.
        String invalidName = validEntry.getFileName().toString().replaceFirst("^[0-9a-f]{64}", hashOf(invalid, cache));
        assertNotEquals(validEntry.getFileName().toString(), invalidName);
        Files.copy(validEntry, cache.resolve(invalidName));
        PolyglotException e = assertThrows(PolyglotException.class, () -> load(invalid, cache.toString()));
        assertTrue(e.getMessage().contains("type mismatch"), e.getMessage());
    }

    /** The module hash in the file name of {@code module}'s entry, as the cache computes it. */
    private static String hashOf(byte[] module, Path cache) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasm-truffle").allowExperimentalOptions(true).allowIO(IOAccess.ALL).option("wasm-truffle.ModuleCacheDir", cache.toString())
                        .option("log.wasm-truffle.level", "FINE").logHandler(log).build()) {
            try {
                context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(module), "m.wasm").buildLiteral());
            } catch (PolyglotException e) {
                // Invalid, as expected: the miss was logged first.
            }
        }
        Matcher m = Pattern.compile("miss: m.wasm \\(([0-9a-f]{64})-").matcher(log.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), log.toString(StandardCharsets.UTF_8));
        return m.group(1);
    }

    @Test
    void withoutAWritableDirectoryModulesLoadAsUsual() throws IOException {
        byte[] module = Wat.compile(PROGRAM);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        try (Load l = load(module, file.resolve("cache").toString())) {
            assertTrue(l.log.contains("not written"), l.log);
            assertProgramWorks(l.exports);
        }
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aContextWithoutFileAccessDoesNotCache() throws IOException {
        byte[] module = Wat.compile(PROGRAM);
        Path cache = dir.resolve("cache");
        try (Load l = load(module, cache.toString(), IOAccess.NONE)) {
            assertProgramWorks(l.exports);
        }
        assertFalse(Files.exists(cache));
    }

    @Test
    void anEmptyDirectoryOptionMeansNoCache() {
        try (Load l = load(ANSWER, "")) {
            assertEquals(42, l.exports.invokeMember("answer").asInt());
            assertFalse(l.log.contains("module cache"), l.log);
        }
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x10;
        return copy;
    }
}
