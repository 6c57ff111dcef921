package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
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
    /** The source the module was loaded from (tools report its functions' locations in it), or null. */
    private final Source source;
    /**
     * The section tools see for every function (a binary source has no characters to point into). Made
     * here, once: creating it lazily could first load its class while a deep recursion has all but
     * exhausted the host stack, and a class whose initialization overflowed stays unusable.
     */
    private final SourceSection functionSection;

    /**
     * @param frameSizes for each defined function, the frame slots it needs (from validation)
     */
    public WasmModule(WasmLanguage language, ModuleDescription description, int[] frameSizes) {
        this(language, description, frameSizes, null);
    }

    /**
     * @param frameSizes for each defined function, the frame slots it needs (from validation)
     * @param source the source the module was loaded from, or {@code null}
     */
    public WasmModule(WasmLanguage language, ModuleDescription description, int[] frameSizes, Source source) {
        this.source = source;
        this.functionSection = source == null ? null : source.createUnavailableSection();
        this.language = language;
        this.description = description;
        this.frameSizes = frameSizes;
        this.callTargets = new CallTarget[description.functionCount() - description.importedFunctionCount()];
    }

    public ModuleDescription description() {
        return description;
    }

    /** The source section of every function, or {@code null} if the module has no source. */
    public SourceSection functionSection() {
        return functionSection;
    }

    /** The source the module was loaded from, or {@code null} if it was built otherwise. */
    public Source source() {
        return source;
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
