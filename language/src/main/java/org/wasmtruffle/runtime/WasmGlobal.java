package org.wasmtruffle.runtime;

import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.ValueType;

/**
 * A global variable's storage. A cell of its own so that an imported mutable global is shared by the
 * exporting and importing instances. Numeric values are held as raw bits in {@link #bits} (i32 sign-extended
 * is not required: only the low 32 bits of an i32 or f32 are read); references in {@link #ref}
 * ({@code null} is the null reference).
 */
public final class WasmGlobal {
    private final GlobalType type;
    private long bits;
    private Object ref;

    public WasmGlobal(GlobalType type) {
        this.type = type;
    }

    public GlobalType type() {
        return type;
    }

    public long bits() {
        return bits;
    }

    public void setBits(long bits) {
        this.bits = bits;
    }

    public Object ref() {
        return ref;
    }

    public void setRef(Object ref) {
        this.ref = ref;
    }

    /**
     * The value boxed as in the calling convention: Integer (i32), Long (i64), Float (f32), Double (f64), or
     * the reference ({@code null} for the null reference). Types without a numeric cell (v128) live in
     * {@link #ref()}.
     */
    public Object value() {
        ValueType t = type.valueType();
        if (t == ValueType.I32) {
            return (int) bits;
        } else if (t == ValueType.I64) {
            return bits;
        } else if (t == ValueType.F32) {
            return Float.intBitsToFloat((int) bits);
        } else if (t == ValueType.F64) {
            return Double.longBitsToDouble(bits);
        }
        return ref;
    }

    /** Stores {@code value}, boxed as {@link #value()} returns it (the caller guarantees the type). */
    public void setValue(Object value) {
        ValueType t = type.valueType();
        if (t == ValueType.I32) {
            bits = (Integer) value;
        } else if (t == ValueType.I64) {
            bits = (Long) value;
        } else if (t == ValueType.F32) {
            bits = Float.floatToRawIntBits((Float) value);
        } else if (t == ValueType.F64) {
            bits = Double.doubleToRawLongBits((Double) value);
        } else {
            ref = value;
        }
    }
}
