package org.wasmtruffle.wasi;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * A WASI call's failure with an {@link Errno}: thrown anywhere below a builtin and turned into the call's
 * result by {@link WasiBuiltinRootNode}. Never reaches the guest or the embedder as an exception.
 */
public final class WasiError extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public WasiError(int errno) {
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
