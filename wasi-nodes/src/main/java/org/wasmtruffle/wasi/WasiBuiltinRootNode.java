package org.wasmtruffle.wasi;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import java.io.IOException;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.runtime.WasmInstance;
import org.wasmtruffle.wasi.fs.IoErrors;

/**
 * One WASI function as a Truffle builtin: decodes the boxed wasm arguments in the node (a compiled loop
 * over the fixed signature), then runs the function's body, which does memory accesses and host I/O,
 * behind a boundary. Every failure below becomes the errno result; only {@code proc_exit} unwinds.
 * One root node serves every context of an engine (the WASI state is the calling context's), so that
 * a module's calls to WASI see the same call target in every instance and stay monomorphic.
 */
public final class WasiBuiltinRootNode extends RootNode {
    private final WasiBuiltin builtin;
    /** Which parameters are i64 (the rest are i32). */
    @CompilationFinal(dimensions = 1) private final boolean[] i64;

    WasiBuiltinRootNode(WasmLanguage language, WasiBuiltin builtin) {
        super(language);
        this.builtin = builtin;
        this.i64 = new boolean[builtin.parameters().length()];
        for (int i = 0; i < i64.length; i++) {
            i64[i] = builtin.isI64(i);
        }
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] frameArguments = frame.getArguments();
        long[] arguments = decode(frameArguments);
        int errno = invoke((WasmInstance) frameArguments[0], arguments);
        return builtin.returnsErrno() ? (Object) errno : null;
    }

    @ExplodeLoop
    private long[] decode(Object[] frameArguments) {
        long[] arguments = new long[i64.length];
        for (int i = 0; i < i64.length; i++) {
            Object value = frameArguments[i + 1];
            arguments[i] = i64[i] ? (Long) value : (Integer) value;
        }
        return arguments;
    }

    @TruffleBoundary
    private int invoke(WasmInstance caller, long[] arguments) {
        GuestMemory memory = new GuestMemory(caller == null ? null : caller.memory);
        try {
            return builtin.body().call(new WasiCall(WasiModule.state(WasmContext.get(this)), memory, arguments, this));
        } catch (WasiError e) {
            return e.errno();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return IoErrors.errno(e);
        } catch (IllegalArgumentException e) {
            // e.g. a name the host file system cannot represent
            return Errno.INVAL;
        }
    }

    @Override
    public String getName() {
        return WasiModule.NAME + "." + builtin.name();
    }

    @Override
    public String toString() {
        return getName();
    }
}
