package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmModule;

/**
 * A call whose callee is only known at run time ({@code call_indirect}, or {@code call} of an imported
 * function, which differs per instance). Caches the few callees a site sees, so that a monomorphic site
 * becomes a direct (inlinable) call; beyond that it calls indirectly.
 *
 * <p>A module's function is recognized by its module and index, which are final, not by its call target,
 * which a function value obtains on its first call. So the check reads nothing that a loop could change, and
 * compiled code holds no lookup of the target: the reads of the callee (from the table, its instance and
 * memory) can then be hoisted out of a loop that calls it.
 */
@GenerateInline(false)
public abstract class IndirectCallSiteNode extends Node {
    static final int CACHE_LIMIT = 3;

    public abstract Object execute(WasmFunction callee, Object[] arguments);

    @Specialization(guards = {"cachedModule != null", "callee.index() == cachedIndex", "callee.definingModule() == cachedModule"}, limit = "CACHE_LIMIT")
    static Object doModuleFunction(@SuppressWarnings("unused") WasmFunction callee, Object[] arguments,
                    @Cached("callee.definingModule()") @SuppressWarnings("unused") WasmModule cachedModule,
                    @Cached("callee.index()") @SuppressWarnings("unused") int cachedIndex,
                    @Cached("create(callee.target())") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    /** A host function (WASI, spectest, or the host's own): its target is fixed when the value is made. */
    @Specialization(guards = {"callee.definingModule() == null", "callee.target() == cachedTarget"}, limit = "CACHE_LIMIT")
    static Object doHostFunction(@SuppressWarnings("unused") WasmFunction callee, Object[] arguments,
                    @Cached("callee.target()") @SuppressWarnings("unused") CallTarget cachedTarget,
                    @Cached("create(cachedTarget)") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    @Specialization(replaces = {"doModuleFunction", "doHostFunction"})
    static Object doIndirect(WasmFunction callee, Object[] arguments,
                    @Cached IndirectCallNode callNode) {
        return callNode.call(callee.target(), arguments);
    }

    public static IndirectCallSiteNode create() {
        return IndirectCallSiteNodeGen.create();
    }
}
