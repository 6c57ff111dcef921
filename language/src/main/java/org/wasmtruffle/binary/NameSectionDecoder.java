package org.wasmtruffle.binary;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code name} custom section: the module name (subsection 0), function names (1) and local
 * names (2); other subsections are skipped. The section only helps debugging, so a malformed one never
 * makes the module malformed: decoding stops at the first problem and keeps the subsections read in full
 * before it.
 */
public final class NameSectionDecoder {
    private static final int MODULE_NAME = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    /** What the name section says; the maps are empty, and the module name {@code null}, when it says nothing. */
    public record Names(String moduleName, Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {
        /** A module without a name section. */
        public static Names none() {
            return new Names(null, new HashMap<>(), new HashMap<>());
        }
    }

    private NameSectionDecoder() {
    }

    /** Decodes the name section's payload, {@code length} bytes at {@code offset} in {@code bytes}. */
    public static Names decode(String sourceName, byte[] bytes, int offset, int length) {
        String moduleName = null;
        Map<Integer, String> functionNames = new HashMap<>();
        Map<Integer, Map<Integer, String>> localNames = new HashMap<>();
        BinaryReader in = new BinaryReader(sourceName, bytes, offset, offset + length);
        int lastId = -1;
        try {
            while (!in.atEnd()) {
                int id = in.readByte();
                int size = in.readLength();
                int end = in.position() + size;
                if (id <= lastId && id <= LOCAL_NAMES) {
                    // Subsections 0..2 must appear once each, in order; a repeat is malformed.
                    break;
                }
                lastId = Math.max(lastId, id);
                switch (id) {
                    case MODULE_NAME -> {
                        String name = in.readName();
                        if (in.position() != end) {
                            return new Names(moduleName, functionNames, localNames);
                        }
                        moduleName = name;
                    }
                    case FUNCTION_NAMES -> {
                        Map<Integer, String> names = readNameMap(in);
                        if (in.position() != end) {
                            return new Names(moduleName, functionNames, localNames);
                        }
                        functionNames = names;
                    }
                    case LOCAL_NAMES -> {
                        Map<Integer, Map<Integer, String>> all = new HashMap<>();
                        int count = in.readLength();
                        for (int i = 0; i < count; i++) {
                            int function = in.readU32();
                            all.put(function, readNameMap(in));
                        }
                        if (in.position() != end) {
                            return new Names(moduleName, functionNames, localNames);
                        }
                        localNames = all;
                    }
                    default -> in.skip(size);
                }
            }
        } catch (MalformedModuleException e) {
            // Ignored on purpose: keep what was read in full.
        }
        return new Names(moduleName, functionNames, localNames);
    }

    private static Map<Integer, String> readNameMap(BinaryReader in) {
        int count = in.readLength();
        Map<Integer, String> names = new HashMap<>(Math.min(count, 1 << 16) * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            int index = in.readU32();
            names.put(index, in.readName());
        }
        return names;
    }
}
