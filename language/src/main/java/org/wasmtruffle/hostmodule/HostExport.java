package org.wasmtruffle.hostmodule;

import com.oracle.truffle.api.CallTarget;
import org.wasmtruffle.interop.GlobalObject;
import org.wasmtruffle.interop.MemoryObject;
import org.wasmtruffle.interop.TableObject;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.runtime.LinearMemory;
import org.wasmtruffle.runtime.Table;
import org.wasmtruffle.runtime.WasmGlobal;

/**
 * One field of a host module: a function, or a memory, table or global (held as the interop object that
 * exports of wasm instances use too, so that a re-export keeps its identity).
 *
 * <p>A host function is a call target with the {@link org.wasmtruffle.runtime.WasmFunction} calling
 * convention: argument 0 is the importing {@link org.wasmtruffle.runtime.WasmInstance} (so the host code can
 * reach the caller's memory), then the wasm arguments boxed; it returns {@code null}, the boxed result, or
 * an {@code Object[]} of results.
 */
public final class HostExport {
    private final ExternKind kind;
    private final FunctionType functionType;
    private final CallTarget callTarget;
    /** The {@link MemoryObject}, {@link TableObject} or {@link GlobalObject}; {@code null} for functions. */
    private final Object entity;

    private HostExport(ExternKind kind, FunctionType functionType, CallTarget callTarget, Object entity) {
        this.kind = kind;
        this.functionType = functionType;
        this.callTarget = callTarget;
        this.entity = entity;
    }

    /** A function of type {@code type} implemented by {@code target} (see the class comment for its arguments). */
    public static HostExport function(FunctionType type, CallTarget target) {
        return new HostExport(ExternKind.FUNCTION, type, target, null);
    }

    /** A memory; {@code declaredType} gives the maximum import matching compares against. */
    public static HostExport memory(LinearMemory memory, MemoryType declaredType) {
        return new HostExport(ExternKind.MEMORY, null, null, new MemoryObject(memory, declaredType));
    }

    /** A table; {@code declaredType} gives the maximum import matching compares against. */
    public static HostExport table(Table table, TableType declaredType) {
        return new HostExport(ExternKind.TABLE, null, null, new TableObject(table, declaredType));
    }

    /** A global. */
    public static HostExport global(WasmGlobal global) {
        return new HostExport(ExternKind.GLOBAL, null, null, new GlobalObject(global));
    }

    public ExternKind kind() {
        return kind;
    }

    /** The function's type; {@code null} unless this is a function. */
    public FunctionType functionType() {
        return functionType;
    }

    /** The function's implementation; {@code null} unless this is a function. */
    public CallTarget callTarget() {
        return callTarget;
    }

    /** The memory's, table's or global's interop object; {@code null} for a function. */
    public Object entity() {
        return entity;
    }
}
