package org.wasmtruffle.module;

/** One export: a name and an index into the index space of {@code kind}. */
public record Export(String name, ExternKind kind, int index) {
}
