package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.DATA;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.FUNCREF;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.MEMORY;
import static org.wasmtruffle.binary.WasmBinary.TABLE;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.body;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.ModuleDescription;

/** Function-body validation and translation cases beyond the specification suite's. */
class FunctionValidatorTest {
    private static final byte[] MEMORY_SECTION = section(MEMORY, vec(b(0x00, 0x01)));
    private static final byte[] TABLE_SECTION = section(TABLE, vec(b(FUNCREF, 0x00, 0x01)));

    /** A module with one function of type {@code () -> ()} whose body is {@code instructions}, plus {@code extra} sections. */
    private static ModuleDescription decode(byte[] instructions, byte[]... extraBefore) {
        byte[] bytes = module(section(TYPE, vec(funcType(new int[0]))), section(FUNCTION, vec(u(0))), cat(extraBefore),
                        section(CODE, vec(bodyOf(instructions))));
        return ModuleDecoder.decode("test.wasm", bytes);
    }

    private static byte[] bodyOf(byte[] instructions) {
        int[] ints = new int[instructions.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = instructions[i] & 0xFF;
        }
        return body(ints);
    }

    private static void valid(byte[] instructions, byte[]... extra) {
        ModuleDescription m = decode(instructions, extra);
        assertDoesNotThrow(() -> ModuleValidator.validate(m));
    }

    private static String invalid(byte[] instructions, byte[]... extra) {
        ModuleDescription m = decode(instructions, extra);
        return assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(m)).reason();
    }

    private static String malformed(byte[] instructions, byte[]... extra) {
        return assertThrows(MalformedModuleException.class, () -> ModuleValidator.validate(decode(instructions, extra))).reason();
    }

    @Test
    void paddedLebImmediatesAreAccepted() {
        // call_indirect with its type and table indices as 5-byte LEB128 (as clang emits them).
        valid(b(0x41, 0x00, 0x11, 0x80, 0x80, 0x80, 0x80, 0x00, 0x80, 0x80, 0x80, 0x80, 0x00, END), TABLE_SECTION);
        // A sixth byte is too long, a fifth byte with high bits set too large.
        assertEquals("integer representation too long", malformed(b(0x41, 0x00, 0x11, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00, END), TABLE_SECTION));
        assertEquals("integer too large", malformed(b(0x41, 0x00, 0x11, 0x80, 0x80, 0x80, 0x80, 0x70, 0x00, END), TABLE_SECTION));
    }

    @Test
    void brTableInUnreachableCodeSeesAPolymorphicStack() {
        // block (result i32) unreachable br_table 0 0 end drop
        valid(b(0x02, I32, 0x00, 0x0E, 0x01, 0x00, 0x00, END, 0x1A, END));
    }

    @Test
    void brTableLabelsMustAgreeInArity() {
        // block (result i32) block i32.const 0 i32.const 0 br_table [1] 0 end ... : [i32] against []
        String reason = invalid(b(0x02, I32, 0x02, 0x40, 0x41, 0x00, 0x41, 0x00, 0x0E, 0x01, 0x01, 0x00, END, 0x41, 0x00, END, 0x1A, END));
        assertEquals("type mismatch", reason);
    }

    @Test
    void untypedSelectOfReferencesIsInvalid() {
        assertEquals("type mismatch", invalid(b(0xD0, FUNCREF, 0xD0, FUNCREF, 0x41, 0x01, 0x1B, 0x1A, END)));
        // The typed select accepts them.
        valid(b(0xD0, FUNCREF, 0xD0, FUNCREF, 0x41, 0x01, 0x1C, 0x01, FUNCREF, 0x1A, END));
    }

    @Test
    void typedSelectTakesExactlyOneType() {
        assertEquals("invalid result arity", invalid(b(0x41, 0x01, 0x41, 0x02, 0x41, 0x01, 0x1C, 0x02, I32, I32, 0x1A, END)));
    }

    @Test
    void ifWithoutElseMustPassItsParametersThrough() {
        // if (result i32) i32.const 1 end: the missing else would produce nothing.
        assertEquals("type mismatch", invalid(b(0x41, 0x01, 0x04, I32, 0x41, 0x01, END, 0x1A, END)));
    }

    @Test
    void branchBeyondTheFunctionIsAnUnknownLabel() {
        assertEquals("unknown label", invalid(b(0x0C, 0x01, END)));
    }

    @Test
    void alignmentFlagsFrom32OnAreMalformedBelowThatInvalid() {
        assertEquals("malformed memop flags", malformed(b(0x41, 0x00, 0x28, 0x20, 0x00, 0x1A, END), MEMORY_SECTION));
        assertEquals("alignment must not be larger than natural", invalid(b(0x41, 0x00, 0x28, 0x03, 0x00, 0x1A, END), MEMORY_SECTION));
        valid(b(0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, END), MEMORY_SECTION);
    }

    @Test
    void dataDropWithoutDataCountSection() {
        // A segment that exists needs the data count section (a decoding error); one that does not is a validation error.
        byte[] dataDrop = b(0xFC, 0x09, 0x00, END);
        byte[] oneSegment = section(DATA, vec(cat(b(0x01), u(0))));
        assertTrue(invalid(dataDrop).startsWith("unknown data segment"));
        ModuleDescription withSegment = ModuleDecoder.decode("test.wasm", module(section(TYPE, vec(funcType(new int[0]))), section(FUNCTION, vec(u(0))),
                        section(CODE, vec(bodyOf(dataDrop))), oneSegment));
        assertEquals("data count section required", assertThrows(MalformedModuleException.class, () -> ModuleValidator.validate(withSegment)).reason());
    }

    @Test
    void translationUsesTheFrameThatValidationComputed() {
        // locals, nested blocks with results and a loop: validation's frame size is the bytecode's.
        byte[] instructions = b(0x02, I32, 0x03, I32, 0x41, 0x07, 0x41, 0x01, 0x0D, 0x01, 0x1A, 0x41, 0x02, END, END, 0x1A, END);
        ModuleDescription m = decode(instructions);
        int[] frameSizes = ModuleValidator.validate(m);
        FunctionBytecode bytecode = FunctionValidator.translate(m, 0);
        assertEquals(BodySummary.frameSize(frameSizes[0]), bytecode.frameSize());
        assertEquals(2, bytecode.frameSize(), "no locals, two stack slots at the deepest (the value and the br_if condition)");
    }

    @Test
    void unreachableCodeIsNotTranslated() {
        // block br 0 i32.const 1 drop end: the constant after the branch is dead and emits nothing.
        FunctionBytecode withDeadCode = FunctionValidator.translate(decode(b(0x02, 0x40, 0x0C, 0x00, 0x41, 0x01, 0x1A, END, END)), 0);
        FunctionBytecode without = FunctionValidator.translate(decode(b(0x02, 0x40, 0x0C, 0x00, END, END)), 0);
        assertArrayEquals(without.code(), withDeadCode.code());
        assertEquals(Bytecode.RETURN, withDeadCode.code()[withDeadCode.code().length - 2]);
    }
}
