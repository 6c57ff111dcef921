package org.wasmtruffle.hostmodule;

import org.graalvm.options.OptionDescriptors;
import org.wasmtruffle.WasmContext;

/**
 * A module implemented by the host (the {@code spectest} module, WASI) that wasm modules import by name.
 * Instantiation consults the enabled host modules for an import whose module name the embedder's imports
 * object does not provide.
 *
 * <p>Besides the built-in {@link SpecTestModule}, providers are found with {@link java.util.ServiceLoader}, so
 * another jar (another Maven module) adds one by listing its implementation in
 * {@code META-INF/services/org.wasmtruffle.hostmodule.HostModule}. Implementations are stateless and shared
 * by all engines; per-context state lives in the {@link HostModuleInstance} they create, per-engine state (such
 * as call targets shared by all contexts) in {@link org.wasmtruffle.WasmLanguage#hostModuleShared}.
 */
public interface HostModule {
    /** The module name imports use, e.g. {@code "spectest"} or {@code "wasi_snapshot_preview1"}. */
    String name();

    /** Whether {@code context} offers this module (e.g. decided by a language option); always, by default. */
    default boolean isEnabled(WasmContext context) {
        return true;
    }

    /**
     * Creates this module's state for {@code context}. Called at most once per context, when a module first
     * imports from it, so all importers of a context share its memories, tables and globals.
     */
    HostModuleInstance instantiate(WasmContext context);

    /**
     * The options this module adds to the language's ({@code --wasm-truffle.NAME}), read through
     * {@code context.env().getOptions()}. Their names must not clash with the language's or other modules'.
     */
    default OptionDescriptors getOptionDescriptors() {
        return OptionDescriptors.EMPTY;
    }
}
