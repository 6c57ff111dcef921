package org.wasmtruffle.validation;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.wasmtruffle.module.ConstantExpression;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.ElementSegment;
import org.wasmtruffle.module.Export;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.SegmentMode;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.module.ValueType;

/**
 * Validates a decoded module against the module-level rules of WebAssembly 2.0 and then every function body
 * (through {@link FunctionValidator}). The checks run in the order of the specification's reference
 * validator, so a module with several errors reports the same first one: imports and function types,
 * globals, tables, memories, element and data segments, function bodies, the start function, exports,
 * and last the number of memories.
 *
 * <p>Reasons use the specification's wording; lookups name the index ("unknown global 1") as the
 * reference validator does.
 */
public final class ModuleValidator {
    private static final long MAX_TABLE_SIZE = 0xFFFF_FFFFL;
    /** Function bodies of fewer bytes in all are validated by the calling thread alone. */
    private static final long PARALLEL_CODE_BYTES = 256 * 1024;

    private final ModuleDescription module;

    private ModuleValidator(ModuleDescription module) {
        this.module = module;
    }

    /**
     * Validates {@code module}.
     *
     * @return for each defined function (index minus the imported function count), its {@link BodySummary}: the
     *         frame slots it needs and whether calls of it may be inlined
     * @throws InvalidModuleException if it does not validate
     * @throws org.wasmtruffle.binary.MalformedModuleException if a function body is malformed
     */
    public static int[] validate(ModuleDescription module) {
        return new ModuleValidator(module).run();
    }

    /**
     * The specification's C.refs: the functions that {@code ref.func} may name inside function bodies, namely
     * those named by {@code ref.func} in global initializers and element or data segments, and the exported
     * functions. Indices out of range are left out (validation rejects them elsewhere).
     */
    public static BitSet declaredFunctionReferences(ModuleDescription module) {
        BitSet refs = new BitSet();
        for (int g = module.importedGlobalCount(); g < module.globalCount(); g++) {
            addReferences(module, module.globalInitializer(g), refs);
        }
        for (ElementSegment segment : module.elementSegments()) {
            addReferences(module, segment.offset(), refs);
            for (ConstantExpression item : segment.items()) {
                addReferences(module, item, refs);
            }
        }
        for (DataSegment segment : module.dataSegments()) {
            addReferences(module, segment.offset(), refs);
        }
        for (Export export : module.exports()) {
            if (export.kind() == ExternKind.FUNCTION && inRange(export.index(), module.functionCount())) {
                refs.set(export.index());
            }
        }
        return refs;
    }

    private static void addReferences(ModuleDescription module, ConstantExpression expression, BitSet refs) {
        if (expression == null) {
            return;
        }
        for (int i = 0; i < expression.length(); i++) {
            long index = expression.immediates()[i];
            if (expression.opcodes()[i] == ConstantExpression.REF_FUNC && index < module.functionCount()) {
                refs.set((int) index);
            }
        }
    }

