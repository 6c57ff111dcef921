package org.wasmtruffle.runtime;

import org.wasmtruffle.module.ConstantExpression;

/**
 * Evaluates the constant expressions of global initializers and segments at instantiation. The validator
 * has checked that an expression leaves exactly one value of the expected type.
 */
public final class ConstantExpressionEvaluator {
    private ConstantExpressionEvaluator() {
    }

    /**
     * The value of {@code expression} in {@code instance}, boxed as in the calling convention: Integer,
     * Long, Float, Double, a {@link WasmFunction}, or {@code null} for a null reference. {@code global.get}
     * reads the instance's globals (the imported ones, in Wasm 2.0); {@code ref.func} yields the instance's
     * function value, so it is identical to what the function index space and exports hold.
     */
    public static Object evaluate(ConstantExpression expression, WasmInstance instance) {
        Object value = null;
        for (int i = 0; i < expression.length(); i++) {
            long immediate = expression.immediates()[i];
            value = switch (expression.opcodes()[i]) {
                case ConstantExpression.I32_CONST -> (int) immediate;
                case ConstantExpression.I64_CONST -> immediate;
                case ConstantExpression.F32_CONST -> Float.intBitsToFloat((int) immediate);
                case ConstantExpression.F64_CONST -> Double.longBitsToDouble(immediate);
                case ConstantExpression.GLOBAL_GET -> instance.globals[(int) immediate].value();
                case ConstantExpression.REF_NULL -> null;
                case ConstantExpression.REF_FUNC -> instance.functions[(int) immediate];
                default -> throw new IllegalStateException("not a constant instruction: 0x" + Integer.toHexString(expression.opcodes()[i]));
            };
        }
        return value;
    }

    /** The value of an {@code i32} offset expression as an unsigned 32-bit number. */
    public static long evaluateOffset(ConstantExpression expression, WasmInstance instance) {
        return Integer.toUnsignedLong((Integer) evaluate(expression, instance));
    }
}
