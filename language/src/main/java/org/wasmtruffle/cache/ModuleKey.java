package org.wasmtruffle.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.wasmtruffle.module.CustomSection;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.ModuleDescription;

/**
 * What identifies a cache entry: a SHA-256 of the module's bytes, the module's length, and the fingerprint of the
 * implementation that validates it ({@link ImplementationFingerprint}). A cryptographic hash because a hit skips
 * validation: a module made to collide with a cached one would run unvalidated.
 *
 * <p>The hash covers every byte of the module except the contents of data segments and custom sections. Those
 * are the only bytes validation never reads (a module is valid or not, and its functions' frames have their
 * sizes, whatever they hold), and they are most of a large module: in {@code python.wasm}, 20 of its 26 MB are
 * debug information and data. Their lengths and positions are covered, by the section and segment headers.
 * The decoder, which checks them, runs on every load.
 */
record ModuleKey(byte[] moduleHash, long moduleLength, byte[] implementation) {
    /** The key of {@code description}, decoded from {@code moduleBytes}, for implementation {@code implementation}. */
    static ModuleKey of(byte[] moduleBytes, ModuleDescription description, byte[] implementation) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform has SHA-256.
            throw new IllegalStateException(e);
        }
        long[] skipped = skippedRanges(description);
        int at = 0;
        for (long range : skipped) {
            int start = (int) (range >>> 32);
            int length = (int) range;
            if (start >= moduleBytes.length) {
                break;
            }
            digest.update(moduleBytes, at, start - at);
            at = start + length;
        }
        digest.update(moduleBytes, at, moduleBytes.length - at);
        // Custom sections after the bytes (left out of them, see ModuleDescription.bytes): their headers, which
        // the bytes do not hold, as their names and places.
        if (description.moduleLength() > moduleBytes.length) {
            ByteBuffer place = ByteBuffer.allocate(8);
            for (CustomSection s : description.customSections()) {
                if (s.payloadOffset() >= moduleBytes.length) {
                    digest.update(s.name().getBytes(StandardCharsets.UTF_8));
                    digest.update(place.clear().putInt(s.payloadOffset()).putInt(s.payloadLength()).array());
                }
            }
        }
        return new ModuleKey(digest.digest(), description.moduleLength(), implementation);
    }

    /**
     * The payloads of custom sections and data segments, each as {@code start << 32 | length}, in order. They
     * never overlap: each lies inside its own section.
     */
    private static long[] skippedRanges(ModuleDescription description) {
        CustomSection[] custom = description.customSections();
        DataSegment[] data = description.dataSegments();
        long[] ranges = new long[custom.length + data.length];
        int n = 0;
        for (CustomSection s : custom) {
            ranges[n++] = (long) s.payloadOffset() << 32 | s.payloadLength();
        }
        for (DataSegment s : data) {
            ranges[n++] = (long) s.dataOffset() << 32 | s.dataLength();
        }
        Arrays.sort(ranges);
        return ranges;
    }

    /**
     * The entry's file name: the module's hash, then the start of the implementation's (entries of other builds
     * sit beside it, never in its place), e.g. {@code 3f2a...e1-0c4d5e6f7a8b9c0d.wtm}.
     */
    String fileName() {
        return moduleFilePrefix() + HexFormat.of().formatHex(implementation, 0, 8) + CachedModuleFormat.FILE_SUFFIX;
    }

    /** The start of the file name of every entry for this module's bytes, whatever build wrote it. */
    String moduleFilePrefix() {
        return HexFormat.of().formatHex(moduleHash) + "-";
    }
}