    private int[] run() {
        checkImports();
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            int function = f;
            checkTypeIndex(module.functionTypeIndex(f), () -> "function " + function);
        }
        for (int g = module.importedGlobalCount(); g < module.globalCount(); g++) {
            int global = g;
            checkConstant(module.globalInitializer(g), module.global(g).valueType(), () -> "initializer of global " + global);
        }
        for (int t = module.importedTableCount(); t < module.tableCount(); t++) {
            checkTableType(module.table(t), "table " + t);
        }
        for (int m = module.importedMemoryCount(); m < module.memoryCount(); m++) {
            checkMemoryType(module.memory(m), "memory " + m);
        }
        ElementSegment[] elements = module.elementSegments();
        for (int i = 0; i < elements.length; i++) {
            checkElementSegment(elements[i], i);
        }
        DataSegment[] data = module.dataSegments();
        for (int i = 0; i < data.length; i++) {
            checkDataSegment(data[i], i);
        }
        int[] frameSizes = validateBodies(declaredFunctionReferences(module));
        checkStart();
        checkExports();
        if (module.memoryCount() > 1) {
            throw invalid("multiple memories", module.memoryCount() + " memories; at most one is allowed");
        }
        return frameSizes;
    }

    /**
     * Validates every function body. A large module's bodies are shared out, in chunks, between this thread and
     * helpers of the common fork-join pool: each body is validated on its own, and loading a module with
     * thousands of functions is mostly this work. The error reported is the one of the first invalid body, as
     * when validating in order.
     *
     * <p>The small bodies (at most {@link FunctionValidator#INLINE_MAX_BYTES}) are validated first: what they are
     * tells the others which of their calls will be inlined, and so how large their frames must be. Then the small
     * bodies that call are validated again with that knowledge (they inline only bodies that call nothing, final
     * after the first phase), and last the large bodies.
     */
    private int[] validateBodies(BitSet refs) {
        int imported = module.importedFunctionCount();
        int count = module.functionCount() - imported;
        int[] summaries = new int[count];
        BodyValidation work = new BodyValidation(module, refs, summaries);
        int helpers = helperCount(count);
        for (int phase = 1; phase <= 3; phase++) {
            work.startPhase(phase);
            if (helpers == 0) {
                work.run();
                continue;
            }
            ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
            for (int i = 0; i < helpers; i++) {
                tasks[i] = ForkJoinPool.commonPool().submit(work::run);
            }
            work.run();
            for (ForkJoinTask<?> task : tasks) {
                // A helper that has not started yet is run here by join(); it finds no work left.
                task.join();
            }
        }
        work.throwFirstFailure();
        return summaries;
    }

    /** How many helper threads are worth it: none for small modules, where handing out work costs more. */
    private int helperCount(int bodies) {
        if (bodies < 2 * BodyValidation.CHUNK) {
            return 0;
        }
        long codeBytes = 0;
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            codeBytes += module.codeLength(f);
        }
        if (codeBytes < PARALLEL_CODE_BYTES) {
            return 0;
        }
        int cpus = Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
        return Math.max(0, Math.min(cpus, bodies / BodyValidation.CHUNK) - 1);
    }

    /**
     * The bodies of a module, handed out in chunks of consecutive functions to whichever thread asks next, in three
     * phases: the small bodies, the small ones that call, the large ones. A failure is kept if it is the first in
     * function order; chunks after it are skipped.
     */
    private static final class BodyValidation {
        static final int CHUNK = 64;

        private final ModuleDescription module;
        private final BitSet refs;
        private final int[] summaries;
        private final AtomicInteger nextChunk = new AtomicInteger();
        /** The phase: 1, 2 or 3 (see {@link #validateBodies}). */
        private volatile int phase;
        /** The defined function that failed first so far (index into summaries), or MAX_VALUE. */
        private int failedAt = Integer.MAX_VALUE;
        private RuntimeException failure;

        BodyValidation(ModuleDescription module, BitSet refs, int[] summaries) {
            this.module = module;
            this.refs = refs;
            this.summaries = summaries;
        }

        /** Begins a phase; called between phases only, when no thread runs (the helpers' submission publishes it). */
        void startPhase(int number) {
            phase = number;
            nextChunk.set(0);
        }

        void run() {
            int imported = module.importedFunctionCount();
            int current = phase;
            while (true) {
                int start = nextChunk.getAndIncrement() * CHUNK;
                if (start >= summaries.length || start > firstFailure()) {
                    return;
                }
                int end = Math.min(start + CHUNK, summaries.length);
                for (int i = start; i < end; i++) {
                    boolean small = module.codeLength(imported + i) <= FunctionValidator.INLINE_MAX_BYTES;
                    // The second phase reads only the summaries of small bodies that call nothing (final since the
                    // first) and rewrites only those of small bodies that call.
                    boolean due = switch (current) {
                        case 1 -> small;
                        case 2 -> small && BodySummary.calls(summaries[i]);
                        default -> !small;
                    };
                    if (!due) {
                        continue;
                    }
                    try {
                        summaries[i] = FunctionValidator.validate(module, refs, imported + i, current == 1 ? null : summaries);
                    } catch (RuntimeException e) {
                        fail(i, e);
                        break;
                    }
                }
            }
        }

        private synchronized int firstFailure() {
            return failedAt;
        }

        private synchronized void fail(int index, RuntimeException e) {
            if (index < failedAt) {
                failedAt = index;
                failure = e;
            }
        }

        /** Called once every thread is done (joined), so that every body before the failure was validated. */
        synchronized void throwFirstFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void checkImports() {
        Import[] imports = module.imports();
        for (int i = 0; i < imports.length; i++) {
            Import im = imports[i];
            String where = "import \"" + im.module() + "\" \"" + im.name() + "\"";
            switch (im.kind()) {
                case FUNCTION -> checkTypeIndex(im.functionTypeIndex(), () -> where);
                case TABLE -> checkTableType(im.tableType(), where);
                case MEMORY -> checkMemoryType(im.memoryType(), where);
                case GLOBAL -> {
                    // Every value type is a valid global type in 2.0.
                }
            }
        }
    }

    /**
     * {@code where} (here and in {@link #checkConstant}) describes the place for the message, made only on
     * failure: a large module has tens of thousands of functions and data segments.
     */
    private void checkTypeIndex(int typeIndex, Supplier<String> where) {
        if (!inRange(typeIndex, module.typeCount())) {
            throw invalid("unknown type " + Integer.toUnsignedString(typeIndex), where.get());
        }
    }

    private void checkTableType(TableType type, String where) {
        checkLimits(type.limits(), MAX_TABLE_SIZE, "table size must be at most 2^32-1", where);
    }

    private void checkMemoryType(MemoryType type, String where) {
        checkLimits(type.limits(), MemoryType.MAX_PAGES, "memory size must be at most 65536 pages (4GiB)", where);
    }

    private void checkLimits(Limits limits, long range, String rangeReason, String where) {
        if (limits.min() > range) {
            throw invalid(rangeReason, where);
        }
        if (limits.hasMax()) {
            if (limits.max() > range) {
                throw invalid(rangeReason, where);
            }
            if (limits.min() > limits.max()) {
                throw invalid("size minimum must not be greater than maximum", where);
            }
        }
    }

    private void checkElementSegment(ElementSegment segment, int index) {
        String where = "element segment " + index;
        for (ConstantExpression item : segment.items()) {
            checkConstant(item, segment.elementType(), () -> where);
        }
        if (segment.mode() == SegmentMode.ACTIVE) {
            int table = segment.tableIndex();
            if (!inRange(table, module.tableCount())) {
                throw invalid("unknown table " + Integer.toUnsignedString(table), where);
            }
            ValueType tableType = module.table(table).elementType();
            if (tableType != segment.elementType()) {
                throw invalid("type mismatch", where + ": element type " + segment.elementType() + " does not match table " + table + "'s element type " + tableType);
            }
            checkConstant(segment.offset(), ValueType.I32, () -> "offset of " + where);
        }
    }

    private void checkDataSegment(DataSegment segment, int index) {
        if (segment.mode() == SegmentMode.ACTIVE) {
            if (!inRange(segment.memoryIndex(), module.memoryCount())) {
                throw invalid("unknown memory " + Integer.toUnsignedString(segment.memoryIndex()), "data segment " + index);
            }
            checkConstant(segment.offset(), ValueType.I32, () -> "offset of data segment " + index);
        }
    }

    /**
     * A constant expression must consist of constant instructions only ({@code global.get} of an immutable
     * imported global, in 2.0) and leave exactly one value of type {@code expected}.
     */
    private void checkConstant(ConstantExpression expression, ValueType expected, Supplier<String> where) {
        int[] opcodes = expression.opcodes();
        long[] immediates = expression.immediates();
        for (int i = 0; i < opcodes.length; i++) {
            switch (opcodes[i]) {
                case ConstantExpression.I32_CONST, ConstantExpression.I64_CONST, ConstantExpression.F32_CONST, ConstantExpression.F64_CONST,
                                ConstantExpression.REF_NULL, ConstantExpression.REF_FUNC -> {
                }
                case ConstantExpression.GLOBAL_GET -> {
                    // Only imported globals are visible to constant expressions in 2.0.
                    long g = immediates[i];
                    if (g >= module.importedGlobalCount()) {
                        throw invalid("unknown global " + g, where.get());
                    }
                    if (module.global((int) g).mutable()) {
                        throw invalid("constant expression required", where.get() + ": global " + g + " is mutable");
                    }
                }
                default -> throw invalid("constant expression required", where.get());
            }
        }
        for (int i = 0; i < opcodes.length; i++) {
            if (opcodes[i] == ConstantExpression.REF_FUNC && immediates[i] >= module.functionCount()) {
                throw invalid("unknown function " + immediates[i], where.get());
            }
        }
        if (opcodes.length != 1 || resultType(opcodes[0], immediates[0]) != expected) {
            throw invalid("type mismatch", where.get() + ": expected [" + expected + "] but the expression yields " + describeResults(opcodes, immediates));
        }
    }

    /** The type of the value a constant instruction pushes. */
    private ValueType resultType(int opcode, long immediate) {
        return switch (opcode) {
            case ConstantExpression.I32_CONST -> ValueType.I32;
            case ConstantExpression.I64_CONST -> ValueType.I64;
            case ConstantExpression.F32_CONST -> ValueType.F32;
            case ConstantExpression.F64_CONST -> ValueType.F64;
            case ConstantExpression.GLOBAL_GET -> module.global((int) immediate).valueType();
            case ConstantExpression.REF_NULL -> ValueType.fromCode((int) immediate);
            case ConstantExpression.REF_FUNC -> ValueType.FUNCREF;
            default -> throw new AssertionError(opcode);
        };
    }

    private String describeResults(int[] opcodes, long[] immediates) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < opcodes.length; i++) {
            sb.append(i > 0 ? " " : "").append(resultType(opcodes[i], immediates[i]));
        }
        return sb.append(']').toString();
    }

    private void checkStart() {
        int start = module.startFunction();
        if (start == -1) {
            return;
        }
        if (!inRange(start, module.functionCount())) {
            throw invalid("unknown function " + Integer.toUnsignedString(start), "start function");
        }
        FunctionType type = module.functionType(start);
        if (type.paramCount() != 0 || type.resultCount() != 0) {
            throw invalid("start function", "function " + start + " must not have parameters or results, but has type " + type);
        }
    }

    private void checkExports() {
        Set<String> names = new HashSet<>();
        for (Export export : module.exports()) {
            int count = switch (export.kind()) {
                case FUNCTION -> module.functionCount();
                case TABLE -> module.tableCount();
                case MEMORY -> module.memoryCount();
                case GLOBAL -> module.globalCount();
            };
            String kind = switch (export.kind()) {
                case FUNCTION -> "function";
                case TABLE -> "table";
                case MEMORY -> "memory";
                case GLOBAL -> "global";
            };
            if (!inRange(export.index(), count)) {
                throw invalid("unknown " + kind + " " + Integer.toUnsignedString(export.index()), "export \"" + export.name() + "\"");
            }
            if (!names.add(export.name())) {
                throw invalid("duplicate export name", "export \"" + export.name() + "\"");
            }
        }
    }

    /** Whether {@code index}, an unsigned 32-bit number, is below {@code count}. */
    private static boolean inRange(int index, int count) {
        return index >= 0 && index < count;
    }

    private InvalidModuleException invalid(String reason, String where) {
        return new InvalidModuleException(module.name(), reason, where);
    }
}
