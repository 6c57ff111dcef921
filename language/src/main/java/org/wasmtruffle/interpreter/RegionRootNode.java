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
    int exit(int position, int height) {
        int index = indexOf(exits, position, height);
        if (index >= 0) {
            return index;
        }
        CompilerDirectives.transferToInterpreterAndInvalidate();
        return addExit(position, height);
    }

    @TruffleBoundary
    private synchronized int addExit(int position, int height) {
        exits = withExit(exits, position, height);
        return indexOf(exits, position, height);
    }

    /** The index of the exit ({@code position}, {@code height}) among {@code exits} (pairs), or -1. */
    @ExplodeLoop
    static int indexOf(int[] exits, int position, int height) {
        for (int i = 0; i < exits.length; i += 2) {
            if (exits[i] == position && exits[i + 1] == height) {
                return i >> 1;
            }
        }
        return -1;
    }

    /** {@code exits} (pairs) with the exit ({@code position}, {@code height}) added at the end, unless it is there. */
    static int[] withExit(int[] exits, int position, int height) {
        if (indexOf(exits, position, height) >= 0) {
            return exits;
        }
        int[] grown = Arrays.copyOf(exits, exits.length + 2);
        grown[exits.length] = position;
        grown[exits.length + 1] = height;
        return grown;
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
