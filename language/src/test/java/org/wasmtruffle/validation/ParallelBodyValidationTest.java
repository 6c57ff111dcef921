package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.module.ModuleDescription;

/**
 * A module big enough for its bodies to be validated on several threads (when the machine has several
 * processors) gives the same results as validating them one by one: the same frame sizes, and the error of the
 * first invalid body.
 */
class ParallelBodyValidationTest {
    private static final int FUNCTIONS = 600;
    private static final int I32_CONST = 0x41;
    private static final int DROP = 0x1A;
    private static final int LOCAL_GET = 0x20;

    /**
     * Function {@code i} has {@code i % 7} locals and an operand stack {@code 1 + i % 5} deep, over about 1 KB of
     * code; the functions in {@code invalid} leave a value on the stack, which is a type mismatch.
     */
    private static byte[] bigModule(Set<Integer> invalid) {
        byte[][] bodies = new byte[FUNCTIONS][];
        for (int i = 0; i < FUNCTIONS; i++) {
            ByteArrayOutputStream code = new ByteArrayOutputStream();
            int locals = i % 7;
            code.writeBytes(locals == 0 ? u(0) : cat(u(1), u(locals), b(I32)));
            for (int k = 0; k < 300; k++) {
                code.writeBytes(b(I32_CONST, 1, DROP));
            }
            int depth = 1 + i % 5;
            for (int k = 0; k < depth; k++) {
                code.writeBytes(b(I32_CONST, k));
            }
            for (int k = 0; k < depth; k++) {
                code.writeBytes(b(DROP));
            }
            if (locals > 0) {
                code.writeBytes(b(LOCAL_GET, 0, DROP));
            }
            if (invalid.contains(i)) {
                code.writeBytes(b(I32_CONST, 9));
            }
            code.writeBytes(b(END));
            byte[] content = code.toByteArray();
            bodies[i] = cat(u(content.length), content);
        }
        byte[][] typeIndices = new byte[FUNCTIONS][];
        for (int i = 0; i < FUNCTIONS; i++) {
            typeIndices[i] = u(0);
        }
        return module(section(TYPE, vec(funcType(new int[0]))), section(FUNCTION, vec(typeIndices)), section(CODE, vec(bodies)));
    }

    @Test
    void frameSizesAreThoseOfValidatingEachBody() {
        ModuleDescription module = ModuleDecoder.decode("big.wasm", bigModule(Set.of()));
        int[] frameSizes = ModuleValidator.validate(module);
        int[] one = new int[FUNCTIONS];
        for (int f = 0; f < FUNCTIONS; f++) {
            one[f] = FunctionValidator.validate(module, ModuleValidator.declaredFunctionReferences(module), f);
            assertEquals(f % 7 + 1 + f % 5, BodySummary.frameSize(one[f]), "function " + f);
        }
        assertArrayEquals(one, frameSizes);
    }

    @Test
    void theFirstInvalidBodyIsReported() {
        for (Set<Integer> invalid : Set.of(Set.of(599), Set.of(150, 151, 520), Set.of(0, 300), Set.of(63, 64))) {
            int first = invalid.stream().mapToInt(Integer::intValue).min().getAsInt();
            ModuleDescription module = ModuleDecoder.decode("big.wasm", bigModule(invalid));
            for (int run = 0; run < 5; run++) {
                InvalidModuleException e = assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(module));
                assertTrue(e.getMessage().contains("in function func[" + first + "] "), invalid + ": " + e.getMessage());
            }
        }
    }
}
