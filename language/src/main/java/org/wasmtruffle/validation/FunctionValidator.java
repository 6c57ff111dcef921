package org.wasmtruffle.validation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.wasmtruffle.binary.BinaryReader;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.BytecodeInliner;
import org.wasmtruffle.interpreter.BytecodeWriter;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.module.ValueType;

/**
 * Reads one function body, validates it with the specification's algorithm (operand and control stacks,
 * polymorphic stack after unconditional branches) and, when asked, translates it into the interpreter's
 * bytecode in the same pass. Every body is validated once when its module is loaded; the translation runs
 * on the function's first call, so that only functions that run are ever translated.
 *
 * <p>Malformed encodings inside the body are reported as {@link MalformedModuleException}, type errors as
 * {@link InvalidModuleException}, with the function and the byte offset.
 */
public final class FunctionValidator {
    /** The bottom type: what an empty stack yields in unreachable code. */
    private static final int UNKNOWN = -1;
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;
    private static final int F64 = 0x7C;
    private static final int V128 = 0x7B;
    private static final int FUNCREF = 0x70;
    private static final int EXTERNREF = 0x6F;

    private static final int KIND_FUNCTION = 0;
    private static final int KIND_BLOCK = 0x02;
    private static final int KIND_LOOP = 0x03;
    private static final int KIND_IF = 0x04;

    /** The most locals a function may declare; the specification allows up to 2^32 - 1, hosts set a limit. */
    static final long MAX_LOCALS = 50_000;

    /**
     * The largest body (in bytes, with its local declarations) whose calls are inlined: replaced in the caller's
     * bytecode by a copy of the body (see {@link BytecodeInliner}), if it has no loops or {@code br_table}s, only
     * numeric locals, and calls only functions that it inlines. A small body inlines only bodies that call
     * nothing, so copies nest once at most.
     * Validation already leaves room in the caller's frame for the copies: the frame size, known from
     * validation, is fixed before a body is translated.
     */
    public static final int INLINE_MAX_BYTES = 96;

    private static final int[] NONE = {};
    private static final int[][] SINGLE = new int[128][];
    static {
        for (ValueType t : ValueType.values()) {
            SINGLE[t.code] = new int[]{t.code};
        }
    }

    private final ModuleDescription module;
    private final BitSet declaredReferences;
    private final int functionIndex;
    private final BytecodeWriter out;
    private final BinaryReader reader;
    private final int end;
    /**
     * The {@link BodySummary summaries} of the module's defined functions, telling which calls are inlined; null
     * if this body inlines nothing (as in the validation of the small bodies that comes first).
     */
    private final int[] summaries;
    /** Whether the translation copies inlinable callees (else it only leaves room for them, as validation does). */
    private final boolean inlining;
    /** Whether calls of this body may be inlined: so far, it is small and has none of what prevents it. */
    private boolean inlinable;
    /** Whether this body is small: it inlines only leaf functions (which call nothing), so that copies nest once at most. */
    private final boolean small;
    /** Whether this body has calls. */
    private boolean calls;
    /** The bytecode of the callees inlined so far, by function index. */
    private Map<Integer, FunctionBytecode> inlinedBodies;
    /** The copies made so far: start, end and function of each (see {@link FunctionBytecode#inlinedCopies}). */
    private int[] inlinedCopies = NONE;
    private int inlinedCopyWords;

    private ValueType[] localTypes;
    private int localCount;

    private int[] values = new int[16];
    private int height;
    private int maxHeight;

    private int ctrlTop = -1;
    private int[] ctrlKind = new int[8];
    private int[][] ctrlParams = new int[8][];
    private int[][] ctrlResults = new int[8][];
    private int[] ctrlHeight = new int[8];
    private boolean[] ctrlUnreachable = new boolean[8];
    /** Whether no code is emitted for the frame: it began in unreachable code. */
    private boolean[] ctrlDead = new boolean[8];
    /** For loops: the bytecode position of the loop header. */
    private int[] ctrlLabel = new int[8];
    /** For ifs: the position of the conditional jump's target word, or -1 once patched. */
    private int[] ctrlElseFixup = new int[8];
    /** Positions of forward branch target words waiting for the frame's end. */
    private int[][] ctrlFixups = new int[8][];
    private int[] ctrlFixupCount = new int[8];

    private FunctionType[] callSiteTypes = new FunctionType[4];
    private int[] callSiteFunctions = new int[4];
    private int callSiteCount;
    /** Where the last {@code local.get} was emitted, for fusing it with the next instruction; -1 if none. */
    private int lastLocalGet = -1;
    /**
     * Where the {@code local.get} right before {@link #lastLocalGet} was emitted, if adjacent to it (with no label
     * between); -1 if none. Set only together with {@link #lastLocalGet}, so while the latter can still be fused,
     * this one is still a {@code local.get} right before it.
     */
    private int localGetBeforeLast = -1;
    /** Where the last {@code i32.const} was emitted, for fusing it with an add or subtract that follows; -1 if none. */
    private int lastI32Const = -1;
    /** Where the last {@link Bytecode#I32_ADD_CONST} was made, for fusing it with a {@code local.set} or {@code local.tee}. */
    private int lastAddConstant = -1;
    /** Where the last {@code global.get} of an i32 was emitted; -1 if none. */
    private int lastGlobalGet = -1;
    /**
     * Where the i32 {@code global.get} right before {@link #lastI32Const} was emitted, if adjacent to it (no label
     * between); -1 if none. Set with {@link #lastI32Const}, for fusing the three with an add and a {@code local.set}.
     */
    private int globalGetBeforeConst = -1;
    /**
     * Where the {@code local.get} right before {@link #lastI32Const} was emitted, if adjacent to it (no label between);
     * -1 if none. Set with {@link #lastI32Const}, for fusing the three with an add and an i32 {@code global.set}.
     */
    private int localGetBeforeConst = -1;
    /** Where the last {@link Bytecode#LOCAL_LOAD} of an i32 was made, for fusing it with an {@code i32.load} that follows. */
    private int lastLocalLoad = -1;
    /** Where the last {@code local.set} was emitted as itself (not fused); -1 if none. */
    private int lastLocalSet = -1;
    /**
     * Where the {@code local.set} right before {@link #lastLocalGet} was emitted, if adjacent to it (no label between);
     * -1 if none. Set with {@link #lastLocalGet}: when that {@code local.get} became a
     * {@link Bytecode#LOCAL_GET_ADD_CONST_GLOBAL_SET}, the set before it can join a {@code local.get} of its local that
     * follows ({@link Bytecode#EPILOGUE}).
     */
    private int localSetBeforeLastGet = -1;
    /** Where the last {@link Bytecode#LOCAL_GET_LOCAL_LOAD} of an i32 was made; -1 if none. */
    private int lastLocalGetLocalLoad = -1;
    /**
     * Where the {@link Bytecode#LOCAL_GET_LOCAL_LOAD} of an i32 right before {@link #lastI32Const} was made, if adjacent
     * to it (no label between); -1 if none. Set with {@link #lastI32Const}, for fusing the three with an add and an
     * {@code i32.store} at the same address ({@link Bytecode#I32_ADD_CONST_AT_LOCAL}).
     */
    private int localLoadBeforeConst = -1;
    /** Where the last comparison was emitted, for fusing it with a {@code br_if} or {@code if} that follows; -1 if none. */
    private int lastComparison = -1;
    /** Branch profile slots handed out so far (see {@link Bytecode#JUMP_IF_ZERO}). */
    private int profileCount;
    /** Whether this body is large enough to be split into regions (see {@link Bytecode#REGION_ENTRY}). */
    private final boolean splitting;
    /** For blocks and ifs: whether a large br_table branches to the frame's end, which then begins a region. */
    private boolean[] ctrlRegion = new boolean[8];
    /** The positions of the {@link Bytecode#REGION_ENTRY} instructions emitted so far. */
    private int[] regionStarts = new int[0];
    private int regionCount;

