package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.utilities.TriState;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.interop.ValueConverter;
import org.wasmtruffle.module.FunctionType;

/**
 * A function value: what a function index, a funcref in a table, or an export refers to. Calling it means
 * {@code target().call(instance(), arg1, ..., argN)}: argument 0 is the instance the function belongs to
 * ({@code null} for host functions), then the wasm arguments boxed as Integer (i32), Long (i64), Float
 * (f32), Double (f64) or the reference ({@code null} for a null reference). The result is {@code null}
 * (no results), the boxed value (one result), or an {@code Object[]} (several results).
 *
 * <p>A function of a host module (WASI, spectest) that is imported into an instance has that importing
 * instance as its {@link #instance()}, so the host code can reach the caller's memory.
 *
 * <p>For the host it is an executable interop object: arguments are converted to the parameter types as
 * {@link ValueConverter} says, and the result is interop null (no results), the value (one), or an array
 * (several).
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmFunction implements TruffleObject {
    private final FunctionType type;
    private final WasmInstance instance;
    private final int index;
    /** Created on first use for functions of a module, so that instantiation builds no call targets. */
    private CallTarget target;
    private final String name;

    /**
     * @param target the call target, or {@code null} for function {@code index} defined by {@code instance}'s
     *            module (then looked up on first call)
     */
    public WasmFunction(FunctionType type, WasmInstance instance, int index, CallTarget target, String name) {
        this.type = type;
        this.instance = instance;
        this.index = index;
        this.target = target;
        this.name = name;
    }

    public FunctionType type() {
        return type;
    }

    /** The defining instance, or {@code null} for a host function. */
    public WasmInstance instance() {
        return instance;
    }

    /** The index in the defining instance's function index space (-1 for host functions). */
    public int index() {
        return index;
    }

    /** The call target; for a module's function, obtained from its module (once per engine) on first use. */
    public CallTarget target() {
        CallTarget t = target;
        if (t == null) {
            t = instance.module.callTarget(index);
            target = t;
        }
        return t;
    }

    /**
     * The module that defines this function as its function {@link #index()}, or {@code null} for a host
     * function. The two fix the call target, and unlike {@link #target()} are known from the start.
     */
    public WasmModule definingModule() {
        return index >= 0 ? instance.module : null;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    static final class Execute {
        /*
         * A call target belongs to one function of one module (or one host function), so it also fixes the
         * function type; it is shared by all contexts of the engine, unlike the function value.
         */
        @Specialization(guards = "function.target() == cachedTarget", limit = "3")
        static Object doDirect(WasmFunction function, Object[] arguments,
                        @Cached("function.target()") CallTarget cachedTarget,
                        @Cached("create(cachedTarget)") DirectCallNode callNode) throws ArityException, UnsupportedTypeException {
            Object[] wasmArguments = ValueConverter.argumentsToWasm(function, arguments);
            CallStackBudget budget = WasmLanguage.get(callNode).callStackBudget();
            long before = budget.enter();
            try {
                return ValueConverter.resultToInterop(function.type, callNode.call(wasmArguments));
            } catch (StackOverflowError e) {
                throw CallStackBudget.hostStackExhausted(callNode);
            } finally {
                budget.release(before);
            }
        }

        @Specialization(replaces = "doDirect")
        static Object doIndirect(WasmFunction function, Object[] arguments,
                        @Cached IndirectCallNode callNode) throws ArityException, UnsupportedTypeException {
            Object[] wasmArguments = ValueConverter.argumentsToWasm(function, arguments);
            CallStackBudget budget = WasmLanguage.get(callNode).callStackBudget();
            long before = budget.enter();
            try {
                return ValueConverter.resultToInterop(function.type, callNode.call(function.target(), wasmArguments));
            } catch (StackOverflowError e) {
                throw CallStackBudget.hostStackExhausted(callNode);
            } finally {
                budget.release(before);
            }
        }
    }

    /*
     * Identity is the entity's: the host's identity comparisons (Value.equals, JavaScript ===) see one
     * object however often the entity is exported or imported.
     */
    @ExportMessage
    static final class IsIdenticalOrUndefined {
        @Specialization
        static TriState doSame(WasmFunction receiver, WasmFunction other) {
            return TriState.valueOf(receiver == other);
        }

        @Fallback
        static TriState doOther(@SuppressWarnings("unused") WasmFunction receiver, @SuppressWarnings("unused") Object other) {
            return TriState.UNDEFINED;
        }
    }

    @ExportMessage
    @TruffleBoundary
    int identityHashCode() {
        return System.identityHashCode(this);
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return name;
    }
}
