package org.wasmtruffle.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.WasmBinary;

/** The module object: its import and export descriptors, and instantiating it. */
class ModuleObjectTest {
    private final WasmTestContext wasm = new WasmTestContext(false);

    @AfterEach
    void close() {
        wasm.close();
    }

    private static final String MODULE = """
                    (module
                      (import "env" "f" (func (param i32) (result i64)))
                      (import "env" "t" (table 10 funcref))
                      (import "env" "m" (memory 1 2))
                      (import "env" "g" (global (mut i32)))
                      (import "env" "h" (global f64))
                      (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
                      (func (export "none"))
                      (func (export "multi") (result i32 f32) i32.const 1 f32.const 2)
                      (table (export "tab") 3 externref)
                      (global (export "gm") (mut i64) (i64.const 5))
                      (export "mem" (memory 0))
                      (export "imported" (func 0)))
                    """;

    @Test
    void importsDescribeModuleNameKindAndType() {
        Value imports = wasm.module(MODULE).getMember("imports");
        assertTrue(imports.hasArrayElements());
        assertEquals(5, imports.getArraySize());
        assertDescriptor(imports.getArrayElement(0), "env", "f", "function", "(func (param i32) (result i64))");
        assertDescriptor(imports.getArrayElement(1), "env", "t", "table", "(table 10 funcref)");
        assertDescriptor(imports.getArrayElement(2), "env", "m", "memory", "(memory 1 2)");
        assertDescriptor(imports.getArrayElement(3), "env", "g", "global", "(global (mut i32))");
        assertDescriptor(imports.getArrayElement(4), "env", "h", "global", "(global f64)");
    }

    @Test
    void exportsDescribeNameKindAndType() {
        Value exports = wasm.module(MODULE).getMember("exports");
        assertEquals(7, exports.getArraySize());
        assertDescriptor(exports.getArrayElement(0), null, "add", "function", "(func (param i32 i32) (result i32))");
        assertDescriptor(exports.getArrayElement(1), null, "none", "function", "(func)");
        assertDescriptor(exports.getArrayElement(2), null, "multi", "function", "(func (result i32 f32))");
        assertDescriptor(exports.getArrayElement(3), null, "tab", "table", "(table 3 externref)");
        assertDescriptor(exports.getArrayElement(4), null, "gm", "global", "(global (mut i64))");
        assertDescriptor(exports.getArrayElement(5), null, "mem", "memory", "(memory 1 2)");
        assertDescriptor(exports.getArrayElement(6), null, "imported", "function", "(func (param i32) (result i64))");
    }

    private static void assertDescriptor(Value descriptor, String module, String name, String kind, String type) {
        if (module != null) {
            assertEquals(module, descriptor.getMember("module").asString());
        } else {
            assertFalse(descriptor.hasMember("module"));
        }
        assertEquals(name, descriptor.getMember("name").asString());
        assertEquals(kind, descriptor.getMember("kind").asString());
        assertEquals(type, descriptor.getMember("type").asString());
    }

    @Test
    void isInstantiableAndExecutableWithOptionalImports() {
        Value module = wasm.module("(module (func (export \"f\")) (global (export \"g\") i32 (i32.const 7)))");
        assertTrue(module.canInstantiate());
        assertTrue(module.canExecute());
        Value viaNewInstance = module.newInstance();
        Value viaExecute = module.execute();
        Value withImports = module.newInstance(org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of()));
        for (Value instance : new Value[]{viaNewInstance, viaExecute, withImports}) {
            Value exports = instance.getMember("exports");
            assertEquals(java.util.Set.of("f", "g"), exports.getMemberKeys());
            assertTrue(exports.getMember("f").canExecute());
            assertEquals(7, exports.getMember("g").getMember("value").asInt());
        }
        // Each instantiation makes a new instance with its own functions.
        assertFalse(viaNewInstance.getMember("exports").getMember("f").equals(viaExecute.getMember("exports").getMember("f")));
    }

    @Test
    void tooManyInstantiationArgumentsAreRejected() {
        Value module = wasm.module("(module)");
        assertThrows(IllegalArgumentException.class, () -> module.newInstance(1, 2));
    }

    @Test
    void malformedModuleFailsAtEval() {
        PolyglotException e = assertThrows(PolyglotException.class, () -> wasm.context.eval(
                        Source.newBuilder("wasm-truffle", ByteSequence.create(new byte[]{0, 'a', 's', 'n', 1, 0, 0, 0}), "bad.wasm")
                                        .buildLiteral()));
        assertTrue(e.isGuestException(), e.getMessage());
    }

    /** A source that reads its bytes on demand and fails (a launcher's file that shrank): a load error, not a crash. */
    @Test
    void aSourceWhoseBytesCannotBeReadFailsAtEval() {
        // A custom section "dbg" of 2 MB ends the module, so that the engine asks for the bytes before it.
        byte[] content = WasmBinary.cat(Wat.compile("(module)"), WasmBinary.section(WasmBinary.CUSTOM, WasmBinary.name("dbg"), new byte[2_000_000]));
        ByteSequence failing = new ByteSequence() {
            @Override
            public int length() {
                return content.length;
            }

            @Override
            public byte byteAt(int index) {
                return content[index];
            }

            @Override
            public ByteSequence subSequence(int start, int end) {
                throw new UncheckedIOException(new IOException("the file became shorter"));
            }
        };
        PolyglotException e = assertThrows(PolyglotException.class,
                        () -> wasm.context.eval(Source.newBuilder("wasm-truffle", failing, "gone.wasm").buildLiteral()));
        assertTrue(e.isSyntaxError(), e.getMessage());
        assertFalse(e.isInternalError(), e.getMessage());
        assertEquals("gone.wasm: cannot read the module: the file became shorter", e.getMessage());
    }
}
