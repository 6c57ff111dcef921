package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;
import org.wasmtruffle.runtime.WasmModule;

/**
 * The root of one defined function, shared by every instance of its module in an engine. The body is
 * translated into bytecode on the first call, not before: a module with thousands of functions pays only
 * for those that run. The frame layout (its size) is known from validation, which ran when the module
 * was loaded.
 */
public final class FunctionRootNode extends RootNode {
    private final WasmModule module;
    private final int functionIndex;
    @Child private FunctionBodyNode body;

    public FunctionRootNode(WasmLanguage language, WasmModule module, int functionIndex) {
        super(language, frameDescriptor(module.frameSize(functionIndex)));
        this.module = module;
        this.functionIndex = functionIndex;
        this.body = new FunctionBodyNode(module, functionIndex);
    }

    private static FrameDescriptor frameDescriptor(int slots) {
        FrameDescriptor.Builder builder = FrameDescriptor.newBuilder(slots);
        builder.addSlots(slots, FrameSlotKind.Static);
        return builder.build();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        try {
            Object result = body.execute(frame);
            if (result == FunctionBodyNode.NONE) {
                return null;
            } else if (result instanceof FunctionBodyNode.Results results) {
                return results.values;
            }
            return result;
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw Trap.create(TrapKind.CALL_STACK_EXHAUSTED, this);
        }
    }

    @Override
    public SourceSection getSourceSection() {
        return body.getSourceSection();
    }

    @Override
    public String getName() {
        return module.description().displayName(functionIndex);
    }

    @Override
    public String toString() {
        return getName();
    }
}
