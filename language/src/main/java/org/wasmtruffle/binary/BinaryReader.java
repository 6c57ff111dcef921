package org.wasmtruffle.binary;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over a module's bytes that reads the binary format's primitive encodings (bytes, LEB128
 * integers, fixed-width little-endian words, lengths, names) and reports malformed ones with the
 * specification's wording and the byte offset.
 *
 * <p>LEB128 integers follow the specification exactly: an N-bit integer takes at most ⌈N/7⌉ bytes (more is
 * "integer representation too long"), padded encodings within that limit are valid, and the unused bits of
 * the last byte must be zero (unsigned) or copies of the sign bit (signed), else "integer too large".
 *
 * <p>Reading past {@link #limit()} reports {@link #setEndReason the current end reason}: the decoder says
 * "unexpected end" while reading the header and section headers, and "unexpected end of section or
 * function" inside a section.
 */
public final class BinaryReader {
    /** The reason for reading past the end inside a section or function body. */
    public static final String UNEXPECTED_END_OF_SECTION = "unexpected end of section or function";
    /** The reason for reading past the end of the module outside any section. */
    public static final String UNEXPECTED_END = "unexpected end";

    private final String sourceName;
    private final byte[] bytes;
    private final int limit;
    private int pos;
    private String endReason = UNEXPECTED_END_OF_SECTION;

    /** A reader of {@code bytes[offset .. limit)}. */
    public BinaryReader(String sourceName, byte[] bytes, int offset, int limit) {
        this.sourceName = sourceName;
        this.bytes = bytes;
        this.pos = offset;
        this.limit = limit;
    }

    public String sourceName() {
        return sourceName;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The offset of the next byte to read. */
    public int position() {
        return pos;
    }

    public void setPosition(int position) {
        this.pos = position;
    }

    /** The offset just past the last readable byte. */
    public int limit() {
        return limit;
    }

    /** How many bytes are left before {@link #limit()}. */
    public int remaining() {
        return limit - pos;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    /** Sets the reason reported when a read runs past {@link #limit()}. */
    public void setEndReason(String reason) {
        this.endReason = reason;
    }

    /** A malformed-module error at {@code offset}. */
    public MalformedModuleException malformed(long offset, String reason) {
        return new MalformedModuleException(sourceName, offset, reason);
    }

    private MalformedModuleException unexpectedEnd() {
        return malformed(pos, endReason);
    }

    /** The next byte without consuming it; the caller checks {@link #atEnd()} first. */
    public int peekByte() {
        return bytes[pos] & 0xFF;
    }

    public int readByte() {
        if (pos >= limit) {
            throw unexpectedEnd();
        }
        return bytes[pos++] & 0xFF;
    }

    /** Skips {@code n} bytes; a negative count also means the data ran out (a length that overshot). */
    public void skip(long n) {
        if (n < 0 || n > limit - pos) {
            throw unexpectedEnd();
        }
        pos += (int) n;
    }

    /** A little-endian 32-bit word (the header fields and {@code f32} constants). */
    public int readFixed32() {
        if (limit - pos < 4) {
            // Consume what is there, as a byte-wise reader would, so the error points at the end.
            pos = limit;
            throw unexpectedEnd();
        }
        int b = pos;
        pos += 4;
        return (bytes[b] & 0xFF) | (bytes[b + 1] & 0xFF) << 8 | (bytes[b + 2] & 0xFF) << 16 | (bytes[b + 3] & 0xFF) << 24;
    }

    /** A little-endian 64-bit word ({@code f64} constants). */
    public long readFixed64() {
        if (limit - pos < 8) {
            pos = limit;
            throw unexpectedEnd();
        }
        long lo = readFixed32() & 0xFFFF_FFFFL;
        long hi = readFixed32() & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** An unsigned 32-bit LEB128 integer, as an int holding the unsigned bits. */
    public int readU32() {
        if (pos < limit) {
            int b = bytes[pos];
            if (b >= 0) {
                pos++;
                return b;
            }
        }
        return (int) readUnsigned(32);
    }

    /** An unsigned 64-bit LEB128 integer. */
    public long readU64() {
        return readUnsigned(64);
    }

    /** A signed 32-bit LEB128 integer. */
    public int readS32() {
        if (pos < limit) {
            int b = bytes[pos];
            if (b >= 0) {
                pos++;
                return (b << 25) >> 25;
            }
        }
        return (int) readSigned(32);
    }

    /** A signed 33-bit LEB128 integer (block types), sign-extended to a long. */
    public long readS33() {
        return readSigned(33);
    }

    /** A signed 64-bit LEB128 integer. */
    public long readS64() {
        return readSigned(64);
    }

    /** An unsigned LEB128 integer of {@code bits} bits (1 for the limits flag). */
    public long readUnsigned(int bits) {
        long result = 0;
        int shift = 0;
        int bitsLeft = bits;
        while (true) {
            if (bitsLeft <= 0) {
                throw malformed(pos, "integer representation too long");
            }
            int b = readByte();
            if (bitsLeft < 7 && (b & 0x7F) >= (1 << bitsLeft)) {
                throw malformed(pos - 1, "integer too large");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            bitsLeft -= 7;
        }
    }

    /** A signed LEB128 integer of {@code bits} bits, sign-extended to a long. */
    public long readSigned(int bits) {
        long result = 0;
        int shift = 0;
        int bitsLeft = bits;
        while (true) {
            if (bitsLeft <= 0) {
                throw malformed(pos, "integer representation too long");
            }
            int b = readByte();
            if (bitsLeft < 7) {
                // The last byte's bits above the value must all equal the sign bit.
                int mask = (-1 << (bitsLeft - 1)) & 0x7F;
                int high = b & mask;
                if (high != 0 && high != mask) {
                    throw malformed(pos - 1, "integer too large");
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
            bitsLeft -= 7;
        }
    }

    /**
     * A length (of a vector, string or section): a u32 that cannot exceed the bytes that remain from where
     * its encoding starts, else "length out of bounds".
     */
    public int readLength() {
        int start = pos;
        long n = readU32() & 0xFFFF_FFFFL;
        if (n > limit - start) {
            throw malformed(start, "length out of bounds");
        }
        return (int) n;
    }

    /** A name: a length-prefixed string that must be well-formed UTF-8. */
    public String readName() {
        int start = pos;
        int n = readLength();
        int from = pos;
        skip(n);
        if (!Utf8.isWellFormed(bytes, from, n)) {
            throw malformed(start, "malformed UTF-8 encoding");
        }
        return decodeString(bytes, from, n);
    }

    /** The string of {@code n} well-formed UTF-8 bytes at {@code from}. */
    static String decodeString(byte[] bytes, int from, int n) {
        return new String(bytes, from, n, StandardCharsets.UTF_8);
    }
}
