package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.Arrays;
import org.wasmtruffle.runtime.WasmInstance;

/**
 * One region of a huge function (see {@link Bytecode#REGION_ENTRY}), entered at one position: a call target of
 * its own that runs the function's bytecode from there, in the function's frame, until control leaves the
 * region. Its arguments: the function's frame, the instance, and {@code Boolean.FALSE} ({@code TRUE} only
 * for the call that initializes it, which runs nothing). It returns an index into its table of exits, where
 * each exit is a position and operand stack height at which the function goes on. The table starts with
 * the exits known from the code and grows if another is seen; compiled callers hold the exits known when
 * they were compiled. Tools never see a region: it is internal, and its work belongs to the function's frame.
 */
final class RegionRootNode extends RootNode {
    private final BytecodeNode function;
    /** The region's first position: its {@link Bytecode#REGION_ENTRY}. */
    final int start;
    /** Where the region ends: the next region's entry, or the end of the code. */
    final int end;
    /** The exits seen so far, as pairs: position, operand stack height. Replaced, never changed, when one is added. */
    @CompilationFinal(dimensions = 1) private int[] exits;

    /** Where this call target enters the region, and the operand stack height there. */
    final int entry;
    final int entryHeight;

    RegionRootNode(TruffleLanguage<?> language, BytecodeNode function, int start, int end, int entry, int entryHeight, int[] knownExits) {
        super(language);
        this.exits = knownExits;
        this.function = function;
        this.start = start;
        this.end = end;
        this.entry = entry;
        this.entryHeight = entryHeight;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        if (arguments[2] == Boolean.TRUE) {
            return 0; // the first call, which only initializes the call target (see BytecodeNode.regionCall)
        }
        return function.executeRegion((MaterializedFrame) arguments[0], (WasmInstance) arguments[1], this);
    }

    /** Whether a jump to {@code target} leaves the region. */
    boolean leaves(int target) {
        return target < start || target >= end;
    }

    /** The index of the exit to {@code position} with the operand stack at {@code height}, made on first use. */
    @ExplodeLoop
    int exit(int position, int height) {
        int[] seen = exits;
        for (int i = 0; i < seen.length; i += 2) {
            if (seen[i] == position && seen[i + 1] == height) {
                return i >> 1;
            }
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        return addExit(position, height);
    }

    @TruffleBoundary
    private synchronized int addExit(int position, int height) {
        int[] seen = exits;
        for (int i = 0; i < seen.length; i += 2) {
            if (seen[i] == position && seen[i + 1] == height) {
                return i >> 1;
            }
        }
        int[] grown = Arrays.copyOf(seen, seen.length + 2);
        grown[seen.length] = position;
        grown[seen.length + 1] = height;
        exits = grown;
        return seen.length >> 1;
    }

    /** The exits seen so far (compilation-final: compiled callers hold these), as pairs of position and height. */
    int[] exits() {
        return exits;
    }

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return function.getRootNode().getName() + "@" + entry;
    }

    @Override
    public String toString() {
        return getName();
    }
}
