package org.wasmtruffle.wasi;

import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;

/**
 * A WASI function's name, wasm signature and body. The signature is spelled one letter per parameter,
 * {@code i} for i32 and {@code I} for i64; every function returns an i32 errno except {@code proc_exit}.
 */
public record WasiBuiltin(String name, String parameters, boolean returnsErrno, WasiFunction body) {

    /** The wasm type the function is imported with. */
    public FunctionType type() {
        ValueType[] params = new ValueType[parameters.length()];
        for (int i = 0; i < params.length; i++) {
            params[i] = parameters.charAt(i) == 'I' ? ValueType.I64 : ValueType.I32;
        }
        return new FunctionType(params, returnsErrno ? new ValueType[]{ValueType.I32} : new ValueType[0]);
    }

    /** Whether parameter {@code i} is an i64. */
    public boolean isI64(int i) {
        return parameters.charAt(i) == 'I';
    }
}
