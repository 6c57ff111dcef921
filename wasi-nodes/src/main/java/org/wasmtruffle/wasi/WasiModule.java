package org.wasmtruffle.wasi;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.options.OptionDescriptors;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.hostmodule.HostExport;
import org.wasmtruffle.hostmodule.HostModule;
import org.wasmtruffle.hostmodule.HostModuleInstance;

/**
 * The {@code wasi_snapshot_preview1} host module: the 46 functions of WASI preview 1, offered whenever
 * this jar is on the class path. Program arguments, environment and standard streams come from the
 * context ({@code Context.Builder.arguments/environment/in/out/err}); file access goes through the
 * context's file system and is limited to the directories of {@link WasiOptions#WasiDirs}.
 */
public final class WasiModule implements HostModule {
    public static final String NAME = "wasi_snapshot_preview1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HostModuleInstance instantiate(WasmContext context) {
        // The functions are made once per engine: their root nodes are shared by all contexts, like the
        // guest's own code, and find the calling context's WasiState.
        return new Instance(new WasiState(context.env()), context.language().hostModuleShared(WasiModule.class, WasiModule::exports));
    }

    private static Map<String, HostExport> exports(WasmLanguage language) {
        Map<String, HostExport> exports = new HashMap<>();
        for (WasiBuiltin builtin : WasiFunctions.all()) {
            WasiBuiltinRootNode root = new WasiBuiltinRootNode(language, builtin);
            exports.put(builtin.name(), HostExport.function(builtin.type(), root.getCallTarget()));
        }
        return Map.copyOf(exports);
    }

    /** The WASI state of {@code context}, which has called a WASI function (so has instantiated this module). */
    static WasiState state(WasmContext context) {
        return ((Instance) context.hostModules().lookup(NAME)).state;
    }

    private static final class Instance implements HostModuleInstance {
        final WasiState state;
        private final Map<String, HostExport> exports;

        Instance(WasiState state, Map<String, HostExport> exports) {
            this.state = state;
            this.exports = exports;
        }

        @Override
        public HostExport export(String field) {
            return exports.get(field);
        }

        @Override
        public void dispose() {
            // Files and sockets the guest left open are closed with its context.
            state.fds().closeAll();
        }
    }

    @Override
    public OptionDescriptors getOptionDescriptors() {
        return new WasiOptionsOptionDescriptors();
    }
}
