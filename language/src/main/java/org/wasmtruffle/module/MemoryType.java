package org.wasmtruffle.module;

/** A linear memory's limits, in 64 KiB pages. */
public record MemoryType(Limits limits) {
    /** The size of a page in bytes. */
    public static final long PAGE_SIZE = 65536;
    /** The most pages a wasm32 memory can have (4 GiB). */
    public static final long MAX_PAGES = 65536;
}
