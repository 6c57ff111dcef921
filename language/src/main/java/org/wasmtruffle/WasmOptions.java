package org.wasmtruffle;

import com.oracle.truffle.api.Option;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

/** The options of the wasm-truffle language ({@code --wasm-truffle.NAME=VALUE}). */
@Option.Group(WasmLanguage.ID)
public final class WasmOptions {
    private WasmOptions() {
    }

    @Option(help = "Provide the 'spectest' host module that the WebAssembly specification test scripts import.", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL) //
    public static final OptionKey<Boolean> SpecTestModule = new OptionKey<>(false);

    @Option(help = "The guest call stack of one thread, in frame slots (a call takes its locals and operand stack, at least 16): deeper calls trap with 'call stack exhausted'.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Long> MaxCallStackSlots = new OptionKey<>(4L << 20);

    /**
     * A directory where validated modules are remembered across processes, so that loading the same module again
     * skips validating its function bodies (for a large module, most of the time loading takes). Entries are keyed
     * by a SHA-256 of the module's bytes (all but the contents of data segments and custom sections, which
     * validation never reads) and by the wasm-truffle build that validated them; a damaged entry is ignored and
     * rewritten, and only modules that validate are stored. The directory is created if needed and reached
     * through the context's file system with its permissions, so a context without IO access simply does not
     * cache. It must be writable by trusted users only: an entry is believed without validating again. Empty (the
     * default): no cache. The {@code wasm-truffle} launcher turns it on ({@code --module-cache}). See
     * {@link org.wasmtruffle.cache.ModuleCache}.
     */
    @Option(help = "A directory for a persistent cache of validated modules, keyed by the SHA-256 of the module (empty: no cache).", category = OptionCategory.USER, stability = OptionStability.EXPERIMENTAL, usageSyntax = "<directory>") //
    public static final OptionKey<String> ModuleCacheDir = new OptionKey<>("");

    /**
     * Function bodies of at least this many bytes (and below {@link #InterpreterOnlyFunctionSize}) run in the
     * interpreter until they have made {@link #DelayedFunctionThreshold} calls and backward branches there; only
     * then may they be compiled (and their loops replaced on the stack). Until then compiled callers call their
     * interpreter (their call target compiles to that call, in milliseconds); the functions they call compile as
     * usual. Compiling a function costs more per instruction the larger it is (on two cores, CPython's 13.7 KB
     * function took 2 s of the one compiler thread, a 5.7 KB one 0.2 s), and a large function that runs a few
     * hundred times, as many do at a program's start, is not worth it; one that runs a program's main loop is. 0:
     * no delay. Code is shared between contexts of an engine, so the first context to run a function decides.
     */
    @Option(help = "Function bodies of at least this many bytes run in the interpreter until they have made DelayedFunctionThreshold calls and backward branches (0: no delay).", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL, usageSyntax = "<bytes>") //
    public static final OptionKey<Integer> DelayedFunctionSize = new OptionKey<>(12288);

    /** How many calls and backward branches a function of {@link #DelayedFunctionSize} makes in the interpreter before it may be compiled. */
    @Option(help = "Calls plus backward branches in the interpreter after which a function of DelayedFunctionSize bytes may be compiled.", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL, usageSyntax = "<count>") //
    public static final OptionKey<Long> DelayedFunctionThreshold = new OptionKey<>(1_000_000L);

    /**
     * Function bodies of at least this many bytes are never compiled: they run in the interpreter, as delayed
     * functions do before their threshold (see {@link #DelayedFunctionSize}). Partial evaluation unrolls a
     * function's dispatch loop once per instruction, at about 0.1-0.15 ms each, and stops with a failure at
     * Truffle's loop explosion limit, which a body of about 37 KB reaches; CPython's eval loop (106 KB) cannot be
     * compiled as one unit (see {@link #SplitFunctionSize}). Without compiling it (nor, before its threshold, the 13.7
     * KB function), the Python workloads of the benchmark ran 10-40% faster in the native launcher, cold, and 20%
     * faster warm. 0: no limit.
     */
    @Option(help = "Function bodies of at least this many bytes are never compiled: they always run in the interpreter (0: no limit).", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL, usageSyntax = "<bytes>") //
    public static final OptionKey<Integer> InterpreterOnlyFunctionSize = new OptionKey<>(32768);

    /**
     * Function bodies of at least this many bytes that are compiled (see {@link #InterpreterOnlyFunctionSize})
     * have the cases of their large {@code br_table}s (the dispatch of an interpreter loop, such as CPython's)
     * compiled as separate units, each called from the function's compiled code, instead of the whole body as
     * one unit: one that size takes minutes to compile, if it can be installed at all. The cost is a call per
     * case and locals kept in memory instead of registers: measured on CPython's eval loop, its code so compiled
     * ran slower than its interpreter, even warm. 0 (the default): never. Code is shared between contexts of an
     * engine, so the first context to run a function decides.
     */
    @Option(help = "Function bodies of at least this many bytes are compiled in parts: the cases of their large br_tables apart (0: never).", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL, usageSyntax = "<bytes>") //
    public static final OptionKey<Integer> SplitFunctionSize = new OptionKey<>(0);

    /**
     * Calls of small functions (at most {@code FunctionValidator.INLINE_MAX_BYTES} bytes, without calls, loops or
     * {@code br_table}s, with numeric locals only) are replaced, in the caller's bytecode, by a copy of the callee's
     * body. In the interpreter, a call costs far more than such a body: a new frame, boxed arguments, Truffle's call
     * path. Compiled code inlines them anyway, so it changes little there. A trap in a copy is still reported in the
     * function copied, called from its caller. A function that an instrument sees when it is first called (a
     * profiler, a debugger that steps) copies nothing; an instrument attached later sees the copied functions'
     * instructions as their callers'. Code is shared between contexts of an engine, so the first context to run a
     * function decides.
     */
    @Option(help = "Copy the bodies of small leaf functions into their callers instead of calling them (not where instruments are attached).", category = OptionCategory.EXPERT, stability = OptionStability.EXPERIMENTAL) //
    public static final OptionKey<Boolean> Inlining = new OptionKey<>(true);
}
