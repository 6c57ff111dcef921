package org.wasmtruffle.module;

/** A global's value type and mutability. */
public record GlobalType(ValueType valueType, boolean mutable) {
}
