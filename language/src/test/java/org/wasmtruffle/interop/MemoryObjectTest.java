package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An exported memory as a host buffer with {@code size} and {@code grow}. */
class MemoryObjectTest {
    private final WasmTestContext wasm = new WasmTestContext(false);
    private Value memory;

    @BeforeEach
    void instantiate() {
        memory = wasm.exports("(module (memory (export \"m\") 1 3) (data (i32.const 16) \"\\01\\02\\03\\04\\05\\06\\07\\08\"))").getMember("m");
    }

    @AfterEach
    void close() {
        wasm.close();
    }

    @Test
    void isAWritableBufferOfTheMemorysBytes() {
        assertTrue(memory.hasBufferElements());
        assertTrue(memory.isBufferWritable());
        assertEquals(65536, memory.getBufferSize());
        assertEquals(1, memory.readBufferByte(16));
        assertEquals(0x0201, memory.readBufferShort(ByteOrder.LITTLE_ENDIAN, 16));
        assertEquals(0x0102, memory.readBufferShort(ByteOrder.BIG_ENDIAN, 16));
        assertEquals(0x04030201, memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 16));
        assertEquals(0x01020304, memory.readBufferInt(ByteOrder.BIG_ENDIAN, 16));
        assertEquals(0x0807060504030201L, memory.readBufferLong(ByteOrder.LITTLE_ENDIAN, 16));
        assertEquals(0x0102030405060708L, memory.readBufferLong(ByteOrder.BIG_ENDIAN, 16));
        byte[] bulk = new byte[4];
        memory.readBuffer(18, bulk, 0, 4);
        assertArrayEquals(new byte[]{3, 4, 5, 6}, bulk);
    }

    @Test
    void writesAreLittleEndianUnlessAskedOtherwise() {
        memory.writeBufferInt(ByteOrder.LITTLE_ENDIAN, 0, 0x11223344);
        assertEquals(0x44, memory.readBufferByte(0));
        memory.writeBufferInt(ByteOrder.BIG_ENDIAN, 4, 0x11223344);
        assertEquals(0x11, memory.readBufferByte(4));
        memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, 8, -2L);
        assertEquals(-2L, memory.readBufferLong(ByteOrder.LITTLE_ENDIAN, 8));
        memory.writeBufferFloat(ByteOrder.LITTLE_ENDIAN, 100, 1.5f);
        assertEquals(Float.floatToRawIntBits(1.5f), memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 100));
        memory.writeBufferDouble(ByteOrder.BIG_ENDIAN, 200, -3.25);
        assertEquals(-3.25, memory.readBufferDouble(ByteOrder.BIG_ENDIAN, 200));
        memory.writeBufferShort(ByteOrder.LITTLE_ENDIAN, 300, (short) 0xABCD);
        assertEquals((short) 0xABCD, memory.readBufferShort(ByteOrder.LITTLE_ENDIAN, 300));
        memory.writeBufferByte(65535, (byte) 7);
        assertEquals(7, memory.readBufferByte(65535));
    }

    @Test
    void accessesOutsideTheMemoryAreRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBufferByte(65536));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBufferByte(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65533));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.writeBufferLong(ByteOrder.LITTLE_ENDIAN, 65529, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.readBuffer(65530, new byte[8], 0, 8));
        memory.readBufferInt(ByteOrder.LITTLE_ENDIAN, 65532);
    }

    @Test
    void growIsVisibleThroughTheBuffer() {
        assertEquals(1, memory.getMember("size").asInt());
        assertEquals(1, memory.invokeMember("size").asInt());
        assertEquals(1L, memory.invokeMember("grow", 1).asLong());
        assertEquals(2, memory.getMember("size").asInt());
        assertEquals(2 * 65536, memory.getBufferSize());
        assertEquals(0, memory.readBufferByte(2 * 65536 - 1));
        memory.writeBufferByte(2 * 65536 - 1, (byte) 1);
        // Beyond the maximum: -1 and no change.
        assertEquals(-1L, memory.invokeMember("grow", 2).asLong());
        assertEquals(2, memory.getMember("size").asInt());
        assertEquals(2L, memory.invokeMember("grow", 0).asLong());
        assertThrows(IllegalArgumentException.class, () -> memory.invokeMember("grow", "x"));
        assertThrows(IllegalArgumentException.class, () -> memory.invokeMember("grow"));
    }

    @Test
    void describesItselfByItsCurrentType() {
        assertEquals("(memory 1 3)", memory.toString());
    }
}
