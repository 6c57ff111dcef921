package org.wasmtruffle.runtime;

import org.wasmtruffle.module.ModuleDescription;

/**
 * The per-context state of an instantiated module: its function values, tables, memory, globals, and the
 * element and data segments not yet dropped. Built and filled by the instantiation; read by the
 * interpreter through these fields.
 */
public final class WasmInstance {
    public final WasmModule module;
    /** Every function of the index space, imports first. */
    public final WasmFunction[] functions;
    public final Table[] tables;
    /** The module's memory (Wasm 2.0 has at most one), or {@code null}. */
    public LinearMemory memory;
    public final WasmGlobal[] globals;
    /** The references of each element segment; an empty array once dropped (and for active/declarative ones after instantiation). */
    public final Object[][] elementSegments;
    /** Whether each data segment has been dropped (active ones are, after instantiation). */
    public final boolean[] droppedData;

    public WasmInstance(WasmModule module) {
        this.module = module;
        ModuleDescription d = module.description();
        this.functions = new WasmFunction[d.functionCount()];
        this.tables = new Table[d.tableCount()];
        this.globals = new WasmGlobal[d.globalCount()];
        this.elementSegments = new Object[d.elementSegments().length][];
        this.droppedData = new boolean[d.dataSegments().length];
    }

    public ModuleDescription description() {
        return module.description();
    }
}
