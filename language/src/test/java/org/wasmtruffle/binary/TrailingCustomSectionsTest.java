package org.wasmtruffle.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.CUSTOM;
import static org.wasmtruffle.binary.WasmBinary.DATA;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.MEMORY;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.body;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.name;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import java.util.Arrays;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.module.CustomSection;
import org.wasmtruffle.module.ModuleDescription;

class TrailingCustomSectionsTest {
    private static final byte[] TYPES = section(TYPE, vec(funcType(new int[0], I32)));
    private static final byte[] FUNCTIONS = section(FUNCTION, vec(u(0)));
    private static final byte[] MEMORIES = section(MEMORY, vec(b(0x00, 0x01)));
    private static final byte[] CODE_SECTION = section(CODE, vec(body(0x41, 0x07, END)));
    private static final byte[] DATA_SECTION = section(DATA, vec(cat(u(0), b(0x41, 0x00, END), u(2), b('h', 'i'))));

    private static TrailingCustomSections find(byte[] module) {
        return TrailingCustomSections.find(ByteSequence.create(module), 1);
    }

    @Test
    void theCustomSectionsAfterTheLastOtherSection() {
        byte[] first = section(CUSTOM, name("early"), b(1, 2));
        byte[] debugInfo = section(CUSTOM, name(".debug_info"), new byte[300]);
        byte[] producers = section(CUSTOM, name("producers"), b(5, 6, 7));
        byte[] head = cat(first, TYPES, FUNCTIONS, MEMORIES, CODE_SECTION, DATA_SECTION);
        byte[] bytes = module(head, debugInfo, producers);
        TrailingCustomSections trailing = find(bytes);
        assertNotNull(trailing);
        assertEquals(8 + head.length, trailing.start());
        assertEquals(bytes.length, trailing.moduleLength());
        assertEquals(2, trailing.sections().length);

        // Decoding the bytes up to them describes the module as decoding all of it does.
        ModuleDescription whole = ModuleDecoder.decode("m.wasm", bytes);
        ModuleDescription start = ModuleDecoder.decode("m.wasm", Arrays.copyOf(bytes, trailing.start()), trailing);
        assertArrayEquals(whole.customSections(), start.customSections());
        assertEquals(new CustomSection(".debug_info", trailing.start() + 3 + 12, 300), start.customSections()[1]);
        assertEquals(bytes.length, start.moduleLength());
        assertEquals(trailing.start(), start.bytes().length);
        assertEquals(whole.codeOffset(0), start.codeOffset(0));
        assertEquals(whole.dataSegments()[0].dataOffset(), start.dataSegments()[0].dataOffset());
        assertEquals(bytes.length, whole.moduleLength());
    }

    @Test
    void noneWhenTheyAreShorterThanTheMinimum() {
        byte[] bytes = module(TYPES, section(CUSTOM, name("small"), new byte[100]));
        assertNotNull(TrailingCustomSections.find(ByteSequence.create(bytes), 100));
        assertNull(TrailingCustomSections.find(ByteSequence.create(bytes), 200));
        assertNull(find(module(TYPES, CODE_SECTION)));
        assertNull(find(b(0, 'a', 's', 'm')));
    }

    @Test
    void aNameSectionIsNeverLeftOut() {
        byte[] names = section(CUSTOM, name("name"), section(0, name("mod")));
        byte[] bytes = module(TYPES, section(CUSTOM, name("a"), b(1)), names, section(CUSTOM, name("b"), b(2)));
        TrailingCustomSections trailing = find(bytes);
        assertEquals(1, trailing.sections().length);
        assertEquals("b", trailing.sections()[0].name());
        assertEquals("mod", ModuleDecoder.decode("m.wasm", Arrays.copyOf(bytes, trailing.start()), trailing).moduleName());
        assertNull(find(module(TYPES, names)));
    }

    @Test
    void noneWhenAnotherSectionFollows() {
        assertNull(find(module(section(CUSTOM, name("a"), b(1)), TYPES)));
        byte[] bytes = module(section(CUSTOM, name("a"), b(1)), TYPES, section(CUSTOM, name("b"), b(2)));
        assertEquals("b", find(bytes).sections()[0].name());
    }

    /** What the headers do not prove well-formed is left to the decoder, which reports it as ever. */
    @Test
    void noneWhenTheHeadersAreMalformed() {
        assertNull(find(module(TYPES, section(CUSTOM, b(0x01, 0xFF)))), "malformed UTF-8");
        assertNull(find(module(TYPES, b(CUSTOM, 0x05, 0x00))), "a section longer than the module");
        assertNull(find(module(TYPES, b(CUSTOM, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00))), "a size of six bytes");
        assertNull(find(module(TYPES, b(CUSTOM, 0x02, 0x05, 'a'))), "a name longer than the section");
        assertNull(find(module(TYPES, section(CUSTOM, name("x".repeat(5000))))), "a name longer than the header read");
    }

    @Test
    void theDecoderChecksTheLengthOfTheBytes() {
        byte[] bytes = module(TYPES, section(CUSTOM, name("a"), b(1)));
        TrailingCustomSections trailing = find(bytes);
        assertThrows(IllegalArgumentException.class, () -> ModuleDecoder.decode("m.wasm", bytes, trailing));
    }

    /** An error reported at the module's end names the whole module's end. */
    @Test
    void errorsAtTheEndAreAtTheModulesEnd() {
        byte[] bytes = module(TYPES, FUNCTIONS, section(CUSTOM, name("a"), new byte[10]));
        TrailingCustomSections trailing = find(bytes);
        MalformedModuleException whole = assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode("m.wasm", bytes));
        MalformedModuleException start = assertThrows(MalformedModuleException.class,
                        () -> ModuleDecoder.decode("m.wasm", Arrays.copyOf(bytes, trailing.start()), trailing));
        assertEquals(whole.getMessage(), start.getMessage());
    }
}
