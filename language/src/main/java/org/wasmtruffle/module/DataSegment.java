package org.wasmtruffle.module;

/**
 * A data segment. Its bytes are {@code dataLength} bytes at {@code dataOffset} in the module's binary
 * ({@link ModuleDescription#bytes()}), so they are copied in bulk and never held twice.
 * {@code memoryIndex} and {@code offset} are meaningful for active segments only.
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstantExpression offset, int dataOffset, int dataLength) {
}
