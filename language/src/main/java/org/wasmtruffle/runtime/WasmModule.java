package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CallTarget;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.interpreter.FunctionRootNode;
import org.wasmtruffle.module.ModuleDescription;

/**
 * A decoded and validated module, shared by every context of an engine. Each defined function's call
 * target is created on first request and its body translated on its first call, so a module pays only
 * for the functions it runs.
 */
public final class WasmModule {
    private final WasmLanguage language;
    private final ModuleDescription description;
    private final CallTarget[] callTargets;
    private final int[] frameSizes;

    /**
     * @param frameSizes for each defined function, the frame slots it needs (from validation)
     */
    public WasmModule(WasmLanguage language, ModuleDescription description, int[] frameSizes) {
        this.language = language;
        this.description = description;
        this.frameSizes = frameSizes;
        this.callTargets = new CallTarget[description.functionCount() - description.importedFunctionCount()];
    }

    public ModuleDescription description() {
        return description;
    }

    public WasmLanguage language() {
        return language;
    }

    /** The frame slots defined function {@code functionIndex} needs: its locals and deepest operand stack. */
    public int frameSize(int functionIndex) {
        return frameSizes[functionIndex - description.importedFunctionCount()];
    }

    /** The call target of defined function {@code functionIndex}, created once per engine. */
    public CallTarget callTarget(int functionIndex) {
        int i = functionIndex - description.importedFunctionCount();
        CallTarget target = callTargets[i];
        if (target == null) {
            synchronized (this) {
                target = callTargets[i];
                if (target == null) {
                    target = new FunctionRootNode(language, this, functionIndex).getCallTarget();
                    callTargets[i] = target;
                }
            }
        }
        return target;
    }
}
