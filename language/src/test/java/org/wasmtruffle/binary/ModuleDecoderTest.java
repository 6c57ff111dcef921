package org.wasmtruffle.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.CUSTOM;
import static org.wasmtruffle.binary.WasmBinary.DATA;
import static org.wasmtruffle.binary.WasmBinary.DATA_COUNT;
import static org.wasmtruffle.binary.WasmBinary.ELEMENT;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.EXPORT;
import static org.wasmtruffle.binary.WasmBinary.EXTERNREF;
import static org.wasmtruffle.binary.WasmBinary.F32;
import static org.wasmtruffle.binary.WasmBinary.F64;
import static org.wasmtruffle.binary.WasmBinary.FUNCREF;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.GLOBAL;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.I64;
import static org.wasmtruffle.binary.WasmBinary.IMPORT;
import static org.wasmtruffle.binary.WasmBinary.MEMORY;
import static org.wasmtruffle.binary.WasmBinary.START;
import static org.wasmtruffle.binary.WasmBinary.TABLE;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.body;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.name;
import static org.wasmtruffle.binary.WasmBinary.s;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.module.ConstantExpression;
import org.wasmtruffle.module.CustomSection;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.ElementSegment;
import org.wasmtruffle.module.Export;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.SegmentMode;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.validation.InvalidModuleException;

class ModuleDecoderTest {
    private static final int[] NO_PARAMS = {};

    private static ModuleDescription decode(byte[] bytes) {
        return ModuleDecoder.decode("test.wasm", bytes);
    }

