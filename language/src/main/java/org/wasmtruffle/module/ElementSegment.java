package org.wasmtruffle.module;

/**
 * An element segment. {@code tableIndex} and {@code offset} are meaningful for active segments only. Every
 * item is a constant expression yielding a reference of {@code elementType}.
 */
public record ElementSegment(SegmentMode mode, int tableIndex, ConstantExpression offset, ValueType elementType, ConstantExpression[] items) {
}
