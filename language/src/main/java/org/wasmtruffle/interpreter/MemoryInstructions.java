package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.runtime.LinearMemory;

/**
 * Loads and stores. The effective address is the unsigned 32-bit operand plus the unsigned static
 * offset, computed in 64 bits so that it cannot wrap; {@link LinearMemory} checks it against the size.
 */
final class MemoryInstructions {
    private MemoryInstructions() {
    }

    static long address(VirtualFrame frame, int slot, int offset) {
        return address(frame.getIntStatic(slot), offset);
    }

    /** The effective address of {@code base} (an i32 operand) plus {@code offset}. */
    static long address(int base, int offset) {
        return Integer.toUnsignedLong(base) + Integer.toUnsignedLong(offset);
    }

    /** A load: replaces the address on top of the stack with the loaded value. */
    static void load(VirtualFrame f, int sp, int op, LinearMemory m, int offset, Node node) {
        int s = sp - 1;
        long a = address(f, s, offset);
        switch (op) {
            case Bytecode.I32_LOAD -> f.setIntStatic(s, m.loadI32(a, node));
            case Bytecode.I64_LOAD -> f.setLongStatic(s, m.loadI64(a, node));
            case Bytecode.F32_LOAD -> f.setFloatStatic(s, m.loadF32(a, node));
            case Bytecode.F64_LOAD -> f.setDoubleStatic(s, m.loadF64(a, node));
            case Bytecode.I32_LOAD8_S -> f.setIntStatic(s, m.loadI32_8s(a, node));
            case Bytecode.I32_LOAD8_U -> f.setIntStatic(s, m.loadI32_8u(a, node));
            case Bytecode.I32_LOAD16_S -> f.setIntStatic(s, m.loadI32_16s(a, node));
            case Bytecode.I32_LOAD16_U -> f.setIntStatic(s, m.loadI32_16u(a, node));
            case Bytecode.I64_LOAD8_S -> f.setLongStatic(s, m.loadI64_8s(a, node));
            case Bytecode.I64_LOAD8_U -> f.setLongStatic(s, m.loadI64_8u(a, node));
            case Bytecode.I64_LOAD16_S -> f.setLongStatic(s, m.loadI64_16s(a, node));
            case Bytecode.I64_LOAD16_U -> f.setLongStatic(s, m.loadI64_16u(a, node));
            case Bytecode.I64_LOAD32_S -> f.setLongStatic(s, m.loadI64_32s(a, node));
            default -> f.setLongStatic(s, m.loadI64_32u(a, node));
        }
    }

    /** Stores the value in slot {@code value} at the address in slot {@code address} plus {@code offset}. */
    static void store(VirtualFrame f, int address, int value, int op, LinearMemory m, int offset, Node node) {
        long a = address(f, address, offset);
        switch (op) {
            case Bytecode.I32_STORE -> m.storeI32(a, f.getIntStatic(value), node);
            case Bytecode.I64_STORE -> m.storeI64(a, f.getLongStatic(value), node);
            case Bytecode.F32_STORE -> m.storeF32(a, f.getFloatStatic(value), node);
            case Bytecode.F64_STORE -> m.storeF64(a, f.getDoubleStatic(value), node);
            case Bytecode.I32_STORE8 -> m.storeI32_8(a, f.getIntStatic(value), node);
            case Bytecode.I32_STORE16 -> m.storeI32_16(a, f.getIntStatic(value), node);
            case Bytecode.I64_STORE8 -> m.storeI64_8(a, f.getLongStatic(value), node);
            case Bytecode.I64_STORE16 -> m.storeI64_16(a, f.getLongStatic(value), node);
            default -> m.storeI64_32(a, f.getLongStatic(value), node);
        }
    }
}