    private static MalformedModuleException malformed(String reason, byte[] bytes) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> decode(bytes));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    private static byte[] i32Const(int value) {
        return cat(b(ConstantExpression.I32_CONST), s(value), b(END));
    }

    @Test
    void emptyModule() {
        ModuleDescription m = decode(module());
        assertEquals("test.wasm", m.name());
        assertEquals(0, m.typeCount());
        assertEquals(0, m.functionCount());
        assertEquals(0, m.tableCount());
        assertEquals(0, m.memoryCount());
        assertEquals(0, m.globalCount());
        assertEquals(0, m.exports().length);
        assertEquals(-1, m.startFunction());
        assertEquals(-1, m.dataCount());
        assertEquals(0, m.elementSegments().length);
        assertEquals(0, m.dataSegments().length);
        assertNull(m.moduleName());
        assertNull(m.functionName(0));
        assertEquals("func[0]", m.displayName(0));
    }

    @Test
    void header() {
        assertEquals(0, malformed("unexpected end", b()).offset());
        malformed("unexpected end", b(0x00, 0x61, 0x73));
        malformed("unexpected end", b(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00));
        assertEquals(0, malformed("magic header not detected", b(0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00)).offset());
        assertEquals(4, malformed("unknown binary version", b(0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00)).offset());
        MalformedModuleException e = malformed("unknown binary version", b(0x00, 0x61, 0x73, 0x6D, 0x00, 0x00, 0x00, 0x01));
        assertEquals("test.wasm: malformed module at byte offset 4: unknown binary version", e.getMessage());
    }

    @Test
    void types() {
        ModuleDescription m = decode(module(section(TYPE, vec(funcType(NO_PARAMS), funcType(new int[]{I32, I64}, F32), funcType(new int[]{F64, FUNCREF, EXTERNREF, 0x7B}, I32, I64)))));
        assertEquals(3, m.typeCount());
        assertEquals(new FunctionType(new ValueType[0], new ValueType[0]), m.type(0));
        assertEquals(new FunctionType(new ValueType[]{ValueType.I32, ValueType.I64}, new ValueType[]{ValueType.F32}), m.type(1));
        assertArrayEquals(new ValueType[]{ValueType.F64, ValueType.FUNCREF, ValueType.EXTERNREF, ValueType.V128}, m.type(2).params());
        assertArrayEquals(new ValueType[]{ValueType.I32, ValueType.I64}, m.type(2).results());
    }

    @Test
    void equalTypesAreOneObject() {
        // call_indirect compares the callee's type with the expected one by identity first.
        ModuleDescription m = decode(module(section(TYPE, vec(funcType(new int[]{I32}, I32), funcType(NO_PARAMS), funcType(new int[]{I32}, I32)))));
        assertEquals(3, m.typeCount());
        assertSame(m.type(0), m.type(2));
        assertNotSame(m.type(0), m.type(1));
    }

    @Test
    void malformedTypes() {
        malformed("malformed function type", module(section(TYPE, vec(b(0x61, 0x00, 0x00)))));
        malformed("malformed value type", module(section(TYPE, vec(b(0x60, 0x01, 0x40, 0x00)))));
        malformed("integer representation too long", module(section(TYPE, vec(b(0x60, 0x01, 0xFF, 0x7F, 0x00)))));
    }

    @Test
    void importsBuildTheIndexSpaces() {
        byte[] imports = vec(
                        cat(name("env"), name("f"), b(0x00), u(0)),
                        cat(name("env"), name("t"), b(0x01, EXTERNREF, 0x01), u(1), u(10)),
                        cat(name("env"), name("m"), b(0x02, 0x00), u(2)),
                        cat(name("env"), name("g"), b(0x03, F64, 0x01)),
                        cat(name("\u00FCber"), name("g2"), b(0x03, I32, 0x00)));
        ModuleDescription m = decode(module(section(TYPE, vec(funcType(NO_PARAMS))), section(IMPORT, imports), section(FUNCTION, vec(u(0))),
                        section(TABLE, vec(b(FUNCREF, 0x00, 0x05))), section(GLOBAL, vec(cat(b(I32, 0x00), i32Const(7)))),
                        section(CODE, vec(body(END)))));
        Import[] im = m.imports();
        assertEquals(5, im.length);
        assertEquals(new Import("env", "f", ExternKind.FUNCTION, 0, null, null, null), im[0]);
        assertEquals(ExternKind.TABLE, im[1].kind());
        assertEquals(ValueType.EXTERNREF, im[1].tableType().elementType());
        assertEquals(new Limits(1, 10, true), im[1].tableType().limits());
        assertEquals(new Limits(2, 0, false), im[2].memoryType().limits());
        assertEquals(new GlobalType(ValueType.F64, true), im[3].globalType());
        assertEquals("\u00FCber", im[4].module());
        assertEquals(2, m.functionCount());
        assertEquals(1, m.importedFunctionCount());
        assertEquals(2, m.tableCount());
        assertEquals(1, m.importedTableCount());
        assertEquals(new Limits(5, 0, false), m.table(1).limits());
        assertEquals(1, m.memoryCount());
        assertEquals(1, m.importedMemoryCount());
        assertEquals(3, m.globalCount());
        assertEquals(2, m.importedGlobalCount());
        assertEquals(new GlobalType(ValueType.I32, false), m.global(2));
        assertEquals(7, m.globalInitializer(2).immediates()[0]);
    }

    @Test
    void malformedImports() {
        malformed("malformed import kind", module(section(IMPORT, vec(cat(name("a"), name("b"), b(0x04))))));
        malformed("malformed mutability", module(section(IMPORT, vec(cat(name("a"), name("b"), b(0x03, I32, 0x02))))));
        malformed("malformed reference type", module(section(IMPORT, vec(cat(name("a"), name("b"), b(0x01, I32, 0x00, 0x00))))));
        MalformedModuleException e = malformed("malformed UTF-8 encoding", module(section(IMPORT, vec(cat(name("a"), b(0x01, 0xC0), b(0x00, 0x00))))));
        assertEquals(13, e.offset());
    }

    @Test
    void functionBodiesAreLocatedNotRead() {
        byte[] code = section(CODE, vec(body(0x41, 0x01, 0x1A, END), cat(u(4), b(0x01, 0x01, I32, END))));
        byte[] bytes = module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0), u(0))), code);
        ModuleDescription m = decode(bytes);
        assertEquals(2, m.functionCount());
        assertEquals(0, m.functionTypeIndex(1));
        int first = m.codeOffset(0);
        assertEquals(5, m.codeLength(0));
        assertArrayEquals(b(0x00, 0x41, 0x01, 0x1A, END), Arrays.copyOfRange(bytes, first, first + 5));
        assertEquals(first + 6, m.codeOffset(1));
        assertEquals(4, m.codeLength(1));
        assertEquals(bytes.length, m.codeOffset(1) + m.codeLength(1));
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        malformed("function and code section have inconsistent lengths", module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0)))));
        malformed("function and code section have inconsistent lengths", module(section(CODE, vec(body(END)))));
        // A code body that runs past the end of the module.
        malformed("unexpected end of section or function", module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0))), b(CODE, 0x03, 0x01, 0x02, 0x00)));
    }

    @Test
    void tablesAndMemories() {
        ModuleDescription m = decode(module(section(TABLE, vec(b(FUNCREF, 0x00, 0x00), b(EXTERNREF, 0x01, 0x02, 0x03))),
                        section(MEMORY, vec(b(0x01, 0x01, 0x80, 0x80, 0x04)))));
        assertEquals(ValueType.FUNCREF, m.table(0).elementType());
        assertEquals(new Limits(0, 0, false), m.table(0).limits());
        assertEquals(new Limits(2, 3, true), m.table(1).limits());
        assertEquals(new Limits(1, 65536, true), m.memory(0).limits());
        // Limits are u32: the largest value decodes (validation rejects it for memories).
        assertEquals(0xFFFF_FFFFL, decode(module(section(MEMORY, vec(cat(b(0x00), u(0xFFFF_FFFFL)))))).memory(0).limits().min());
    }

    @Test
    void malformedLimits() {
        malformed("integer too large", module(section(MEMORY, vec(b(0x02, 0x00)))));
        malformed("integer too large", module(section(TABLE, vec(b(FUNCREF, 0x08, 0x00)))));
        malformed("integer representation too long", module(section(MEMORY, vec(b(0x81, 0x00, 0x00, 0x00)))));
        malformed("integer too large", module(section(MEMORY, vec(b(0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F)))));
    }

    @Test
    void constantExpressions() {
        byte[] globals = vec(
                        cat(b(I32, 0x00), i32Const(-5)),
                        cat(b(I64, 0x01), b(ConstantExpression.I64_CONST), s(Long.MIN_VALUE), b(END)),
                        cat(b(F32, 0x00), b(ConstantExpression.F32_CONST, 0x00, 0x00, 0xC0, 0x7F), b(END)),
                        cat(b(F64, 0x00), b(ConstantExpression.F64_CONST, 1, 2, 3, 4, 5, 6, 7, 0x80), b(END)),
                        cat(b(I32, 0x00), b(ConstantExpression.GLOBAL_GET), u(0), b(END)),
                        cat(b(EXTERNREF, 0x00), b(ConstantExpression.REF_NULL, EXTERNREF, END)),
                        cat(b(FUNCREF, 0x00), b(ConstantExpression.REF_FUNC), u(0), b(END)),
                        cat(b(I32, 0x00), b(0x41, 0x01, 0x41, 0x02, END)),
                        cat(b(I32, 0x00), b(END)));
        ModuleDescription m = decode(module(section(GLOBAL, globals)));
        assertArrayEquals(new long[]{-5}, m.globalInitializer(0).immediates());
        assertArrayEquals(new int[]{ConstantExpression.I32_CONST}, m.globalInitializer(0).opcodes());
        assertArrayEquals(new long[]{Long.MIN_VALUE}, m.globalInitializer(1).immediates());
        assertTrue(m.global(1).mutable());
        assertArrayEquals(new long[]{0x7FC00000L}, m.globalInitializer(2).immediates());
        assertArrayEquals(new long[]{0x8007060504030201L}, m.globalInitializer(3).immediates());
        assertArrayEquals(new int[]{ConstantExpression.GLOBAL_GET}, m.globalInitializer(4).opcodes());
        assertArrayEquals(new long[]{EXTERNREF}, m.globalInitializer(5).immediates());
        assertArrayEquals(new int[]{ConstantExpression.REF_FUNC}, m.globalInitializer(6).opcodes());
        // Sequences of any length decode; validation demands exactly one value.
        assertArrayEquals(new long[]{1, 2}, m.globalInitializer(7).immediates());
        assertEquals(0, m.globalInitializer(8).length());
    }

    @Test
    void nonConstantInstructionsAreInvalidAndUnknownOnesMalformed() {
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> decode(module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x41, 0x00, 0x41, 0x00, 0x6A, END)))))));
        assertEquals("constant expression required", e.reason());
        assertTrue(e.getMessage().contains("at byte offset 17"), e.getMessage());
        assertThrows(InvalidModuleException.class, () -> decode(module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x01, END)))))));
        assertThrows(InvalidModuleException.class, () -> decode(module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0xFC, 0x00, END)))))));
        assertEquals(13, malformed("illegal opcode", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x06, END)))))).offset());
        malformed("illegal opcode", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0xFC, 0x12, END))))));
        malformed("END opcode expected", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x41, 0x00, 0x05))))));
        malformed("malformed reference type", module(section(GLOBAL, vec(cat(b(FUNCREF, 0x00), b(0xD0, I32, END))))));
        // A missing end reads on into the next section, as the reference decoder does.
        malformed("illegal opcode", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x41, 0x00)))), section(CODE, vec())));
        malformed("unexpected end of section or function", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x41, 0x00))))));
    }

    @Test
    void exportsAndStart() {
        ModuleDescription m = decode(module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0))),
                        section(EXPORT, vec(cat(name("run"), b(0x00), u(0)), cat(name("mem"), b(0x02), u(0)), cat(name("t"), b(0x01), u(3)), cat(name("g"), b(0x03), u(1)))),
                        section(START, u(0)), section(CODE, vec(body(END)))));
        Export[] ex = m.exports();
        assertEquals(new Export("run", ExternKind.FUNCTION, 0), ex[0]);
        assertEquals(new Export("mem", ExternKind.MEMORY, 0), ex[1]);
        assertEquals(new Export("t", ExternKind.TABLE, 3), ex[2]);
        assertEquals(new Export("g", ExternKind.GLOBAL, 1), ex[3]);
        assertEquals(0, m.startFunction());
        malformed("malformed export kind", module(section(EXPORT, vec(cat(name("x"), b(0x04), u(0))))));
    }

    @Test
    void allEightElementSegmentEncodings() {
        byte[] offset = i32Const(3);
        byte[] refFunc1 = b(0xD2, 0x01, END);
        byte[] refNull = b(0xD0, FUNCREF, END);
        byte[] elements = vec(
                        cat(u(0), offset, vec(u(0), u(1))),
                        cat(u(1), b(0x00), vec(u(1))),
                        cat(u(2), u(1), offset, b(0x00), vec(u(0))),
                        cat(u(3), b(0x00), vec(u(1), u(0))),
                        cat(u(4), offset, vec(refFunc1, refNull)),
                        cat(u(5), b(EXTERNREF), vec(b(0xD0, EXTERNREF, END))),
                        cat(u(6), u(1), offset, b(FUNCREF), vec(refFunc1)),
                        cat(u(7), b(FUNCREF), vec(refNull)));
        ModuleDescription m = decode(module(section(ELEMENT, elements)));
        ElementSegment[] e = m.elementSegments();
        assertEquals(8, e.length);
        SegmentMode[] modes = {SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE, SegmentMode.DECLARATIVE, SegmentMode.ACTIVE, SegmentMode.PASSIVE,
                        SegmentMode.ACTIVE, SegmentMode.DECLARATIVE};
        int[] tables = {0, 0, 1, 0, 0, 0, 1, 0};
        for (int i = 0; i < 8; i++) {
            assertEquals(modes[i], e[i].mode(), "segment " + i);
            if (modes[i] == SegmentMode.ACTIVE) {
                assertEquals(tables[i], e[i].tableIndex(), "segment " + i);
                assertArrayEquals(new long[]{3}, e[i].offset().immediates());
            }
        }
        assertEquals(ValueType.EXTERNREF, e[5].elementType());
        assertEquals(ValueType.FUNCREF, e[7].elementType());
        assertEquals(2, e[0].items().length);
        assertArrayEquals(new int[]{ConstantExpression.REF_FUNC}, e[0].items()[1].opcodes());
        assertArrayEquals(new long[]{1}, e[0].items()[1].immediates());
        assertArrayEquals(new int[]{ConstantExpression.REF_NULL}, e[4].items()[1].opcodes());
        assertArrayEquals(new long[]{1}, e[6].items()[0].immediates());
    }

    @Test
    void malformedElementSegments() {
        malformed("malformed elements segment kind", module(section(ELEMENT, vec(cat(u(8), b(0x00))))));
        malformed("malformed element kind", module(section(ELEMENT, vec(cat(u(1), b(0x01), vec())))));
        malformed("malformed reference type", module(section(ELEMENT, vec(cat(u(5), b(I32), vec())))));
    }

    @Test
    void dataSegmentsPointIntoTheBinary() {
        byte[] bytes = module(section(MEMORY, vec(b(0x00, 0x01))), section(DATA_COUNT, u(3)),
                        section(DATA, vec(cat(u(0), i32Const(8), name("hello")), cat(u(1), name("xy")), cat(u(2), u(0), i32Const(1), vec()))));
        ModuleDescription m = decode(bytes);
        assertEquals(3, m.dataCount());
        DataSegment[] d = m.dataSegments();
        assertEquals(SegmentMode.ACTIVE, d[0].mode());
        assertArrayEquals(new long[]{8}, d[0].offset().immediates());
        assertEquals("hello", new String(bytes, d[0].dataOffset(), d[0].dataLength()));
        assertEquals(SegmentMode.PASSIVE, d[1].mode());
        assertEquals("xy", new String(bytes, d[1].dataOffset(), d[1].dataLength()));
        assertEquals(SegmentMode.ACTIVE, d[2].mode());
        assertEquals(0, d[2].memoryIndex());
        assertEquals(0, d[2].dataLength());
    }

    @Test
    void malformedDataSegments() {
        malformed("malformed data segment kind", module(section(DATA, vec(cat(u(3), vec())))));
        malformed("data count and data section have inconsistent lengths", module(section(DATA_COUNT, u(1))));
        malformed("data count and data section have inconsistent lengths", module(section(DATA_COUNT, u(0)), section(DATA, vec(cat(u(1), vec())))));
        // The bytes run past the end of the module.
        malformed("unexpected end of section or function", module(b(DATA, 0x05, 0x01, 0x01, 0x03, 0x61, 0x62)));
    }

    @Test
    void customSectionsMayAppearAnywhere() {
        byte[] custom1 = section(CUSTOM, name("first"), b(1, 2, 3));
        byte[] custom2 = section(CUSTOM, name("second"));
        byte[] bytes = module(custom1, section(TYPE, vec()), custom2, section(DATA, vec()), section(CUSTOM, name("third"), b(9)));
        ModuleDescription m = decode(bytes);
        CustomSection[] c = m.customSections();
        assertEquals(3, c.length);
        assertEquals(new CustomSection("first", 8 + 2 + 6, 3), c[0]);
        assertArrayEquals(b(1, 2, 3), Arrays.copyOfRange(bytes, c[0].payloadOffset(), c[0].payloadOffset() + 3));
        assertEquals(0, c[1].payloadLength());
        assertEquals("third", c[2].name());
        malformed("malformed UTF-8 encoding", module(section(CUSTOM, b(0x01, 0xFF))));
        // The name must fit in the section.
        malformed("unexpected end of section or function", module(b(CUSTOM, 0x00, 0x00, 0x00)));
        malformed("unexpected end of section or function", module(b(CUSTOM, 0x00)));
    }

    @Test
    void nameSection() {
        byte[] moduleName = section(0, name("mod"));
        byte[] functionNames = section(1, vec(cat(u(0), name("imported")), cat(u(1), name("main"))));
        byte[] localNames = section(2, vec(cat(u(1), vec(cat(u(0), name("x")), cat(u(2), name("tmp"))))));
        byte[] unknown = section(7, b(1, 2, 3));
        byte[] names = section(CUSTOM, name("name"), moduleName, functionNames, localNames, unknown);
        ModuleDescription m = decode(module(section(TYPE, vec(funcType(NO_PARAMS))), section(IMPORT, vec(cat(name("a"), name("b"), b(0x00, 0x00)))),
                        section(FUNCTION, vec(u(0))), section(CODE, vec(body(END))), names));
        assertEquals("mod", m.moduleName());
        assertEquals("imported", m.functionName(0));
        assertEquals("main", m.displayName(1));
        assertEquals("x", m.localName(1, 0));
        assertEquals("tmp", m.localName(1, 2));
        assertNull(m.localName(1, 1));
        assertNull(m.localName(0, 0));
    }

    @Test
    void malformedNameSectionIsIgnored() {
        // Function names are complete; the local names subsection is cut short.
        byte[] functionNames = section(1, vec(cat(u(0), name("f"))));
        byte[] names = section(CUSTOM, name("name"), functionNames, b(2, 0x05, 0x01, 0x00, 0x02));
        ModuleDescription m = decode(module(names));
        assertEquals("f", m.functionName(0));
        assertNull(m.localName(0, 0));
        // Bad UTF-8, a subsection size overrunning the section, repeated subsections: never fatal.
        assertNull(decode(module(section(CUSTOM, name("name"), section(0, b(0x01, 0xFF))))).moduleName());
        assertNull(decode(module(section(CUSTOM, name("name"), b(0x00, 0x7F, 0x01)))).moduleName());
        assertEquals("a", decode(module(section(CUSTOM, name("name"), section(0, name("a")), section(0, name("b"))))).moduleName());
        assertNull(decode(module(section(CUSTOM, name("name"), section(0, name("a"), b(0x00))))).moduleName());
    }

    @Test
    void sectionOrder() {
        malformed("unexpected content after last section", module(section(TYPE, vec()), section(TYPE, vec())));
        malformed("unexpected content after last section", module(section(IMPORT, vec()), section(TYPE, vec())));
        malformed("unexpected content after last section", module(section(CODE, vec()), section(DATA_COUNT, u(0))));
        malformed("unexpected content after last section", module(section(DATA_COUNT, u(0)), section(ELEMENT, vec())));
        // The data count section goes between the element and code sections.
        decode(module(section(ELEMENT, vec()), section(DATA_COUNT, u(0)), section(CODE, vec()), section(DATA, vec())));
        MalformedModuleException e = malformed("malformed section id", module(section(TYPE, vec()), b(0x0D, 0x00)));
        assertEquals(11, e.offset());
    }

    @Test
    void sectionSizes() {
        MalformedModuleException e = malformed("section size mismatch", module(b(TYPE, 0x02, 0x00, 0x00)));
        assertEquals(10, e.offset());
        malformed("length out of bounds", module(b(TYPE, 0x05, 0x00)));
        malformed("unexpected end", module(b(TYPE)));
        // Padded LEB128 sizes and counts, as some toolchains write them, are fine.
        ModuleDescription m = decode(module(b(TYPE, 0x88, 0x80, 0x80, 0x80, 0x00, 0x81, 0x80, 0x80, 0x80, 0x00, 0x60, 0x00, 0x00)));
        assertEquals(1, m.typeCount());
        assertFalse(m.type(0).paramCount() > 0);
    }

    @Test
    void malformedBodyIsReportedBeforeALaterSectionError() {
        // The reference decoder reads bodies where they stand, so their errors come before later ones.
        byte[] bytes = module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0))), section(MEMORY, vec(b(0x00, 0x01))),
                        section(CODE, vec(body(0x3F, 0x01, 0x1A, END))), b(0x0D, 0x00));
        malformed("zero byte expected", bytes);
        // Without the body problem, the section error stands.
        malformed("malformed section id", module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(0))), section(MEMORY, vec(b(0x00, 0x01))),
                        section(CODE, vec(body(0x3F, 0x00, 0x1A, END))), b(0x0D, 0x00)));
    }
}
