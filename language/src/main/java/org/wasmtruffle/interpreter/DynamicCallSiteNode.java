package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmModule;

/**
 * A call whose callee is found at run time: {@code call_indirect}, or {@code call} of an imported function
 * (which differs per instance). See {@link IndirectCallSiteNode} for how it is cached.
 */
final class DynamicCallSiteNode extends CallSiteNode {
    @Child private IndirectCallSiteNode call = IndirectCallSiteNode.create();

    DynamicCallSiteNode(WasmModule module, int functionIndex) {
        super(module, functionIndex);
    }

    @Override
    public Object execute(VirtualFrame frame, WasmFunction callee, Object[] arguments) {
        return call.execute(callee, arguments);
    }
}