    /** The fewest entries of a br_table whose targets begin regions: a dispatch, not an ordinary branch. */
    static final int REGION_TABLE_SIZE = 16;

    private FunctionValidator(ModuleDescription module, BitSet declaredReferences, int functionIndex, boolean translate, int splitSize, int[] summaries,
                    boolean inlining) {
        this.module = module;
        this.declaredReferences = declaredReferences;
        this.functionIndex = functionIndex;
        this.out = translate ? new BytecodeWriter() : null;
        int start = module.codeOffset(functionIndex);
        this.end = start + module.codeLength(functionIndex);
        this.small = module.codeLength(functionIndex) <= INLINE_MAX_BYTES;
        this.inlinable = small;
        this.summaries = summaries;
        this.inlining = inlining && summaries != null;
        this.splitting = translate && splitSize > 0 && module.codeLength(functionIndex) >= splitSize;
        this.reader = new BinaryReader(module.name(), module.bytes(), start, end);
        reader.setEndReason(bodyEndReason());
    }

    /**
     * Validates the body of defined function {@code functionIndex}, inlining nothing.
     *
     * @param declaredFunctionReferences the functions that {@code ref.func} may name (the specification's C.refs)
     * @return the function's {@link BodySummary}: the frame slots it needs (locals plus the deepest operand stack)
     *         and whether it may be inlined
     */
    public static int validate(ModuleDescription module, BitSet declaredFunctionReferences, int functionIndex) {
        return validate(module, declaredFunctionReferences, functionIndex, null);
    }

    /**
     * Validates the body of defined function {@code functionIndex}.
     *
     * @param summaries the summaries of the module's defined functions, final for those of at most
     *            {@link #INLINE_MAX_BYTES}, so that the frame has room for those that this body's translation will
     *            inline; null: none
     * @return the function's {@link BodySummary}
     */
    public static int validate(ModuleDescription module, BitSet declaredFunctionReferences, int functionIndex, int[] summaries) {
        FunctionValidator v = new FunctionValidator(module, declaredFunctionReferences, functionIndex, false, 0, summaries, false);
        v.run();
        return v.summary();
    }

    private int summary() {
        long frameSize = (long) localCount + maxHeight;
        if (frameSize >= BodySummary.FRAME_SIZE_LIMIT) {
            throw invalid("the function needs too many frame slots: " + frameSize);
        }
        return BodySummary.of((int) frameSize, inlinable, calls);
    }

    /** Translates a validated function body into bytecode (validating it again on the way), never split into regions. */
    public static FunctionBytecode translate(ModuleDescription module, int functionIndex) {
        return translate(module, functionIndex, 0);
    }

    /** Translates a validated function body into bytecode (validating it again on the way), inlining nothing. */
    public static FunctionBytecode translate(ModuleDescription module, int functionIndex, int splitSize) {
        return translate(module, functionIndex, splitSize, null, false);
    }

    /**
     * Translates a validated function body into bytecode (validating it again on the way).
     *
     * @param splitSize a body of at least this many bytes has the targets of its large br_tables (the cases
     *            of a dispatch loop) marked as regions, compiled apart from the rest (see
     *            {@link Bytecode#REGION_ENTRY}); 0: never
     * @param summaries the module's {@link BodySummary summaries} from its validation (null if it was validated without
     *            them): the frame size of the translation is the one validation found
     * @param inlining whether calls of inlinable functions are replaced by copies of their bodies
     */
    public static FunctionBytecode translate(ModuleDescription module, int functionIndex, int splitSize, int[] summaries, boolean inlining) {
        FunctionValidator v = new FunctionValidator(module, null, functionIndex, true, splitSize, summaries, inlining);
        v.run();
        return new FunctionBytecode(v.out.toArray(), v.localTypes, v.localCount + v.maxHeight, Arrays.copyOf(v.callSiteTypes, v.callSiteCount),
                        Arrays.copyOf(v.callSiteFunctions, v.callSiteCount), v.profileCount, Arrays.copyOf(v.regionStarts, v.regionCount),
                        Arrays.copyOf(v.inlinedCopies, v.inlinedCopyWords));
    }

    private void run() {
        FunctionType type = module.functionType(functionIndex);
        readLocals(type);
        for (ValueType t : localTypes) {
            inlinable &= BytecodeInliner.canCopyLocal(t);
        }
        pushControl(KIND_FUNCTION, NONE, toCodes(type, false), false);
        readBody();
        if (reader.position() != end) {
            throw malformed("section size mismatch");
        }
    }

    // ---- reading

    private MalformedModuleException malformed(String reason) {
        return reader.malformed(reader.position(), reason);
    }

