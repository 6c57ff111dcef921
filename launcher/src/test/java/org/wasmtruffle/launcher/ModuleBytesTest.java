package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module file's bytes reach the engine as they were read, without a copy. */
class ModuleBytesTest {
    @Test
    void handsOverTheArrayItself() {
        byte[] read = {0, 'a', 's', 'm', 1, 0, 0, 0};
        ByteSequence bytes = new ModuleBytes(read);
        assertSame(read, bytes.toByteArray());
        assertEquals(8, bytes.length());
        assertEquals('s', bytes.byteAt(2));
        assertArrayEquals(new byte[]{'a', 's', 'm'}, bytes.subSequence(1, 4).toByteArray());
    }

    @Test
    void readsAFileOfSeveralChunks(@TempDir Path dir) throws IOException {
        byte[] content = new byte[3 * ModuleBytes.CHUNK + 12345];
        new Random(7).nextBytes(content);
        Path file = dir.resolve("big.wasm");
        Files.write(file, content);
        assertArrayEquals(content, ModuleBytes.read(file).toByteArray());
    }

    /** A large file is read on demand: the same bytes, and a part of them read without reading the rest. */
    @Test
    void readsALargeFileOnDemand(@TempDir Path dir) throws IOException {
        byte[] content = new byte[ModuleBytes.LAZY_THRESHOLD + 3 * ModuleBytes.CHUNK + 12345];
        new Random(11).nextBytes(content);
        Path file = dir.resolve("large.wasm");
        Files.write(file, content);
        ByteSequence bytes = ModuleBytes.read(file);
        assertEquals(content.length, bytes.length());
        for (int i : new int[]{0, 1, 65535, 65536, 70000, content.length - 1, 3, content.length - 2}) {
            assertEquals(content[i], bytes.byteAt(i), "byte " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.byteAt(content.length));
        ByteSequence part = bytes.subSequence(1000, 600_000);
        assertArrayEquals(Arrays.copyOfRange(content, 1000, 600_000), part.toByteArray());
        assertSame(part.toByteArray(), part.toByteArray(), "the part is read once, when it is taken");
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.subSequence(5000, content.length + 1));
        assertArrayEquals(content, bytes.toByteArray());
        // A file that shrinks meanwhile: an unchecked error, not a part of the old size filled with zeros.
        Files.write(file, Arrays.copyOf(content, 100));
        assertThrows(UncheckedIOException.class, () -> bytes.subSequence(0, 200_000));
    }

    @Test
    void readsAnEmptyFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.wasm");
        Files.write(file, new byte[0]);
        assertEquals(0, ModuleBytes.read(file).length());
    }

    @Test
    void readsAFileWhoseSizeIsNotKnownAhead() throws IOException {
        // The kernel reports a size of 0 for this file, which has content.
        Path file = Path.of("/proc/self/mountinfo");
        assertEquals(0, Files.size(file));
        byte[] read = ModuleBytes.read(file).toByteArray();
        assertTrue(read.length > 0);
        assertArrayEquals(Files.readAllBytes(file), read);
    }
}
