package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmModule;

/** A {@code call} of a function defined in the same module: its callee is the same for every instance. */
final class DirectCallSiteNode extends CallSiteNode {
    @Child private DirectCallNode call;

    DirectCallSiteNode(WasmModule module, int functionIndex, CallTarget callee) {
        super(module, functionIndex);
        this.call = DirectCallNode.create(callee);
    }

    @Override
    public Object execute(VirtualFrame frame, WasmFunction callee, Object[] arguments) {
        return call.call(arguments);
    }
}
