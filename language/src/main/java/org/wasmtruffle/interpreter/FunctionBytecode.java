package org.wasmtruffle.interpreter;

import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;

/**
 * A function body translated for the interpreter.
 *
 * @param code the bytecode (see {@link Bytecode})
 * @param localTypes the type of every local, parameters first
 * @param frameSize the frame slots needed: locals plus the deepest operand stack
 * @param callSiteTypes for each call site (numbered in order of appearance), the callee's signature
 * @param callSiteFunctions for each call site, the function a {@code call} names, or -1 for
 *            {@code call_indirect}
 * @param profileCount the branch profile slots the code refers to (see {@link Bytecode#JUMP_IF_ZERO})
 * @param regionStarts the positions of the {@link Bytecode#REGION_ENTRY} instructions, in order (usually none)
 * @param inlinedCopies the copies of inlined functions (see {@link BytecodeInliner}), in order: for each, its first
 *            position, the position after it and the function copied
 */
public record FunctionBytecode(int[] code, ValueType[] localTypes, int frameSize, FunctionType[] callSiteTypes, int[] callSiteFunctions, int profileCount,
                int[] regionStarts, int[] inlinedCopies) {
}
