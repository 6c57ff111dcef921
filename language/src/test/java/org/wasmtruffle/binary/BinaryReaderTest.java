package org.wasmtruffle.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.binary.WasmBinary.b;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

class BinaryReaderTest {
    private static BinaryReader reader(int... bytes) {
        byte[] data = b(bytes);
        return new BinaryReader("test", data, 0, data.length);
    }

    private static void assertMalformed(String reason, long offset, Function<BinaryReader, ?> read, int... bytes) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> read.apply(reader(bytes)));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().startsWith("test: malformed module at byte offset " + offset + ": "), e.getMessage());
    }

    @Test
    void unsigned32() {
        assertEquals(0, reader(0x00).readU32());
        assertEquals(127, reader(0x7F).readU32());
        assertEquals(128, reader(0x80, 0x01).readU32());
        assertEquals(624485, reader(0xE5, 0x8E, 0x26).readU32());
        assertEquals(0xFFFF_FFFF, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).readU32());
        // Padded encodings within 5 bytes are valid, as toolchains emit them.
        assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).readU32());
        assertEquals(3, reader(0x83, 0x80, 0x00).readU32());
        BinaryReader r = reader(0x83, 0x80, 0x80, 0x80, 0x00, 0x2A);
        assertEquals(3, r.readU32());
        assertEquals(5, r.position());
    }

    @Test
    void unsigned32Malformed() {
        assertMalformed("integer representation too long", 5, BinaryReader::readU32, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertMalformed("integer too large", 4, BinaryReader::readU32, 0x80, 0x80, 0x80, 0x80, 0x10);
        assertMalformed("integer too large", 4, BinaryReader::readU32, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
        // A continuation bit on the fifth byte is too long even when its value bits fit.
        assertMalformed("integer representation too long", 5, BinaryReader::readU32, 0xFF, 0xFF, 0xFF, 0xFF, 0x8F, 0x00);
        assertMalformed("unexpected end of section or function", 2, BinaryReader::readU32, 0x80, 0x80);
        assertMalformed("unexpected end of section or function", 0, BinaryReader::readU32);
    }

    @Test
    void signed32() {
        assertEquals(0, reader(0x00).readS32());
        assertEquals(-1, reader(0x7F).readS32());
        assertEquals(63, reader(0x3F).readS32());
        assertEquals(-64, reader(0x40).readS32());
        assertEquals(-128, reader(0x80, 0x7F).readS32());
        assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).readS32());
        assertEquals(Integer.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).readS32());
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x7F).readS32());
        assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x00).readS32());
    }

    @Test
    void signed32Malformed() {
        // The unused bits of the last byte must all equal the sign bit (bit 3 of the fifth byte).
        assertMalformed("integer too large", 4, BinaryReader::readS32, 0xFF, 0xFF, 0xFF, 0xFF, 0x4F);
        assertMalformed("integer too large", 4, BinaryReader::readS32, 0x80, 0x80, 0x80, 0x80, 0x70);
        assertMalformed("integer too large", 4, BinaryReader::readS32, 0x80, 0x80, 0x80, 0x80, 0x08);
        assertMalformed("integer representation too long", 5, BinaryReader::readS32, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
    }

    @Test
    void signed33ForBlockTypes() {
        assertEquals(-64, reader(0x40).readS33());
        assertEquals(0xFFFF_FFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).readS33());
        assertEquals(-(1L << 32), reader(0x80, 0x80, 0x80, 0x80, 0x70).readS33());
        assertMalformed("integer too large", 4, BinaryReader::readS33, 0xFF, 0xFF, 0xFF, 0xFF, 0x2F);
        assertMalformed("integer representation too long", 5, BinaryReader::readS33, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    }

    @Test
    void signed64() {
        assertEquals(Long.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).readS64());
        assertEquals(Long.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).readS64());
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F).readS64());
        assertEquals(1, reader(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).readS64());
        assertMalformed("integer too large", 9, BinaryReader::readS64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
        assertMalformed("integer too large", 9, BinaryReader::readS64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x41);
        assertMalformed("integer representation too long", 10, BinaryReader::readS64, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
    }

    @Test
    void unsigned64() {
        assertEquals(-1L, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).readU64());
        assertMalformed("integer too large", 9, BinaryReader::readU64, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02);
    }

    @Test
    void oneBitFlag() {
        assertEquals(1, reader(0x01).readUnsigned(1));
        assertEquals(0, reader(0x00).readUnsigned(1));
        assertMalformed("integer too large", 0, r -> r.readUnsigned(1), 0x02);
        assertMalformed("integer representation too long", 1, r -> r.readUnsigned(1), 0x81, 0x00);
        assertMalformed("integer representation too long", 1, r -> r.readUnsigned(1), 0x80, 0x00);
    }

    @Test
    void fixedWidthWordsAreLittleEndian() {
        assertEquals(0x04030201, reader(1, 2, 3, 4).readFixed32());
        assertEquals(0x0807060504030201L, reader(1, 2, 3, 4, 5, 6, 7, 8).readFixed64());
        assertMalformed("unexpected end of section or function", 3, BinaryReader::readFixed32, 1, 2, 3);
    }

    @Test
    void lengthsMayNotExceedTheRemainingBytes() {
        // The check counts from where the length's own encoding starts, as the reference decoder does.
        assertEquals(2, reader(0x02, 0xAA).readLength());
        assertMalformed("length out of bounds", 0, BinaryReader::readLength, 0x03, 0xAA);
        BinaryReader r = reader(0x00, 0x05, 1, 2, 3);
        r.readByte();
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::readLength);
        assertEquals(1, e.offset());
    }

    @Test
    void names() {
        assertEquals("", reader(0x00).readName());
        assertEquals("abc", reader(0x03, 'a', 'b', 'c').readName());
        assertEquals("\u00E9\u20AC\uD83D\uDE00", reader(0x09, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80).readName());
        assertEquals("\uDBFF\uDFFF", reader(0x04, 0xF4, 0x8F, 0xBF, 0xBF).readName());
    }

    @Test
    void malformedUtf8() {
        int[][] bad = {
                        {0x80}, // stray continuation byte
                        {0xC0, 0x80}, // overlong NUL
                        {0xC1, 0xBF}, // overlong
                        {0xE0, 0x80, 0x80}, // overlong three-byte form
                        {0xE0, 0x9F, 0xBF}, // overlong three-byte form
                        {0xED, 0xA0, 0x80}, // surrogate U+D800
                        {0xED, 0xBF, 0xBF}, // surrogate U+DFFF
                        {0xF0, 0x8F, 0xBF, 0xBF}, // overlong four-byte form
                        {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
                        {0xF5, 0x80, 0x80, 0x80}, // invalid lead byte
                        {0xFF},
                        {0xC3}, // truncated
                        {0xE2, 0x82}, // truncated
                        {0xE2, 0x82, 0x41}, // bad continuation
        };
        for (int[] seq : bad) {
            int[] bytes = new int[seq.length + 1];
            bytes[0] = seq.length;
            System.arraycopy(seq, 0, bytes, 1, seq.length);
            assertMalformed("malformed UTF-8 encoding", 0, BinaryReader::readName, bytes);
        }
    }

    @Test
    void endReasonIsConfigurable() {
        BinaryReader r = reader(0x80);
        r.setEndReason(BinaryReader.UNEXPECTED_END);
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::readU32);
        assertEquals("unexpected end", e.reason());
        assertEquals(1, e.offset());
    }

    @Test
    void skipChecksBounds() {
        BinaryReader r = reader(1, 2, 3);
        r.skip(2);
        assertEquals(2, r.position());
        assertThrows(MalformedModuleException.class, () -> r.skip(2));
        assertThrows(MalformedModuleException.class, () -> r.skip(-1));
    }
}
