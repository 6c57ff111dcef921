package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.HostCompilerDirectives.BytecodeInterpreterSwitch;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import java.util.Arrays;
import org.graalvm.nativeimage.ImageInfo;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.LinearMemory;
import org.wasmtruffle.runtime.Table;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;
import org.wasmtruffle.runtime.WasmFunction;
import org.wasmtruffle.runtime.WasmGlobal;
import org.wasmtruffle.runtime.WasmInstance;
import org.wasmtruffle.runtime.WasmModule;

/**
 * Executes one function's bytecode. The dispatch loop is a single method that partial evaluation explodes
 * bytecode by bytecode ({@code MERGE_EXPLODE}): the program counter and the stack pointer are constants at
 * every instruction, so the operand stack becomes SSA values and frame slots vanish from compiled code.
 * Long-running loops are compiled while they run through on-stack replacement. A huge function's regions
 * (see {@link Bytecode#REGION_ENTRY}) run through this same method, each as a call target of its own.
 */
public final class BytecodeNode extends Node implements BytecodeOSRNode {
    /** What {@link #executeFrom} returns for a function without results (null means "no OSR" to Truffle). */
    static final Object NO_RESULT = new Object();
    private static final Object[] EMPTY_SEGMENT = new Object[0];
    /**
     * Zeros, one per case of the dispatch switch, read by {@link #caseLocal}. Never written. Compilation-final, so that
     * partial evaluation folds the reads; the compiler of the interpreter ahead of time does not.
     */
    @CompilationFinal(dimensions = 1) private static final int[] CASE_ZERO = new int[256];
    /**
     * Whether {@link #caseLocal} reads them: in a native image only, where this class is initialized when the image
     * is built, so that this is a constant there. HotSpot's C2 compiles the interpreter better without them (C kernels
     * interpreted on the JVM: nbody 8.8 s against 11.4 s).
     */
    private static final boolean CASE_LOCAL_ARITHMETIC = ImageInfo.inImageCode();

    @CompilationFinal(dimensions = 1) private final int[] code;
    @CompilationFinal(dimensions = 1) private final FunctionType[] callSiteTypes;
    @CompilationFinal(dimensions = 1) private final ValueType[] resultTypes;
    private final int localCount;
    /** The function's parameters: its first locals, set from the arguments. */
    private final int paramCount;
    @CompilationFinal(dimensions = 1) private final ValueType[] localTypes;
    /** The frame slots: locals and the deepest operand stack. */
    private final int frameSize;
    /** Whether every local (parameters included) is a number, none a reference: see {@link #copyLocal}. */
    private final boolean numericLocals;
    private final WasmModule module;
    /** One per call site, called through {@link CallSiteNode} only (an instrument may wrap any of them). */
    @Children private final CallSiteNode[] callNodes;
    @CompilationFinal private Object osrMetadata;
    /**
     * How many times in a row Truffle's OSR poll said yes at an inner loop and the interpreter waited for the outermost
     * loop around it (see {@link #osrPoll}); the interpreter's bookkeeping only, never read by compiled code.
     */
    private int osrDeferrals;
    private static final int MAX_OSR_DEFERRALS = 64;
    /**
     * For each branch of the code, the ways the interpreter has taken ({@link #TAKEN}, {@link #NOT_TAKEN}).
     * Compiled code holds only the ways seen and deoptimizes on the others: besides faster code, that
     * keeps huge functions (an interpreter's dispatch loop of thousands of cases) down to what runs.
     */
    @CompilationFinal(dimensions = 1) private final byte[] branchProfiles;
    private static final byte TAKEN = 1;
    private static final byte NOT_TAKEN = 2;
    /**
     * Where the regions of a huge function begin (see {@link Bytecode#REGION_ENTRY}), in order; the code before
     * the first one (the function's start and its dispatch) is the function's own. Usually none.
     */
    @CompilationFinal(dimensions = 1) private final int[] regionStarts;
    /** The first region's start, or the code's length: compiled code of the function runs only what is before. */
    private final int regionCodeStart;
    /** By position: the region entered there from the function's own code, made on first need. */
    @CompilationFinal(dimensions = 1) private final RegionRootNode[] regionEntries;
    /** Whether the regions' entries have been made (on the first call, before any compilation). */
    @CompilationFinal private boolean regionsPrepared;
    /** Whether a {@code call_indirect} here has met a callee type that is equal but not the same object. */
    @CompilationFinal private boolean structuralTypeChecks;
    /** By position: the call of {@link #regionEntries}' entry there. */
    @CompilationFinal(dimensions = 1) private final DirectCallNode[] regionCalls;
    /** By region: the exits known from its code, shared by the region's entries (made with the first). */
    private final int[][] knownExits;
    /** The copies of inlined functions in the code (see {@link FunctionBytecode#inlinedCopies}). */
    @CompilationFinal(dimensions = 1) private final int[] inlinedCopies;
    /** By position: whether it lies in a copy of an inlined function (empty if there are none). */
    @CompilationFinal(dimensions = 1) private final boolean[] inCopy;
    /** Raises a trap of a copy in a call of the function copied (see {@link #trapInCopy}); null if there are no copies. */
    @Child private IndirectCallNode trapCall;
    /**
     * Valid while this function runs in the interpreter only: a large one, until it has run enough there (see
     * {@code WasmOptions.DelayedFunctionSize}), or a huge one, for good. Null for the others.
     */
    private final Assumption interpretedOnly;
    /** Calls and backward branches left before {@link #interpretedOnly} ends (for a huge function, more than ever run). */
    private long interpretedBudget;
    private final TruffleLanguage<?> language;

    /**
     * {@code interpretedCalls}: how many calls and backward branches the function runs in the interpreter only before
     * it may be compiled (0: compiled as usual; {@link Long#MAX_VALUE}: never compiled).
     */
    BytecodeNode(TruffleLanguage<?> language, WasmModule module, int functionIndex, FunctionBytecode bytecode, FunctionType type, long interpretedCalls) {
        this.module = module;
        this.interpretedOnly = interpretedCalls > 0 ? Assumption.create("runs in the interpreter only") : null;
        this.interpretedBudget = interpretedCalls;
        this.code = bytecode.code();
        this.callSiteTypes = bytecode.callSiteTypes();
        this.resultTypes = type.results();
        this.paramCount = type.paramCount();
        this.localTypes = bytecode.localTypes();
        this.localCount = localTypes.length;
        this.frameSize = bytecode.frameSize();
        this.numericLocals = Arrays.stream(localTypes).allMatch(ValueType::isNumeric);
        this.branchProfiles = new byte[bytecode.profileCount()];
        // Call nodes are made with the bytecode, not on first use: code compiled before a call site
        // first runs would otherwise deoptimize to create it. A callee's call target is cheap (its body
        // is translated only when it is first called).
        int[] functions = bytecode.callSiteFunctions();
        ModuleDescription description = module.description();
        this.callNodes = new CallSiteNode[functions.length];
        for (int site = 0; site < functions.length; site++) {
            int f = functions[site];
            boolean direct = f >= description.importedFunctionCount();
            callNodes[site] = direct ? new DirectCallSiteNode(module, functionIndex, module.callTarget(f)) : new DynamicCallSiteNode(module, functionIndex);
        }
        this.language = language;
        this.regionStarts = bytecode.regionStarts();
        boolean split = regionStarts.length > 0;
        this.regionCodeStart = split ? regionStarts[0] : code.length;
        this.regionEntries = new RegionRootNode[split ? code.length : 0];
        this.regionCalls = new DirectCallNode[split ? code.length : 0];
        this.knownExits = new int[regionStarts.length][];
        this.inlinedCopies = bytecode.inlinedCopies();
        this.inCopy = new boolean[inlinedCopies.length > 0 ? code.length : 0];
        for (int i = 0; i < inlinedCopies.length; i += 3) {
            Arrays.fill(inCopy, inlinedCopies[i], inlinedCopies[i + 1], true);
        }
        this.trapCall = inlinedCopies.length > 0 ? IndirectCallNode.create() : null;
    }

