package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

class FunctionSignatureTest {
    @Test
    void parsesFunctionTypes() {
        FunctionSignature s = FunctionSignature.parse("(func (param i32 i64) (result f32))");
        assertEquals(List.of("i32", "i64"), s.params());
        assertEquals(List.of("f32"), s.results());
        assertEquals("(func (param i32 i64) (result f32))", s.toString());

        FunctionSignature none = FunctionSignature.parse("(func)");
        assertEquals(List.of(), none.params());
        assertEquals(List.of(), none.results());

        FunctionSignature split = FunctionSignature.parse("(func (param $x i32) (param f64) (result i32 i32))");
        assertEquals(List.of("i32", "f64"), split.params());
        assertEquals(List.of("i32", "i32"), split.results());
    }

    @Test
    void rejectsOtherText() {
        for (String bad : new String[]{"", "i32", "(memory 1)", "(func (local i32))", "(func (param i32)"}) {
            assertThrows(IllegalArgumentException.class, () -> FunctionSignature.parse(bad), bad);
        }
    }

    @Test
    void findsAnExportsTypeInTheModulesDescriptors() {
        ProxyObject add = ProxyObject.fromMap(Map.of("name", "add", "kind", "function", "type", "(func (param i32 i32) (result i32))"));
        ProxyObject mem = ProxyObject.fromMap(Map.of("name", "mem", "kind", "memory", "type", "(memory 1)"));
        try (Context context = Context.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            Value module = context.asValue(ProxyObject.fromMap(Map.of("exports", ProxyArray.fromArray(mem, add))));
            assertEquals(List.of("i32", "i32"), FunctionSignature.ofExport(module, "add").params());
            assertNull(FunctionSignature.ofExport(module, "mem"));
            assertNull(FunctionSignature.ofExport(module, "missing"));
            assertNull(FunctionSignature.ofExport(context.asValue(ProxyObject.fromMap(Map.of())), "add"));
        }
    }
}
