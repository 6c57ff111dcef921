package org.wasmtruffle;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

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

    /**
     * Where in the guest's source the error is, for errors found while loading a module (which have no
     * node); {@code null} if unknown or if the error has a location node instead.
     */
    private SourceSection sourceSection;

    /**
     * Records that the error is in {@code source}, for a loading error that is thrown before any node
     * exists. The section is the whole module: a binary source has no characters to point into.
     */
    public final void attachSource(Source source) {
        this.sourceSection = source.createUnavailableSection();
    }

    /** The section recorded by {@link #attachSource}, or {@code null}. */
    public final SourceSection attachedSourceSection() {
        return sourceSection;
    }
}
