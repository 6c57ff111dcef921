package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.interpreter.FunctionRootNode;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.BodySummary;

/**
 * A decoded and validated module, shared by every context of an engine. Each defined function's call
 * target is created on first request and its body translated on its first call, so a module pays only
 * for the functions it runs.
 */
public final class WasmModule {
    private final WasmLanguage language;
    private final ModuleDescription description;
    private final CallTarget[] callTargets;
    /** The {@link BodySummary} of each defined function. */
    private final int[] frameSizes;
    /** The source the module was loaded from (tools report its functions' locations in it), or null. */
    private final Source source;
    /** The character listing tools point into, made when a tool first asks for a section (see {@link ModuleListing}). */
    private volatile ModuleListing listing;

    /**
     * @param frameSizes for each defined function, its {@link BodySummary} (from validation)
     */
    public WasmModule(WasmLanguage language, ModuleDescription description, int[] frameSizes) {
        this(language, description, frameSizes, null);
    }

    /**
     * @param frameSizes for each defined function, its {@link BodySummary} (from validation)
     * @param source the source the module was loaded from, or {@code null}
     */
    public WasmModule(WasmLanguage language, ModuleDescription description, int[] frameSizes, Source source) {
        this.source = source;
        if (source != null) {
            ModuleListing.prepare();
        }
        this.language = language;
        this.description = description;
        this.frameSizes = frameSizes;
        this.callTargets = new CallTarget[description.functionCount() - description.importedFunctionCount()];
    }

    public ModuleDescription description() {
        return description;
    }

    /**
     * Function {@code functionIndex}'s line in the module's listing, for tools, or {@code null} if the module
     * has no source. The listing is made on the first request.
     */
    public SourceSection functionSection(int functionIndex) {
        if (source == null) {
            return null;
        }
        return listing().functionSection(functionIndex);
    }

    /** The module's character listing for tools (see {@link ModuleListing}); requires a source. */
    public Source listingSource() {
        return listing().source();
    }

    private ModuleListing listing() {
        ModuleListing l = listing;
        if (l == null) {
            synchronized (this) {
                l = listing;
                if (l == null) {
                    l = ModuleListing.of(description, source.getName());
                    listing = l;
                }
            }
        }
        return l;
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
        return BodySummary.frameSize(frameSizes[functionIndex - description.importedFunctionCount()]);
    }

    /** What validation found about each defined function's body (see {@link BodySummary}); not to be modified. */
    public int[] bodySummaries() {
        return frameSizes;
    }

    /** The call target of defined function {@code functionIndex}, created once per engine. */
    public CallTarget callTarget(int functionIndex) {
        int i = functionIndex - description.importedFunctionCount();
        CallTarget target = callTargets[i];
        if (target == null) {
            target = createCallTarget(i, functionIndex);
        }
        return target;
    }

    // Creating a root node is host work; it must never be part of a compilation.
    @TruffleBoundary
    private synchronized CallTarget createCallTarget(int i, int functionIndex) {
        CallTarget target = callTargets[i];
        if (target == null) {
            target = new FunctionRootNode(language, this, functionIndex).getCallTarget();
            callTargets[i] = target;
        }
        return target;
    }
}
