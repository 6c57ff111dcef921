package org.wasmtruffle.module;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import java.util.Arrays;

/**
 * A function signature. Types are compared structurally (Wasm 2.0), so two modules' equal signatures
 * are {@link #equals equal}.
 */
public final class FunctionType {
    // Compilation-final so that a constant signature folds completely in compiled call sequences.
    @CompilationFinal(dimensions = 1) private final ValueType[] params;
    @CompilationFinal(dimensions = 1) private final ValueType[] results;
    private final int hash;

    public FunctionType(ValueType[] params, ValueType[] results) {
        this.params = params;
        this.results = results;
        this.hash = 31 * Arrays.hashCode(params) + Arrays.hashCode(results);
    }

    public int paramCount() {
        return params.length;
    }

    public int resultCount() {
        return results.length;
    }

    public ValueType param(int i) {
        return params[i];
    }

    public ValueType result(int i) {
        return results[i];
    }

    /** A copy of the parameter types. */
    public ValueType[] params() {
        return params.clone();
    }

    /** A copy of the result types. */
    public ValueType[] results() {
        return results.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionType other && hash == other.hash && Arrays.equals(params, other.params) && Arrays.equals(results, other.results);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(func");
        if (params.length > 0) {
            sb.append(" (param");
            for (ValueType t : params) {
                sb.append(' ').append(t);
            }
            sb.append(')');
        }
        if (results.length > 0) {
            sb.append(" (result");
            for (ValueType t : results) {
                sb.append(' ').append(t);
            }
            sb.append(')');
        }
        return sb.append(')').toString();
    }
}
