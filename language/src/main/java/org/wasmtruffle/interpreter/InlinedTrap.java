package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CallTarget;
import org.wasmtruffle.runtime.Trap;

/**
 * A trap that the copy of an inlined function caused, on its way to be raised in a call of that function, so that
 * it is reported there (see {@link BytecodeNode#trapInCopy}). It is passed as a call's first argument, where the
 * instance would be; the function called raises the trap at once, or passes it on to the function copied inside its
 * own copy, if the trap came from there.
 *
 * @param trap the trap
 * @param inner the functions copied inside the called one's copy that the trap came from, the outer first
 */
record InlinedTrap(Trap trap, CallTarget[] inner) {
}
