package org.wasmtruffle.hostmodule;

/** A {@link HostModule}'s state in one context: the fields it exports. */
public interface HostModuleInstance {
    /**
     * The export named {@code field}, or {@code null} if the module has none. For a memory, table or global
     * it must return the same {@link HostExport} every time, so that every importer shares one entity and
     * sees one interop object for it.
     */
    HostExport export(String field);

    /** Releases what the module holds for its context (open files, sockets); called when the context closes. */
    default void dispose() {
    }
}
