package org.wasmtruffle.module;

/**
 * A constant expression (global initializers, segment offsets, element items) as its instructions, without
 * the final {@code end}. Instruction {@code i} is {@code opcodes[i]} (the binary opcode: {@code i32.const}
 * 0x41, {@code i64.const} 0x42, {@code f32.const} 0x43, {@code f64.const} 0x44, {@code global.get} 0x23,
 * {@code ref.null} 0xD0, {@code ref.func} 0xD2) with immediate {@code immediates[i]}: the constant's value
 * (float constants as their raw bits), the global or function index, or the {@link ValueType#code} of
 * {@code ref.null}'s type. The validator checks that it leaves exactly one value of the expected type.
 */
public record ConstantExpression(int[] opcodes, long[] immediates) {
    public static final int I32_CONST = 0x41;
    public static final int I64_CONST = 0x42;
    public static final int F32_CONST = 0x43;
    public static final int F64_CONST = 0x44;
    public static final int GLOBAL_GET = 0x23;
    public static final int REF_NULL = 0xD0;
    public static final int REF_FUNC = 0xD2;

    /** A {@code ref.func index} expression (element segments given as function-index vectors). */
    public static ConstantExpression refFunc(int functionIndex) {
        return new ConstantExpression(new int[]{REF_FUNC}, new long[]{functionIndex});
    }

    public int length() {
        return opcodes.length;
    }
}
