package org.wasmtruffle.module;

/** A custom section: its name and where its payload lies in the module's binary. */
public record CustomSection(String name, int payloadOffset, int payloadLength) {
}
