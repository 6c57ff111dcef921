package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmtruffle.runtime.WasmGlobal;

/** {@code global.get} and {@code global.set}: globals hold raw bits or a reference, the stack typed values. */
final class GlobalInstructions {
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;
    private static final int F64 = 0x7C;

    private GlobalInstructions() {
    }

    static void get(VirtualFrame frame, int slot, WasmGlobal global, int typeCode) {
        switch (typeCode) {
            case I32 -> frame.setIntStatic(slot, (int) global.bits());
            case I64 -> frame.setLongStatic(slot, global.bits());
            case F32 -> frame.setFloatStatic(slot, Float.intBitsToFloat((int) global.bits()));
            case F64 -> frame.setDoubleStatic(slot, Double.longBitsToDouble(global.bits()));
            default -> frame.setObjectStatic(slot, global.ref());
        }
    }

    static void set(VirtualFrame frame, int slot, WasmGlobal global, int typeCode) {
        switch (typeCode) {
            case I32 -> global.setBits(frame.getIntStatic(slot));
            case I64 -> global.setBits(frame.getLongStatic(slot));
            case F32 -> global.setBits(Float.floatToRawIntBits(frame.getFloatStatic(slot)));
            case F64 -> global.setBits(Double.doubleToRawLongBits(frame.getDoubleStatic(slot)));
            default -> global.setRef(frame.getObjectStatic(slot));
        }
    }
}
