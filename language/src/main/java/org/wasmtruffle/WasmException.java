package org.wasmtruffle;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;

/**
 * The base of every error a guest or its embedder can cause: malformed, invalid and unlinkable modules,
 * traps. Each is a Truffle guest exception with one clear message, so an embedder sees a
 * {@code PolyglotException} and the launcher maps it to an exit code, never a Java stack trace.
 */
public abstract class WasmException extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    protected WasmException(String message) {
        super(message);
    }

    protected WasmException(String message, Node location) {
        super(message, location);
    }

    /**
     * An exception that records at most {@code stackTraceElementLimit} guest frames: unwinding a trap from
     * a very deep recursion must not collect a frame description for each of a million frames.
     */
    protected WasmException(String message, Node location, int stackTraceElementLimit) {
        super(message, null, stackTraceElementLimit, location);
    }
}
