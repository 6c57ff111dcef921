package org.wasmtruffle.engine;

import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;

/** Polyglot sources of module binaries for the language {@code wasm-truffle}. */
final class WasmSource {
    static final String LANGUAGE = "wasm-truffle";

    private WasmSource() {
    }

    /** A binary source named {@code name}; cached by the engine like any source. */
    static Source of(byte[] bytes, String name) {
        return Source.newBuilder(LANGUAGE, ByteSequence.create(bytes), name).buildLiteral();
    }
}
