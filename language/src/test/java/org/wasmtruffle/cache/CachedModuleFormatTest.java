package org.wasmtruffle.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.ModuleValidator;

class CachedModuleFormatTest {
    private static final String MODULE = """
                    (module (import "env" "g" (func (param i32)))
                      (func (param i32 i64) (result i32) (local f64) (local.get 0))
                      (func (call 0 (i32.const 1))))
                    """;

    private static byte[] implementation(int b) {
        byte[] i = new byte[32];
        Arrays.fill(i, (byte) b);
        return i;
    }

    @Test
    void anEntryReadsBackOnlyForItsKeyAndModule() {
        byte[] bytes = Wat.compile(MODULE);
        ModuleDescription description = ModuleDecoder.decode("m.wasm", bytes);
        int[] frameSizes = ModuleValidator.validate(description);
        ModuleKey key = ModuleKey.of(bytes, description, implementation(1));
        byte[] entry = CachedModuleFormat.encode(key, description, frameSizes);
        assertArrayEquals(frameSizes, CachedModuleFormat.decode(entry, key, description));

        assertNull(CachedModuleFormat.decode(entry, ModuleKey.of(bytes, description, implementation(2)), description), "another implementation");
        assertNull(CachedModuleFormat.decode(entry, new ModuleKey(implementation(3), bytes.length, implementation(1)), description), "another module");
        assertNull(CachedModuleFormat.decode(entry, new ModuleKey(key.moduleHash(), bytes.length + 1, implementation(1)), description), "another length");
        byte[] other = Wat.compile("(module (func) (func) (func))");
        assertNull(CachedModuleFormat.decode(entry, key, ModuleDecoder.decode("o.wasm", other)), "other functions");
    }

    @Test
    void everyTruncationAndEveryFlippedBitIsRefused() {
        byte[] bytes = Wat.compile(MODULE);
        ModuleDescription description = ModuleDecoder.decode("m.wasm", bytes);
        ModuleKey key = ModuleKey.of(bytes, description, implementation(1));
        byte[] entry = CachedModuleFormat.encode(key, description, ModuleValidator.validate(description));
        assertNotNull(CachedModuleFormat.decode(entry, key, description));
        for (int n = 0; n < entry.length; n++) {
            assertNull(CachedModuleFormat.decode(Arrays.copyOf(entry, n), key, description), "truncated to " + n);
        }
        for (int i = 0; i < entry.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = entry.clone();
                damaged[i] ^= (byte) (1 << bit);
                assertNull(CachedModuleFormat.decode(damaged, key, description), "bit " + bit + " of byte " + i);
            }
        }
        byte[] longer = Arrays.copyOf(entry, entry.length + 1);
        assertNull(CachedModuleFormat.decode(longer, key, description));
    }

    @Test
    void implausibleFrameSizesAreRefused() {
        byte[] bytes = Wat.compile(MODULE);
        ModuleDescription description = ModuleDecoder.decode("m.wasm", bytes);
        ModuleKey key = ModuleKey.of(bytes, description, implementation(1));
        // Function 1 has two parameters: a frame of one slot cannot be right, even with a good checksum.
        byte[] entry = CachedModuleFormat.encode(key, description, new int[]{1, 1});
        assertNull(CachedModuleFormat.decode(entry, key, description));
    }
}
