package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags.RootBodyTag;
import com.oracle.truffle.api.instrumentation.StandardTags.RootTag;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.WasmOptions;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.WasmModule;
import org.wasmtruffle.validation.FunctionValidator;

/**
 * The body of one defined function: its locals' initialization and its bytecode, translated on the first
 * call. It is instrumentable as the function's root and root body, so Truffle's profilers and tracers see
 * wasm functions by name; its {@link FunctionEntryNode} is where debuggers stop, on the function's line in
 * the module's listing (a binary source has no characters to point into). It exists from the root's creation, before the bytecode, so instruments
 * that attach early see it; without instruments it is a plain node whose only cost is one call level,
 * which partial evaluation inlines.
 */
@GenerateWrapper
public class FunctionBodyNode extends Node implements InstrumentableNode {
    private final WasmModule module;
    private final int functionIndex;
    @CompilationFinal(dimensions = 1) private final ValueType[] paramTypes;
    @CompilationFinal(dimensions = 1) private ValueType[] localTypes;
    @Child private FunctionEntryNode entry;
    @Child private BytecodeNode bytecode;

    FunctionBodyNode(WasmModule module, int functionIndex) {
        this.module = module;
        this.functionIndex = functionIndex;
        this.paramTypes = module.description().functionType(functionIndex).params();
        this.entry = new FunctionEntryNode(module, functionIndex);
    }

    /** For the generated wrapper only. */
    protected FunctionBodyNode(FunctionBodyNode delegate) {
        this.module = delegate.module;
        this.functionIndex = delegate.functionIndex;
        this.paramTypes = delegate.paramTypes;
    }

    /** What {@link #execute} returns for no results or a null reference. */
    static final Object NONE = new NoResult();

    /**
     * Runs the function with its arguments in {@code frame}. Instruments see the result, so it is an
     * interop value: {@link #NONE} for no results or a null reference, a {@link Results} for several
     * results (the root unwraps both; in compiled code the wrapper is never allocated).
     */
    public Object execute(VirtualFrame frame) {
        if (bytecode == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            translate();
        }
        initializeLocals(frame);
        entry.execute(frame);
        Object result = bytecode.isInterpretedOnly() ? bytecode.executeInterpreted(frame.materialize()) : bytecode.execute(frame);
        if (result == BytecodeNode.NO_RESULT || result == null) {
            return NONE;
        } else if (result instanceof Object[] values) {
            return new Results(values);
        }
        return result;
    }

    /** The results of a function with several, as an interop value. */
    static final class Results implements TruffleObject {
        final Object[] values;

        Results(Object[] values) {
            this.values = values;
        }
    }

    private static final class NoResult implements TruffleObject {
    }

    private void translate() {
        var lock = getLock();
        lock.lock();
        try {
            if (bytecode == null) {
                WasmContext context = WasmContext.get(this);
                long interpretedCalls = interpretedCalls(context, module.description().codeLength(functionIndex));
                // Regions are for compiled code only.
                int splitSize = interpretedCalls == Long.MAX_VALUE ? 0 : context.env().getOptions().get(WasmOptions.SplitFunctionSize);
                // Instruments that see this function (a profiler, a debugger's stepping) see its callees too: they
                // are not copied into it then, but called.
                boolean instrumented = getParent() instanceof WrapperNode || entry instanceof WrapperNode;
                boolean inlining = context.env().getOptions().get(WasmOptions.Inlining) && !instrumented;
                FunctionBytecode translated = OperandFuser.fuse(FunctionValidator.translate(module.description(), functionIndex, splitSize, module.bodySummaries(), inlining));
                assert translated.frameSize() == getRootNode().getFrameDescriptor().getNumberOfSlots();
                localTypes = translated.localTypes();
                ((FunctionRootNode) getRootNode()).bodyTranslated(translated.callSiteTypes().length > 0);
                bytecode = insert(new BytecodeNode(context.language(), module, functionIndex, translated, module.description().functionType(functionIndex), interpretedCalls));
                // Instruments that attached before the translation see the call sites too.
                notifyInserted(bytecode);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many calls and backward branches a body of {@code size} bytes runs in the interpreter only: none for most,
     * {@link WasmOptions#DelayedFunctionThreshold} for a large one, all for a huge one.
     */
    private static long interpretedCalls(WasmContext context, int size) {
        var options = context.env().getOptions();
        int never = options.get(WasmOptions.InterpreterOnlyFunctionSize);
        if (never > 0 && size >= never) {
            return Long.MAX_VALUE;
        }
        int delayed = options.get(WasmOptions.DelayedFunctionSize);
        return delayed > 0 && size >= delayed ? Math.max(0, options.get(WasmOptions.DelayedFunctionThreshold)) : 0;
    }

    @ExplodeLoop
    private void initializeLocals(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        ValueType[] locals = localTypes;
        int params = paramTypes.length;
        for (int i = 0; i < params; i++) {
            StackValues.unbox(frame, i, locals[i], args[i + 1]);
        }
        // The other locals are not written: a function's frame is new at each call, and a new frame's static
        // slots already hold what wasm starts them with (primitive bits 0, the reference null: the frame
        // descriptor's default). Writing them cost the interpreter a store per local and call. Compiled code
        // writes them, for their kind tags (BytecodeNode.settleSlotTags).
    }

    @Override
    public boolean isInstrumentable() {
        return true;
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new FunctionBodyNodeWrapper(this, this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == RootTag.class || tag == RootBodyTag.class;
    }

    /** The function's line in the module's listing (made on the first request; see {@link WasmModule#functionSection}). */
    @Override
    public SourceSection getSourceSection() {
        return module.functionSection(functionIndex);
    }
}
