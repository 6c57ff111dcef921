package org.wasmtruffle.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;

class IntegerArithmeticTest {

    private static void assertTrap(TrapKind kind, Executable op) {
        assertEquals(kind, assertThrows(Trap.class, op).kind());
    }

    @Test
    void i32DivisionTraps() {
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i32DivS(1, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i32DivS(Integer.MIN_VALUE, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i32DivU(1, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i32RemS(1, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i32RemU(1, 0, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> IntegerArithmetic.i32DivS(Integer.MIN_VALUE, -1, null));
    }

    @Test
    void i64DivisionTraps() {
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i64DivS(1, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i64DivU(1, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i64RemS(Long.MIN_VALUE, 0, null));
        assertTrap(TrapKind.INTEGER_DIVIDE_BY_ZERO, () -> IntegerArithmetic.i64RemU(1, 0, null));
        assertTrap(TrapKind.INTEGER_OVERFLOW, () -> IntegerArithmetic.i64DivS(Long.MIN_VALUE, -1, null));
    }

    @Test
    void signedRemainderOfMinByMinusOneIsZero() {
        assertEquals(0, IntegerArithmetic.i32RemS(Integer.MIN_VALUE, -1, null));
        assertEquals(0L, IntegerArithmetic.i64RemS(Long.MIN_VALUE, -1, null));
    }

    @Test
    void signedDivisionTruncatesTowardZero() {
        assertEquals(-2, IntegerArithmetic.i32DivS(-7, 3, null));
        assertEquals(-1, IntegerArithmetic.i32RemS(-7, 3, null));
        assertEquals(1, IntegerArithmetic.i32RemS(7, -3, null));
        assertEquals(-2L, IntegerArithmetic.i64DivS(-7, 3, null));
        assertEquals(-1L, IntegerArithmetic.i64RemS(-7, 3, null));
    }

    @Test
    void unsignedDivisionUsesTheBitPatterns() {
        assertEquals(0x7FFF_FFFF, IntegerArithmetic.i32DivU(-1, 2, null));
        assertEquals(1, IntegerArithmetic.i32RemU(-1, 2, null));
        assertEquals(0, IntegerArithmetic.i32DivU(5, -1, null));
        assertEquals(5, IntegerArithmetic.i32RemU(5, -1, null));
        assertEquals(Long.MAX_VALUE, IntegerArithmetic.i64DivU(-1L, 2, null));
        assertEquals(1L, IntegerArithmetic.i64RemU(-1L, 2, null));
        assertEquals(1L, IntegerArithmetic.i64DivU(Long.MIN_VALUE, Long.MIN_VALUE, null));
        assertEquals(Long.MIN_VALUE, IntegerArithmetic.i64RemU(Long.MIN_VALUE, -1L, null));
    }

    @Test
    void trapMessagesAreTheSpecWording() {
        Trap trap = assertThrows(Trap.class, () -> IntegerArithmetic.i32DivU(0, 0, null));
        assertEquals("integer divide by zero", trap.getMessage());
        trap = assertThrows(Trap.class, () -> IntegerArithmetic.i64DivS(Long.MIN_VALUE, -1, null));
        assertEquals("integer overflow", trap.getMessage());
    }
}
