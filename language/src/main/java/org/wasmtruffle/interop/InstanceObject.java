package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import java.util.LinkedHashMap;
import org.wasmtruffle.module.Export;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.runtime.WasmInstance;

/** An instantiated module as the host sees it: member {@code exports}, an {@link ExportsObject}. */
@ExportLibrary(InteropLibrary.class)
public final class InstanceObject implements TruffleObject {
    private static final ReadOnlyArray MEMBERS = new ReadOnlyArray("exports");

    private final WasmInstance instance;
    private final ExportsObject exports;

    /**
     * @param linkedImports what {@link Linker#link} returned for {@code instance}: the objects of imported
     *            tables, memories and globals are exported as they were received, so they keep their identity
     */
    public InstanceObject(WasmInstance instance, Object[] linkedImports) {
        this.instance = instance;
        this.exports = createExports(instance, linkedImports);
    }

    public WasmInstance instance() {
        return instance;
    }

    public ExportsObject exports() {
        return exports;
    }

    private static ExportsObject createExports(WasmInstance instance, Object[] linkedImports) {
        ModuleDescription d = instance.description();
        TableObject[] tables = new TableObject[d.tableCount()];
        MemoryObject[] memories = new MemoryObject[d.memoryCount()];
        GlobalObject[] globals = new GlobalObject[d.globalCount()];
        Import[] imports = d.imports();
        int tableIndex = 0;
        int memoryIndex = 0;
        int globalIndex = 0;
        for (int i = 0; i < imports.length; i++) {
            switch (imports[i].kind()) {
                case TABLE -> tables[tableIndex++] = (TableObject) linkedImports[i];
                case MEMORY -> memories[memoryIndex++] = (MemoryObject) linkedImports[i];
                case GLOBAL -> globals[globalIndex++] = (GlobalObject) linkedImports[i];
                case FUNCTION -> {
                }
            }
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (Export export : d.exports()) {
            int index = export.index();
            Object value;
            if (export.kind() == ExternKind.FUNCTION) {
                value = instance.functions[index];
            } else if (export.kind() == ExternKind.TABLE) {
                if (tables[index] == null) {
                    tables[index] = new TableObject(instance.tables[index], d.table(index));
                }
                value = tables[index];
            } else if (export.kind() == ExternKind.MEMORY) {
                if (memories[index] == null) {
                    memories[index] = new MemoryObject(instance.memory, d.memory(index));
                }
                value = memories[index];
            } else {
                if (globals[index] == null) {
                    globals[index] = new GlobalObject(instance.globals[index]);
                }
                value = globals[index];
            }
            values.put(export.name(), value);
        }
        return new ExportsObject(values);
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
        return "exports".equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if ("exports".equals(member)) {
            return exports;
        }
        CompilerDirectives.transferToInterpreter();
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "instance of " + instance.description().name();
    }
}
