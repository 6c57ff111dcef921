package org.wasmtruffle.binary;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.io.ByteSequence;
import org.wasmtruffle.module.CustomSection;

/**
 * The custom sections at the end of a module, after its last other section, which nothing but their name and
 * place is needed of: their payloads are never read (only a {@code name} section's is, which therefore never
 * belongs here). A module built with debug information ends with megabytes of them (python.wasm: 13 of its 26 MB),
 * so the engine copies the module's bytes only up to {@link #start}, and a launcher that reads the file on demand never
 * touches the rest.
 *
 * @param start where the first of them begins (its section id): the length of the bytes that the module needs
 * @param moduleLength the length of the whole module
 * @param sections the sections, with their payloads' places in the whole module
 */
public record TrailingCustomSections(int start, int moduleLength, CustomSection[] sections) {
    /** Trailing custom sections shorter than this in all are copied with the rest: not worth a second code path. */
    public static final int MINIMUM_LENGTH = 1 << 20;

    /**
     * How much of a section's start is read to decode its header (id, size and, for a custom section, name); a custom
     * section whose name does not fit is left to the decoder.
     */
    private static final int MAX_HEADER = 4096;

    /**
     * The trailing custom sections of {@code module}, read from their headers alone, or null if together they are
     * shorter than {@code minimumLength} or the module is not well-formed as far as the section headers tell (the
     * decoder then reads the whole module and reports the error as ever).
     */
    public static TrailingCustomSections find(ByteSequence module, int minimumLength) {
        int length = module.length();
        if (length - 8 < minimumLength) {
            // Too short to end with that many bytes of sections: the common case, decided without reading.
            return null;
        }
        int pos = 8;
        int runStart = -1;
        List<CustomSection> run = new ArrayList<>();
        while (pos < length) {
            byte[] header = new byte[Math.min(MAX_HEADER, length - pos)];
            for (int i = 0; i < header.length; i++) {
                header[i] = module.byteAt(pos + i);
            }
            // The decoder's own reads (LEB128 sizes, names), on the header's bytes.
            BinaryReader in = new BinaryReader("", header, 0, header.length);
            CustomSection custom = null;
            long size;
            try {
                int id = in.readByte();
                size = in.readU32() & 0xFFFF_FFFFL;
                if (size > length - (pos + in.position())) {
                    return null;
                }
                if (id == SectionId.CUSTOM) {
                    int payloadStart = in.position();
                    BinaryReader name = new BinaryReader("", header, payloadStart, (int) Math.min(header.length, payloadStart + size));
                    String sectionName = name.readName();
                    custom = new CustomSection(sectionName, pos + name.position(), (int) (size - (name.position() - payloadStart)));
                }
            } catch (MalformedModuleException e) {
                // Malformed, or a name longer than the header read: the decoder decides.
                return null;
            }
            if (custom != null && !custom.name().equals("name")) {
                if (runStart < 0) {
                    runStart = pos;
                }
                run.add(custom);
            } else {
                runStart = -1;
                run.clear();
            }
            pos = (int) (pos + in.position() + size);
        }
        if (runStart < 0 || length - runStart < minimumLength) {
            return null;
        }
        return new TrailingCustomSections(runStart, length, run.toArray(new CustomSection[0]));
    }
}
