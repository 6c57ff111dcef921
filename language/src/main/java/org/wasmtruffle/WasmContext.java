package org.wasmtruffle;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.hostmodule.HostModules;

/** The per-context state of the language: the environment, and whatever instances live in it. */
public final class WasmContext {
    private static final TruffleLanguage.ContextReference<WasmContext> REFERENCE = TruffleLanguage.ContextReference.create(WasmLanguage.class);

    private final WasmLanguage language;
    private final TruffleLanguage.Env env;
    private final HostModules hostModules;

    WasmContext(WasmLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.hostModules = new HostModules(this);
    }

    /** The host modules (spectest, WASI) offered to imports, each instantiated once per context on first import. */
    public HostModules hostModules() {
        return hostModules;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    public WasmLanguage language() {
        return language;
    }

    /** Whether the {@code spectest} host module is provided ({@link WasmOptions#SpecTestModule}). */
    public boolean specTestModuleEnabled() {
        return env.getOptions().get(WasmOptions.SpecTestModule);
    }

    public static WasmContext get(Node node) {
        return REFERENCE.get(node);
    }
}
