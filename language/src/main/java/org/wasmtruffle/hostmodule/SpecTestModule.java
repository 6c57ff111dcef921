package org.wasmtruffle.hostmodule;

import java.util.HashMap;
import java.util.Map;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.LinearMemory;
import org.wasmtruffle.runtime.Table;
import org.wasmtruffle.runtime.WasmGlobal;

/**
 * The {@code spectest} module the WebAssembly specification test scripts import: print functions, four
 * immutable globals of value 666 / 666.6, a table of 10..20 funcrefs and a memory of 1..2 pages. Offered
 * when {@link WasmContext#specTestModuleEnabled()}.
 */
public final class SpecTestModule implements HostModule {
    public static final String NAME = "spectest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isEnabled(WasmContext context) {
        return context.specTestModuleEnabled();
    }

    @Override
    public HostModuleInstance instantiate(WasmContext context) {
        Map<String, HostExport> fields = new HashMap<>();
        addPrint(context, fields, "print");
        addPrint(context, fields, "print_i32", ValueType.I32);
        addPrint(context, fields, "print_i64", ValueType.I64);
        addPrint(context, fields, "print_f32", ValueType.F32);
        addPrint(context, fields, "print_f64", ValueType.F64);
        addPrint(context, fields, "print_i32_f32", ValueType.I32, ValueType.F32);
        addPrint(context, fields, "print_f64_f64", ValueType.F64, ValueType.F64);
        fields.put("global_i32", HostExport.global(constant(ValueType.I32, 666)));
        fields.put("global_i64", HostExport.global(constant(ValueType.I64, 666L)));
        fields.put("global_f32", HostExport.global(constant(ValueType.F32, 666.6f)));
        fields.put("global_f64", HostExport.global(constant(ValueType.F64, 666.6)));
        TableType tableType = new TableType(ValueType.FUNCREF, new Limits(10, 20, true));
        fields.put("table", HostExport.table(new Table(ValueType.FUNCREF, 10, 20), tableType));
        MemoryType memoryType = new MemoryType(new Limits(1, 2, true));
        fields.put("memory", HostExport.memory(new LinearMemory(1, 2), memoryType));
        return fields::get;
    }

    private static void addPrint(WasmContext context, Map<String, HostExport> fields, String name, ValueType... params) {
        FunctionType type = new FunctionType(params, new ValueType[0]);
        SpecTestPrintRootNode root = new SpecTestPrintRootNode(context.language(), type, NAME + "." + name);
        fields.put(name, HostExport.function(type, root.getCallTarget()));
    }

    private static WasmGlobal constant(ValueType type, Object value) {
        WasmGlobal global = new WasmGlobal(new GlobalType(type, false));
        global.setValue(value);
        return global;
    }
}
