package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.hostmodule.HostExport;
import org.wasmtruffle.hostmodule.HostModuleInstance;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.module.UnlinkableModuleException;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmGlobal;
import org.wasmtruffle.runtime.WasmInstance;

/**
 * Resolves a module's imports and puts them into a new instance's index spaces, checking each against its
 * import type as the specification's import matching says.
 *
 * <p>Import {@code (m, f)} is member (or hash entry) {@code f} of member {@code m} of the embedder's imports
 * object. If the imports object has no {@code m}, the context's enabled host modules are tried. Accepted
 * values: for functions a {@link WasmFunction} (kept as is, so identity is preserved) or any executable
 * value (wrapped as a host function); for tables, memories and globals the interop objects that instances
 * export ({@link TableObject}, {@link MemoryObject}, {@link GlobalObject}, shared, not copied); for an
 * immutable global also a plain value of its type.
 */
public final class Linker {
    private Linker() {
    }

    /**
     * Links every import of {@code instance}'s module into {@code instance}.
     *
     * @param importsObject the embedder's imports object, or {@code null} for none
     * @return for each import, in order, the object that satisfied it (a {@link WasmFunction},
     *         {@link TableObject}, {@link MemoryObject} or {@link GlobalObject}), so that re-exports keep its
     *         identity
     * @throws UnlinkableModuleException for a missing ("unknown import") or mismatched ("incompatible import
     *             type") import
     */
    @TruffleBoundary
    public static Object[] link(WasmContext context, WasmInstance instance, Object importsObject) {
        ModuleDescription d = instance.description();
        Import[] imports = d.imports();
        Object[] linked = new Object[imports.length];
        int functionIndex = 0;
        int tableIndex = 0;
        int globalIndex = 0;
        for (int i = 0; i < imports.length; i++) {
            Import imp = imports[i];
            Object value = resolve(context, d, importsObject, imp);
            switch (imp.kind()) {
                case FUNCTION -> {
                    WasmFunction function = linkFunction(context, instance, d, imp, value);
                    instance.functions[functionIndex++] = function;
                    linked[i] = function;
                }
                case TABLE -> {
                    TableObject table = linkTable(d, imp, value);
                    instance.tables[tableIndex++] = table.table();
                    linked[i] = table;
                }
                case MEMORY -> {
                    MemoryObject memory = linkMemory(d, imp, value);
                    instance.memory = memory.memory();
                    linked[i] = memory;
                }
                case GLOBAL -> {
                    GlobalObject global = linkGlobal(d, imp, value);
                    instance.globals[globalIndex++] = global.global();
                    linked[i] = global;
                }
            }
        }
        return linked;
    }

    /** The value for {@code imp}: an interop value from the imports object, or a {@link HostExport}. */
    private static Object resolve(WasmContext context, ModuleDescription d, Object importsObject, Import imp) {
        Object module = readField(importsObject, imp.module());
        if (module != null) {
            Object value = readField(module, imp.name());
            if (value != null) {
                return value;
            }
        } else {
            HostModuleInstance hostModule = context.hostModules().lookup(imp.module());
            if (hostModule != null) {
                HostExport export = hostModule.export(imp.name());
                if (export != null) {
                    return export.kind() == ExternKind.FUNCTION ? export : export.entity();
                }
            }
        }
        throw new UnlinkableModuleException(d.name(), "unknown import", importName(imp));
    }

    /** Member or hash entry {@code key} of {@code object}, or {@code null} if it has none. */
    private static Object readField(Object object, String key) {
        if (object == null) {
            return null;
        }
        InteropLibrary lib = InteropLibrary.getUncached(object);
        try {
            if (lib.hasMembers(object) && lib.isMemberReadable(object, key)) {
                return lib.readMember(object, key);
            }
            if (lib.hasHashEntries(object) && lib.isHashEntryReadable(object, key)) {
                return lib.readHashValue(object, key);
            }
        } catch (InteropException e) {
            // The object changed between the test and the read: the field is missing.
        }
        return null;
    }

