package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.Node;

/**
 * How much guest call stack one thread of a context uses, counted in frame slots. Every wasm call takes
 * its frame's slots (at least {@link #MINIMUM_FRAME_COST}) and gives them back when it returns; past the
 * limit the call traps with "call stack exhausted". This bounds both the heap that frames take (a function
 * with thousands of locals recursing) and the depth of runaway recursion, so that it traps quickly and
 * deterministically instead of filling the heap or the host stack.
 *
 * <p>Returning calls restore the count themselves; a trap unwinds every guest frame up to the host, which
 * entered the guest through {@link #enter} and restores the count there, so guest frames need no
 * exception handlers (an exception edge in compiled guest code would be costly to unwind through).
 */
public final class CallStackBudget {
    /** Every call costs at least this much, for the host stack it uses beyond its frame slots. */
    public static final int MINIMUM_FRAME_COST = 16;

    private final long limit;
    private long used;

    public CallStackBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code cost} slots for a call starting now; returns what to {@link #release} when it returns. */
    public long acquire(int cost, Node location) {
        long before = used;
        long after = before + cost;
        if (after > limit) {
            CompilerDirectives.transferToInterpreter();
            throw Trap.create(TrapKind.CALL_STACK_EXHAUSTED, location);
        }
        used = after;
        return before;
    }

    public void release(long before) {
        used = before;
    }

    /** The trap for a host stack that overflowed in guest code, for the host entry to throw. */
    public static Trap hostStackExhausted(Node location) {
        CompilerDirectives.transferToInterpreter();
        return Trap.create(TrapKind.CALL_STACK_EXHAUSTED, location);
    }

    /** The count at a host-to-guest entry, to restore with {@link #release} however the call ends. */
    public long enter() {
        return used;
    }
}
