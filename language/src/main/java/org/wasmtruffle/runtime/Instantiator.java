package org.wasmtruffle.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.ElementSegment;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.SegmentMode;
import org.wasmtruffle.module.TableType;

/**
 * Completes an instance whose imports are linked (the imported functions, tables, memory and globals are in
 * place): creates the module's own functions, tables, memory and globals, evaluates the element segments,
 * applies the active segments, and runs the start function, in the order of the Wasm 2.0 specification.
 *
 * <p>A trap in a segment or the start function propagates as the {@link Trap}; whatever was written before
 * it stays written, which matters for tables and memories shared with other instances.
 */
public final class Instantiator {
    private static final Object[] DROPPED_ELEMENTS = new Object[0];

    private Instantiator() {
    }

    @TruffleBoundary
    public static void initialize(WasmInstance instance) {
        ModuleDescription d = instance.description();
        createFunctions(instance, d);
        createTables(instance, d);
        createMemory(instance, d);
        createGlobals(instance, d);
        evaluateElementSegments(instance, d);
        applyElementSegments(instance, d);
        applyDataSegments(instance, d);
        runStartFunction(instance, d);
    }

    private static void createFunctions(WasmInstance instance, ModuleDescription d) {
        for (int i = d.importedFunctionCount(); i < d.functionCount(); i++) {
            // No call target yet: the module creates it on the first call, so unused functions cost nothing.
            instance.functions[i] = new WasmFunction(d.functionType(i), instance, i, null, d.displayName(i));
        }
    }

    private static void createTables(WasmInstance instance, ModuleDescription d) {
        for (int i = d.importedTableCount(); i < d.tableCount(); i++) {
            TableType type = d.table(i);
            Limits limits = type.limits();
            instance.tables[i] = new Table(type.elementType(), limits.min(), limits.hasMax() ? limits.max() : Table.NO_MAX);
        }
    }

    private static void createMemory(WasmInstance instance, ModuleDescription d) {
        if (d.memoryCount() > d.importedMemoryCount()) {
            MemoryType type = d.memory(d.importedMemoryCount());
            Limits limits = type.limits();
            instance.memory = new LinearMemory(limits.min(), limits.hasMax() ? limits.max() : LinearMemory.MAX_PAGES);
        }
    }

    private static void createGlobals(WasmInstance instance, ModuleDescription d) {
        for (int i = d.importedGlobalCount(); i < d.globalCount(); i++) {
            WasmGlobal global = new WasmGlobal(d.global(i));
            global.setValue(ConstantExpressionEvaluator.evaluate(d.globalInitializer(i), instance));
            instance.globals[i] = global;
        }
    }

    private static void evaluateElementSegments(WasmInstance instance, ModuleDescription d) {
        ElementSegment[] segments = d.elementSegments();
        for (int s = 0; s < segments.length; s++) {
            var items = segments[s].items();
            Object[] references = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                references[i] = ConstantExpressionEvaluator.evaluate(items[i], instance);
            }
            instance.elementSegments[s] = references;
        }
    }

    /** Each active segment as {@code table.init} then {@code elem.drop}; declarative ones are just dropped. */
    private static void applyElementSegments(WasmInstance instance, ModuleDescription d) {
        ElementSegment[] segments = d.elementSegments();
        for (int s = 0; s < segments.length; s++) {
            ElementSegment segment = segments[s];
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = ConstantExpressionEvaluator.evaluateOffset(segment.offset(), instance);
                Object[] references = instance.elementSegments[s];
                instance.tables[segment.tableIndex()].initialize(references, 0, offset, references.length, null);
                instance.elementSegments[s] = DROPPED_ELEMENTS;
            } else if (segment.mode() == SegmentMode.DECLARATIVE) {
                instance.elementSegments[s] = DROPPED_ELEMENTS;
            }
        }
    }

    /** Each active segment as {@code memory.init} then {@code data.drop}. */
    private static void applyDataSegments(WasmInstance instance, ModuleDescription d) {
        DataSegment[] segments = d.dataSegments();
        for (int s = 0; s < segments.length; s++) {
            DataSegment segment = segments[s];
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = ConstantExpressionEvaluator.evaluateOffset(segment.offset(), instance);
                instance.memory.initialize(d.bytes(), segment.dataOffset(), segment.dataLength(), 0, offset, segment.dataLength(), null);
                instance.droppedData[s] = true;
            }
        }
    }

    private static void runStartFunction(WasmInstance instance, ModuleDescription d) {
        int start = d.startFunction();
        if (start >= 0) {
            WasmFunction function = instance.functions[start];
            CallStackBudget budget = WasmLanguage.get(null).callStackBudget();
            long before = budget.enter();
            try {
                function.target().call(function.instance());
            } catch (StackOverflowError e) {
                throw CallStackBudget.hostStackExhausted(null);
            } finally {
                budget.release(before);
            }
        }
    }
}
