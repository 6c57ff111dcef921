package org.wasmtruffle.module;

/**
 * One import. Exactly one of the type fields is set, by {@code kind}: {@code functionTypeIndex} (an index into
 * the module's types) for functions, else {@code tableType}, {@code memoryType} or {@code globalType}.
 */
public record Import(String module, String name, ExternKind kind, int functionTypeIndex, TableType tableType, MemoryType memoryType, GlobalType globalType) {
}
