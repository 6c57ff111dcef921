package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import java.math.BigInteger;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.WasmFunction;

/**
 * Converts between interop values and wasm values (boxed as in the {@link WasmFunction} calling convention).
 *
 * <p>To wasm: i32 from any integer that fits in 32 bits signed or unsigned (then wrapped); i64 from any
 * integer that fits in 64 bits signed or unsigned; f32 from any number (a double is rounded to float); f64
 * from any number; funcref from a {@link WasmFunction} or null; externref from anything (interop null is the
 * null reference, any other value is kept as is). To interop: numbers and references as they are, the null
 * reference as {@link WasmNull}.
 */
public final class ValueConverter {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ValueConverter() {
    }

    /**
     * The wasm value of type {@code type} for interop value {@code value}.
     *
     * @throws UnsupportedTypeException if {@code value} cannot be a {@code type}
     */
    public static Object toWasm(ValueType type, Object value) throws UnsupportedTypeException {
        // The exact boxes, which Java and JavaScript hosts usually pass, without a library call.
        if (type == ValueType.I32) {
            if (value instanceof Integer) {
                return value;
            }
        } else if (type == ValueType.I64) {
            if (value instanceof Long) {
                return value;
            }
        } else if (type == ValueType.F32) {
            if (value instanceof Float) {
                return value;
            }
        } else if (type == ValueType.F64) {
            if (value instanceof Double) {
                return value;
            }
        } else if (type == ValueType.FUNCREF) {
            if (value instanceof WasmFunction) {
                return value;
            }
        }
        return toWasmSlow(type, value);
    }

    @TruffleBoundary
    private static Object toWasmSlow(ValueType type, Object value) throws UnsupportedTypeException {
        if (value == null) {
            if (type.isReference()) {
                return null;
            }
            throw UnsupportedTypeException.create(new Object[]{WasmNull.INSTANCE}, "expected " + type + ", got null");
        }
        InteropLibrary lib = InteropLibrary.getUncached(value);
        try {
            switch (type) {
                case I32:
                    if (lib.fitsInInt(value)) {
                        return lib.asInt(value);
                    }
                    if (lib.fitsInLong(value)) {
                        long l = lib.asLong(value);
                        if (l >= 0 && l <= 0xFFFF_FFFFL) {
                            return (int) l;
                        }
                    }
                    break;
                case I64:
                    if (lib.fitsInLong(value)) {
                        return lib.asLong(value);
                    }
                    if (lib.fitsInBigInteger(value)) {
                        BigInteger b = lib.asBigInteger(value);
                        if (b.signum() >= 0 && b.compareTo(TWO_TO_64) < 0) {
                            return b.longValue();
                        }
                    }
                    break;
                case F32:
                    if (lib.fitsInFloat(value)) {
                        return lib.asFloat(value);
                    }
                    if (lib.fitsInDouble(value)) {
                        return (float) lib.asDouble(value);
                    }
                    if (lib.fitsInLong(value)) {
                        return (float) lib.asLong(value);
                    }
                    break;
                case F64:
                    if (lib.fitsInDouble(value)) {
                        return lib.asDouble(value);
                    }
                    if (lib.fitsInLong(value)) {
                        return (double) lib.asLong(value);
                    }
                    break;
                case FUNCREF:
                    if (lib.isNull(value)) {
                        return null;
                    }
                    break;
                case EXTERNREF:
                    return lib.isNull(value) ? null : value;
                default:
                    break;
            }
        } catch (UnsupportedMessageException e) {
            throw CompilerDirectives.shouldNotReachHere(e);
        }
        throw UnsupportedTypeException.create(new Object[]{value}, "expected " + describeExpected(type) + ", got " + display(value));
    }

    private static String describeExpected(ValueType type) {
        return switch (type) {
            case I32 -> "i32 (an integer in the signed or unsigned 32-bit range)";
            case I64 -> "i64 (an integer in the signed or unsigned 64-bit range)";
            case F32 -> "f32 (a number)";
            case F64 -> "f64 (a number)";
            case FUNCREF -> "funcref (a WebAssembly function or null)";
            default -> type.toString();
        };
    }

    /** The interop value of wasm value {@code value} (the null reference becomes {@link WasmNull}). */
    public static Object toInterop(Object value) {
        return value == null ? WasmNull.INSTANCE : value;
    }

    /**
     * The call-target arguments for calling {@code function} with interop {@code arguments}: the function's
     * instance, then each argument converted to its parameter type.
     */
    public static Object[] argumentsToWasm(WasmFunction function, Object[] arguments) throws ArityException, UnsupportedTypeException {
        FunctionType type = function.type();
        int count = type.paramCount();
        if (arguments.length != count) {
            CompilerDirectives.transferToInterpreter();
            throw ArityException.create(count, count, arguments.length);
        }
        Object[] wasmArguments = new Object[count + 1];
        wasmArguments[0] = function.instance();
        for (int i = 0; i < count; i++) {
            try {
                wasmArguments[i + 1] = toWasm(type.param(i), arguments[i]);
            } catch (UnsupportedTypeException e) {
                CompilerDirectives.transferToInterpreter();
                throw UnsupportedTypeException.create(arguments, "argument " + i + " of " + function.name() + ": " + e.getMessage());
            }
        }
        return wasmArguments;
    }

    /**
     * The interop value of a call's {@code result} (as the calling convention returns it) for a function of
     * type {@code type}: interop null for no results, the value for one, an array for several.
     */
    public static Object resultToInterop(FunctionType type, Object result) {
        int count = type.resultCount();
        if (count == 0) {
            return WasmNull.INSTANCE;
        } else if (count == 1) {
            return toInterop(result);
        }
        Object[] results = (Object[]) result;
        Object[] values = new Object[results.length];
        for (int i = 0; i < results.length; i++) {
            values[i] = toInterop(results[i]);
        }
        return new ReadOnlyArray(values);
    }

    /** A short text for {@code value} in messages. */
    @TruffleBoundary
    static String display(Object value) {
        try {
            Object text = InteropLibrary.getUncached().toDisplayString(value, false);
            return InteropLibrary.getUncached().asString(text);
        } catch (UnsupportedMessageException | RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
