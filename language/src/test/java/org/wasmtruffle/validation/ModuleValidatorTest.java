package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmtruffle.binary.WasmBinary.DATA;
import static org.wasmtruffle.binary.WasmBinary.ELEMENT;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.EXPORT;
import static org.wasmtruffle.binary.WasmBinary.EXTERNREF;
import static org.wasmtruffle.binary.WasmBinary.F32;
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
import static org.wasmtruffle.binary.WasmBinary.CODE;
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

import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.module.ModuleDescription;

class ModuleValidatorTest {
    private static final int[] NO_PARAMS = {};

    private static ModuleDescription decode(byte[] bytes) {
        return ModuleDecoder.decode("test.wasm", bytes);
    }

    private static void valid(byte[] bytes) {
        assertDoesNotThrow(() -> ModuleValidator.validate(decode(bytes)));
    }

    private static InvalidModuleException invalid(String reason, byte[] bytes) {
        InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(decode(bytes)));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    private static byte[] i32Const(int value) {
        return cat(b(0x41), s(value), b(END));
    }

    /** One type [] -> [] and {@code count} functions of it with empty bodies. */
    private static byte[][] functions(int count) {
        byte[][] indices = new byte[count][];
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            indices[i] = u(0);
            bodies[i] = body(END);
        }
        return new byte[][]{section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(indices)), section(CODE, vec(bodies))};
    }

    private static byte[] importGlobal(int type, boolean mutable) {
        return cat(name("env"), name("g"), b(0x03, type, mutable ? 1 : 0));
    }

    @Test
    void typeIndices() {
        invalid("unknown type 1", module(section(TYPE, vec(funcType(NO_PARAMS))), section(FUNCTION, vec(u(1))), section(CODE, vec(body(END)))));
        InvalidModuleException e = invalid("unknown type 0", module(section(IMPORT, vec(cat(name("env"), name("f"), b(0x00, 0x00))))));
        assertEquals("test.wasm: invalid module: unknown type 0 (import \"env\" \"f\")", e.getMessage());
        invalid("unknown type 4294967295", module(section(IMPORT, vec(cat(name("env"), name("f"), b(0x00), u(0xFFFF_FFFFL))))));
    }

    @Test
    void memories() {
        valid(module(section(MEMORY, vec(cat(b(0x01), u(0), u(65536))))));
        invalid("memory size must be at most 65536 pages (4GiB)", module(section(MEMORY, vec(cat(b(0x00), u(65537))))));
        invalid("memory size must be at most 65536 pages (4GiB)", module(section(MEMORY, vec(cat(b(0x01), u(0), u(0xFFFF_FFFFL))))));
        invalid("size minimum must not be greater than maximum", module(section(MEMORY, vec(b(0x01, 0x02, 0x01)))));
        invalid("size minimum must not be greater than maximum", module(section(IMPORT, vec(cat(name("env"), name("m"), b(0x02, 0x01, 0x02, 0x01))))));
        invalid("multiple memories", module(section(MEMORY, vec(b(0x00, 0x00), b(0x00, 0x00)))));
        invalid("multiple memories", module(section(IMPORT, vec(cat(name("env"), name("m"), b(0x02, 0x00, 0x00)))), section(MEMORY, vec(b(0x00, 0x00)))));
    }

    @Test
    void tables() {
        valid(module(section(TABLE, vec(cat(b(FUNCREF, 0x01), u(0), u(0xFFFF_FFFFL)), b(EXTERNREF, 0x00, 0x00)))));
        invalid("size minimum must not be greater than maximum", module(section(TABLE, vec(b(FUNCREF, 0x01, 0x02, 0x01)))));
    }

    @Test
    void exports() {
        byte[][] f = functions(1);
        valid(module(f[0], f[1], section(TABLE, vec(b(FUNCREF, 0x00, 0x00))), section(MEMORY, vec(b(0x00, 0x00))),
                        section(GLOBAL, vec(cat(b(I32, 0x00), i32Const(0)))),
                        section(EXPORT, vec(cat(name("f"), b(0x00, 0x00)), cat(name("t"), b(0x01, 0x00)), cat(name("m"), b(0x02, 0x00)), cat(name("g"), b(0x03, 0x00)))), f[2]));
        invalid("unknown function 1", module(f[0], f[1], section(EXPORT, vec(cat(name("f"), b(0x00, 0x01)))), f[2]));
        invalid("unknown table 0", module(section(EXPORT, vec(cat(name("t"), b(0x01, 0x00))))));
        invalid("unknown memory 0", module(section(EXPORT, vec(cat(name("m"), b(0x02, 0x00))))));
        invalid("unknown global 0", module(section(EXPORT, vec(cat(name("g"), b(0x03, 0x00))))));
        InvalidModuleException e = invalid("duplicate export name", module(f[0], f[1], section(EXPORT, vec(cat(name("a"), b(0x00, 0x00)), cat(name("a"), b(0x00, 0x00)))), f[2]));
        assertEquals("test.wasm: invalid module: duplicate export name (export \"a\")", e.getMessage());
    }

    @Test
    void startFunction() {
        byte[][] f = functions(1);
        valid(module(f[0], f[1], section(START, u(0)), f[2]));
        invalid("unknown function 1", module(f[0], f[1], section(START, u(1)), f[2]));
        invalid("unknown function 4294967295", module(f[0], f[1], section(START, u(0xFFFF_FFFFL)), f[2]));
        invalid("unknown function 2147483648", module(f[0], f[1], section(START, u(0x8000_0000L)), f[2]));
        invalid("start function", module(section(TYPE, vec(funcType(new int[]{I32}))), section(IMPORT, vec(cat(name("env"), name("f"), b(0x00, 0x00)))), section(START, u(0))));
        invalid("start function", module(section(TYPE, vec(funcType(NO_PARAMS, I32))), section(IMPORT, vec(cat(name("env"), name("f"), b(0x00, 0x00)))), section(START, u(0))));
    }

    @Test
    void globalInitializers() {
        valid(module(section(IMPORT, vec(importGlobal(I32, false))), section(GLOBAL, vec(cat(b(I32, 0x01), b(0x23, 0x00, END))))));
        valid(module(section(GLOBAL, vec(cat(b(EXTERNREF, 0x00), b(0xD0, EXTERNREF, END)), cat(b(F32, 0x00), b(0x43, 0, 0, 0, 0, END))))));
        invalid("type mismatch", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x43, 0, 0, 0, 0, END))))));
        invalid("type mismatch", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(END))))));
        invalid("type mismatch", module(section(GLOBAL, vec(cat(b(I32, 0x00), b(0x41, 0x00, 0x41, 0x00, END))))));
        invalid("type mismatch", module(section(GLOBAL, vec(cat(b(FUNCREF, 0x00), b(0xD0, EXTERNREF, END))))));
        invalid("type mismatch", module(section(IMPORT, vec(importGlobal(I64, false))), section(GLOBAL, vec(cat(b(I32, 0x00), b(0x23, 0x00, END))))));
        // Only imported globals are visible to initializers in 2.0.
        InvalidModuleException e = invalid("unknown global 0", module(section(GLOBAL, vec(cat(b(I32, 0x00), i32Const(0)), cat(b(I32, 0x00), b(0x23, 0x00, END))))));
        assertEquals("test.wasm: invalid module: unknown global 0 (initializer of global 1)", e.getMessage());
        invalid("unknown global 1", module(section(IMPORT, vec(importGlobal(I32, false))), section(GLOBAL, vec(cat(b(I32, 0x00), b(0x23, 0x01, END))))));
        invalid("constant expression required", module(section(IMPORT, vec(importGlobal(I32, true))), section(GLOBAL, vec(cat(b(I32, 0x00), b(0x23, 0x00, END))))));
        byte[][] f = functions(1);
        valid(module(f[0], f[1], section(GLOBAL, vec(cat(b(FUNCREF, 0x00), b(0xD2, 0x00, END)))), f[2]));
        invalid("unknown function 1", module(f[0], f[1], section(GLOBAL, vec(cat(b(FUNCREF, 0x00), b(0xD2, 0x01, END)))), f[2]));
    }

    @Test
    void elementSegments() {
        byte[][] f = functions(2);
        byte[] funcTable = section(TABLE, vec(b(FUNCREF, 0x00, 0x02)));
        valid(module(f[0], f[1], funcTable, section(ELEMENT, vec(cat(u(0), i32Const(0), vec(u(0), u(1))), cat(u(1), b(0x00), vec(u(1))))), f[2]));
        invalid("unknown function 2", module(f[0], f[1], funcTable, section(ELEMENT, vec(cat(u(0), i32Const(0), vec(u(2))))), f[2]));
        invalid("unknown table 0", module(f[0], f[1], section(ELEMENT, vec(cat(u(0), i32Const(0), vec(u(0))))), f[2]));
        invalid("unknown table 1", module(f[0], f[1], funcTable, section(ELEMENT, vec(cat(u(2), u(1), i32Const(0), b(0x00), vec()))), f[2]));
        // The segment's type must be the table's element type.
        invalid("type mismatch", module(funcTable, section(ELEMENT, vec(cat(u(6), u(0), i32Const(0), b(EXTERNREF), vec())))));
        // Items must have the segment's type.
        invalid("type mismatch", module(section(ELEMENT, vec(cat(u(5), b(FUNCREF), vec(b(0xD0, EXTERNREF, END)))))));
        invalid("type mismatch", module(funcTable, section(ELEMENT, vec(cat(u(0), b(0x42, 0x00, END), vec())))));
        invalid("constant expression required", module(section(IMPORT, vec(importGlobal(I32, true))), funcTable, section(ELEMENT, vec(cat(u(0), b(0x23, 0x00, END), vec())))));
        // Passive and declarative segments need no table.
        valid(module(f[0], f[1], section(ELEMENT, vec(cat(u(5), b(EXTERNREF), vec(b(0xD0, EXTERNREF, END))), cat(u(3), b(0x00), vec(u(0))))), f[2]));
    }

    @Test
    void dataSegments() {
        byte[] memory = section(MEMORY, vec(b(0x00, 0x01)));
        valid(module(memory, section(DATA, vec(cat(u(0), i32Const(0), vec()), cat(u(1), vec())))));
        invalid("unknown memory 0", module(section(DATA, vec(cat(u(0), i32Const(0), vec())))));
        invalid("unknown memory 1", module(memory, section(DATA, vec(cat(u(2), u(1), i32Const(0), vec())))));
        invalid("type mismatch", module(memory, section(DATA, vec(cat(u(0), b(0x42, 0x00, END), vec())))));
        valid(module(section(IMPORT, vec(importGlobal(I32, false))), memory, section(DATA, vec(cat(u(0), b(0x23, 0x00, END), vec())))));
        // A passive segment needs no memory.
        valid(module(section(DATA, vec(cat(u(1), vec())))));
    }

    @Test
    void checksRunInTheReferenceOrder() {
        // Globals come before exports, exports before the number of memories.
        byte[] badGlobal = section(GLOBAL, vec(cat(b(I32, 0x00), b(END))));
        byte[] duplicateExport = section(EXPORT, vec(cat(name("a"), b(0x03, 0x00)), cat(name("a"), b(0x03, 0x00))));
        invalid("type mismatch", module(section(MEMORY, vec(b(0x00, 0x00), b(0x00, 0x00))), badGlobal, duplicateExport));
        byte[] goodGlobal = section(GLOBAL, vec(cat(b(I32, 0x00), i32Const(1))));
        invalid("duplicate export name", module(section(MEMORY, vec(b(0x00, 0x00), b(0x00, 0x00))), goodGlobal, duplicateExport));
    }

    @Test
    void declaredFunctionReferences() {
        byte[][] f = functions(6);
        ModuleDescription m = decode(module(f[0], f[1], section(TABLE, vec(b(FUNCREF, 0x00, 0x00))),
                        section(GLOBAL, vec(cat(b(FUNCREF, 0x00), b(0xD2, 0x01, END)))),
                        section(EXPORT, vec(cat(name("e"), b(0x00, 0x02)), cat(name("t"), b(0x01, 0x00)))),
                        section(START, u(5)),
                        section(ELEMENT, vec(cat(u(0), i32Const(0), vec(u(3))), cat(u(7), b(FUNCREF), vec(b(0xD2, 0x04, END), b(0xD0, FUNCREF, END))))), f[2]));
        BitSet expected = new BitSet();
        expected.set(1, 5);
        assertEquals(expected, ModuleValidator.declaredFunctionReferences(m));
    }
}
