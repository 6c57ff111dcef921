package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags.StatementTag;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.runtime.WasmModule;

/**
 * A function's entry, after its locals are initialized: the one statement tools see in a wasm function
 * (instructions have no source lines), where a debugger stops on entering it. It is a node of its own
 * because debuggers treat a root-tagged node only as a frame boundary, never as a place to stop. It does
 * nothing; uninstrumented, partial evaluation removes it.
 */
@GenerateWrapper
public class FunctionEntryNode extends Node implements InstrumentableNode {
    private final WasmModule module;
    private final int functionIndex;

    FunctionEntryNode(WasmModule module, int functionIndex) {
        this.module = module;
        this.functionIndex = functionIndex;
    }

    /** For the generated wrapper only. */
    protected FunctionEntryNode(FunctionEntryNode delegate) {
        this(delegate.module, delegate.functionIndex);
    }

    /** Enters the function (an event for instruments only). */
    public void execute(@SuppressWarnings("unused") VirtualFrame frame) {
    }

    @Override
    public boolean isInstrumentable() {
        return true;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new FunctionEntryNodeWrapper(this, this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StatementTag.class;
    }

    /** The function's line in the module's listing. */
    @Override
    public SourceSection getSourceSection() {
        return module.functionSection(functionIndex);
    }
}