    /** Runs the function from its first instruction; the locals are already in the frame. */
    Object execute(VirtualFrame frame) {
        if (CompilerDirectives.inCompiledCode() && regionStarts.length == 0) {
            settleSlotTags(frame, paramCount);
        }
        return executeFrom(frame, (WasmInstance) frame.getArguments()[0], 0, localCount, null);
    }

    /** Whether the function runs in the interpreter only (see {@link #interpretedOnly}); a constant in compiled code. */
    boolean isInterpretedOnly() {
        return interpretedOnly != null && interpretedOnly.isValid();
    }

    /**
     * Runs the function in the interpreter, also when compiled code calls it, while {@link #isInterpretedOnly}. A trap
     * or an exit passes through without deoptimizing the caller.
     */
    @TruffleBoundary(transferToInterpreterOnException = false)
    Object executeInterpreted(MaterializedFrame frame) {
        spendInterpreted();
        return execute(frame);
    }

    /**
     * Counts a call or backward branch against {@link #interpretedBudget}; at the last, the function may be compiled:
     * compiled callers that call its interpreter are invalidated, and its loops may be replaced on the stack.
     */
    private void spendInterpreted() {
        // Threads may race on the count: it need not be exact, only reach zero.
        if (--interpretedBudget <= 0) {
            interpretedOnly.invalidate("ran long enough in the interpreter to be compiled");
        }
    }

    /**
     * In compiled code, writes the locals from {@code firstLocal} on with the zeros they hold already and clears
     * the operand slots. Partial evaluation tracks a kind tag for every slot of the virtual frame (deoptimization
     * materializes it), and a slot not yet written has a tag that no write gives: where the entry path meets a
     * loop's backward branch, every local the loop writes (and every operand slot, cleared there) got a phi of
     * two constant tags, a value that every deoptimization state in the loop keeps alive in a register or stack
     * slot and that each backward branch sets. Written here, a local's tag is its type's on every path (wasm
     * locals keep their type), and an operand slot's the cleared one. The frame is virtual and the values
     * constants: no machine code. Not in a function with regions, whose frame is materialized.
     */
    @ExplodeLoop
    private void settleSlotTags(VirtualFrame frame, int firstLocal) {
        ValueType[] types = localTypes;
        for (int slot = firstLocal; slot < types.length; slot++) {
            switch (types[slot]) {
                case I32 -> frame.setIntStatic(slot, 0);
                case I64 -> frame.setLongStatic(slot, 0L);
                case F32 -> frame.setFloatStatic(slot, 0f);
                case F64 -> frame.setDoubleStatic(slot, 0d);
                default -> frame.setObjectStatic(slot, null);
            }
        }
        clearStackAbove(frame, types.length);
    }

    /** Runs {@code region} in the function's {@code frame}; returns the index of the region's exit taken. */
    Object executeRegion(MaterializedFrame frame, WasmInstance instance, RegionRootNode region) {
        return executeFrom(frame, instance, region.entry, region.entryHeight, region);
    }

    @Override
    public Object executeOSR(VirtualFrame osrFrame, int target, Object interpreterState) {
        // OSR enters just after a loop header (where backward branches go), whose immediate is the stack
        // pointer there. The OSR frame's arguments hold the parent frame, whose first argument is the
        // instance. (The interpreter state is no place for the instance: an OSR compilation may fold it
        // into a constant.) When compiled loop code falls back to the interpreter, the interpreter goes on
        // in that OSR frame, and a new OSR from there has it as parent: walk down to the function's own
        // frame. (A function whose frame is materialized, for its regions, may get its own frame as the
        // OSR frame.)
        Object[] arguments = osrFrame.getArguments();
        while (arguments[0] instanceof Frame outer) {
            arguments = outer.getArguments();
        }
        return executeFrom(osrFrame, (WasmInstance) arguments[0], target, Bytecode.loopHeight(code, target), null);
    }

    /**
     * Copies the locals by their types when the operand stack is empty at the target (the usual loop header of
     * compiled C). Truffle's own copy moves both halves of every static slot, its primitive and its reference, as
     * values the OSR compilation cannot know; every slot's reference half then rides through the loop's phis and
     * deoptimization states as an unknown value. Copied this way, the halves a local never uses stay the constants a
     * new frame starts with. With values on the stack, Truffle's copy (their types are not at hand here).
     */
    @Override
    public void copyIntoOSRFrame(VirtualFrame osrFrame, VirtualFrame parentFrame, int target, Object targetMetadata) {
        if (Bytecode.loopHeight(code, target) == localCount) {
            copyLocals(osrFrame, parentFrame);
            // The operand slots as the loop's backward branches leave them (see settleSlotTags).
            clearStackAbove(osrFrame, localCount);
        } else {
            BytecodeOSRNode.super.copyIntoOSRFrame(osrFrame, parentFrame, target, targetMetadata);
        }
    }

    @ExplodeLoop
    private void copyLocals(VirtualFrame to, VirtualFrame from) {
        ValueType[] types = localTypes;
        for (int slot = 0; slot < types.length; slot++) {
            switch (types[slot]) {
                case I32 -> to.setIntStatic(slot, from.getIntStatic(slot));
                case I64 -> to.setLongStatic(slot, from.getLongStatic(slot));
                case F32 -> to.setFloatStatic(slot, from.getFloatStatic(slot));
                case F64 -> to.setDoubleStatic(slot, from.getDoubleStatic(slot));
                default -> to.setObjectStatic(slot, from.getObjectStatic(slot));
            }
        }
    }

    /**
     * Copies nothing back. When OSR code returns or throws, the interpreter that started it returns that result or
     * lets the exception pass at once, and no one reads the parent frame again. Truffle's copy would also leave the
     * compiled code for the interpreter at every such return (a deoptimization by design: the copy is not compiled).
     */
    @Override
    public void restoreParentFrame(VirtualFrame osrFrame, VirtualFrame parentFrame) {
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }

