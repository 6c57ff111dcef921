package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * A call whose callee is only known at run time ({@code call_indirect}, or {@code call} of an imported
 * function, which differs per instance). Caches the few call targets a site sees, so that a monomorphic
 * site becomes a direct (inlinable) call; beyond that it calls indirectly.
 */
@GenerateInline(false)
public abstract class IndirectCallSiteNode extends Node {
    static final int CACHE_LIMIT = 3;

    public abstract Object execute(CallTarget target, Object[] arguments);

    @Specialization(guards = "target == cachedTarget", limit = "CACHE_LIMIT")
    static Object doCached(@SuppressWarnings("unused") CallTarget target, Object[] arguments,
                    @Cached("target") @SuppressWarnings("unused") CallTarget cachedTarget,
                    @Cached("create(cachedTarget)") DirectCallNode callNode) {
        return callNode.call(arguments);
    }

    @Specialization(replaces = "doCached")
    static Object doIndirect(CallTarget target, Object[] arguments,
                    @Cached IndirectCallNode callNode) {
        return callNode.call(target, arguments);
    }

    public static IndirectCallSiteNode create() {
        return IndirectCallSiteNodeGen.create();
    }
}
