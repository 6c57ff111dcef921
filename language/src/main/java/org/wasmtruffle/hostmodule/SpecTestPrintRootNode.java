package org.wasmtruffle.hostmodule;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;

/**
 * A {@code spectest.print*} function: writes each argument to the context's standard output as
 * {@code "<value> : <type>"}, one per line, like the reference interpreter, and returns nothing.
 */
final class SpecTestPrintRootNode extends RootNode {
    private final FunctionType type;
    private final String name;

    SpecTestPrintRootNode(WasmLanguage language, FunctionType type, String name) {
        super(language);
        this.type = type;
        this.name = name;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        if (type.paramCount() > 0) {
            print(WasmContext.get(this), arguments);
        }
        return null;
    }

    @TruffleBoundary
    private void print(WasmContext context, Object[] arguments) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < type.paramCount(); i++) {
            ValueType t = type.param(i);
            text.append(format(t, arguments[i + 1])).append(" : ").append(t).append('\n');
        }
        OutputStream out = context.env().out();
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // Printing is a side channel of the tests; a closed stdout must not change the program's result.
        }
    }

    private static String format(ValueType type, Object value) {
        if (type == ValueType.F32) {
            return formatFloat((Float) value);
        } else if (type == ValueType.F64) {
            return formatFloat((Double) value);
        }
        return String.valueOf(value);
    }

    /** Java's spelling except for the special values, which the reference interpreter spells in lower case. */
    private static String formatFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    private static String formatFloat(Float value) {
        float f = value;
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return formatFloat((double) f);
        }
        return Float.toString(f);
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
