package org.wasmtruffle.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LinearMemoryTest {
    private static final long PAGE = LinearMemory.PAGE_SIZE;

    private LinearMemory memory;

    @BeforeEach
    void oneOfTwoPages() {
        memory = new LinearMemory(1, 2);
    }

    @AfterEach
    void release() {
        memory.free();
    }

    private static void assertOutOfBounds(Executable op) {
        Trap trap = assertThrows(Trap.class, op);
        assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
        assertEquals("out of bounds memory access", trap.getMessage());
    }

    @Test
    void startsZeroFilledWithTheDeclaredLimits() {
        assertEquals(1, memory.pages());
        assertEquals(PAGE, memory.byteSize());
        assertEquals(2, memory.maxPages());
        for (long a = 0; a < PAGE; a += 8) {
            assertEquals(0L, memory.loadI64(a, null));
        }
    }

    @Test
    void accessesAtTheEdgeSucceedAndOneByteFurtherTraps() {
        memory.storeI32(PAGE - 4, 0x11223344, null);
        assertEquals(0x11223344, memory.loadI32(PAGE - 4, null));
        assertOutOfBounds(() -> memory.loadI32(PAGE - 3, null));
        assertOutOfBounds(() -> memory.storeI32(PAGE - 3, 1, null));
        memory.storeI64(PAGE - 8, -2L, null);
        assertEquals(-2L, memory.loadI64(PAGE - 8, null));
        assertOutOfBounds(() -> memory.loadI64(PAGE - 7, null));
        assertOutOfBounds(() -> memory.loadF64(PAGE - 1, null));
        assertOutOfBounds(() -> memory.storeF32(PAGE - 2, 1.0f, null));
        assertEquals(0xFFFF, memory.loadI32_16u(PAGE - 2, null));
        assertOutOfBounds(() -> memory.loadI32_16s(PAGE - 1, null));
        assertOutOfBounds(() -> memory.storeI64_16(PAGE - 1, 0, null));
        assertOutOfBounds(() -> memory.loadI64_32u(PAGE - 3, null));
        assertEquals(0xFF, memory.loadI32_8u(PAGE - 1, null));
        assertOutOfBounds(() -> memory.loadI32_8u(PAGE, null));
        assertOutOfBounds(() -> memory.storeI32_8(PAGE, 0, null));
        assertOutOfBounds(() -> memory.storeI64_8(PAGE, 0, null));
        // The largest effective address: base 2^32-1 plus offset 2^32-1.
        assertOutOfBounds(() -> memory.loadI64(0xFFFF_FFFFL + 0xFFFF_FFFFL, null));
        assertOutOfBounds(() -> memory.loadI32(0xFFFF_FFFFL, null));
        assertOutOfBounds(() -> memory.loadI32(-1, null));
    }

    @Test
    void isLittleEndianAndUnaligned() {
        memory.storeI32(1, 0x01020304, null);
        assertEquals(4, memory.readByte(1));
        assertEquals(1, memory.readByte(4));
        memory.storeI64(3, 0x0102030405060708L, null);
        assertEquals(0x0102030405060708L, memory.loadI64(3, null));
        assertEquals(0x05060708, memory.loadI32(3, null));
        assertEquals(0x0708, memory.loadI32_16u(3, null));
        assertEquals(0x0506, memory.loadI32_16u(5, null));
    }

    @Test
    void narrowLoadsExtendBySign() {
        memory.storeI64(0, 0x8000_0000_8081_82FFL, null);
        assertEquals(-1, memory.loadI32_8s(0, null));
        assertEquals(0xFF, memory.loadI32_8u(0, null));
        assertEquals(0xFFFF_82FF, memory.loadI32_16s(0, null));
        assertEquals(0x82FF, memory.loadI32_16u(0, null));
        assertEquals(-1L, memory.loadI64_8s(0, null));
        assertEquals(0xFFL, memory.loadI64_8u(0, null));
        assertEquals(0xFFFF_FFFF_FFFF_82FFL, memory.loadI64_16s(0, null));
        assertEquals(0x82FFL, memory.loadI64_16u(0, null));
        assertEquals(0xFFFF_FFFF_8081_82FFL, memory.loadI64_32s(0, null));
        assertEquals(0x8081_82FFL, memory.loadI64_32u(0, null));
        assertEquals(0x0000_0000_8000_0000L, memory.loadI64_32u(4, null));
    }

    @Test
    void narrowStoresWriteOnlyTheLowBytes() {
        memory.fill(0, (byte) 0xAA, 16, null);
        memory.storeI32_8(0, 0x1234_5678, null);
        memory.storeI32_16(2, 0x1234_5678, null);
        memory.storeI64_8(4, 0x1122_3344_5566_7788L, null);
        memory.storeI64_16(5, 0x1122_3344_5566_7788L, null);
        memory.storeI64_32(8, 0x1122_3344_5566_7788L, null);
        assertEquals(0x5678_AA78, memory.loadI32(0, null));
        assertEquals(0xAA77_8888, memory.loadI32(4, null));
        assertEquals(0x5566_7788, memory.loadI32(8, null));
        assertEquals(0xAAAA_AAAA, memory.loadI32(12, null));
    }

    @Test
    void floatAccessesKeepNaNBitPatterns() {
        int signallingF32 = 0x7FA0_0001;
        long signallingF64 = 0xFFF4_0000_0000_0001L;
        memory.storeI32(0, signallingF32, null);
        assertEquals(signallingF32, Float.floatToRawIntBits(memory.loadF32(0, null)));
        memory.storeF32(8, memory.loadF32(0, null), null);
        assertEquals(signallingF32, memory.loadI32(8, null));
        memory.storeI64(16, signallingF64, null);
        assertEquals(signallingF64, Double.doubleToRawLongBits(memory.loadF64(16, null)));
        memory.storeF64(24, Double.longBitsToDouble(signallingF64), null);
        assertEquals(signallingF64, memory.loadI64(24, null));
        memory.storeF32(32, -0.0f, null);
        assertEquals(0x8000_0000, memory.loadI32(32, null));
    }

    @Test
    void growAddsZeroedPagesKeepsContentsAndRespectsTheMaximum() {
        memory.storeI32(PAGE - 4, 42, null);
        assertEquals(1, memory.grow(0));
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.pages());
        assertEquals(2 * PAGE, memory.byteSize());
        assertEquals(42, memory.loadI32(PAGE - 4, null));
        for (long a = PAGE; a < 2 * PAGE; a += 8) {
            assertEquals(0L, memory.loadI64(a, null));
        }
        memory.storeI64(2 * PAGE - 8, 7, null);
        assertOutOfBounds(() -> memory.loadI64(2 * PAGE - 7, null));
        assertEquals(-1, memory.grow(1));
        assertEquals(-1, memory.grow(-1));
        assertEquals(-1, memory.grow(Long.MAX_VALUE));
        assertEquals(2, memory.pages());
        assertEquals(7L, memory.loadI64(2 * PAGE - 8, null));
    }

    @Test
    void anEmptyMemoryTrapsOnEveryAccessUntilItGrows() {
        LinearMemory empty = new LinearMemory(0, LinearMemory.MAX_PAGES);
        try {
            assertEquals(0, empty.byteSize());
            assertOutOfBounds(() -> empty.loadI32_8u(0, null));
            empty.fill(0, (byte) 1, 0, null);
            empty.copy(0, 0, 0, null);
            assertOutOfBounds(() -> empty.fill(1, (byte) 1, 0, null));
            assertEquals(0, empty.grow(1));
            assertEquals(0L, empty.loadI64(PAGE - 8, null));
        } finally {
            empty.free();
        }
    }

    @Test
    void fillSetsExactlyItsRangeAndChecksBoundsFirst() {
        memory.fill(10, (byte) 0x5A, 3, null);
        assertEquals(0, memory.readByte(9));
        assertEquals(0x5A, memory.readByte(10));
        assertEquals(0x5A, memory.readByte(12));
        assertEquals(0, memory.readByte(13));
        memory.fill(PAGE, (byte) 1, 0, null);
        assertOutOfBounds(() -> memory.fill(PAGE + 1, (byte) 1, 0, null));
        assertOutOfBounds(() -> memory.fill(PAGE - 2, (byte) 1, 3, null));
        assertEquals(0, memory.readByte(PAGE - 2), "nothing written before the trap");
        assertOutOfBounds(() -> memory.fill(0, (byte) 1, 0xFFFF_FFFFL, null));
        assertEquals(0, memory.readByte(0));
    }

    @Test
    void copyHandlesOverlapInBothDirections() {
        byte[] pattern = {1, 2, 3, 4, 5, 6, 7, 8};
        memory.writeBytes(100, pattern, 0, 8);
        memory.copy(102, 100, 8, null); // forward overlap: destination above source
        byte[] out = new byte[10];
        memory.readBytes(100, out, 0, 10);
        assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5, 6, 7, 8}, out);

        memory.writeBytes(200, pattern, 0, 8);
        memory.copy(197, 200, 8, null); // backward overlap
        memory.readBytes(197, out, 0, 10);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 6, 7}, out);
    }

    @Test
    void copyChecksBothRangesBeforeWriting() {
        memory.writeByte(PAGE - 1, (byte) 9);
        memory.copy(PAGE, 0, 0, null);
        memory.copy(0, PAGE, 0, null);
        assertOutOfBounds(() -> memory.copy(PAGE + 1, 0, 0, null));
        assertOutOfBounds(() -> memory.copy(0, PAGE + 1, 0, null));
        assertOutOfBounds(() -> memory.copy(0, PAGE - 1, 2, null));
        assertEquals(0, memory.readByte(0), "nothing written before the trap");
        assertOutOfBounds(() -> memory.copy(PAGE - 1, 0, 2, null));
        assertEquals(9, memory.readByte(PAGE - 1));
    }

    @Test
    void initializeChecksTheSegmentAndTheDestination() {
        byte[] module = {0, 0, 10, 11, 12, 13, 0, 0};
        // The segment is module[2..6).
        memory.initialize(module, 2, 4, 1, 50, 3, null);
        assertEquals(0, memory.readByte(49));
        assertEquals(11, memory.readByte(50));
        assertEquals(13, memory.readByte(52));
        assertEquals(0, memory.readByte(53));
        memory.initialize(module, 2, 4, 4, 0, 0, null);
        assertOutOfBounds(() -> memory.initialize(module, 2, 4, 5, 0, 0, null));
        assertOutOfBounds(() -> memory.initialize(module, 2, 4, 2, 60, 3, null)); // past the segment, not the array
        assertEquals(0, memory.readByte(60));
        assertOutOfBounds(() -> memory.initialize(module, 2, 4, 0, PAGE - 1, 2, null));
        assertEquals(0, memory.readByte(PAGE - 1));
        memory.initialize(module, 2, 4, 0, PAGE, 0, null);
        assertOutOfBounds(() -> memory.initialize(module, 2, 4, 0, PAGE + 1, 0, null));
        // A dropped segment has length 0.
        memory.initialize(module, 0, 0, 0, 0, 0, null);
        assertOutOfBounds(() -> memory.initialize(module, 0, 0, 0, 0, 1, null));
        // The whole-array form.
        memory.initialize(new byte[] {7, 8}, 1, 70, 1, null);
        assertEquals(8, memory.readByte(70));
        assertOutOfBounds(() -> memory.initialize(new byte[] {7, 8}, 1, 70, 2, null));
    }

    @Test
    void hostAccessIsBoundsChecked() {
        byte[] data = {1, 2, 3};
        memory.writeBytes(PAGE - 3, data, 0, 3);
        byte[] back = new byte[5];
        memory.readBytes(PAGE - 3, back, 1, 3);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, back);
        assertOutOfBounds(() -> memory.writeBytes(PAGE - 2, data, 0, 3));
        assertOutOfBounds(() -> memory.readBytes(PAGE - 2, back, 0, 3));
        assertOutOfBounds(() -> memory.readByte(PAGE));
        assertOutOfBounds(() -> memory.writeByte(-1, (byte) 0));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBytes(0, back, 3, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.writeBytes(0, data, -1, 1));
    }

    @Test
    void aFreedMemoryTrapsAndCannotGrow() {
        LinearMemory m = new LinearMemory(1, 10);
        m.free();
        m.free();
        assertEquals(0, m.byteSize());
        assertOutOfBounds(() -> m.loadI32(0, null));
        assertEquals(-1, m.grow(1));
    }

    @Test
    void growsToTheWhole32BitAddressSpace() {
        LinearMemory big = new LinearMemory(1, LinearMemory.MAX_PAGES);
        try {
            big.storeI64(PAGE - 8, 0x1234_5678_9ABC_DEF0L, null);
            assertEquals(1, big.grow(LinearMemory.MAX_PAGES - 1));
            assertEquals(LinearMemory.MAX_PAGES, big.pages());
            assertEquals(1L << 32, big.byteSize());
            assertEquals(0x1234_5678_9ABC_DEF0L, big.loadI64(PAGE - 8, null));
            long last = 0xFFFF_FFFFL;
            assertEquals(0, big.loadI32_8u(last, null));
            assertEquals(0L, big.loadI64(last - 7, null));
            big.storeI32(last - 3, -1, null);
            assertEquals(0xFF, big.loadI32_8u(last, null));
            assertOutOfBounds(() -> big.loadI32(last - 2, null));
            assertOutOfBounds(() -> big.loadI32_8u(last + 1, null));
            big.copy(0, last - 3, 4, null);
            assertEquals(-1, big.loadI32(0, null));
            assertEquals(-1, big.grow(1));
            assertEquals(LinearMemory.MAX_PAGES, big.grow(0));
        } finally {
            big.free();
        }
    }

    @Test
    void rejectsInconsistentLimits() {
        assertThrows(IllegalArgumentException.class, () -> new LinearMemory(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearMemory(0, LinearMemory.MAX_PAGES + 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearMemory(-1, 1));
    }
}
