package org.wasmtruffle.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.graalvm.polyglot.io.ByteSequence;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.binary.TrailingCustomSections;
import org.wasmtruffle.interop.Wat;

class ModuleKeyTest {
    private static final byte[] IMPLEMENTATION = new byte[32];

    private static byte[] hash(byte[] module) {
        return ModuleKey.of(module, ModuleDecoder.decode("m.wasm", module), IMPLEMENTATION).moduleHash();
    }

    private static byte[] withCustomSection(byte[] module, String name, byte[] payload) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(module);
        out.write(0);
        out.write(1 + nameBytes.length + payload.length); // small enough for one LEB128 byte
        out.write(nameBytes.length);
        out.writeBytes(nameBytes);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static final String DATA = """
                    (module (memory 1) (data (i32.const 0) "%s")
                      (func (export "f") (result i32) (i32.load8_u (i32.const %d))))
                    """;

    @Test
    void theHashCoversWhatValidationReads() {
        byte[] a = Wat.compile(DATA.formatted("abc", 0));
        assertEquals(32, hash(a).length);
        assertArrayEquals(hash(a), hash(a.clone()));
        // The code differs: another key, though the size is the same.
        byte[] otherCode = Wat.compile(DATA.formatted("abc", 1));
        assertEquals(a.length, otherCode.length);
        assertFalse(Arrays.equals(hash(a), hash(otherCode)));
        // Custom section names and lengths are covered, so are data lengths.
        assertFalse(Arrays.equals(hash(withCustomSection(a, "x", new byte[]{1})), hash(withCustomSection(a, "y", new byte[]{1}))));
        assertFalse(Arrays.equals(hash(withCustomSection(a, "x", new byte[]{1})), hash(withCustomSection(a, "x", new byte[]{1, 2}))));
        assertFalse(Arrays.equals(hash(a), hash(Wat.compile(DATA.formatted("abcd", 0)))));
    }

    @Test
    void theContentsOfDataSegmentsAndCustomSectionsAreLeftOut() throws Exception {
        byte[] a = Wat.compile(DATA.formatted("abc", 0));
        assertArrayEquals(hash(a), hash(Wat.compile(DATA.formatted("xyz", 0))));
        assertArrayEquals(hash(withCustomSection(a, "debug", new byte[]{1, 2, 3})), hash(withCustomSection(a, "debug", new byte[]{4, 5, 6})));
        // What is left out is exactly the payloads: the hash is that of the rest, in order.
        byte[] m = withCustomSection(a, "n", new byte[]{9, 9});
        byte[] rest = new String(m, StandardCharsets.ISO_8859_1).replace("abc", "").getBytes(StandardCharsets.ISO_8859_1);
        rest = Arrays.copyOf(rest, rest.length - 2);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(rest), hash(m));
    }

    /** The key of {@code module} decoded from its bytes up to its trailing custom sections. */
    private static ModuleKey keyWithoutTrailing(byte[] module) {
        TrailingCustomSections trailing = TrailingCustomSections.find(ByteSequence.create(module), 1);
        byte[] start = Arrays.copyOf(module, trailing.start());
        return ModuleKey.of(start, ModuleDecoder.decode("m.wasm", start, trailing), IMPLEMENTATION);
    }

    @Test
    void trailingCustomSectionsLeftOutOfTheBytesAreCoveredByTheirNamesAndPlaces() {
        byte[] a = Wat.compile(DATA.formatted("abc", 0));
        byte[] m = withCustomSection(a, "x", new byte[]{1});
        ModuleKey key = keyWithoutTrailing(m);
        assertEquals(m.length, key.moduleLength());
        assertArrayEquals(key.moduleHash(), keyWithoutTrailing(withCustomSection(a, "x", new byte[]{2})).moduleHash());
        assertFalse(Arrays.equals(key.moduleHash(), keyWithoutTrailing(withCustomSection(a, "y", new byte[]{1})).moduleHash()));
        assertFalse(Arrays.equals(key.moduleHash(), keyWithoutTrailing(withCustomSection(a, "x", new byte[]{1, 2})).moduleHash()));
        assertFalse(Arrays.equals(key.moduleHash(), keyWithoutTrailing(withCustomSection(Wat.compile(DATA.formatted("abc", 1)), "x", new byte[]{1})).moduleHash()));
    }

    @Test
    void theFileNameHasTheModuleHashAndTheImplementation() {
        byte[] implementation = new byte[32];
        implementation[0] = (byte) 0xAB;
        byte[] module = Wat.compile(DATA.formatted("abc", 0));
        ModuleKey key = ModuleKey.of(module, ModuleDecoder.decode("m.wasm", module), implementation);
        String name = key.fileName();
        assertTrue(name.matches("[0-9a-f]{64}-ab00000000000000\\.wtm"), name);
        assertEquals(module.length, key.moduleLength());
    }
}
