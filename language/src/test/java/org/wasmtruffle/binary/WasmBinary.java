package org.wasmtruffle.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds module binaries by hand in tests: bytes, LEB128 integers, names, vectors and sections. */
public final class WasmBinary {
    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    public static final int I32 = 0x7F;
    public static final int I64 = 0x7E;
    public static final int F32 = 0x7D;
    public static final int F64 = 0x7C;
    public static final int FUNCREF = 0x70;
    public static final int EXTERNREF = 0x6F;
    public static final int END = 0x0B;

    private WasmBinary() {
    }

    /** The given byte values. */
    public static byte[] b(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    public static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Unsigned LEB128, shortest form. */
    public static byte[] u(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    /** Signed LEB128, shortest form. */
    public static byte[] s(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }

    /** A length-prefixed UTF-8 name. */
    public static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return cat(u(utf8.length), utf8);
    }

    /** A vector: the count, then the items. */
    public static byte[] vec(byte[]... items) {
        return cat(u(items.length), cat(items));
    }

    /** A section: id, size, content. */
    public static byte[] section(int id, byte[]... content) {
        byte[] c = cat(content);
        return cat(b(id), u(c.length), c);
    }

    /** The module header followed by {@code sections}. */
    public static byte[] module(byte[]... sections) {
        return cat(b(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), cat(sections));
    }

    /** A function type {@code (params) -> (results)}: value type codes. */
    public static byte[] funcType(int[] params, int... results) {
        return cat(b(0x60), u(params.length), b(params), u(results.length), b(results));
    }

    /** A code section entry: the size, then no locals and {@code instructions} (which should end with END). */
    public static byte[] body(int... instructions) {
        byte[] content = cat(b(0x00), b(instructions));
        return cat(u(content.length), content);
    }
}
