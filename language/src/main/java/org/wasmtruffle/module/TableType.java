package org.wasmtruffle.module;

/** A table's element type (funcref or externref) and size limits. */
public record TableType(ValueType elementType, Limits limits) {
}
