package org.wasmtruffle.cache;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.BodySummary;

/**
 * The bytes of a cache entry: what validating a module found, for the module and implementation of a
 * {@link ModuleKey}. Big-endian:
 *
 * <pre>
 * magic "WTMC", format version (int)
 * implementation fingerprint (32 bytes), module SHA-256 (32 bytes), module length (long)
 * imported function count (int), defined function count N (int)
 * N frame sizes (int each), as ModuleValidator.validate returns them
 * CRC-32C of everything above (int)
 * </pre>
 *
 * Reading checks every field against the key and the freshly decoded module, and the checksum, so that a
 * truncated, damaged or foreign entry is refused rather than believed.
 */
final class CachedModuleFormat {
    /** The suffix of entry files. */
    static final String FILE_SUFFIX = ".wtm";
    /** Raised whenever the layout or the meaning of a field changes. */
    static final int VERSION = 1;

    private static final int MAGIC = 0x57544D43; // "WTMC"
    private static final int HASH_LENGTH = 32;
    private static final int HEADER_LENGTH = 4 + 4 + HASH_LENGTH + HASH_LENGTH + 8 + 4 + 4;
    private static final int CHECKSUM_LENGTH = 4;

    private CachedModuleFormat() {
    }

    /** The length of the entry of {@code description}: whatever else a file holds, it is not that entry. */
    static long entryLength(ModuleDescription description) {
        return HEADER_LENGTH + 4L * (description.functionCount() - description.importedFunctionCount()) + CHECKSUM_LENGTH;
    }

    /** The entry for {@code description}, whose bytes have {@code key}, validated with {@code frameSizes}. */
    static byte[] encode(ModuleKey key, ModuleDescription description, int[] frameSizes) {
        int defined = description.functionCount() - description.importedFunctionCount();
        if (frameSizes.length != defined || key.moduleHash().length != HASH_LENGTH || key.implementation().length != HASH_LENGTH) {
            throw new IllegalArgumentException("frame sizes or key do not fit the module");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + 4 * defined + CHECKSUM_LENGTH);
        out.putInt(MAGIC).putInt(VERSION).put(key.implementation()).put(key.moduleHash()).putLong(key.moduleLength());
        out.putInt(description.importedFunctionCount()).putInt(defined);
        out.asIntBuffer().put(frameSizes);
        out.position(out.position() + 4 * defined);
        out.putInt(checksum(out.array(), out.position()));
        return out.array();
    }

    /**
     * The frame sizes an entry holds, if it is an intact entry for {@code key} and {@code description}.
     *
     * @return the frame sizes, or {@code null} if the entry is damaged or for another module or implementation
     */
    static int[] decode(byte[] entry, ModuleKey key, ModuleDescription description) {
        int defined = description.functionCount() - description.importedFunctionCount();
        if (entry.length != entryLength(description)) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(entry);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || !matches(in, key.implementation()) || !matches(in, key.moduleHash()) ||
                            in.getLong() != key.moduleLength() || in.getInt() != description.importedFunctionCount() || in.getInt() != defined) {
                return null;
            }
            int[] frameSizes = new int[defined];
            in.asIntBuffer().get(frameSizes);
            in.position(in.position() + 4 * defined);
            if (in.getInt() != checksum(entry, entry.length - CHECKSUM_LENGTH) || !plausible(frameSizes, description)) {
                return null;
            }
            return frameSizes;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static boolean matches(ByteBuffer in, byte[] expected) {
        byte[] actual = new byte[expected.length];
        in.get(actual);
        return Arrays.equals(actual, expected);
    }

    /** A frame holds at least the function's parameters; anything less cannot come from validation. */
    private static boolean plausible(int[] summaries, ModuleDescription description) {
        int imported = description.importedFunctionCount();
        for (int i = 0; i < summaries.length; i++) {
            if (summaries[i] < 0 || BodySummary.frameSize(summaries[i]) < description.functionType(imported + i).paramCount()) {
                return false;
            }
        }
        return true;
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
