package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmtruffle.module.ValueType;

/**
 * Moves values between operand stack slots and their boxed form (call arguments and results): i32 as
 * Integer, i64 as Long, f32 as Float, f64 as Double, references as themselves ({@code null} for null).
 */
final class StackValues {
    private StackValues() {
    }

    static Object box(VirtualFrame frame, int slot, ValueType type) {
        return switch (type) {
            case I32 -> frame.getIntStatic(slot);
            case I64 -> frame.getLongStatic(slot);
            case F32 -> frame.getFloatStatic(slot);
            case F64 -> frame.getDoubleStatic(slot);
            default -> frame.getObjectStatic(slot);
        };
    }

    static void unbox(VirtualFrame frame, int slot, ValueType type, Object value) {
        switch (type) {
            case I32 -> frame.setIntStatic(slot, (Integer) value);
            case I64 -> frame.setLongStatic(slot, (Long) value);
            case F32 -> frame.setFloatStatic(slot, (Float) value);
            case F64 -> frame.setDoubleStatic(slot, (Double) value);
            default -> frame.setObjectStatic(slot, value);
        }
    }
}
