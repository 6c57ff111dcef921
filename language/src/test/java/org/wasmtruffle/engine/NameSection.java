package org.wasmtruffle.engine;

import static org.wasmtruffle.binary.WasmBinary.CUSTOM;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.name;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;

/**
 * Builds the {@code name} custom section (function names subsection), which a module may end with; what
 * {@code wat2wasm --debug-names} writes for {@code $name}d functions.
 */
final class NameSection {
    private NameSection() {
    }

    /** A name section naming function {@code i} {@code names[i]}, skipping {@code null} entries. */
    static byte[] functionNames(String... names) {
        int count = 0;
        byte[] map = new byte[0];
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                map = cat(map, u(i), name(names[i]));
                count++;
            }
        }
        byte[] subsection = cat(u(count), map);
        return section(CUSTOM, name("name"), b(1), u(subsection.length), subsection);
    }
}
