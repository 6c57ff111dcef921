package org.wasmtruffle.wasi;

import java.io.IOException;

/** The behind-the-boundary body of one WASI builtin; returns the errno (usually {@link Errno#SUCCESS}). */
@FunctionalInterface
public interface WasiFunction {
    int call(WasiCall call) throws IOException;
}
