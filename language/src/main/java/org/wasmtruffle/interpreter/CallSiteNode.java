package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags.CallTag;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmModule;

/**
 * One call site of a function's bytecode ({@code call}, {@code call_indirect}), instrumentable with
 * {@link CallTag}. The interpreter loop calls it through this type only: an instrument replaces it by its
 * wrapper. Its source section is the calling function's line in the module's listing.
 */
@GenerateWrapper
public abstract class CallSiteNode extends Node implements InstrumentableNode {
    private final WasmModule module;
    private final int functionIndex;

    CallSiteNode(WasmModule module, int functionIndex) {
        this.module = module;
        this.functionIndex = functionIndex;
    }

    /** For the generated wrapper only. */
    protected CallSiteNode(CallSiteNode delegate) {
        this(delegate.module, delegate.functionIndex);
    }

    /**
     * Calls {@code callee} (ignored by a direct call site, which knows it) with {@code arguments}
     * (the callee's instance first) and returns the callee's result.
     */
    public abstract Object execute(VirtualFrame frame, WasmFunction callee, Object[] arguments);

    @Override
    public boolean isInstrumentable() {
        return true;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new CallSiteNodeWrapper(this, this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == CallTag.class;
    }

    @Override
    public SourceSection getSourceSection() {
        return module.functionSection(functionIndex);
    }
}