    private static WasmFunction linkFunction(WasmContext context, WasmInstance instance, ModuleDescription d, Import imp, Object value) {
        FunctionType expected = d.type(imp.functionTypeIndex());
        if (value instanceof WasmFunction function) {
            if (!function.type().equals(expected)) {
                throw incompatible(d, imp, expected.toString(), function.type().toString());
            }
            return function;
        }
        if (value instanceof HostExport export) {
            if (!export.functionType().equals(expected)) {
                throw incompatible(d, imp, expected.toString(), export.functionType().toString());
            }
            // A host module's function runs with the importing instance as argument 0, to reach its memory.
            return new WasmFunction(expected, instance, -1, export.callTarget(), importName(imp));
        }
        if (!isWasmEntity(value) && InteropLibrary.getUncached(value).isExecutable(value)) {
            String name = importName(imp);
            HostFunctionRootNode root = new HostFunctionRootNode(context.language(), expected, value, name);
            return new WasmFunction(expected, null, -1, root.getCallTarget(), name);
        }
        throw incompatible(d, imp, expected.toString(), describe(value));
    }

    private static TableObject linkTable(ModuleDescription d, Import imp, Object value) {
        TableType expected = imp.tableType();
        if (value instanceof TableObject table && table.table().elementType() == expected.elementType() && table.currentLimits().matches(expected.limits())) {
            return table;
        }
        throw incompatible(d, imp, ExternDescriptor.typeText(expected), describe(value));
    }

    private static MemoryObject linkMemory(ModuleDescription d, Import imp, Object value) {
        MemoryType expected = imp.memoryType();
        if (value instanceof MemoryObject memory && memory.currentLimits().matches(expected.limits())) {
            return memory;
        }
        throw incompatible(d, imp, ExternDescriptor.typeText(expected), describe(value));
    }

    private static GlobalObject linkGlobal(ModuleDescription d, Import imp, Object value) {
        GlobalType expected = imp.globalType();
        if (value instanceof GlobalObject global) {
            if (global.global().type().equals(expected)) {
                return global;
            }
        } else if (!expected.mutable() && !isWasmEntity(value)) {
            // A plain value gives an immutable global of its own.
            try {
                Object converted = ValueConverter.toWasm(expected.valueType(), value);
                WasmGlobal global = new WasmGlobal(expected);
                global.setValue(converted);
                return new GlobalObject(global);
            } catch (UnsupportedTypeException e) {
                // Not a value of the global's type: incompatible.
            }
        }
        throw incompatible(d, imp, ExternDescriptor.typeText(expected), describe(value));
    }

    /** Whether {@code value} is a wasm function, table, memory or global (never a plain value). */
    private static boolean isWasmEntity(Object value) {
        return value instanceof WasmFunction || value instanceof HostExport || value instanceof TableObject || value instanceof MemoryObject ||
                        value instanceof GlobalObject;
    }

    /** What {@code value} is, in messages: its wasm type, or a description of the host value. */
    private static String describe(Object value) {
        if (value instanceof WasmFunction function) {
            return function.type().toString();
        } else if (value instanceof HostExport export) {
            return export.functionType().toString();
        } else if (value instanceof TableObject table) {
            return table.typeText();
        } else if (value instanceof MemoryObject memory) {
            return memory.typeText();
        } else if (value instanceof GlobalObject global) {
            return global.typeText();
        } else if (InteropLibrary.getUncached(value).isExecutable(value)) {
            return "a host function";
        }
        return "the host value " + ValueConverter.display(value);
    }

    private static UnlinkableModuleException incompatible(ModuleDescription d, Import imp, String expected, String actual) {
        return new UnlinkableModuleException(d.name(), "incompatible import type", importName(imp) + ": expected " + expected + ", got " + actual);
    }

    private static String importName(Import imp) {
        return imp.module() + "." + imp.name();
    }
}