    private InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(module.name(), reason, "in function " + module.displayName(functionIndex) + " at byte offset " + reader.position());
    }

    /**
     * What running off the end of the body is called, in the reference decoder's words: it reads on into
     * whatever follows the body, so that depends on what does.
     */
    private String bodyEndReason() {
        if (end >= module.moduleLength()) {
            return BinaryReader.UNEXPECTED_END_OF_SECTION;
        }
        return functionIndex == module.functionCount() - 1 ? "section size mismatch" : "END opcode expected";
    }

    private int readByte() {
        return reader.readByte();
    }

    private int readU32() {
        return reader.readU32();
    }

    /** Reads an unsigned 32-bit index, rejecting values that cannot index a Java array. */
    private int readIndex() {
        int v = reader.readU32();
        return v < 0 ? Integer.MAX_VALUE : v;
    }

    private int readValueType() {
        int code = readByte();
        ValueType t = ValueType.fromCode(code);
        if (t == null) {
            throw malformed("malformed value type");
        }
        return code;
    }

    private int readReferenceType() {
        int code = readByte();
        if (code != FUNCREF && code != EXTERNREF) {
            throw malformed("malformed reference type");
        }
        return code;
    }

    private void readZeroByte() {
        if (readByte() != 0) {
            throw malformed("zero byte expected");
        }
    }

    private void readLocals(FunctionType type) {
        int groups = readU32();
        int groupsStart = reader.position();
        long total = type.paramCount();
        // First pass counts, so the locals array is allocated once.
        for (long g = 0; g < (groups & 0xFFFFFFFFL); g++) {
            total += readU32() & 0xFFFFFFFFL;
            readValueType();
            if (total > 0xFFFFFFFFL) {
                throw malformed("too many locals");
            }
        }
        if (total > MAX_LOCALS) {
            throw invalid("too many locals: " + total + " (at most " + MAX_LOCALS + " are supported)");
        }
        localCount = (int) total;
        localTypes = new ValueType[localCount];
        int n = 0;
        for (int i = 0; i < type.paramCount(); i++) {
            localTypes[n++] = type.param(i);
        }
        reader.setPosition(groupsStart);
        for (long g = 0; g < (groups & 0xFFFFFFFFL); g++) {
            int count = readU32();
            ValueType t = ValueType.fromCode(readValueType());
            for (int i = 0; i < count; i++) {
                localTypes[n++] = t;
            }
        }
    }

    private static int[] toCodes(FunctionType type, boolean params) {
        int n = params ? type.paramCount() : type.resultCount();
        if (n == 0) {
            return NONE;
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = (params ? type.param(i) : type.result(i)).code;
        }
        return codes;
    }

    // ---- operand stack

    private void push(int type) {
        if (height == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[height++] = type;
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    private int pop() {
        if (height == ctrlHeight[ctrlTop]) {
            if (ctrlUnreachable[ctrlTop]) {
                return UNKNOWN;
            }
            throw invalid("type mismatch");
        }
        return values[--height];
    }

    private int pop(int expected) {
        int actual = pop();
        if (actual != expected && actual != UNKNOWN && expected != UNKNOWN) {
            throw invalid("type mismatch");
        }
        return actual;
    }

    private void pop(int[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    private void push(int[] types) {
        for (int t : types) {
            push(t);
        }
    }

    private static boolean isNumeric(int t) {
        return t == I32 || t == I64 || t == F32 || t == F64 || t == V128;
    }

    private static boolean isReference(int t) {
        return t == FUNCREF || t == EXTERNREF;
    }

    // ---- control stack

    /**
     * The backward branch target of the outermost loop that encloses the one being opened (the top of the control
     * stack), or -1 if none does: see {@link Bytecode#LOOP_HEADER}.
     */
    private int outermostLoop() {
        for (int frame = 0; frame < ctrlTop; frame++) {
            if (ctrlKind[frame] == KIND_LOOP && ctrlLabel[frame] >= 0) {
                return ctrlLabel[frame];
            }
        }
        return -1;
    }

    private void pushControl(int kind, int[] params, int[] results, boolean dead) {
        ctrlTop++;
        if (ctrlTop == ctrlKind.length) {
            int n = ctrlKind.length * 2;
            ctrlKind = Arrays.copyOf(ctrlKind, n);
            ctrlParams = Arrays.copyOf(ctrlParams, n);
            ctrlResults = Arrays.copyOf(ctrlResults, n);
            ctrlHeight = Arrays.copyOf(ctrlHeight, n);
            ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
            ctrlDead = Arrays.copyOf(ctrlDead, n);
            ctrlLabel = Arrays.copyOf(ctrlLabel, n);
            ctrlElseFixup = Arrays.copyOf(ctrlElseFixup, n);
            ctrlFixups = Arrays.copyOf(ctrlFixups, n);
            ctrlFixupCount = Arrays.copyOf(ctrlFixupCount, n);
            ctrlRegion = Arrays.copyOf(ctrlRegion, n);
        }
        ctrlKind[ctrlTop] = kind;
        ctrlParams[ctrlTop] = params;
        ctrlResults[ctrlTop] = results;
        ctrlHeight[ctrlTop] = height;
        ctrlUnreachable[ctrlTop] = false;
        ctrlDead[ctrlTop] = dead;
        ctrlLabel[ctrlTop] = -1;
        ctrlElseFixup[ctrlTop] = -1;
        ctrlFixupCount[ctrlTop] = 0;
        ctrlRegion[ctrlTop] = false;
        push(params);
    }

    /** Checks the frame's results and pops the frame (its results are pushed again by the caller). */
    private void popControl() {
        pop(ctrlResults[ctrlTop]);
        if (height != ctrlHeight[ctrlTop]) {
            throw invalid("type mismatch");
        }
        ctrlTop--;
    }

    private void setUnreachable() {
        height = ctrlHeight[ctrlTop];
        ctrlUnreachable[ctrlTop] = true;
    }

    private int[] labelTypes(int frame) {
        return ctrlKind[frame] == KIND_LOOP ? ctrlParams[frame] : ctrlResults[frame];
    }

    private int labelFrame(int depth) {
        if (depth < 0 || depth > ctrlTop) {
            throw invalid("unknown label");
        }
        return ctrlTop - depth;
    }

    /** Emits an instruction, unless the code here is unreachable (or this pass only validates). */
    private void emit(int opcode) {
        if (emitting()) {
            out.emit(opcode);
        }
    }

    private void emit(int opcode, int immediate) {
        if (emitting()) {
            out.emit(opcode, immediate);
        }
    }

    private void emit(int opcode, int a, int b) {
        if (emitting()) {
            out.emit(opcode, a, b);
        }
    }

    private boolean emitting() {
        return out != null && !ctrlDead[ctrlTop] && !ctrlUnreachable[ctrlTop];
    }

    private int slot(int stackPosition) {
        return localCount + stackPosition;
    }

    private void addFixup(int frame, int position) {
        int[] list = ctrlFixups[frame];
        int n = ctrlFixupCount[frame];
        if (list == null) {
            list = new int[4];
            ctrlFixups[frame] = list;
        } else if (n == list.length) {
            list = Arrays.copyOf(list, n * 2);
            ctrlFixups[frame] = list;
        }
        list[n] = position;
        ctrlFixupCount[frame] = n + 1;
    }

    /** Emits the target, arity and destination slot of a branch to the label of {@code frame}. */
    private void emitBranchTarget(int frame) {
        if (ctrlKind[frame] == KIND_LOOP) {
            out.emit(ctrlLabel[frame]);
        } else {
            addFixup(frame, out.position());
            out.emit(-1);
        }
        out.emit(labelTypes(frame).length);
        out.emit(slot(ctrlHeight[frame]));
    }

    private void patchFixups(int frame, int target) {
        int[] list = ctrlFixups[frame];
        for (int i = 0; i < ctrlFixupCount[frame]; i++) {
            out.patch(list[i], target);
        }
        ctrlFixupCount[frame] = 0;
    }

    private int[][] readBlockType() {
        if (reader.atEnd()) {
            throw malformed(bodyEndReason());
        }
        int first = reader.peekByte();
        if (first == 0x40) {
            reader.readByte();
            return new int[][]{NONE, NONE};
        }
        if (ValueType.fromCode(first) != null) {
            reader.readByte();
            return new int[][]{NONE, SINGLE[first]};
        }
        long index = reader.readS33();
        if (index < 0) {
            throw malformed("malformed value type");
        }
        if (index >= module.typeCount()) {
            throw invalid("unknown type");
        }
        FunctionType t = module.type((int) index);
        return new int[][]{toCodes(t, true), toCodes(t, false)};
    }

    // ---- the body

    private void readBody() {
        while (ctrlTop >= 0) {
            int opcode = readByte();
            switch (opcode) {
                case 0x00 -> {
                    emit(Bytecode.UNREACHABLE);
                    setUnreachable();
                }
                case 0x01 -> {
                }
                case 0x02, 0x03 -> {
                    if (opcode == KIND_LOOP) {
                        inlinable = false;
                    }
                    int[][] bt = readBlockType();
                    pop(bt[0]);
                    boolean dead = !emitting();
                    pushControl(opcode, bt[0], bt[1], dead);
                    if (opcode == KIND_LOOP && !dead) {
                        // Backward branches go past the header, which only entering the loop runs (see LOOP_HEADER).
                        out.emit(Bytecode.LOOP_HEADER, outermostLoop(), slot(height));
                        ctrlLabel[ctrlTop] = out.position();
                    }
                }
                case 0x04 -> {
                    int[][] bt = readBlockType();
                    pop(I32);
                    pop(bt[0]);
                    boolean dead = !emitting();
                    int fixup = -1;
                    if (!dead) {
                        int comparison = fusableComparison();
                        if (comparison >= 0) {
                            out.set(lastComparison, Bytecode.JUMP_UNLESS_COMPARE);
                        } else {
                            out.emit(Bytecode.JUMP_IF_ZERO);
                        }
                        fixup = out.position();
                        out.emit(-1);
                        out.emit(profileCount++);
                        if (comparison >= 0) {
                            out.emit(comparison);
                        }
                    }
                    pushControl(KIND_IF, bt[0], bt[1], dead);
                    ctrlElseFixup[ctrlTop] = fixup;
                }
                case 0x05 -> {
                    if (ctrlKind[ctrlTop] != KIND_IF) {
                        throw malformed("else without matching if");
                    }
                    boolean wasEmitting = emitting();
                    pop(ctrlResults[ctrlTop]);
                    if (height != ctrlHeight[ctrlTop]) {
                        throw invalid("type mismatch");
                    }
                    if (wasEmitting) {
                        out.emit(Bytecode.JUMP);
                        addFixup(ctrlTop, out.position());
                        out.emit(-1);
                    }
                    if (!ctrlDead[ctrlTop]) {
                        out.patch(ctrlElseFixup[ctrlTop], out.position());
                    }
                    ctrlElseFixup[ctrlTop] = -1;
                    ctrlKind[ctrlTop] = KIND_BLOCK; // a second else is malformed; the rest behaves as a block
                    ctrlUnreachable[ctrlTop] = false;
                    push(ctrlParams[ctrlTop]);
                }
                case 0x0B -> end();
                case 0x0C -> {
                    int frame = labelFrame(readIndex());
                    pop(labelTypes(frame));
                    if (emitting()) {
                        out.emit(Bytecode.BR);
                        emitBranchTarget(frame);
                    }
                    setUnreachable();
                }
                case 0x0D -> {
                    int frame = labelFrame(readIndex());
                    pop(I32);
                    int[] types = labelTypes(frame);
                    pop(types);
                    push(types);
                    if (emitting()) {
                        int comparison = fusableComparison();
                        if (comparison >= 0) {
                            out.set(lastComparison, Bytecode.BR_IF_COMPARE);
                        } else {
                            out.emit(Bytecode.BR_IF);
                        }
                        emitBranchTarget(frame);
                        out.emit(profileCount++);
                        if (comparison >= 0) {
                            out.emit(comparison);
                        }
                    }
                }
                case 0x0E -> {
                    inlinable = false;
                    brTable();
                }
                case 0x0F -> {
                    int returnHeight = slot(height);
                    pop(ctrlResults[0]);
                    emit(Bytecode.RETURN, returnHeight);
                    setUnreachable();
                }
                case 0x10 -> {
                    int callee = readIndex();
                    if (callee >= module.functionCount()) {
                        throw invalid("unknown function");
                    }
                    FunctionType t = module.functionType(callee);
                    pop(toCodes(t, true));
                    boolean inline = inlines(callee);
                    calls = true;
                    inlinable &= inline;
                    if (inline) {
                        // Room for the copy: the callee's frame, from the slot of its first argument.
                        maxHeight = Math.max(maxHeight, height + BodySummary.frameSize(summaries[callee - module.importedFunctionCount()]));
                    }
                    if (emitting() && !(inline && inlining && inlineCall(callee, t))) {
                        // Only emitted calls get a call site (and so a call node).
                        out.emit(callee < module.importedFunctionCount() ? Bytecode.CALL_IMPORT : Bytecode.CALL, callee, addCallSite(t, callee));
                    }
                    push(toCodes(t, false));
                }
                case 0x11 -> {
                    int typeIndex = readIndex();
                    int tableIndex = readIndex();
                    if (tableIndex >= module.tableCount()) {
                        throw invalid("unknown table");
                    }
                    if (typeIndex >= module.typeCount()) {
                        throw invalid("unknown type");
                    }
                    if (module.table(tableIndex).elementType() != ValueType.FUNCREF) {
                        throw invalid("type mismatch");
                    }
                    inlinable = false;
                    FunctionType t = module.type(typeIndex);
                    pop(I32);
                    pop(toCodes(t, true));
                    if (emitting()) {
                        out.emit(Bytecode.CALL_INDIRECT);
                        out.emit(typeIndex, tableIndex);
                        out.emit(addCallSite(t, -1));
                    }
                    push(toCodes(t, false));
                }
                case 0x1A -> {
                    pop();
                    emit(Bytecode.DROP);
                }
                case 0x1B -> {
                    pop(I32);
                    int t1 = pop();
                    int t2 = pop();
                    if (!(isNumeric(t1) || t1 == UNKNOWN) || !(isNumeric(t2) || t2 == UNKNOWN)) {
                        throw invalid("type mismatch");
                    }
                    if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) {
                        throw invalid("type mismatch");
                    }
                    emit(Bytecode.SELECT);
                    push(t1 == UNKNOWN ? t2 : t1);
                }
                case 0x1C -> {
                    int n = readU32();
                    if (n != 1) {
                        throw invalid("invalid result arity");
                    }
                    int t = readValueType();
                    pop(I32);
                    pop(t);
                    pop(t);
                    emit(Bytecode.SELECT);
                    push(t);
                }
                case 0x20, 0x21, 0x22 -> {
                    int index = readIndex();
                    if (index >= localCount) {
                        throw invalid("unknown local");
                    }
                    int t = localTypes[index].code;
                    if (opcode != 0x20) {
                        pop(t);
                    }
                    boolean get = opcode == 0x20 && emitting();
                    if (get && localSetBeforeLastGet >= 0 && localSetBeforeLastGet + 2 == localGetBeforeConst
                                    && out.canFuseWith(localGetBeforeConst, Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET, 7)
                                    && out.get(localSetBeforeLastGet) == Bytecode.LOCAL_SET && out.get(localSetBeforeLastGet + 1) == index) {
                        // A C epilogue: the result kept in a local, the stack pointer restored, the result read back.
                        out.set(localSetBeforeLastGet, Bytecode.EPILOGUE);
                        out.emit(Bytecode.LOCAL_GET, index);
                        lastLocalGet = -1;
                        localGetBeforeLast = -1;
                        push(t);
                        break;
                    }
                    localGetBeforeLast = get && out.canFuseWith(lastLocalGet, Bytecode.LOCAL_GET, 2) ? lastLocalGet : -1;
                    localSetBeforeLastGet = get && out.canFuseWith(lastLocalSet, Bytecode.LOCAL_SET, 2) ? lastLocalSet : -1;
                    lastLocalGet = get ? out.position() : -1;
                    lastLocalSet = -1;
                    if (opcode != 0x20 && emitting() && out.canFuseWith(lastAddConstant, Bytecode.I32_ADD_CONST, 2)) {
                        // Adding a constant, then keeping the sum in a local: one instruction.
                        out.set(lastAddConstant, opcode == 0x21 ? Bytecode.I32_ADD_CONST_SET : Bytecode.I32_ADD_CONST_TEE);
                        out.emit(index);
                        if (globalGetBeforeConst >= 0 && globalGetBeforeConst + 3 == lastAddConstant && out.get(globalGetBeforeConst) == Bytecode.GLOBAL_GET) {
                            // And the global.get of the constant's operand before it (a C prologue's stack pointer).
                            out.set(globalGetBeforeConst, opcode == 0x21 ? Bytecode.GLOBAL_GET_ADD_CONST_SET : Bytecode.GLOBAL_GET_ADD_CONST_TEE);
                        }
                    } else {
                        lastLocalSet = opcode == 0x21 && emitting() ? out.position() : -1;
                        emit(Bytecode.ofBinary(opcode), index);
                    }
                    if (opcode != 0x21) {
                        push(t);
                    }
                }
                case 0x23, 0x24 -> {
                    int index = readIndex();
                    if (index >= module.globalCount()) {
                        throw invalid("unknown global");
                    }
                    int t = module.global(index).valueType().code;
                    if (opcode == 0x24) {
                        if (!module.global(index).mutable()) {
                            throw invalid("global is immutable");
                        }
                        pop(t);
                    }
                    lastGlobalGet = opcode == 0x23 && t == I32 && emitting() ? out.position() : -1;
                    if (opcode != 0x24 || t != I32 || !emitting() || !fuseGlobalSet(index)) {
                        emit(Bytecode.ofBinary(opcode), index, t);
                    }
                    if (opcode == 0x23) {
                        push(t);
                    }
                }
                case 0x25, 0x26 -> {
                    int index = table(readIndex());
                    int t = module.table(index).elementType().code;
                    if (opcode == 0x26) {
                        pop(t);
                    }
                    pop(I32);
                    emit(Bytecode.ofBinary(opcode), index);
                    if (opcode == 0x25) {
                        push(t);
                    }
                }
                case 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35 -> memoryAccess(opcode, LOAD_TYPES[opcode - 0x28], true);
                case 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E -> memoryAccess(opcode, LOAD_TYPES[opcode - 0x28], false);
                case 0x3F -> {
                    readZeroByte();
                    requireMemory();
                    emit(Bytecode.MEMORY_SIZE);
                    push(I32);
                }
                case 0x40 -> {
                    readZeroByte();
                    requireMemory();
                    pop(I32);
                    emit(Bytecode.MEMORY_GROW);
                    push(I32);
                }
                case 0x41 -> {
                    int v = reader.readS32();
                    globalGetBeforeConst = emitting() && out.canFuseWith(lastGlobalGet, Bytecode.GLOBAL_GET, 3) ? lastGlobalGet : -1;
                    localGetBeforeConst = emitting() && out.canFuseWith(lastLocalGet, Bytecode.LOCAL_GET, 2) ? lastLocalGet : -1;
                    localLoadBeforeConst = emitting() && out.canFuseWith(lastLocalGetLocalLoad, Bytecode.LOCAL_GET_LOCAL_LOAD, 5) ? lastLocalGetLocalLoad : -1;
                    lastI32Const = emitting() ? out.position() : -1;
                    emit(Bytecode.I32_CONST, v);
                    push(I32);
                }
                case 0x42 -> {
                    long v = reader.readS64();
                    if (emitting()) {
                        out.emit(Bytecode.I64_CONST);
                        out.emitLong(v);
                    }
                    push(I64);
                }
                case 0x43 -> {
                    int bits = reader.readFixed32();
                    emit(Bytecode.F32_CONST, bits);
                    push(F32);
                }
                case 0x44 -> {
                    long bits = reader.readFixed64();
                    if (emitting()) {
                        out.emit(Bytecode.F64_CONST);
                        out.emitLong(bits);
                    }
                    push(F64);
                }
                case 0xD0 -> {
                    int t = readReferenceType();
                    emit(Bytecode.REF_NULL);
                    push(t);
                }
                case 0xD1 -> {
                    int t = pop();
                    if (t != UNKNOWN && !isReference(t)) {
                        throw invalid("type mismatch");
                    }
                    emit(Bytecode.REF_IS_NULL);
                    push(I32);
                }
                case 0xD2 -> {
                    int index = readIndex();
                    if (index >= module.functionCount()) {
                        throw invalid("unknown function " + index);
                    }
                    if (declaredReferences != null && !declaredReferences.get(index)) {
                        throw invalid("undeclared function reference");
                    }
                    emit(Bytecode.REF_FUNC, index);
                    push(FUNCREF);
                }
                case 0xFC -> miscellaneous(readU32());
                case 0xFD -> throw invalid("SIMD instructions (0xFD prefix) are not supported yet");
                default -> {
                    if (opcode >= 0x45 && opcode <= 0xC4) {
                        numeric(opcode);
                    } else {
                        reader.setPosition(reader.position() - 1);
                        throw malformed("illegal opcode 0x" + Integer.toHexString(opcode));
                    }
                }
            }
        }
    }

    private void end() {
        int frame = ctrlTop;
        int kind = ctrlKind[frame];
        if (kind == KIND_IF && !Arrays.equals(ctrlParams[frame], ctrlResults[frame])) {
            // An if without else behaves as if the else branch passed its parameters through.
            throw invalid("type mismatch");
        }
        boolean dead = ctrlDead[frame];
        int[] results = ctrlResults[frame];
        popControl();
        if (out != null && !dead) {
            int here = out.position();
            if (ctrlRegion[frame]) {
                here = regionEntry(slot(ctrlHeight[frame]) + results.length);
            }
            if (ctrlElseFixup[frame] >= 0) {
                out.patch(ctrlElseFixup[frame], here);
            }
            patchFixups(frame, here);
            if (kind == KIND_FUNCTION) {
                out.emit(Bytecode.RETURN, slot(ctrlHeight[frame]) + results.length);
            }
        }
        if (kind != KIND_FUNCTION) {
            push(results);
        }
    }

    /**
     * Begins a region here, where a dispatch's case begins, and returns its position. Several cases that begin
     * at the same place (nothing emitted between their ends) share one region.
     */
    private int regionEntry(int sp) {
        int here = out.position();
        if (regionCount > 0 && regionStarts[regionCount - 1] + 3 == here) {
            return regionStarts[regionCount - 1];
        }
        if (regionCount == regionStarts.length) {
            regionStarts = Arrays.copyOf(regionStarts, Math.max(8, regionCount * 2));
        }
        regionStarts[regionCount] = here;
        out.emit(Bytecode.REGION_ENTRY, regionCount, sp);
        regionCount++;
        return here;
    }

    private void brTable() {
        int count = readU32();
        if (count < 0 || count > reader.remaining()) {
            // Every label takes at least one byte, so a larger count cannot be genuine.
            throw malformed("unexpected end");
        }
        int tableStart = reader.position();
        for (int i = 0; i < count; i++) {
            labelFrame(readIndex());
        }
        int defaultFrame = labelFrame(readIndex());
        pop(I32);
        int arity = labelTypes(defaultFrame).length;
        boolean emit = emitting();
        if (emit) {
            out.emit(Bytecode.BR_TABLE, count, profileCount);
            profileCount += count + 1;
        }
        reader.setPosition(tableStart);
        for (int i = 0; i <= count; i++) {
            int frame = labelFrame(readIndex());
            int[] types = labelTypes(frame);
            if (types.length != arity) {
                throw invalid("type mismatch");
            }
            // Each label's types are checked against the stack without consuming it (popping in
            // unreachable code yields unknown types and leaves the values array untouched).
            int saved = height;
            pop(types);
            height = saved;
            if (emit) {
                emitBranchTarget(frame);
                if (splitting && count >= REGION_TABLE_SIZE && ctrlKind[frame] != KIND_LOOP && ctrlKind[frame] != KIND_FUNCTION) {
                    ctrlRegion[frame] = true;
                }
            }
        }
        pop(labelTypes(defaultFrame));
        setUnreachable();
    }

    /** Whether this body inlines its calls of {@code callee}. */
    private boolean inlines(int callee) {
        int defined = callee - module.importedFunctionCount();
        if (summaries == null || defined < 0 || defined >= summaries.length) {
            return false;
        }
        int summary = summaries[defined];
        return BodySummary.inlinable(summary) && !(small && BodySummary.calls(summary));
    }

    /**
     * Emits a copy of {@code callee}'s body for a call of it, its arguments popped already; returns false if the
     * callee's bytecode turns out not to be copyable (then the call is emitted).
     */
    private boolean inlineCall(int callee, FunctionType type) {
        if (inlinedBodies == null) {
            inlinedBodies = new HashMap<>();
        }
        FunctionBytecode body = inlinedBodies.computeIfAbsent(callee, f -> translate(module, f, 0, summaries, true));
        if (!BytecodeInliner.canInline(body) || body.frameSize() != BodySummary.frameSize(summaries[callee - module.importedFunctionCount()])) {
            return false;
        }
        int start = out.position();
        int[] nested = BytecodeInliner.inline(out, body, type.paramCount(), type.resultCount(), slot(height), profileCount);
        profileCount += body.profileCount();
        if (inlinedCopyWords + 3 + nested.length > inlinedCopies.length) {
            inlinedCopies = Arrays.copyOf(inlinedCopies, Math.max(12, 2 * (inlinedCopyWords + 3 + nested.length)));
        }
        // The copy, then the copies inside it: the outer first.
        inlinedCopies[inlinedCopyWords++] = start;
        inlinedCopies[inlinedCopyWords++] = out.position();
        inlinedCopies[inlinedCopyWords++] = callee;
        System.arraycopy(nested, 0, inlinedCopies, inlinedCopyWords, nested.length);
        inlinedCopyWords += nested.length;
        // Nothing fuses with what came before the copy.
        lastLocalGet = -1;
        localGetBeforeLast = -1;
        lastI32Const = -1;
        lastAddConstant = -1;
        lastGlobalGet = -1;
        globalGetBeforeConst = -1;
        localGetBeforeConst = -1;
        lastLocalLoad = -1;
        lastComparison = -1;
        return true;
    }

    /** Numbers a call site; {@code function} is the callee of a {@code call}, -1 for {@code call_indirect}. */
    private int addCallSite(FunctionType type, int function) {
        if (callSiteCount == callSiteTypes.length) {
            callSiteTypes = Arrays.copyOf(callSiteTypes, callSiteCount * 2);
            callSiteFunctions = Arrays.copyOf(callSiteFunctions, callSiteCount * 2);
        }
        callSiteTypes[callSiteCount] = type;
        callSiteFunctions[callSiteCount] = function;
        return callSiteCount++;
    }

    private int table(int index) {
        if (index >= module.tableCount()) {
            throw invalid("unknown table " + index);
        }
        return index;
    }

    private void requireMemory() {
        if (module.memoryCount() == 0) {
            throw invalid("unknown memory 0");
        }
    }

    private void requireDataCount(int index) {
        if (module.dataCount() < 0) {
            // A segment that does not exist at all is the validation error; an existing one is
            // unusable without the data count section, which is a decoding error.
            if (index >= module.dataSegments().length) {
                throw invalid("unknown data segment " + index);
            }
            throw malformed("data count section required");
        }
        if (index >= module.dataCount()) {
            throw invalid("unknown data segment " + index);
        }
    }

    /** Value type and natural alignment (log2 of the access size) of each load and store, 0x28..0x3E. */
    private static final int[][] LOAD_TYPES = {
                    {I32, 2}, {I64, 3}, {F32, 2}, {F64, 3},
                    {I32, 0}, {I32, 0}, {I32, 1}, {I32, 1},
                    {I64, 0}, {I64, 0}, {I64, 1}, {I64, 1}, {I64, 2}, {I64, 2},
                    {I32, 2}, {I64, 3}, {F32, 2}, {F64, 3},
                    {I32, 0}, {I32, 1}, {I64, 0}, {I64, 1}, {I64, 2}};

    private void memoryAccess(int binary, int[] typeAndAlignment, boolean load) {
        int opcode = Bytecode.ofBinary(binary);
        int align = readU32();
        if (align < 0 || align >= 32) {
            throw malformed("malformed memop flags");
        }
        int offset = readU32();
        requireMemory();
        if (align > typeAndAlignment[1]) {
            throw invalid("alignment must not be larger than natural");
        }
        if (!load) {
            pop(typeAndAlignment[0]);
        }
        pop(I32);
        if (emitting() && out.canFuseWith(lastLocalGet, Bytecode.LOCAL_GET, 2)) {
            // local.get + load, the commonest pair in compiled C, and local.get + store (the local is the
            // value stored): one instruction each.
            if (localGetBeforeLast >= 0) {
                // And the local.get before it (for a store, the address): LOCAL_GET_LOCAL_LOAD first second
                // loadOpcode offset, or LOCAL_GET_LOCAL_STORE address value storeOpcode offset.
                out.set(localGetBeforeLast, load ? Bytecode.LOCAL_GET_LOCAL_LOAD : Bytecode.LOCAL_GET_LOCAL_STORE);
                out.set(lastLocalGet, out.get(lastLocalGet + 1));
                out.set(lastLocalGet + 1, opcode);
                out.emit(offset);
                if (opcode == Bytecode.I32_LOAD) {
                    lastLocalGetLocalLoad = localGetBeforeLast;
                }
            } else {
                if (load && opcode == Bytecode.I32_LOAD) {
                    lastLocalLoad = lastLocalGet;
                }
                out.set(lastLocalGet, load ? Bytecode.LOCAL_LOAD : Bytecode.LOCAL_STORE);
                out.emit(opcode, offset);
            }
        } else if (opcode == Bytecode.I32_STORE && emitting() && out.canFuseWith(lastAddConstant, Bytecode.I32_ADD_CONST, 2) && localLoadBeforeConst >= 0
                        && localLoadBeforeConst + 5 == lastAddConstant && out.get(localLoadBeforeConst) == Bytecode.LOCAL_GET_LOCAL_LOAD
                        && out.get(localLoadBeforeConst + 1) == out.get(localLoadBeforeConst + 2) && out.get(localLoadBeforeConst + 3) == Bytecode.I32_LOAD
                        && out.get(localLoadBeforeConst + 4) == offset) {
            // The i32 at a local's address plus offset, loaded, a constant added, and stored back at the same address:
            // one instruction, updating memory in place.
            out.set(localLoadBeforeConst, Bytecode.I32_ADD_CONST_AT_LOCAL);
            out.emit(opcode, offset);
        } else if (opcode == Bytecode.I32_LOAD && emitting() && out.canFuseWith(lastLocalLoad, Bytecode.LOCAL_LOAD, 4)) {
            // A pointer chased: the i32 that a local's address holds is itself an address.
            out.set(lastLocalLoad, Bytecode.LOCAL_LOAD_LOAD);
            out.emit(opcode, offset);
        } else {
            emit(opcode, offset);
        }
        if (load) {
            push(typeAndAlignment[0]);
        }
    }

    /** Operand and result types of the numeric instructions 0x45..0xC4: {first, second (0: none), result}. */
    private static final int[][] NUMERIC = new int[0xC5][];
    static {
        for (int op = 0x45; op <= 0xC4; op++) {
            NUMERIC[op] = numericSignature(op);
        }
    }

    private static int[] numericSignature(int op) {
        if (op == 0x45) {
            return new int[]{I32, 0, I32};
        } else if (op <= 0x4F) {
            return new int[]{I32, I32, I32};
        } else if (op == 0x50) {
            return new int[]{I64, 0, I32};
        } else if (op <= 0x5A) {
            return new int[]{I64, I64, I32};
        } else if (op <= 0x60) {
            return new int[]{F32, F32, I32};
        } else if (op <= 0x66) {
            return new int[]{F64, F64, I32};
        } else if (op <= 0x69) {
            return new int[]{I32, 0, I32};
        } else if (op <= 0x78) {
            return new int[]{I32, I32, I32};
        } else if (op <= 0x7B) {
            return new int[]{I64, 0, I64};
        } else if (op <= 0x8A) {
            return new int[]{I64, I64, I64};
        } else if (op <= 0x91) {
            return new int[]{F32, 0, F32};
        } else if (op <= 0x98) {
            return new int[]{F32, F32, F32};
        } else if (op <= 0x9F) {
            return new int[]{F64, 0, F64};
        } else if (op <= 0xA6) {
            return new int[]{F64, F64, F64};
        }
        return switch (op) {
            case 0xA7 -> new int[]{I64, 0, I32};
            case 0xA8, 0xA9 -> new int[]{F32, 0, I32};
            case 0xAA, 0xAB -> new int[]{F64, 0, I32};
            case 0xAC, 0xAD -> new int[]{I32, 0, I64};
            case 0xAE, 0xAF -> new int[]{F32, 0, I64};
            case 0xB0, 0xB1 -> new int[]{F64, 0, I64};
            case 0xB2, 0xB3 -> new int[]{I32, 0, F32};
            case 0xB4, 0xB5 -> new int[]{I64, 0, F32};
            case 0xB6 -> new int[]{F64, 0, F32};
            case 0xB7, 0xB8 -> new int[]{I32, 0, F64};
            case 0xB9, 0xBA -> new int[]{I64, 0, F64};
            case 0xBB -> new int[]{F32, 0, F64};
            case 0xBC -> new int[]{F32, 0, I32};
            case 0xBD -> new int[]{F64, 0, I64};
            case 0xBE -> new int[]{I32, 0, F32};
            case 0xBF -> new int[]{I64, 0, F64};
            case 0xC0, 0xC1 -> new int[]{I32, 0, I32};
            default -> new int[]{I64, 0, I64}; // 0xC2..0xC4: i64.extendN_s
        };
    }

    /**
     * The binary opcode of the comparison just emitted, if the branch about to be emitted can take its place (nothing
     * between them, no label); -1 otherwise. The caller overwrites the comparison's opcode with the fused branch's,
     * which keeps the binary opcode as an immediate.
     */
    private int fusableComparison() {
        if (lastComparison >= 0) {
            int comparison = Bytecode.binaryOpcode(out.get(lastComparison));
            if (Bytecode.isComparison(comparison) && out.canFuseWith(lastComparison, out.get(lastComparison), 1)) {
                return comparison;
            }
        }
        return -1;
    }

    /**
     * Fuses an i32 {@code global.set} of {@code index} with the C prologue or epilogue that computed its value, if it
     * comes right after one: {@link Bytecode#GLOBAL_GET_ADD_CONST_TEE} (the stack pointer moved down and kept in the
     * frame pointer) or {@code local.get} and {@link Bytecode#I32_ADD_CONST} (the frame pointer moved back up). The
     * set's words follow the fused instruction's, their opcode unused. Whether it did.
     */
    private boolean fuseGlobalSet(int index) {
        if (out.canFuseWith(globalGetBeforeConst, Bytecode.GLOBAL_GET_ADD_CONST_TEE, 6)) {
            // The global.get before the constant became the prologue's fused instruction, the last one written.
            out.set(globalGetBeforeConst, Bytecode.GLOBAL_GET_ADD_CONST_TEE_GLOBAL_SET);
        } else if (out.canFuseWith(lastAddConstant, Bytecode.I32_ADD_CONST, 2) && localGetBeforeConst >= 0 && localGetBeforeConst + 2 == lastAddConstant
                        && out.get(localGetBeforeConst) == Bytecode.LOCAL_GET) {
            out.set(localGetBeforeConst, Bytecode.LOCAL_GET_ADD_CONST_GLOBAL_SET);
        } else {
            return false;
        }
        out.emit(Bytecode.GLOBAL_SET, index, I32);
        return true;
    }

    private void numeric(int binary) {
        int[] sig = NUMERIC[binary];
        int opcode = Bytecode.ofBinary(binary);
        if (sig[1] != 0) {
            pop(sig[1]);
        }
        pop(sig[0]);
        boolean addOrSub = opcode == Bytecode.I32_ADD || opcode == Bytecode.I32_SUB;
        if (addOrSub && emitting() && out.canFuseWith(lastI32Const, Bytecode.I32_CONST, 2)) {
            // i32.const + add or sub (address and stack pointer arithmetic): one instruction.
            out.set(lastI32Const, Bytecode.I32_ADD_CONST);
            lastAddConstant = lastI32Const;
            if (opcode == Bytecode.I32_SUB) {
                out.set(lastI32Const + 1, -out.get(lastI32Const + 1));
            }
        } else {
            if (Bytecode.isComparison(binary) && emitting()) {
                lastComparison = out.position();
            }
            emit(opcode);
        }
        push(sig[2]);
    }

    private void miscellaneous(int sub) {
        switch (sub) {
            case 0, 1 -> conversion(sub, F32, I32);
            case 2, 3 -> conversion(sub, F64, I32);
            case 4, 5 -> conversion(sub, F32, I64);
            case 6, 7 -> conversion(sub, F64, I64);
            case 8 -> {
                int data = readIndex();
                readZeroByte();
                requireMemory();
                requireDataCount(data);
                pop(I32);
                pop(I32);
                pop(I32);
                emit(Bytecode.MEMORY_INIT, data);
            }
            case 9 -> {
                int data = readIndex();
                requireDataCount(data);
                emit(Bytecode.DATA_DROP, data);
            }
            case 10 -> {
                readZeroByte();
                readZeroByte();
                requireMemory();
                pop(I32);
                pop(I32);
                pop(I32);
                emit(Bytecode.MEMORY_COPY);
            }
            case 11 -> {
                readZeroByte();
                requireMemory();
                pop(I32);
                pop(I32);
                pop(I32);
                emit(Bytecode.MEMORY_FILL);
            }
            case 12 -> {
                int elemIndex = readIndex();
                int table = table(readIndex());
                int elem = element(elemIndex);
                if (module.elementSegments()[elem].elementType() != module.table(table).elementType()) {
                    throw invalid("type mismatch");
                }
                pop(I32);
                pop(I32);
                pop(I32);
                emit(Bytecode.TABLE_INIT, elem, table);
            }
            case 13 -> {
                int elem = element(readIndex());
                emit(Bytecode.ELEM_DROP, elem);
            }
            case 14 -> {
                int dst = table(readIndex());
                int src = table(readIndex());
                if (module.table(dst).elementType() != module.table(src).elementType()) {
                    throw invalid("type mismatch");
                }
                pop(I32);
                pop(I32);
                pop(I32);
                emit(Bytecode.TABLE_COPY, dst, src);
            }
            case 15 -> {
                int table = table(readIndex());
                pop(I32);
                pop(tableElementType(table));
                emit(Bytecode.TABLE_GROW, table);
                push(I32);
            }
            case 16 -> {
                int table = table(readIndex());
                emit(Bytecode.TABLE_SIZE, table);
                push(I32);
            }
            case 17 -> {
                int table = table(readIndex());
                pop(I32);
                pop(tableElementType(table));
                pop(I32);
                emit(Bytecode.TABLE_FILL, table);
            }
            default -> throw malformed("illegal opcode 0xfc " + Integer.toUnsignedString(sub));
        }
    }

    private int tableElementType(int table) {
        TableType t = module.table(table);
        return t.elementType().code;
    }

    private int element(int index) {
        if (index >= module.elementSegments().length) {
            throw invalid("unknown elem segment " + index);
        }
        return index;
    }

    private void conversion(int sub, int from, int to) {
        pop(from);
        emit(Bytecode.I32_TRUNC_SAT_F32_S + sub);
        push(to);
    }
}
