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

    /** A custom section's name is read into a small array of its own; longer names are left to the decoder. */
    private static final int MAX_HEADER = 4096;

    /**
     * The trailing custom sections of {@code module}, read from their headers alone, or null if together they are
     * shorter than {@code minimumLength} or the module is not well-formed as far as the section headers tell (the
     * decoder then reads the whole module and reports the error as ever).
     */
    public static TrailingCustomSections find(ByteSequence module, int minimumLength) {
        int length = module.length();
        if (length < 8) {
            return null;
        }
        int pos = 8;
        int runStart = -1;
        List<CustomSection> run = new ArrayList<>();
        while (pos < length) {
            int sectionStart = pos;
            int id = module.byteAt(pos++) & 0xFF;
            long size = 0;
            int shift = 0;
            int b;
            do {
                if (pos >= length || shift > 28) {
                    return null;
                }
                b = module.byteAt(pos++);
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            if (size > length - pos) {
                return null;
            }
            int payloadStart = pos;
            int next = (int) (pos + size);
            CustomSection custom = id == SectionId.CUSTOM ? readCustom(module, payloadStart, (int) size) : null;
            if (id == SectionId.CUSTOM && custom == null) {
                return null;
            }
            if (custom != null && !custom.name().equals("name")) {
                if (runStart < 0) {
                    runStart = sectionStart;
                }
                run.add(custom);
            } else {
                runStart = -1;
                run.clear();
            }
            pos = next;
        }
        if (runStart < 0 || length - runStart < minimumLength) {
            return null;
        }
        return new TrailingCustomSections(runStart, length, run.toArray(new CustomSection[0]));
    }

    /** The custom section whose content (name and payload) is the {@code size} bytes at {@code at}, or null if malformed. */
    private static CustomSection readCustom(ByteSequence module, int at, int size) {
        byte[] header = new byte[Math.min(size, MAX_HEADER)];
        for (int i = 0; i < header.length; i++) {
            header[i] = module.byteAt(at + i);
        }
        BinaryReader in = new BinaryReader("", header, 0, header.length);
        try {
            String name = in.readName();
            return new CustomSection(name, at + in.position(), size - in.position());
        } catch (MalformedModuleException e) {
            // Malformed, or a name longer than the header read: the decoder decides.
            return null;
        }
    }
}
