package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;

/**
 * Calls an executable interop value (a host function) that satisfies a function import, with the
 * {@link org.wasmtruffle.runtime.WasmFunction} calling convention: the wasm arguments become interop values
 * (numbers as they are, null references as interop null), and the host's result is converted back to the
 * import's result types (ignored for none, converted for one, read as an array for several).
 */
final class HostFunctionRootNode extends RootNode {
    private final FunctionType type;
    private final Object function;
    private final String name;
    @Child private InteropLibrary functions;

    HostFunctionRootNode(WasmLanguage language, FunctionType type, Object function, String name) {
        super(language);
        this.type = type;
        this.function = function;
        this.name = name;
        this.functions = InteropLibrary.getFactory().create(function);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] hostArguments = hostArguments(frame.getArguments());
        Object result;
        try {
            result = functions.execute(function, hostArguments);
        } catch (InteropException e) {
            CompilerDirectives.transferToInterpreter();
            throw HostCallException.create(name, "cannot be called with arguments of " + type + ": " + e.getMessage(), this);
        }
        int resultCount = type.resultCount();
        if (resultCount == 0) {
            return null;
        } else if (resultCount == 1) {
            return convertResult(type.result(0), result);
        }
        return convertResults(result);
    }

    @ExplodeLoop
    private Object[] hostArguments(Object[] arguments) {
        int count = type.paramCount();
        Object[] hostArguments = new Object[count];
        for (int i = 0; i < count; i++) {
            hostArguments[i] = ValueConverter.toInterop(arguments[i + 1]);
        }
        return hostArguments;
    }

    private Object convertResult(ValueType resultType, Object result) {
        try {
            return ValueConverter.toWasm(resultType, result);
        } catch (UnsupportedTypeException e) {
            CompilerDirectives.transferToInterpreter();
            throw HostCallException.create(name, "returned a value that is not a result of " + type + ": " + e.getMessage(), this);
        }
    }

    @TruffleBoundary
    private Object[] convertResults(Object result) {
        InteropLibrary lib = InteropLibrary.getUncached(result);
        int count = type.resultCount();
        try {
            if (!lib.hasArrayElements(result) || lib.getArraySize(result) != count) {
                throw HostCallException.create(name, "must return an array of " + count + " values for " + type + ", got " + ValueConverter.display(result), this);
            }
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = convertResult(type.result(i), lib.readArrayElement(result, i));
            }
            return values;
        } catch (InteropException e) {
            throw HostCallException.create(name, "returned an unreadable array: " + e.getMessage(), this);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
