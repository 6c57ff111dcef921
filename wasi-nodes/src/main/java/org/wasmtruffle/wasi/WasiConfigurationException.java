package org.wasmtruffle.wasi;

import org.wasmtruffle.WasmException;

/** The embedder's WASI options cannot be honoured (a preopened folder that is missing, a port in use). */
public final class WasiConfigurationException extends WasmException {
    private static final long serialVersionUID = 1L;

    public WasiConfigurationException(String message) {
        super(message);
    }
}
