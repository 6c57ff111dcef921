package org.wasmtruffle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wasmtruffle.module.ValueType;

class TableTest {
    private static final Object A = "a";
    private static final Object B = "b";
    private static final Object C = "c";

    private static void assertOutOfBounds(Executable op) {
        Trap trap = assertThrows(Trap.class, op);
        assertEquals(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, trap.kind());
        assertEquals("out of bounds table access", trap.getMessage());
    }

    private static Object[] contents(Table t) {
        Object[] out = new Object[(int) t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(i, null);
        }
        return out;
    }

    @Test
    void startsWithNullReferences() {
        Table t = new Table(ValueType.FUNCREF, 3, 10);
        assertEquals(ValueType.FUNCREF, t.elementType());
        assertEquals(3, t.size());
        assertEquals(10, t.maxSize());
        for (int i = 0; i < 3; i++) {
            assertNull(t.get(i, null));
        }
    }

    @Test
    void getAndSetAreBoundsChecked() {
        Table t = new Table(ValueType.EXTERNREF, 2, Table.NO_MAX);
        t.set(1, A, null);
        assertSame(A, t.get(1, null));
        t.set(1, null, null);
        assertNull(t.get(1, null));
        assertOutOfBounds(() -> t.get(2, null));
        assertOutOfBounds(() -> t.set(2, A, null));
        assertOutOfBounds(() -> t.get(0xFFFF_FFFFL, null));
        assertOutOfBounds(() -> t.get(-1, null));
    }

    @Test
    void growAppendsTheInitialValueUpToTheMaximum() {
        Table t = new Table(ValueType.FUNCREF, 1, 4);
        t.set(0, A, null);
        assertEquals(1, t.grow(2, B));
        assertEquals(3, t.size());
        assertEquals(java.util.Arrays.asList(A, B, B), java.util.Arrays.asList(contents(t)));
        assertEquals(3, t.grow(0, C));
        assertEquals(-1, t.grow(2, C));
        assertEquals(-1, t.grow(-1, C));
        assertEquals(3, t.size());
        assertEquals(3, t.grow(1, null));
        assertNull(t.get(3, null));
        assertEquals(-1, t.grow(1, null));
    }

    @Test
    void growBeyondWhatTheHostCanHoldFails() {
        Table t = new Table(ValueType.FUNCREF, 0, Table.NO_MAX);
        assertEquals(-1, t.grow(0xFFFF_FFFFL, null));
        assertEquals(-1, t.grow(Table.MAX_ELEMENTS + 1, null));
        assertEquals(0, t.size());
        assertEquals(0, t.grow(10, A));
        assertEquals(10, t.size());
    }

    @Test
    void anUnallocatableInitialSizeIsAnOutOfMemoryTrap() {
        Trap trap = assertThrows(Trap.class, () -> new Table(ValueType.FUNCREF, 0xFFFF_FFFFL, Table.NO_MAX));
        assertEquals(TrapKind.OUT_OF_MEMORY, trap.kind());
    }

    @Test
    void rejectsInconsistentDefinitions() {
        assertThrows(IllegalArgumentException.class, () -> new Table(ValueType.I32, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Table(ValueType.FUNCREF, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Table(ValueType.FUNCREF, 0, Table.NO_MAX + 1));
    }

    @Test
    void fillChecksBoundsBeforeWriting() {
        Table t = new Table(ValueType.FUNCREF, 5, 5);
        t.fill(1, A, 3, null);
        assertEquals(java.util.Arrays.asList(null, A, A, A, null), java.util.Arrays.asList(contents(t)));
        t.fill(5, B, 0, null);
        assertOutOfBounds(() -> t.fill(6, B, 0, null));
        assertOutOfBounds(() -> t.fill(3, B, 3, null));
        assertEquals(java.util.Arrays.asList(null, A, A, A, null), java.util.Arrays.asList(contents(t)));
        assertOutOfBounds(() -> t.fill(0, B, 0xFFFF_FFFFL, null));
    }

    @Test
    void copyWithinOneTableHandlesOverlap() {
        Table t = new Table(ValueType.FUNCREF, 6, 6);
        t.set(0, A, null);
        t.set(1, B, null);
        t.set(2, C, null);
        Table.copy(t, 1, t, 0, 3, null);
        assertEquals(java.util.Arrays.asList(A, A, B, C, null, null), java.util.Arrays.asList(contents(t)));
        Table.copy(t, 0, t, 2, 4, null);
        assertEquals(java.util.Arrays.asList(B, C, null, null, null, null), java.util.Arrays.asList(contents(t)));
    }

    @Test
    void copyBetweenTablesChecksBothRanges() {
        Table src = new Table(ValueType.FUNCREF, 3, 3);
        Table dst = new Table(ValueType.FUNCREF, 2, 2);
        src.set(2, C, null);
        Table.copy(dst, 1, src, 2, 1, null);
        assertSame(C, dst.get(1, null));
        Table.copy(dst, 2, src, 3, 0, null);
        assertOutOfBounds(() -> Table.copy(dst, 0, src, 4, 0, null));
        assertOutOfBounds(() -> Table.copy(dst, 3, src, 0, 0, null));
        assertOutOfBounds(() -> Table.copy(dst, 0, src, 0, 3, null));
        assertNull(dst.get(0, null), "nothing written before the trap");
        assertOutOfBounds(() -> Table.copy(dst, 0, src, 2, 2, null));
    }

    @Test
    void initializeChecksTheSegmentAndTheTable() {
        Table t = new Table(ValueType.FUNCREF, 4, 4);
        Object[] segment = {A, B, C};
        t.initialize(segment, 1, 2, 2, null);
        assertEquals(java.util.Arrays.asList(null, null, B, C), java.util.Arrays.asList(contents(t)));
        t.initialize(segment, 3, 4, 0, null);
        assertOutOfBounds(() -> t.initialize(segment, 4, 0, 0, null));
        assertOutOfBounds(() -> t.initialize(segment, 0, 5, 0, null));
        assertOutOfBounds(() -> t.initialize(segment, 2, 0, 2, null));
        assertOutOfBounds(() -> t.initialize(segment, 0, 3, 2, null));
        assertNull(t.get(0, null));
        assertEquals(java.util.Arrays.asList(null, null, B, C), java.util.Arrays.asList(contents(t)));
        Object[] dropped = new Object[0];
        t.initialize(dropped, 0, 0, 0, null);
        assertOutOfBounds(() -> t.initialize(dropped, 0, 0, 1, null));
    }
}
