package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.WasmException;

/**
 * A WebAssembly trap. Its message is the trap kind's specification text; the Truffle stack trace that
 * comes with it lists the wasm functions (by their name-section names, else {@code func[N]}).
 */
@ExportLibrary(InteropLibrary.class)
public final class Trap extends WasmException {
    private static final long serialVersionUID = 1L;

    /** The most wasm frames a trap's stack trace records (the innermost ones). */
    public static final int STACK_TRACE_LIMIT = 200;

    private final TrapKind kind;

    private Trap(TrapKind kind, String message, Node location) {
        super(message, location, STACK_TRACE_LIMIT);
        this.kind = kind;
    }

    /** A trap raised at {@code location} (may be {@code null}). Call behind a transfer to the interpreter. */
    @TruffleBoundary
    public static Trap create(TrapKind kind, Node location) {
        return new Trap(kind, kind.message, location);
    }

    /** A trap with a more specific message that still starts with the kind's wording. */
    @TruffleBoundary
    public static Trap create(TrapKind kind, String detail, Node location) {
        return new Trap(kind, kind.message + ": " + detail, location);
    }

    /**
     * This trap again, raised at {@code location}: the same kind and message, with a stack trace from there. A trap
     * in the copy of an inlined function is raised again in a call of that function, so that it is reported in it.
     */
    @TruffleBoundary
    public Trap raisedAt(Node location) {
        return new Trap(kind, getMessage(), location);
    }

    public TrapKind kind() {
        return kind;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.RUNTIME_ERROR;
    }
}
