package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.DATA;
import static org.wasmtruffle.binary.WasmBinary.EXPORT;
import static org.wasmtruffle.binary.WasmBinary.FUNCREF;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.GLOBAL;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.MEMORY;
import static org.wasmtruffle.binary.WasmBinary.TABLE;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.body;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.name;
import static org.wasmtruffle.binary.WasmBinary.s;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Input an engine must survive: truncated, random and non-wasm bytes fail cleanly as malformed (never an
 * internal error, never a hang); very large but valid modules, bodies and nestings work; declared sizes the
 * host cannot provide fail with one clear error instead of an {@link OutOfMemoryError}.
 */
class BadInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final byte[] HEADER = b(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    private static final int I32_CONST = 0x41;
    private static final int DROP = 0x1A;
    private static final int I32_ADD = 0x6A;
    private static final int BLOCK = 0x02;
    private static final int BR = 0x0C;
    private static final int END = 0x0B;

    /** Runs {@code test} with a fresh context within the time limit. */
    private static void inContext(Consumer<Context> test) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Context context = Context.create(WasmSource.LANGUAGE)) {
                test.accept(context);
            }
        });
    }

    private static Value load(Context context, byte[] bytes) {
        return context.eval(WasmSource.of(bytes, "test.wasm"));
    }

    private static byte[] exportFunction(String exportName, int index) {
        return cat(name(exportName), b(0x00), u(index));
    }

    /** A small module with most kinds of section (no imports, start or elements); each section's end offset goes to {@code ends}. */
    private static byte[] smallModule(List<Integer> ends) {
        byte[][] sections = {
                        section(TYPE, vec(funcType(new int[]{I32}, I32))),
                        section(FUNCTION, vec(b(0))),
                        section(TABLE, vec(b(FUNCREF, 0x00, 0x01))),
                        section(MEMORY, vec(b(0x01, 0x01, 0x02))),
                        section(GLOBAL, vec(cat(b(I32, 0x01), b(I32_CONST), s(-5), b(END)))),
                        section(EXPORT, vec(exportFunction("inc", 0), cat(name("mem"), b(0x02, 0x00)))),
                        section(CODE, vec(body(0x20, 0x00, I32_CONST, 0x01, I32_ADD, END))),
                        section(DATA, vec(cat(b(0x00, I32_CONST, 0x08, END), name("hello")))),
                        NameSection.functionNames("inc")};
        int offset = HEADER.length;
        for (byte[] section : sections) {
            offset += section.length;
            ends.add(offset);
        }
        return module(sections);
    }

    /** Loads {@code bytes}: fine, or a guest error saying the module is malformed or invalid, nothing else. */
    private static boolean loadsOrFailsCleanly(Context context, byte[] bytes) {
        try {
            load(context, bytes);
            return true;
        } catch (PolyglotException e) {
            GuestError.check(e);
            String message = e.getMessage();
            assertTrue(message.contains("malformed module") || message.contains("invalid module"), () -> message + " for " + Arrays.toString(bytes));
            return false;
        }
    }

    @Test
    void theSmallModuleWorks() {
        inContext(context -> {
            Value exports = load(context, smallModule(new ArrayList<>())).newInstance().getMember("exports");
            assertEquals(42, exports.getMember("inc").execute(41).asInt());
        });
    }

    @Test
    void everyTruncationIsMalformed() {
        inContext(context -> {
            List<Integer> sectionEnds = new ArrayList<>();
            byte[] whole = smallModule(sectionEnds);
            List<Integer> cleanCuts = new ArrayList<>();
            for (int length = 0; length < whole.length; length++) {
                byte[] prefix = Arrays.copyOf(whole, length);
                if (length == HEADER.length || sectionEnds.contains(length)) {
                    // Cut between sections: may be a smaller valid module (e.g. only the type section).
                    if (loadsOrFailsCleanly(context, prefix)) {
                        cleanCuts.add(length);
                    }
                } else {
                    GuestError.expect(() -> load(context, prefix), "malformed module");
                }
            }
            // Valid: the header alone, up to the type section, up to the code section (there is no data count
            // section), and all but the name section. Cut elsewhere, the function and code sections disagree.
            assertEquals(List.of(HEADER.length, sectionEnds.get(0), sectionEnds.get(6), sectionEnds.get(7)), cleanCuts);
        });
    }

    @Test
    void emptyFileIsMalformed() {
        inContext(context -> GuestError.expect(() -> load(context, new byte[0]), "malformed module"));
    }

    @Test
    void textFileIsMalformed() {
        String text = "(module (func (export \"f\") (result i32) i32.const 1))\n";
        inContext(context -> {
            GuestError.expect(() -> load(context, text.getBytes(StandardCharsets.UTF_8)), "malformed module", "magic header not detected");
            // The same text as a character source: Truffle refuses it, as the language reads only bytes.
            Source source = Source.newBuilder(WasmSource.LANGUAGE, text, "text.wat").buildLiteral();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.eval(source));
            assertTrue(e.getMessage().contains("binary"), e.getMessage());
        });
    }

    @Test
    void randomBytesFailCleanly() {
        inContext(context -> {
            Random random = new Random(20240901L);
            int loaded = 0;
            for (int i = 0; i < 1000; i++) {
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                byte[] bytes = i % 2 == 0 ? noise : cat(HEADER, noise);
                if (loadsOrFailsCleanly(context, bytes)) {
                    loaded++;
                }
            }
            System.out.println("[engine] random byte arrays that loaded: " + loaded + " of 1000");
        });
    }

    @Test
    void mutatedModulesFailCleanly() {
        // Random changes to a valid module reach deeper into the decoder and validator than pure noise.
        inContext(context -> {
            byte[] original = smallModule(new ArrayList<>());
            Random random = new Random(7L);
            int loaded = 0;
            for (int i = 0; i < 1000; i++) {
                byte[] bytes = original.clone();
                int changes = 1 + random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    bytes[HEADER.length + random.nextInt(bytes.length - HEADER.length)] = (byte) random.nextInt(256);
                }
                if (loadsOrFailsCleanly(context, bytes)) {
                    loaded++;
                }
            }
            System.out.println("[engine] mutated modules that loaded: " + loaded + " of 1000");
        });
    }

    @Test
    void hundredThousandFunctions() {
        int n = 100_000;
        ByteArrayOutputStream functions = new ByteArrayOutputStream();
        ByteArrayOutputStream bodies = new ByteArrayOutputStream();
        functions.writeBytes(u(n));
        bodies.writeBytes(u(n));
        for (int i = 0; i < n; i++) {
            functions.write(0);
            // Function i returns i * 3.
            byte[] content = cat(b(0x00, I32_CONST), s(i * 3L), b(END));
            bodies.writeBytes(u(content.length));
            bodies.writeBytes(content);
        }
        byte[] bytes = module(section(TYPE, vec(funcType(new int[0], I32))), section(FUNCTION, functions.toByteArray()),
                        section(EXPORT, vec(exportFunction("first", 0), exportFunction("some", 54_321), exportFunction("last", n - 1))),
                        section(CODE, bodies.toByteArray()));
        inContext(context -> {
            long start = System.nanoTime();
            Value module = load(context, bytes);
            long loaded = System.nanoTime();
            Value exports = module.newInstance().getMember("exports");
            long instantiated = System.nanoTime();
            assertEquals(54_321 * 3, exports.getMember("some").execute().asInt());
            assertEquals((n - 1) * 3, exports.getMember("last").execute().asInt());
            assertEquals(0, exports.getMember("first").execute().asInt());
            long called = System.nanoTime();
            System.out.printf("[engine] 100,000 functions (%,d bytes): load %d ms, instantiate %d ms, first calls %d ms%n", bytes.length, (loaded - start) / 1_000_000,
                            (instantiated - loaded) / 1_000_000, (called - instantiated) / 1_000_000);
        });
    }

    /** A module exporting function "f" of type {@code () -> i32} with {@code code} (which ends with END) and no locals. */
    private static byte[] singleFunction(byte[] code) {
        byte[] content = cat(b(0x00), code);
        return module(section(TYPE, vec(funcType(new int[0], I32))), section(FUNCTION, vec(b(0))), section(EXPORT, vec(exportFunction("f", 0))),
                        section(CODE, vec(cat(u(content.length), content))));
    }

    @Test
    void millionInstructions() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (int i = 0; i < 500_000; i++) {
            code.writeBytes(b(I32_CONST, 0x01, DROP));
        }
        code.writeBytes(b(I32_CONST, 42, END));
        byte[] bytes = singleFunction(code.toByteArray());
        inContext(context -> assertEquals(42, load(context, bytes).newInstance().getMember("exports").getMember("f").execute().asInt()));
    }

    @Test
    void millionInstructionsThatCount() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(b(I32_CONST, 0x00));
        for (int i = 0; i < 499_999; i++) {
            code.writeBytes(b(I32_CONST, 0x01, I32_ADD));
        }
        code.write(END);
        byte[] bytes = singleFunction(code.toByteArray());
        inContext(context -> {
            Value f = load(context, bytes).newInstance().getMember("exports").getMember("f");
            assertEquals(499_999, f.execute().asInt());
            assertEquals(499_999, f.execute().asInt());
        });
    }

    /** {@code depth} nested {@code (block (result i32))}; the innermost branches out of all of them with 5. */
    private static byte[] nestedBlocks(int depth) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            code.writeBytes(b(BLOCK, I32));
        }
        code.writeBytes(b(I32_CONST, 5, BR));
        code.writeBytes(u(depth - 1));
        for (int i = 0; i < depth; i++) {
            code.write(END);
        }
        code.write(END);
        return singleFunction(code.toByteArray());
    }

    @Test
    void blocksNestedTenThousandDeep() {
        byte[] bytes = nestedBlocks(10_000);
        inContext(context -> assertEquals(5, load(context, bytes).newInstance().getMember("exports").getMember("f").execute().asInt()));
    }

    @Test
    void blocksNestedHundredThousandDeep() {
        byte[] bytes = nestedBlocks(100_000);
        inContext(context -> assertEquals(5, load(context, bytes).newInstance().getMember("exports").getMember("f").execute().asInt()));
    }

    @Test
    void fourGibibyteInitialMemoryWorksOrIsOutOfMemory() {
        // (memory (export "mem") 65536 65536) and a function storing then loading at the last word.
        byte[] probe = body(0x41, 0x7C, 0x41, 0x2A, 0x36, 0x02, 0x00, 0x41, 0x7C, 0x28, 0x02, 0x00, END);
        byte[] bytes = module(section(TYPE, vec(funcType(new int[0], I32))), section(FUNCTION, vec(b(0))), section(MEMORY, vec(cat(b(0x01), u(65536), u(65536)))),
                        section(EXPORT, vec(exportFunction("probe", 0), cat(name("mem"), b(0x02, 0x00)))), section(CODE, vec(probe)));
        inContext(context -> {
            Value module = load(context, bytes);
            Value instance;
            try {
                instance = module.newInstance();
            } catch (PolyglotException e) {
                GuestError.check(e, "out of memory");
                System.out.println("[engine] 65,536-page initial memory: " + e.getMessage());
                return;
            }
            Value exports = instance.getMember("exports");
            assertEquals(65536, exports.getMember("mem").getMember("size").asLong());
            assertEquals(42, exports.getMember("probe").execute().asInt());
            System.out.println("[engine] 65,536-page initial memory: allocated");
        });
        // The 4 GiB are native memory, released when the memory object is collected.
        System.gc();
    }

    @Test
    void hugeTableIsAGuestErrorNotAnOutOfMemoryError() {
        byte[] bytes = module(section(TABLE, vec(cat(b(FUNCREF, 0x00), u(0xFFFF_FFFFL)))));
        inContext(context -> {
            Value module = load(context, bytes);
            PolyglotException e = GuestError.expect(module::newInstance, "out of memory");
            System.out.println("[engine] table of 0xFFFFFFFF elements: " + e.getMessage());
        });
    }

    @Test
    void billionLocalsAreRejected() {
        byte[] content = cat(b(0x01), u(1_000_000_000L), b(I32, END));
        byte[] bytes = module(section(TYPE, vec(funcType(new int[0]))), section(FUNCTION, vec(b(0))), section(CODE, vec(cat(u(content.length), content))));
        inContext(context -> {
            PolyglotException e = GuestError.expect(() -> load(context, bytes), "too many locals");
            assertTrue(e.getMessage().contains("invalid module") || e.getMessage().contains("malformed module"), e.getMessage());
        });
    }

    @Test
    void fiftyThousandLocalsWork() {
        // Locals are zero-initialized: return the last one, plus the parameter.
        byte[] content = cat(b(0x01), u(49_999), b(0x7E, 0x20), u(49_999), b(0x20, 0x00, 0xAD, 0x7C, END));
        byte[] bytes = module(section(TYPE, vec(funcType(new int[]{I32}, 0x7E))), section(FUNCTION, vec(b(0))), section(EXPORT, vec(exportFunction("f", 0))),
                        section(CODE, vec(cat(u(content.length), content))));
        inContext(context -> {
            Value f = load(context, bytes).newInstance().getMember("exports").getMember("f");
            assertEquals(12L, f.execute(12).asLong());
            assertEquals(0xFFFF_FFFFL, f.execute(-1).asLong());
        });
    }

    @Test
    void localsBeyondTwoToThe32AreMalformed() {
        byte[] content = cat(b(0x02), u(0xFFFF_FFFFL), b(I32), u(0xFFFF_FFFFL), b(I32, END));
        byte[] bytes = module(section(TYPE, vec(funcType(new int[0]))), section(FUNCTION, vec(b(0))), section(CODE, vec(cat(u(content.length), content))));
        inContext(context -> GuestError.expect(() -> load(context, bytes), "malformed module", "too many locals"));
    }

    @Test
    void failuresDoNotSpoilTheContext() {
        inContext(context -> {
            for (int i = 0; i < 10; i++) {
                GuestError.expect(() -> load(context, b(1, 2, 3)), "malformed module");
            }
            Value exports = load(context, smallModule(new ArrayList<>())).newInstance().getMember("exports");
            assertEquals(8, exports.getMember("inc").execute(7).asInt());
        });
    }
}
