package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;
import org.wasmtruffle.runtime.WasmModule;
import org.wasmtruffle.validation.FunctionValidator;

/**
 * The root of one defined function, shared by every instance of its module in an engine. The body is
 * translated into bytecode on the first call, not before: a module with thousands of functions pays only
 * for those that run. The frame layout (its size) is known from validation, which ran when the module
 * was loaded.
 */
public final class FunctionRootNode extends RootNode {
    private final WasmModule module;
    private final int functionIndex;
    @CompilationFinal(dimensions = 1) private final ValueType[] paramTypes;
    @CompilationFinal(dimensions = 1) private ValueType[] localTypes;
    @Child private BytecodeNode body;

    public FunctionRootNode(WasmLanguage language, WasmModule module, int functionIndex) {
        super(language, frameDescriptor(module.frameSize(functionIndex)));
        this.module = module;
        this.functionIndex = functionIndex;
        FunctionType type = module.description().functionType(functionIndex);
        this.paramTypes = type.params();
    }

    private static FrameDescriptor frameDescriptor(int slots) {
        FrameDescriptor.Builder builder = FrameDescriptor.newBuilder(slots);
        builder.addSlots(slots, FrameSlotKind.Static);
        return builder.build();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (body == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            translate();
        }
        initializeLocals(frame);
        try {
            Object result = body.execute(frame);
            return result == BytecodeNode.NO_RESULT ? null : result;
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw Trap.create(TrapKind.CALL_STACK_EXHAUSTED, this);
        }
    }

    private void translate() {
        var lock = getLock();
        lock.lock();
        try {
            if (body == null) {
                FunctionBytecode bytecode = FunctionValidator.translate(module.description(), functionIndex);
                assert bytecode.frameSize() == getFrameDescriptor().getNumberOfSlots();
                localTypes = bytecode.localTypes();
                body = insert(new BytecodeNode(module, bytecode, module.description().functionType(functionIndex)));
            }
        } finally {
            lock.unlock();
        }
    }

    @ExplodeLoop
    private void initializeLocals(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        ValueType[] locals = localTypes;
        int params = paramTypes.length;
        for (int i = 0; i < params; i++) {
            StackValues.unbox(frame, i, locals[i], args[i + 1]);
        }
        for (int i = params; i < locals.length; i++) {
            StackValues.zero(frame, i, locals[i]);
        }
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
