package org.wasmtruffle.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's numbering of opcodes (by frequency, see {@link Bytecode}) against the binary opcodes: every
 * instruction that translates one-to-one has an opcode of its own, and the conversion goes both ways.
 */
class BytecodeNumberingTest {
    /** The binary opcodes that {@link Bytecode#ofBinary} translates: local, global and table access, loads and stores, numeric. */
    private static BitSet translatedBinaries() {
        BitSet binaries = new BitSet();
        binaries.set(0x20, 0x27);
        binaries.set(0x28, 0x3F);
        binaries.set(0x45, 0xC5);
        return binaries;
    }

    @Test
    void everyTranslatedBinaryOpcodeHasAnOpcodeOfItsOwnThatConvertsBack() {
        Map<Integer, Integer> seen = new HashMap<>();
        translatedBinaries().stream().forEach(binary -> {
            int opcode = Bytecode.ofBinary(binary);
            assertTrue(opcode >= 0 && opcode < 256, "opcode " + opcode + " of 0x" + Integer.toHexString(binary));
            Integer other = seen.put(opcode, binary);
            assertEquals(null, other, "opcode " + opcode + " for two binary opcodes");
            assertEquals(binary, Bytecode.binaryOpcode(opcode), "0x" + Integer.toHexString(binary));
        });
        assertEquals(Bytecode.I32_ADD, Bytecode.ofBinary(0x6A));
        assertEquals(Bytecode.LOCAL_GET, Bytecode.ofBinary(0x20));
        assertEquals(Bytecode.I64_STORE32, Bytecode.ofBinary(0x3E));
    }

    /** Bytecode's named opcodes: each public static int field, by its value; asserts that no two share one. */
    private static Map<Integer, String> namedOpcodes() throws IllegalAccessException {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : Bytecode.class.getDeclaredFields()) {
            if (field.getType() == int.class && Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
                int opcode = field.getInt(null);
                String other = names.put(opcode, field.getName());
                assertEquals(null, other, field.getName() + " has the number of " + other);
            }
        }
        return names;
    }

    @Test
    void namedOpcodesAreDistinct() throws IllegalAccessException {
        Map<Integer, String> names = namedOpcodes();
        // An opcode that no binary opcode translates to has no binary opcode: no numeric instruction without a name
        // took its number.
        BitSet translated = new BitSet();
        translatedBinaries().stream().forEach(binary -> translated.set(Bytecode.ofBinary(binary)));
        names.forEach((opcode, name) -> {
            if (!translated.get(opcode) && !name.contains("TRUNC_SAT")) {
                assertEquals(-1, Bytecode.binaryOpcode(opcode), name);
            }
        });
    }

    @Test
    void theSaturatingTruncationsAreConsecutiveAndNumericInstructionsKnowThem() {
        for (int sub = 0; sub < 8; sub++) {
            assertEquals(NumericInstructions.SATURATING_TRUNCATIONS + sub, Bytecode.binaryOpcode(Bytecode.I32_TRUNC_SAT_F32_S + sub));
        }
        assertEquals(Bytecode.I64_TRUNC_SAT_F64_U, Bytecode.I32_TRUNC_SAT_F32_S + 7);
    }

    @Test
    void theComparisonsAreKnownByTheirBinaryOpcodes() {
        for (int binary = 0; binary < 0xC5; binary++) {
            assertEquals(binary >= 0x45 && binary <= 0x66, Bytecode.isComparison(binary), "0x" + Integer.toHexString(binary));
        }
        assertEquals(1, Bytecode.comparisonOperands(Bytecode.binaryOpcode(Bytecode.I32_EQZ)));
        assertEquals(2, Bytecode.comparisonOperands(Bytecode.binaryOpcode(Bytecode.I32_LT_U)));
        assertEquals(1, Bytecode.comparisonOperands(0x50), "i64.eqz");
    }

    @Test
    void theCommonestComeFirstAndTheRareCasesLast() throws IllegalAccessException {
        // See Bytecode: HotSpot's C1 tests a switch's keys in order, so the commonest have the smallest numbers; and the
        // instructions that the loop's default case runs lie below the rare cases' numbers, inside the range of the
        // native interpreter's jump table.
        assertEquals(0, Bytecode.LOCAL_LOAD);
        assertTrue(Bytecode.I32_CONST < Bytecode.F64_CONST && Bytecode.LOCAL_GET < Bytecode.TABLE_GET && Bytecode.I32_ADD < Bytecode.I64_SUB);
        int largest = namedOpcodes().keySet().stream().mapToInt(Integer::intValue).max().getAsInt();
        for (int binary = 0x45; binary < 0xC5; binary++) {
            assertTrue(Bytecode.ofBinary(binary) < largest, "0x" + Integer.toHexString(binary));
        }
    }
}
