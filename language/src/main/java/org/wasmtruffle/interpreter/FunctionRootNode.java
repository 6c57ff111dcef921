package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.runtime.CallStackBudget;
import org.wasmtruffle.runtime.Trap;
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
    private final WasmLanguage language;
    /** The slots this function's frame takes from the thread's {@link CallStackBudget}. */
    private final int frameCost;
    /**
     * Whether the body may call: true until its translation shows it has no call sites. A function that
     * calls nothing cannot recurse, so it need not count against the budget: the count can exceed the
     * limit by one such frame at most. That spares the budget's thread-local access around every inlined
     * call of a small leaf function (a sort's comparison, say).
     */
    @CompilationFinal private boolean mayCall = true;
    @Child private FunctionBodyNode body;
    /** Passes on a trap of a nested copy (see {@link #raise}); made on first need. */
    @Child private IndirectCallNode trapCall;

    public FunctionRootNode(WasmLanguage language, WasmModule module, int functionIndex) {
        super(language, frameDescriptor(module.frameSize(functionIndex)));
        this.language = language;
        this.frameCost = Math.max(module.frameSize(functionIndex), CallStackBudget.MINIMUM_FRAME_COST);
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
        if (frame.getArguments()[0] instanceof InlinedTrap inlined) {
            // Not a call: a trap in a copy of this function in a caller's bytecode, to be reported here.
            throw raise(inlined);
        }
        // A trap unwinds all guest frames to the host entry, which restores the budget (see
        // CallStackBudget). A host stack overflow becomes the trap here, in the innermost guest frame,
        // before it can strike in host code that would fail worse (in class initialization, say).
        Object result;
        if (mayCall) {
            CallStackBudget budget = language.callStackBudget();
            long before = budget.acquire(frameCost, this);
            result = executeBody(frame);
            budget.release(before);
        } else {
            result = executeBody(frame);
        }
        if (result == FunctionBodyNode.NONE) {
            return null;
        } else if (result instanceof FunctionBodyNode.Results results) {
            return results.values;
        }
        return result;
    }

    /** Raises {@code inlined}'s trap here, or in a call of the function copied inside this one's copy that it came from. */
    @TruffleBoundary
    private Trap raise(InlinedTrap inlined) {
        if (inlined.inner().length == 0) {
            return inlined.trap().raisedAt(body);
        }
        if (trapCall == null) {
            var lock = getLock();
            lock.lock();
            try {
                if (trapCall == null) {
                    trapCall = insert(IndirectCallNode.create());
                }
            } finally {
                lock.unlock();
            }
        }
        return BytecodeNode.raiseIn(trapCall, inlined.trap(), inlined.inner());
    }

    private Object executeBody(VirtualFrame frame) {
        try {
            return body.execute(frame);
        } catch (StackOverflowError e) {
            throw CallStackBudget.hostStackExhausted(this);
        }
    }

    /** Called by the body, in the interpreter, once translated: {@code hasCallSites} tells whether it calls. */
    void bodyTranslated(boolean hasCallSites) {
        mayCall = hasCallSites;
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