    /**
     * Runs the bytecode from {@code startPc}. With a {@code region}, runs only that region and returns the index
     * of its exit (a boxed int) as soon as control leaves it; otherwise returns the function's result.
     */
    @BytecodeInterpreterSwitch
    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.MERGE_EXPLODE)
    private Object executeFrom(VirtualFrame virtualFrame, WasmInstance instance, int startPc, int startSp, RegionRootNode region) {
        // A function with regions gives them its frame: materialized once here, not at each call, where
        // every call site would copy all the frame's values into a new frame object.
        final VirtualFrame frame = regionStarts.length > 0 && region == null ? virtualFrame.materialize() : virtualFrame;
        ensureRegionsPrepared(frame, instance);
        // The node's fields that the cases use are read once here. An AOT-compiled interpreter (native image)
        // otherwise reloads them at the top of every dispatch: calls in the loop kill them, and a read that
        // several cases share is scheduled before the switch.
        final int[] bc = this.code;
        final byte[] profiles = this.branchProfiles;
        final boolean numeric = this.numericLocals;
        final CallSiteNode[] calls = this.callNodes;
        final FunctionType[] callTypes = this.callSiteTypes;
        final LinearMemory memory = instance.memory;
        // So are the instance's arrays that several cases read (final fields): otherwise those reads too are done
        // once before the switch, at every dispatch, and spilled (four loads, four decodings, six stores to the stack).
        final WasmGlobal[] globals = instance.globals;
        final Table[] tables = instance.tables;
        final WasmFunction[] functions = instance.functions;
        final Object[][] elementSegments = instance.elementSegments;
        if (bc == null || frame == null) {
            // Never; but known non-null before the loop, the code array's length and the frame's arrays need not
            // be reloaded behind a null check at every dispatch of the AOT-compiled interpreter.
            throw CompilerDirectives.shouldNotReachHere();
        }
        int pc = startPc;
        int sp = startSp;
        int loopCount = 0;
        dispatch: while (true) {
            CompilerAsserts.partialEvaluationConstant(pc);
            CompilerAsserts.partialEvaluationConstant(sp);
            if (CompilerDirectives.inCompiledCode() && region == null && pc >= regionCodeStart && bc[pc] != Bytecode.RETURN) {
                // The function's compiled code holds only what lies before the regions. It calls the
                // region there, in this frame, then goes on at the region's exit: a constant for each exit
                // known. (The interpreter runs regions inline.)
                int exit = callRegion(frame, instance, pc, sp);
                int[] exits = regionEntries[pc].exits();
                for (int i = 0; i < exits.length; i += 2) {
                    if (exit == i >> 1) {
                        pc = exits[i];
                        sp = exits[i + 1];
                        continue dispatch;
                    }
                }
                CompilerDirectives.transferToInterpreterAndInvalidate();
                exits = regionEntries[pc].exits();
                pc = exits[2 * exit];
                sp = exits[2 * exit + 1];
                continue;
            }
            int op = bc[pc];
            if (CompilerDirectives.inCompiledCode() && op == Bytecode.RETURN) {
                // Here, not in the case: partial evaluation merges the returns of equal stack height as they leave the
                // dispatch loop, before the case runs. (The interpreter does not test for it.)
                clearBeforeReturn(frame, sp);
            }
            try {
                switch (op) {
                    case Bytecode.UNREACHABLE -> {
                        int local = caseLocal(Bytecode.UNREACHABLE);
                        pc += local;
                        sp += local;
                        CompilerDirectives.transferToInterpreter();
                        throw Trap.create(TrapKind.UNREACHABLE, this);
                    }
                    case Bytecode.LOOP_HEADER -> {
                        int local = caseLocal(Bytecode.LOOP_HEADER);
                        pc += local;
                        sp += local;
                        clearStackAbove(frame, sp);
                        pc += 3;
                    }
                    case Bytecode.REGION_ENTRY -> {
                        int local = caseLocal(Bytecode.REGION_ENTRY);
                        pc += local;
                        sp += local;
                        // Inside a region, reaching another region's entry leaves this one. The function's
                        // interpreter runs regions inline: for it, this does nothing.
                        if (region != null && pc != region.start) {
                            return regionExit(region, pc, sp, loopCount);
                        }
                        pc += 3;
                    }
                    case Bytecode.JUMP_IF_ZERO, Bytecode.JUMP_UNLESS_COMPARE -> {
                        int local = caseLocal(Bytecode.JUMP_IF_ZERO);
                        pc += local;
                        sp += local;
                        boolean jump;
                        if (op == Bytecode.JUMP_IF_ZERO) {
                            sp--;
                            jump = frame.getIntStatic(sp) == 0;
                        } else {
                            int comparison = bc[pc + 3];
                            sp -= Bytecode.comparisonOperands(comparison);
                            jump = !NumericInstructions.holds(frame, sp, comparison);
                        }
                        if (profile(profiles, bc[pc + 2], jump)) {
                            pc = bc[pc + 1];
                            if (region != null && region.leaves(pc)) {
                                return regionExit(region, pc, sp, loopCount);
                            }
                            clearBeforeMerge(frame, sp);
                        } else {
                            pc += op == Bytecode.JUMP_IF_ZERO ? 3 : 4;
                        }
                    }
                    case Bytecode.JUMP -> {
                        int local = caseLocal(Bytecode.JUMP);
                        pc += local;
                        sp += local;
                        pc = bc[pc + 1];
                        if (region != null && region.leaves(pc)) {
                            return regionExit(region, pc, sp, loopCount);
                        }
                        clearBeforeMerge(frame, sp);
                    }
                    case Bytecode.BR, Bytecode.BR_IF, Bytecode.BR_IF_COMPARE -> {
                        int local = caseLocal(Bytecode.BR);
                        pc += local;
                        sp += local;
                        if (op == Bytecode.BR_IF) {
                            sp--;
                            if (!profile(profiles, bc[pc + 4], frame.getIntStatic(sp) != 0)) {
                                pc += 5;
                                continue;
                            }
                        } else if (op == Bytecode.BR_IF_COMPARE) {
                            int comparison = bc[pc + 5];
                            sp -= Bytecode.comparisonOperands(comparison);
                            if (!profile(profiles, bc[pc + 4], NumericInstructions.holds(frame, sp, comparison))) {
                                pc += 6;
                                continue;
                            }
                        }
                        int target = bc[pc + 1];
                        sp = moveResults(frame, sp, bc[pc + 2], bc[pc + 3]);
                        if (region != null && region.leaves(target)) {
                            return regionExit(region, target, sp, loopCount);
                        }
                        if (target <= pc) {
                            if (CompilerDirectives.inInterpreter()) {
                                // Counted for compilation heuristics only; as a constant in compiled code it
                                // would make every loop iteration a new explosion state. Plus the case's zero: else
                                // the compiler of the interpreter computes loopCount + 1 before the switch and
                                // spills it at every dispatch, as it did pc and sp arithmetic (see caseLocal).
                                loopCount += 1 + local;
                            }
                            Object result = backEdge(frame, target, sp, loopCount, region);
                            if (result != null) {
                                return result;
                            }
                        } else {
                            clearBeforeMerge(frame, sp);
                        }
                        pc = target;
                    }
                    case Bytecode.BR_TABLE -> {
                        int local = caseLocal(Bytecode.BR_TABLE);
                        pc += local;
                        sp += local;
                        sp--;
                        int index = frame.getIntStatic(sp);
                        int count = bc[pc + 1];
                        int firstProfile = bc[pc + 2];
                        if (CompilerDirectives.inInterpreter()) {
                            // The interpreter indexes the table directly.
                            int i = Integer.compareUnsigned(index, count) < 0 ? index : count;
                            profiles[firstProfile + i] = TAKEN;
                            int entry = pc + 3 + 3 * i;
                            int target = bc[entry];
                            sp = moveResults(frame, sp, bc[entry + 1], bc[entry + 2]);
                            if (region != null && region.leaves(target)) {
                                return regionExit(region, target, sp, loopCount);
                            }
                            if (target <= pc) {
                                loopCount += 1 + local;
                                Object result = backEdge(frame, target, sp, loopCount, region);
                                if (result != null) {
                                    return result;
                                }
                            }
                            pc = target;
                            continue;
                        }
                        // Compiled code: one comparison per entry (the last is the default), each continuing the
                        // dispatch loop with its own constant target, as partial evaluation needs. Entries the
                        // interpreter never took deoptimize instead.
                        for (int i = 0; i <= count; i++) {
                            if (i == index || i == count) {
                                if (profiles[firstProfile + i] == 0) {
                                    CompilerDirectives.transferToInterpreterAndInvalidate();
                                    profiles[firstProfile + i] = TAKEN;
                                }
                                int entry = pc + 3 + 3 * i;
                                int target = bc[entry];
                                sp = moveResults(frame, sp, bc[entry + 1], bc[entry + 2]);
                                if (region != null && region.leaves(target)) {
                                    return regionExit(region, target, sp, loopCount);
                                }
                                if (target <= pc) {
                                    if (CompilerDirectives.inInterpreter()) {
                                        loopCount += 1 + local;
                                    }
                                    Object result = backEdge(frame, target, sp, loopCount, region);
                                    if (result != null) {
                                        return result;
                                    }
                                } else {
                                    clearBeforeMerge(frame, sp);
                                }
                                pc = target;
                                continue dispatch;
                            }
                        }
                        throw CompilerDirectives.shouldNotReachHere();
                    }
                    case Bytecode.RETURN -> {
                        int local = caseLocal(Bytecode.RETURN);
                        pc += local;
                        sp += local;
                        if (region != null) {
                            // The function returns, not the region: the function's code does that.
                            return regionExit(region, pc, sp, loopCount);
                        }
                        if (loopCount > 0 && CompilerDirectives.inInterpreter()) {
                            LoopNode.reportLoopCount(this, loopCount);
                        }
                        return collectResults(frame, sp);
                    }
                    case Bytecode.CALL -> {
                        int local = caseLocal(Bytecode.CALL);
                        pc += local;
                        sp += local;
                        int site = bc[pc + 2];
                        FunctionType type = callTypes[site];
                        Object[] args = popArguments(frame, sp, type, instance);
                        sp -= type.paramCount();
                        Object result = calls[site].execute(frame, null, args);
                        sp = pushResults(frame, sp, type, result);
                        pc += 3;
                    }
                    case Bytecode.CALL_IMPORT -> {
                        int local = caseLocal(Bytecode.CALL_IMPORT);
                        pc += local;
                        sp += local;
                        int site = bc[pc + 2];
                        FunctionType type = callTypes[site];
                        WasmFunction callee = functions[bc[pc + 1]];
                        Object[] args = popArguments(frame, sp, type, callee.instance());
                        sp -= type.paramCount();
                        Object result = calls[site].execute(frame, callee, args);
                        sp = pushResults(frame, sp, type, result);
                        pc += 3;
                    }
                    case Bytecode.CALL_INDIRECT -> {
                        int local = caseLocal(Bytecode.CALL_INDIRECT);
                        pc += local;
                        sp += local;
                        int site = bc[pc + 3];
                        FunctionType type = callTypes[site];
                        sp--;
                        WasmFunction callee = tableFunction(tables[bc[pc + 2]], frame.getIntStatic(sp), type);
                        Object[] args = popArguments(frame, sp, type, callee.instance());
                        sp -= type.paramCount();
                        Object result = calls[site].execute(frame, callee, args);
                        sp = pushResults(frame, sp, type, result);
                        pc += 4;
                    }
                    case Bytecode.DROP -> {
                        int local = caseLocal(Bytecode.DROP);
                        pc += local;
                        sp += local;
                        sp--;
                        pc++;
                    }
                    case Bytecode.SELECT -> {
                        int local = caseLocal(Bytecode.SELECT);
                        pc += local;
                        sp += local;
                        sp--;
                        if (frame.getIntStatic(sp) == 0) {
                            frame.copyStatic(sp - 1, sp - 2);
                        }
                        sp--;
                        pc++;
                    }
                    case Bytecode.LOCAL_GET -> {
                        int local = caseLocal(Bytecode.LOCAL_GET);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, bc[pc + 1], sp);
                        sp++;
                        pc += 2;
                    }
                    case Bytecode.LOCAL_GET_LOCAL_GET -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_LOCAL_GET);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, bc[pc + 1], sp);
                        copyLocal(frame, numeric, bc[pc + 3], sp + 1);
                        sp += 2;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_CONST -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_CONST);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, bc[pc + 1], sp);
                        frame.setIntStatic(sp + 1, bc[pc + 3]);
                        sp += 2;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_ADD_CONST -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_ADD_CONST);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp, frame.getIntStatic(bc[pc + 1]) + bc[pc + 3]);
                        sp++;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_ADD_CONST_SET -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_ADD_CONST_SET);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(bc[pc + 4], frame.getIntStatic(bc[pc + 1]) + bc[pc + 3]);
                        pc += 5;
                    }
                    case Bytecode.LOCAL_GET_ADD_CONST_TEE -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_ADD_CONST_TEE);
                        pc += local;
                        sp += local;
                        int sum = frame.getIntStatic(bc[pc + 1]) + bc[pc + 3];
                        frame.setIntStatic(sp, sum);
                        frame.setIntStatic(bc[pc + 4], sum);
                        sp++;
                        pc += 5;
                    }
                    case Bytecode.LOCAL_SET -> {
                        int local = caseLocal(Bytecode.LOCAL_SET);
                        pc += local;
                        sp += local;
                        sp--;
                        copyLocal(frame, numeric, sp, bc[pc + 1]);
                        pc += 2;
                    }
                    case Bytecode.LOCAL_LOAD -> {
                        int local = caseLocal(Bytecode.LOCAL_LOAD);
                        pc += local;
                        sp += local;
                        loadFromLocal(frame, numeric, memory, bc[pc + 1], bc[pc + 2], bc[pc + 3], sp);
                        sp++;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_LOAD_CONST -> {
                        int local = caseLocal(Bytecode.LOCAL_LOAD_CONST);
                        pc += local;
                        sp += local;
                        loadFromLocal(frame, numeric, memory, bc[pc + 1], bc[pc + 2], bc[pc + 3], sp);
                        frame.setIntStatic(sp + 1, bc[pc + 5]);
                        sp += 2;
                        pc += 6;
                    }
                    case Bytecode.CONST_LOAD -> {
                        int local = caseLocal(Bytecode.CONST_LOAD);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp, memory.loadI32(MemoryInstructions.address(bc[pc + 1], bc[pc + 3]), this));
                        sp++;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_LOCAL_SET -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_LOCAL_SET);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, bc[pc + 1], bc[pc + 3]);
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_LOCAL_LOAD -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_LOCAL_LOAD);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, bc[pc + 1], sp);
                        loadFromLocal(frame, numeric, memory, bc[pc + 2], bc[pc + 3], bc[pc + 4], sp + 1);
                        sp += 2;
                        pc += 5;
                    }
                    case Bytecode.LOCAL_TEE -> {
                        int local = caseLocal(Bytecode.LOCAL_TEE);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, sp - 1, bc[pc + 1]);
                        pc += 2;
                    }
                    case Bytecode.GLOBAL_GET -> {
                        int local = caseLocal(Bytecode.GLOBAL_GET);
                        pc += local;
                        sp += local;
                        GlobalInstructions.get(frame, sp, globals[bc[pc + 1]], bc[pc + 2]);
                        sp++;
                        pc += 3;
                    }
                    case Bytecode.GLOBAL_SET -> {
                        int local = caseLocal(Bytecode.GLOBAL_SET);
                        pc += local;
                        sp += local;
                        sp--;
                        GlobalInstructions.set(frame, sp, globals[bc[pc + 1]], bc[pc + 2]);
                        pc += 3;
                    }
                    case Bytecode.TABLE_GET -> {
                        int local = caseLocal(Bytecode.TABLE_GET);
                        pc += local;
                        sp += local;
                        Table table = tables[bc[pc + 1]];
                        frame.setObjectStatic(sp - 1, table.get(Integer.toUnsignedLong(frame.getIntStatic(sp - 1)), this));
                        pc += 2;
                    }
                    case Bytecode.TABLE_SET -> {
                        int local = caseLocal(Bytecode.TABLE_SET);
                        pc += local;
                        sp += local;
                        Table table = tables[bc[pc + 1]];
                        table.set(Integer.toUnsignedLong(frame.getIntStatic(sp - 2)), frame.getObjectStatic(sp - 1), this);
                        sp -= 2;
                        pc += 2;
                    }
                    case Bytecode.I32_LOAD -> {
                        int local = caseLocal(Bytecode.I32_LOAD);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, memory.loadI32(MemoryInstructions.address(frame, sp - 1, bc[pc + 1]), this));
                        pc += 2;
                    }
                    case Bytecode.I64_LOAD, Bytecode.F32_LOAD, Bytecode.F64_LOAD, Bytecode.I32_LOAD8_S, Bytecode.I32_LOAD8_U,
                                    Bytecode.I32_LOAD16_S, Bytecode.I32_LOAD16_U, Bytecode.I64_LOAD8_S, Bytecode.I64_LOAD8_U, Bytecode.I64_LOAD16_S,
                                    Bytecode.I64_LOAD16_U, Bytecode.I64_LOAD32_S, Bytecode.I64_LOAD32_U -> {
                        int local = caseLocal(Bytecode.I64_LOAD);
                        pc += local;
                        sp += local;
                        MemoryInstructions.load(frame, sp, op, memory, bc[pc + 1], this);
                        pc += 2;
                    }
                    case Bytecode.I32_STORE -> {
                        int local = caseLocal(Bytecode.I32_STORE);
                        pc += local;
                        sp += local;
                        sp -= 2;
                        memory.storeI32(MemoryInstructions.address(frame, sp, bc[pc + 1]), frame.getIntStatic(sp + 1), this);
                        pc += 2;
                    }
                    case Bytecode.I64_STORE, Bytecode.F32_STORE, Bytecode.F64_STORE, Bytecode.I32_STORE8, Bytecode.I32_STORE16,
                                    Bytecode.I64_STORE8, Bytecode.I64_STORE16, Bytecode.I64_STORE32 -> {
                        int local = caseLocal(Bytecode.I64_STORE);
                        pc += local;
                        sp += local;
                        MemoryInstructions.store(frame, sp - 2, sp - 1, op, memory, bc[pc + 1], this);
                        sp -= 2;
                        pc += 2;
                    }
                    case Bytecode.LOCAL_STORE -> {
                        int local = caseLocal(Bytecode.LOCAL_STORE);
                        pc += local;
                        sp += local;
                        storeFromLocals(frame, memory, sp - 1, bc[pc + 1], bc[pc + 2], bc[pc + 3]);
                        sp--;
                        pc += 4;
                    }
                    case Bytecode.LOCAL_GET_LOCAL_STORE -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_LOCAL_STORE);
                        pc += local;
                        sp += local;
                        // The address is read from its local's own slot.
                        storeFromLocals(frame, memory, bc[pc + 1], bc[pc + 2], bc[pc + 3], bc[pc + 4]);
                        pc += 5;
                    }
                    case Bytecode.LOCAL_LOAD_LOAD -> {
                        int local = caseLocal(Bytecode.LOCAL_LOAD_LOAD);
                        pc += local;
                        sp += local;
                        int pointer = memory.loadI32(MemoryInstructions.address(frame, bc[pc + 1], bc[pc + 3]), this);
                        frame.setIntStatic(sp, memory.loadI32(MemoryInstructions.address(pointer, bc[pc + 5]), this));
                        sp++;
                        pc += 6;
                    }
                    case Bytecode.I32_ADD_CONST_AT_LOCAL -> {
                        int local = caseLocal(Bytecode.I32_ADD_CONST_AT_LOCAL);
                        pc += local;
                        sp += local;
                        long address = MemoryInstructions.address(frame, bc[pc + 1], bc[pc + 4]);
                        memory.storeI32(address, memory.loadI32(address, this) + bc[pc + 6], this);
                        pc += 9;
                    }
                    case Bytecode.GLOBAL_GET_ADD_CONST_SET, Bytecode.GLOBAL_GET_ADD_CONST_TEE -> {
                        int local = caseLocal(Bytecode.GLOBAL_GET_ADD_CONST_SET);
                        pc += local;
                        sp += local;
                        int sum = (int) globals[bc[pc + 1]].bits() + bc[pc + 4];
                        frame.setIntStatic(bc[pc + 5], sum);
                        if (op == Bytecode.GLOBAL_GET_ADD_CONST_TEE) {
                            frame.setIntStatic(sp, sum);
                            sp++;
                        }
                        pc += 6;
                    }
                    case Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET -> {
                        int local = caseLocal(Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET);
                        pc += local;
                        sp += local;
                        int sum = (int) globals[bc[pc + 1]].bits() + bc[pc + 4];
                        frame.setIntStatic(bc[pc + 5], sum);
                        globals[bc[pc + 7]].setBits(sum);
                        pc += 9;
                    }
                    case Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET -> {
                        int local = caseLocal(Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET);
                        pc += local;
                        sp += local;
                        globals[bc[pc + 5]].setBits(frame.getIntStatic(bc[pc + 1]) + bc[pc + 3]);
                        pc += 7;
                    }
                    case Bytecode.EPILOGUE -> {
                        int local = caseLocal(Bytecode.EPILOGUE);
                        pc += local;
                        sp += local;
                        copyLocal(frame, numeric, sp - 1, bc[pc + 1]);
                        globals[bc[pc + 7]].setBits(frame.getIntStatic(bc[pc + 3]) + bc[pc + 5]);
                        pc += 11;
                    }
                    case Bytecode.I32_ADD_CONST -> {
                        int local = caseLocal(Bytecode.I32_ADD_CONST);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) + bc[pc + 1]);
                        pc += 2;
                    }
                    case Bytecode.I32_ADD_CONST_SET -> {
                        int local = caseLocal(Bytecode.I32_ADD_CONST_SET);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(bc[pc + 2], frame.getIntStatic(sp) + bc[pc + 1]);
                        pc += 3;
                    }
                    case Bytecode.I32_ADD_CONST_TEE -> {
                        int local = caseLocal(Bytecode.I32_ADD_CONST_TEE);
                        pc += local;
                        sp += local;
                        int sum = frame.getIntStatic(sp - 1) + bc[pc + 1];
                        frame.setIntStatic(sp - 1, sum);
                        frame.setIntStatic(bc[pc + 2], sum);
                        pc += 3;
                    }
                    case Bytecode.MEMORY_SIZE -> {
                        int local = caseLocal(Bytecode.MEMORY_SIZE);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp, (int) memory.pages());
                        sp++;
                        pc++;
                    }
                    case Bytecode.MEMORY_GROW -> {
                        int local = caseLocal(Bytecode.MEMORY_GROW);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, (int) growMemory(memory, frame.getIntStatic(sp - 1)));
                        pc++;
                    }
                    case Bytecode.I32_CONST -> {
                        int local = caseLocal(Bytecode.I32_CONST);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp, bc[pc + 1]);
                        sp++;
                        pc += 2;
                    }
                    case Bytecode.I64_CONST -> {
                        int local = caseLocal(Bytecode.I64_CONST);
                        pc += local;
                        sp += local;
                        frame.setLongStatic(sp, longImmediate(bc, pc + 1));
                        sp++;
                        pc += 3;
                    }
                    case Bytecode.F32_CONST -> {
                        int local = caseLocal(Bytecode.F32_CONST);
                        pc += local;
                        sp += local;
                        frame.setFloatStatic(sp, Float.intBitsToFloat(bc[pc + 1]));
                        sp++;
                        pc += 2;
                    }
                    case Bytecode.F64_CONST -> {
                        int local = caseLocal(Bytecode.F64_CONST);
                        pc += local;
                        sp += local;
                        frame.setDoubleStatic(sp, Double.longBitsToDouble(longImmediate(bc, pc + 1)));
                        sp++;
                        pc += 3;
                    }
                    case Bytecode.REF_NULL -> {
                        int local = caseLocal(Bytecode.REF_NULL);
                        pc += local;
                        sp += local;
                        frame.setObjectStatic(sp, null);
                        sp++;
                        pc++;
                    }
                    case Bytecode.REF_IS_NULL -> {
                        int local = caseLocal(Bytecode.REF_IS_NULL);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, frame.getObjectStatic(sp - 1) == null ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.REF_FUNC -> {
                        int local = caseLocal(Bytecode.REF_FUNC);
                        pc += local;
                        sp += local;
                        frame.setObjectStatic(sp, functions[bc[pc + 1]]);
                        sp++;
                        pc += 2;
                    }
                    case Bytecode.MEMORY_INIT -> {
                        int local = caseLocal(Bytecode.MEMORY_INIT);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        memoryInit(instance, memory, bc[pc + 1], frame.getIntStatic(sp), frame.getIntStatic(sp + 1), frame.getIntStatic(sp + 2));
                        pc += 2;
                    }
                    case Bytecode.DATA_DROP -> {
                        int local = caseLocal(Bytecode.DATA_DROP);
                        pc += local;
                        sp += local;
                        instance.droppedData[bc[pc + 1]] = true;
                        pc += 2;
                    }
                    case Bytecode.MEMORY_COPY -> {
                        int local = caseLocal(Bytecode.MEMORY_COPY);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        memory.copy(Integer.toUnsignedLong(frame.getIntStatic(sp)), Integer.toUnsignedLong(frame.getIntStatic(sp + 1)),
                                        Integer.toUnsignedLong(frame.getIntStatic(sp + 2)), this);
                        pc++;
                    }
                    case Bytecode.MEMORY_FILL -> {
                        int local = caseLocal(Bytecode.MEMORY_FILL);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        memory.fill(Integer.toUnsignedLong(frame.getIntStatic(sp)), (byte) frame.getIntStatic(sp + 1),
                                        Integer.toUnsignedLong(frame.getIntStatic(sp + 2)), this);
                        pc++;
                    }
                    case Bytecode.TABLE_INIT -> {
                        int local = caseLocal(Bytecode.TABLE_INIT);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        tables[bc[pc + 2]].initialize(elementSegments[bc[pc + 1]], Integer.toUnsignedLong(frame.getIntStatic(sp + 1)),
                                        Integer.toUnsignedLong(frame.getIntStatic(sp)), Integer.toUnsignedLong(frame.getIntStatic(sp + 2)), this);
                        pc += 3;
                    }
                    case Bytecode.ELEM_DROP -> {
                        int local = caseLocal(Bytecode.ELEM_DROP);
                        pc += local;
                        sp += local;
                        elementSegments[bc[pc + 1]] = EMPTY_SEGMENT;
                        pc += 2;
                    }
                    case Bytecode.TABLE_COPY -> {
                        int local = caseLocal(Bytecode.TABLE_COPY);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        Table.copy(tables[bc[pc + 1]], Integer.toUnsignedLong(frame.getIntStatic(sp)), tables[bc[pc + 2]],
                                        Integer.toUnsignedLong(frame.getIntStatic(sp + 1)), Integer.toUnsignedLong(frame.getIntStatic(sp + 2)), this);
                        pc += 3;
                    }
                    case Bytecode.TABLE_GROW -> {
                        int local = caseLocal(Bytecode.TABLE_GROW);
                        pc += local;
                        sp += local;
                        Table table = tables[bc[pc + 1]];
                        sp--;
                        frame.setIntStatic(sp - 1, (int) growTable(table, frame.getIntStatic(sp), frame.getObjectStatic(sp - 1)));
                        pc += 2;
                    }
                    case Bytecode.TABLE_SIZE -> {
                        int local = caseLocal(Bytecode.TABLE_SIZE);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp, (int) tables[bc[pc + 1]].size());
                        sp++;
                        pc += 2;
                    }
                    case Bytecode.TABLE_FILL -> {
                        int local = caseLocal(Bytecode.TABLE_FILL);
                        pc += local;
                        sp += local;
                        sp -= 3;
                        tables[bc[pc + 1]].fill(Integer.toUnsignedLong(frame.getIntStatic(sp)), frame.getObjectStatic(sp + 1),
                                        Integer.toUnsignedLong(frame.getIntStatic(sp + 2)), this);
                        pc += 2;
                    }
                    // The commonest numeric instructions run here, without the calls and second dispatch of the others.
                    case Bytecode.I32_EQZ -> {
                        int local = caseLocal(Bytecode.I32_EQZ);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) == 0 ? 1 : 0);
                        pc++;
                    }
                    // The i32 comparisons and binary operators have a case each: a case shared by several, switching on the
                    // opcode again, cost the interpreter a second indirect jump per instruction.
                    case Bytecode.I32_EQ -> {
                        int local = caseLocal(Bytecode.I32_EQ);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a == b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_NE -> {
                        int local = caseLocal(Bytecode.I32_NE);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a != b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_LT_S -> {
                        int local = caseLocal(Bytecode.I32_LT_S);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a < b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_LT_U -> {
                        int local = caseLocal(Bytecode.I32_LT_U);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, Integer.compareUnsigned(a, b) < 0 ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_GT_S -> {
                        int local = caseLocal(Bytecode.I32_GT_S);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a > b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_GT_U -> {
                        int local = caseLocal(Bytecode.I32_GT_U);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, Integer.compareUnsigned(a, b) > 0 ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_LE_S -> {
                        int local = caseLocal(Bytecode.I32_LE_S);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a <= b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_LE_U -> {
                        int local = caseLocal(Bytecode.I32_LE_U);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, Integer.compareUnsigned(a, b) <= 0 ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_GE_S -> {
                        int local = caseLocal(Bytecode.I32_GE_S);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, a >= b ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_GE_U -> {
                        int local = caseLocal(Bytecode.I32_GE_U);
                        pc += local;
                        sp += local;
                        sp--;
                        int a = frame.getIntStatic(sp - 1);
                        int b = frame.getIntStatic(sp);
                        frame.setIntStatic(sp - 1, Integer.compareUnsigned(a, b) >= 0 ? 1 : 0);
                        pc++;
                    }
                    case Bytecode.I32_ADD -> {
                        int local = caseLocal(Bytecode.I32_ADD);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) + frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_SUB -> {
                        int local = caseLocal(Bytecode.I32_SUB);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) - frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_MUL -> {
                        int local = caseLocal(Bytecode.I32_MUL);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) * frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_AND -> {
                        int local = caseLocal(Bytecode.I32_AND);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) & frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_OR -> {
                        int local = caseLocal(Bytecode.I32_OR);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) | frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_XOR -> {
                        int local = caseLocal(Bytecode.I32_XOR);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) ^ frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_SHL -> {
                        int local = caseLocal(Bytecode.I32_SHL);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) << frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_SHR_S -> {
                        int local = caseLocal(Bytecode.I32_SHR_S);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) >> frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_SHR_U -> {
                        int local = caseLocal(Bytecode.I32_SHR_U);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setIntStatic(sp - 1, frame.getIntStatic(sp - 1) >>> frame.getIntStatic(sp));
                        pc++;
                    }
                    case Bytecode.I64_ADD -> {
                        int local = caseLocal(Bytecode.I64_ADD);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setLongStatic(sp - 1, frame.getLongStatic(sp - 1) + frame.getLongStatic(sp));
                        pc++;
                    }
                    case Bytecode.I64_SUB -> {
                        int local = caseLocal(Bytecode.I64_SUB);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setLongStatic(sp - 1, frame.getLongStatic(sp - 1) - frame.getLongStatic(sp));
                        pc++;
                    }
                    // The f64 arithmetic of numeric C code (n-body, matrices): a case each, as the i32 operators.
                    case Bytecode.F64_ADD -> {
                        int local = caseLocal(Bytecode.F64_ADD);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setDoubleStatic(sp - 1, frame.getDoubleStatic(sp - 1) + frame.getDoubleStatic(sp));
                        pc++;
                    }
                    case Bytecode.F64_SUB -> {
                        int local = caseLocal(Bytecode.F64_SUB);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setDoubleStatic(sp - 1, frame.getDoubleStatic(sp - 1) - frame.getDoubleStatic(sp));
                        pc++;
                    }
                    case Bytecode.F64_MUL -> {
                        int local = caseLocal(Bytecode.F64_MUL);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setDoubleStatic(sp - 1, frame.getDoubleStatic(sp - 1) * frame.getDoubleStatic(sp));
                        pc++;
                    }
                    case Bytecode.F64_DIV -> {
                        int local = caseLocal(Bytecode.F64_DIV);
                        pc += local;
                        sp += local;
                        sp--;
                        frame.setDoubleStatic(sp - 1, frame.getDoubleStatic(sp - 1) / frame.getDoubleStatic(sp));
                        pc++;
                    }
                    case Bytecode.I32_WRAP_I64 -> {
                        int local = caseLocal(Bytecode.I32_WRAP_I64);
                        pc += local;
                        sp += local;
                        frame.setIntStatic(sp - 1, (int) frame.getLongStatic(sp - 1));
                        pc++;
                    }
                    case Bytecode.I64_EXTEND_I32_S -> {
                        int local = caseLocal(Bytecode.I64_EXTEND_I32_S);
                        pc += local;
                        sp += local;
                        frame.setLongStatic(sp - 1, frame.getIntStatic(sp - 1));
                        pc++;
                    }
                    case Bytecode.I64_EXTEND_I32_U -> {
                        int local = caseLocal(Bytecode.I64_EXTEND_I32_U);
                        pc += local;
                        sp += local;
                        frame.setLongStatic(sp - 1, Integer.toUnsignedLong(frame.getIntStatic(sp - 1)));
                        pc++;
                    }
                    default -> {
                        int local = caseLocal(CASE_ZERO.length - 1);
                        pc += local;
                        sp += local;
                        // The other numeric instructions: 0x45..0xC4 and the saturating truncations.
                        sp = NumericInstructions.execute(frame, sp, op, this);
                        pc++;
                    }
                }
            } catch (Trap trap) {
                // A trap in a copy of an inlined function is raised again in a call of that function, to be reported
                // there. Partial evaluation folds the test: pc is a constant.
                if (isInCopy(pc)) {
                    throw trapInCopy(trap, pc);
                }
                throw trap;
            }
        }
    }

    /**
     * Zero, in a way that the compiler of the interpreter itself (native image, HotSpot) cannot see: each case of the
     * dispatch switch adds it to pc and sp first. Without it, that compiler numbers the expressions that several cases
     * share ({@code pc + 2}, {@code sp - 1}, ...) once, computes them before the switch, where the cases meet, and
     * spills them to the stack at every instruction dispatched: in the native launcher, about 20 of the 90 machine
     * instructions per wasm instruction. A load that differs per case ({@code key}) keeps them in their case.
     * Partial evaluation folds it to 0 ({@link #CASE_ZERO} is compilation-final). It does not test
     * {@code inInterpreter()}: with that call in it, this method stayed a call, with an exception edge, at each of the
     * 86 cases of the graph that partial evaluation decodes on the JVM (6,470 nodes instead of 4,400), and each
     * instruction that partial evaluation explodes copies two arrays as long as that graph (see the README's Benchmarks).
     */
    private static int caseLocal(int key) {
        return CASE_LOCAL_ARITHMETIC ? CASE_ZERO[key] : 0;
    }

    /**
     * Raises {@code trap}, which the copy of an inlined function at {@code pc} caused, again in a call of that function
     * (which raises it at once, see {@link FunctionRootNode#execute}), and returns it: its stack trace then shows the
     * function, called from this one, as a real call would have.
     */
    @TruffleBoundary
    Trap trapInCopy(Trap trap, int pc) {
        // The copies around pc, the outer first (a copy comes before those inside it).
        CallTarget[] copied = new CallTarget[0];
        for (int i = 0; i < inlinedCopies.length; i += 3) {
            if (pc >= inlinedCopies[i] && pc < inlinedCopies[i + 1]) {
                copied = Arrays.copyOf(copied, copied.length + 1);
                copied[copied.length - 1] = module.callTarget(inlinedCopies[i + 2]);
            }
        }
        if (copied.length == 0) {
            return trap;
        }
        return raiseIn(trapCall, trap, copied);
    }

    /** Raises {@code trap} in a call of {@code copied[0]} through {@code call}, which passes it on to the others. */
    static Trap raiseIn(IndirectCallNode call, Trap trap, CallTarget[] copied) {
        try {
            call.call(copied[0], new InlinedTrap(trap, Arrays.copyOfRange(copied, 1, copied.length)));
        } catch (Trap raised) {
            return raised;
        }
        throw CompilerDirectives.shouldNotReachHere("the call of an inlined function did not raise its trap");
    }

    /**
     * Calls the region entered at {@code pc} (compiled code of a function with regions only); returns the index of its
     * exit. Out of {@link #executeFrom}, whose bytecode must stay small enough for HotSpot to compile it (see
     * {@code InterpreterMethodSizeTest}).
     */
    private int callRegion(VirtualFrame frame, WasmInstance instance, int pc, int sp) {
        DirectCallNode call = regionCalls[pc];
        if (call == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            call = regionCall(pc, sp, frame.materialize(), instance);
        }
        return (Integer) call.call(frame, instance, Boolean.FALSE);
    }

    /** Whether {@code pc} lies in a copy of an inlined function (see {@link #inCopy}). */
    private boolean isInCopy(int pc) {
        return inCopy.length != 0 && inCopy[pc];
    }

    /** On a function's first call, if it has regions (before anything is compiled): see {@link #prepareRegions}. */
    private void ensureRegionsPrepared(VirtualFrame frame, WasmInstance instance) {
        if (regionStarts.length > 0 && !regionsPrepared) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            prepareRegions(frame.materialize(), instance);
        }
    }

    /** Leaves {@code region} for {@code pc}: returns the exit's index, boxed. */
    private static Object regionExit(RegionRootNode region, int pc, int sp, int loopCount) {
        if (loopCount > 0 && CompilerDirectives.inInterpreter()) {
            // Loops inside a region count towards compiling the region (it has no OSR of its own).
            LoopNode.reportLoopCount(region, loopCount);
        }
        return region.exit(pc, sp);
    }

    /** Makes the entries of the regions, and of every place a region may exit to, before anything is compiled. */
    @TruffleBoundary
    private void prepareRegions(MaterializedFrame frame, WasmInstance instance) {
        var lock = getLock();
        lock.lock();
        try {
            if (!regionsPrepared) {
                for (int start : regionStarts) {
                    regionCall(start, code[start + 2], frame, instance);
                }
                regionsPrepared = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the region entered at {@code pc} from the function's own code and its call, and those where its
     * known exits lead, unless {@code pc} is the function's own (or a return, which the function's code
     * does). Each new call target is called once at once, in a way that returns without running anything:
     * a call target's first call from compiled code would deoptimize it, and its argument and result
     * profiles see the types of every later call.
     */
    @TruffleBoundary
    DirectCallNode regionCall(int pc, int sp, MaterializedFrame frame, WasmInstance instance) {
        var lock = getLock();
        lock.lock();
        try {
            int[] pending = {pc, sp};
            int count = 2;
            while (count > 0) {
                int height = pending[--count];
                int at = pending[--count];
                if (at < regionCodeStart || code[at] == Bytecode.RETURN || regionCalls[at] != null) {
                    continue;
                }
                int r = Arrays.binarySearch(regionStarts, at);
                r = r >= 0 ? r : -r - 2;
                int end = r + 1 < regionStarts.length ? regionStarts[r + 1] : code.length;
                if (knownExits[r] == null) {
                    knownExits[r] = RegionExits.of(code, regionStarts[r], end);
                }
                int[] exits = knownExits[r];
                RegionRootNode entry = new RegionRootNode(language, this, regionStarts[r], end, at, height, exits);
                regionEntries[at] = entry;
                regionCalls[at] = insert(DirectCallNode.create(entry.getCallTarget()));
                entry.getCallTarget().call(frame, instance, Boolean.TRUE);
                if (count + exits.length > pending.length) {
                    pending = Arrays.copyOf(pending, Math.max(pending.length * 2, count + exits.length));
                }
                System.arraycopy(exits, 0, pending, count, exits.length);
                count += exits.length;
            }
            return regionCalls[pc];
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies a local to the operand stack or back. Where every local is a number, only the primitive half of the
     * frame slots is copied: a stack slot that once held a reference keeps it until overwritten by one, unread.
     */
    private static void copyLocal(VirtualFrame frame, boolean numericLocals, int from, int to) {
        if (numericLocals) {
            frame.copyPrimitiveStatic(from, to);
        } else {
            frame.copyStatic(from, to);
        }
    }

    /**
     * Puts into slot {@code to} the value that load {@code loadOpcode} reads at local {@code local} plus
     * {@code offset} (a fused {@code local.get} + load). {@code i32.load}, the commonest, reads the address
     * from the local itself; the others go through the stack slot.
     */
    private void loadFromLocal(VirtualFrame frame, boolean numericLocals, LinearMemory memory, int local, int loadOpcode, int offset, int to) {
        if (loadOpcode == Bytecode.I32_LOAD) {
            frame.setIntStatic(to, memory.loadI32(MemoryInstructions.address(frame, local, offset), this));
        } else {
            copyLocal(frame, numericLocals, local, to);
            MemoryInstructions.load(frame, to + 1, loadOpcode, memory, offset, this);
        }
    }

    /**
     * A fused store: the value in slot {@code value} at the address in slot {@code address} plus {@code offset}. An
     * i32 store, the commonest, is tested for first: {@link MemoryInstructions#store}'s switch on the opcode cost the
     * interpreter a second indirect jump.
     */
    private void storeFromLocals(VirtualFrame frame, LinearMemory memory, int address, int value, int storeOpcode, int offset) {
        if (storeOpcode == Bytecode.I32_STORE) {
            memory.storeI32(MemoryInstructions.address(frame, address, offset), frame.getIntStatic(value), this);
        } else {
            MemoryInstructions.store(frame, address, value, storeOpcode, memory, offset, this);
        }
    }

    /** Returns {@code condition}, recording it in {@code branchProfiles[index]} (see {@link #branchProfiles}). */
    private static boolean profile(byte[] branchProfiles, int index, boolean condition) {
        byte seen = branchProfiles[index];
        byte way = condition ? TAKEN : NOT_TAKEN;
        if ((seen & way) == 0) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            branchProfiles[index] = (byte) (seen | way);
        }
        return condition;
    }

    /**
     * In compiled code, clears the frame's slots from {@code sp} up: at a loop's entry and its backward
     * branches they hold dead operands, which would otherwise become loop phis that every deoptimization
     * state inside the loop keeps alive (spilled, and moved at each iteration).
     */
    @ExplodeLoop
    private void clearStackAbove(VirtualFrame frame, int sp) {
        if (CompilerDirectives.inCompiledCode()) {
            // The node's frame size, a constant: a region's frame is its function's, an argument.
            for (int i = sp; i < frameSize; i++) {
                frame.clearStatic(i);
            }
        }
    }

    /**
     * In compiled code, clears the frame's slots from {@code sp} up on a forward branch, where control may merge
     * with other paths. Dead operands above the stack pointer can hold values of other kinds on the other paths
     * (an i32 here, an i64 there), and Truffle's frame verification deoptimizes at a merge of different kinds,
     * then recompiles without virtualizing the frame. Cleared on this path, a slot merges with anything. Not in a
     * function with regions: its frame is materialized, so a clear there would be a real store per slot.
     */
    private void clearBeforeMerge(VirtualFrame frame, int sp) {
        // The interpreter tests nothing here: inCompiledCode() is false in it, whatever compiled it.
        if (CompilerDirectives.inCompiledCode() && regionStarts.length == 0) {
            clearStackAbove(frame, sp);
        }
    }

    /**
     * {@link #clearBeforeMerge} for a return: every operand slot but the results, below them as well as above. Its
     * caller tests {@code inCompiledCode()} (before the opcode, so that the interpreter's dispatch does not).
     */
    @ExplodeLoop
    private void clearBeforeReturn(VirtualFrame frame, int sp) {
        if (regionStarts.length == 0) {
            for (int i = localCount; i < sp - resultTypes.length; i++) {
                frame.clearStatic(i);
            }
            clearStackAbove(frame, sp);
        }
    }

    /** Moves the top {@code arity} values down to {@code destination} (a branch's label height). */
    @ExplodeLoop
    private static int moveResults(VirtualFrame frame, int sp, int arity, int destination) {
        int from = sp - arity;
        if (from != destination) {
            for (int i = 0; i < arity; i++) {
                frame.copyStatic(from + i, destination + i);
            }
        }
        return destination + arity;
    }

    /** A backward branch to {@code target}, with the stack pointer {@code sp} there. */
    private Object backEdge(VirtualFrame frame, int target, int sp, int loopCount, RegionRootNode region) {
        clearStackAbove(frame, sp);
        TruffleSafepoint.poll(this);
        // A loop inside a region is not replaced on the stack: OSR code would run the rest of the function,
        // not the region. The region itself is compiled after a few calls. Nor is a loop of a region's code
        // that the function's interpreter runs inline: its compiled code would only call the region, whose
        // interpreter would run the loop. The function's own loop (its dispatch) is the one to replace.
        if (CompilerDirectives.inInterpreter() && isInterpretedOnly()) {
            spendInterpreted();
        } else if (region == null && target < regionCodeStart && CompilerDirectives.inInterpreter() && osrPoll(target)) {
            Object result = BytecodeOSRNode.tryOSR(this, target, null, null, frame);
            if (result != null) {
                LoopNode.reportLoopCount(this, loopCount);
                return result;
            }
        }
        return null;
    }

    /**
     * Whether to try OSR at this backward branch to {@code target}. Truffle's poll says yes every 1024 backward
     * branches once the function has run enough of them, at whichever loop is running then: most often an inner
     * one, which runs the most. Compiled from an inner loop's header, the code enters the loop nest in its middle
     * (in the native launcher, cold nbody took 0.60 s that way and 0.47 s entering at its outer loop, 3 runs each).
     * So a yes at an inner loop waits for the next backward branch of the outermost loop around it; unless that loop
     * does not come round within {@link #MAX_OSR_DEFERRALS} more polls (an inner loop that runs long by itself), and
     * then the inner loop is compiled after all.
     */
    private boolean osrPoll(int target) {
        boolean poll = BytecodeOSRNode.pollOSRBackEdge(this, 1);
        if (Bytecode.outermostLoop(code, target) >= 0) {
            if (poll && osrDeferrals < MAX_OSR_DEFERRALS) {
                osrDeferrals++;
                return false;
            }
            return poll;
        }
        if (osrDeferrals > 0) {
            osrDeferrals = 0;
            return true;
        }
        return poll;
    }

    private static long longImmediate(int[] bc, int at) {
        return (bc[at] & 0xFFFFFFFFL) | ((long) bc[at + 1] << 32);
    }

    /** The function at {@code index} of {@code table} for call_indirect, checked against the expected type. */
    private WasmFunction tableFunction(Table table, int index, FunctionType expected) {
        long i = Integer.toUnsignedLong(index);
        if (i >= table.size()) {
            CompilerDirectives.transferToInterpreter();
            throw Trap.create(TrapKind.UNDEFINED_ELEMENT, this);
        }
        Object element = table.get(i, this);
        if (element == null) {
            CompilerDirectives.transferToInterpreter();
            throw Trap.create(TrapKind.UNINITIALIZED_ELEMENT, this);
        }
        WasmFunction function = (WasmFunction) element;
        FunctionType actual = function.type();
        if (actual != expected) {
            // Equal types can be distinct objects (a table shared between modules, or a type declared twice).
            // Until that is seen here, compiled code does not include the structural comparison: a call on a
            // path that rejoins the fast path would keep the call's reads from being hoisted out of loops.
            if (!structuralTypeChecks) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                structuralTypeChecks = true;
            }
            if (!typesEqual(actual, expected)) {
                CompilerDirectives.transferToInterpreter();
                throw Trap.create(TrapKind.INDIRECT_CALL_TYPE_MISMATCH, this);
            }
        }
        return function;
    }

    @TruffleBoundary
    private static boolean typesEqual(FunctionType a, FunctionType b) {
        return a.equals(b);
    }

    @ExplodeLoop
    private static Object[] popArguments(VirtualFrame frame, int sp, FunctionType type, Object calleeInstance) {
        int n = type.paramCount();
        Object[] args = new Object[n + 1];
        args[0] = calleeInstance;
        int base = sp - n;
        for (int i = 0; i < n; i++) {
            args[i + 1] = StackValues.box(frame, base + i, type.param(i));
        }
        return args;
    }

    @ExplodeLoop
    private static int pushResults(VirtualFrame frame, int sp, FunctionType type, Object result) {
        int n = type.resultCount();
        if (n == 1) {
            StackValues.unbox(frame, sp, type.result(0), result);
        } else if (n > 1) {
            Object[] values = (Object[]) result;
            for (int i = 0; i < n; i++) {
                StackValues.unbox(frame, sp + i, type.result(i), values[i]);
            }
        }
        return sp + n;
    }

    @ExplodeLoop
    private Object collectResults(VirtualFrame frame, int sp) {
        int n = resultTypes.length;
        if (n == 0) {
            return NO_RESULT;
        } else if (n == 1) {
            return StackValues.box(frame, sp - 1, resultTypes[0]);
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = StackValues.box(frame, sp - n + i, resultTypes[i]);
        }
        return values;
    }

    @TruffleBoundary
    private static long growMemory(LinearMemory memory, int deltaPages) {
        return memory.grow(Integer.toUnsignedLong(deltaPages));
    }

    @TruffleBoundary
    private static long growTable(Table table, int delta, Object init) {
        return table.grow(Integer.toUnsignedLong(delta), init);
    }

    private void memoryInit(WasmInstance instance, LinearMemory memory, int dataIndex, int dst, int offset, int length) {
        ModuleDescription description = module.description();
        DataSegment segment = description.dataSegments()[dataIndex];
        int segmentLength = instance.droppedData[dataIndex] ? 0 : segment.dataLength();
        memory.initialize(description.bytes(), segment.dataOffset(), segmentLength, Integer.toUnsignedLong(offset), Integer.toUnsignedLong(dst),
                        Integer.toUnsignedLong(length), this);
    }
}
