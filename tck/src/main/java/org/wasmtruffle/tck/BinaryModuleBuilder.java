package org.wasmtruffle.tck;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small binary WebAssembly modules in memory: functions (each with its own type), exported by name
 * or not, and optionally a table of function references and a one-page memory. The TCK snippets are such
 * modules, so the TCK needs no text-format assembler.
 */
final class BinaryModuleBuilder {
    static final byte I32 = 0x7F;
    static final byte I64 = 0x7E;
    static final byte F32 = 0x7D;
    static final byte F64 = 0x7C;
    static final byte FUNCREF = 0x70;
    static final byte EXTERNREF = 0x6F;

    private record Function(byte[] params, byte[] results, byte[] locals, byte[] body, String exportName) {
    }

    private final List<Function> functions = new ArrayList<>();
    private int[] tableElements;
    private boolean memory;

    /**
     * Adds a function and returns its index.
     *
     * @param locals the types of its locals beyond the parameters, one entry per local
     * @param body its instructions, without the final {@code end}
     * @param exportName the name it is exported as, or {@code null}
     */
    int function(byte[] params, byte[] results, byte[] locals, byte[] body, String exportName) {
        functions.add(new Function(params, results, locals, body, exportName));
        return functions.size() - 1;
    }

    /** Adds table 0, of funcref, initialized with {@code elements} from index 0. */
    BinaryModuleBuilder table(int... elements) {
        this.tableElements = elements;
        return this;
    }

    /** Adds memory 0, of one page. */
    BinaryModuleBuilder memory() {
        this.memory = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        Bytes types = new Bytes().u32(functions.size());
        for (Function f : functions) {
            types.u8(0x60).u32(f.params.length).raw(f.params).u32(f.results.length).raw(f.results);
        }
        section(out, 1, types);
        Bytes declarations = new Bytes().u32(functions.size());
        for (int i = 0; i < functions.size(); i++) {
            declarations.u32(i);
        }
        section(out, 3, declarations);
        if (tableElements != null) {
            section(out, 4, new Bytes().u32(1).u8(FUNCREF).u8(0).u32(tableElements.length));
        }
        if (memory) {
            section(out, 5, new Bytes().u32(1).u8(0).u32(1));
        }
        Bytes exports = new Bytes();
        int exportCount = 0;
        for (int i = 0; i < functions.size(); i++) {
            String name = functions.get(i).exportName;
            if (name != null) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                exports.u32(utf8.length).raw(utf8).u8(0).u32(i);
                exportCount++;
            }
        }
        section(out, 7, new Bytes().u32(exportCount).raw(exports.toByteArray()));
        if (tableElements != null) {
            Bytes elements = new Bytes().u32(1).u8(0).u8(0x41).u8(0).u8(0x0B).u32(tableElements.length);
            for (int element : tableElements) {
                elements.u32(element);
            }
            section(out, 9, elements);
        }
        Bytes code = new Bytes().u32(functions.size());
        for (Function f : functions) {
            Bytes entry = new Bytes().u32(f.locals.length);
            for (byte local : f.locals) {
                entry.u32(1).u8(local);
            }
            entry.raw(f.body).u8(0x0B);
            byte[] bytes = entry.toByteArray();
            code.u32(bytes.length).raw(bytes);
        }
        section(out, 10, code);
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, Bytes content) {
        byte[] bytes = content.toByteArray();
        out.write(id);
        out.writeBytes(new Bytes().u32(bytes.length).toByteArray());
        out.writeBytes(bytes);
    }

    /** A byte sink with the binary format's encodings (LEB128 integers, little-endian floats). */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int b) {
            out.write(b);
            return this;
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Bytes u32(long value) {
            long v = value;
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        /** Signed LEB128, as {@code i32.const} and {@code i64.const} take their immediates. */
        Bytes s64(long value) {
            long v = value;
            while (true) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        Bytes f32(float value) {
            int bits = Float.floatToRawIntBits(value);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
            return this;
        }

        Bytes f64(double value) {
            long bits = Double.doubleToRawLongBits(value);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
