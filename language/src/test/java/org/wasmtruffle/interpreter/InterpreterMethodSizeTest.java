package org.wasmtruffle.interpreter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's loop must stay small enough for HotSpot to compile it. HotSpot does not JIT-compile a
 * method of more than 8,000 bytes of bytecode ({@code -XX:HugeMethodLimit}, on by default through
 * {@code -XX:+DontCompileHugeMethods}): on the JVM, where the interpreter is Java code that C1 and C2 compile,
 * every guest instruction outside compiled guest code would then run in HotSpot's own bytecode interpreter,
 * many times slower. An embedder's JVM has the default, so no launcher flag can make up for it.
 */
class InterpreterMethodSizeTest {
    private static final int HOTSPOT_HUGE_METHOD_LIMIT = 8000;

    @Test
    void dispatchLoopIsSmallEnoughForHotSpotToCompile() throws IOException {
        ClassModel model;
        try (InputStream in = BytecodeNode.class.getResourceAsStream("BytecodeNode.class")) {
            model = ClassFile.of().parse(in.readAllBytes());
        }
        int size = -1;
        for (MethodModel method : model.methods()) {
            if (method.methodName().equalsString("executeFrom")) {
                size = method.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElseThrow();
            }
        }
        assertTrue(size > 0, "BytecodeNode.executeFrom not found");
        assertTrue(size <= HOTSPOT_HUGE_METHOD_LIMIT, "BytecodeNode.executeFrom has " + size + " bytes of bytecode; over "
                        + HOTSPOT_HUGE_METHOD_LIMIT + " HotSpot never compiles it. Move rare cases' work into methods.");
    }
}
