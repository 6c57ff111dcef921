package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.module.Export;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.runtime.Instantiator;
import org.wasmtruffle.runtime.WasmInstance;
import org.wasmtruffle.runtime.WasmModule;

/**
 * A decoded and validated module as the host sees it: members {@code imports} and {@code exports} (arrays of
 * {@link ExternDescriptor}s), and instantiable / executable with an optional imports object, giving an
 * {@link InstanceObject}.
 */
@ExportLibrary(InteropLibrary.class)
public final class ModuleObject implements TruffleObject {
    private static final ReadOnlyArray MEMBERS = new ReadOnlyArray("imports", "exports");

    private final WasmModule module;
    private final ReadOnlyArray imports;
    private final ReadOnlyArray exports;

    public ModuleObject(WasmModule module) {
        this.module = module;
        ModuleDescription d = module.description();
        Import[] moduleImports = d.imports();
        Object[] importDescriptors = new Object[moduleImports.length];
        for (int i = 0; i < moduleImports.length; i++) {
            Import imp = moduleImports[i];
            String type = switch (imp.kind()) {
                case FUNCTION -> d.type(imp.functionTypeIndex()).toString();
                case TABLE -> ExternDescriptor.typeText(imp.tableType());
                case MEMORY -> ExternDescriptor.typeText(imp.memoryType());
                case GLOBAL -> ExternDescriptor.typeText(imp.globalType());
            };
            importDescriptors[i] = new ExternDescriptor(imp.module(), imp.name(), imp.kind(), type);
        }
        this.imports = new ReadOnlyArray(importDescriptors);
        Export[] moduleExports = d.exports();
        Object[] exportDescriptors = new Object[moduleExports.length];
        for (int i = 0; i < moduleExports.length; i++) {
            Export export = moduleExports[i];
            int index = export.index();
            String type = switch (export.kind()) {
                case FUNCTION -> d.functionType(index).toString();
                case TABLE -> ExternDescriptor.typeText(d.table(index));
                case MEMORY -> ExternDescriptor.typeText(d.memory(index));
                case GLOBAL -> ExternDescriptor.typeText(d.global(index));
            };
            exportDescriptors[i] = new ExternDescriptor(null, export.name(), export.kind(), type);
        }
        this.exports = new ReadOnlyArray(exportDescriptors);
    }

    public WasmModule module() {
        return module;
    }

    /**
     * Instantiates the module in the current context: links the imports from {@code importsObject} (or
     * {@code null}) and the host modules, then initializes the instance and runs its start function.
     *
     * @throws org.wasmtruffle.module.UnlinkableModuleException if an import is missing or mismatched
     * @throws org.wasmtruffle.runtime.Trap if a segment or the start function traps
     */
    @TruffleBoundary
    public InstanceObject newInstance(Object importsObject) {
        WasmContext context = WasmContext.get(null);
        WasmInstance instance = new WasmInstance(module);
        Object[] linkedImports = Linker.link(context, instance, importsObject);
        Instantiator.initialize(instance);
        return new InstanceObject(instance, linkedImports);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return MEMBERS;
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return "imports".equals(member) || "exports".equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if ("imports".equals(member)) {
            return imports;
        } else if ("exports".equals(member)) {
            return exports;
        }
        CompilerDirectives.transferToInterpreter();
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    boolean isInstantiable() {
        return true;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    /** {@code newInstance([imports])} and {@code execute([imports])} both instantiate. */
    @ExportMessage(name = "instantiate")
    @ExportMessage(name = "execute")
    Object instantiateWith(Object[] arguments) throws ArityException {
        if (arguments.length > 1) {
            CompilerDirectives.transferToInterpreter();
            throw ArityException.create(0, 1, arguments.length);
        }
        return newInstance(arguments.length == 0 ? null : arguments[0]);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "module " + module.description().name();
    }
}
