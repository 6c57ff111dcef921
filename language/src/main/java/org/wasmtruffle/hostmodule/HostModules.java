package org.wasmtruffle.hostmodule;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.graalvm.options.OptionDescriptors;
import org.wasmtruffle.WasmContext;

/**
 * The host modules of one context: finds the enabled {@link HostModule} for an import's module name and
 * instantiates it once, on first use.
 */
public final class HostModules {
    /** The built-in modules first, then those other jars provide; the first of a name wins. */
    private static final List<HostModule> PROVIDERS = loadProviders();

    private final WasmContext context;
    private final Map<String, HostModuleInstance> instances = new HashMap<>();

    public HostModules(WasmContext context) {
        this.context = context;
    }

    /** The context's instance of the enabled host module called {@code name}, or {@code null} if there is none. */
    @TruffleBoundary
    public synchronized HostModuleInstance lookup(String name) {
        HostModuleInstance instance = instances.get(name);
        if (instance != null) {
            return instance;
        }
        for (HostModule module : PROVIDERS) {
            if (module.name().equals(name) && module.isEnabled(context)) {
                instance = module.instantiate(context);
                instances.put(name, instance);
                return instance;
            }
        }
        return null;
    }

    /** Disposes the host module instances of the context, which is closing. */
    @TruffleBoundary
    public synchronized void dispose() {
        for (HostModuleInstance instance : instances.values()) {
            instance.dispose();
        }
        instances.clear();
    }

    /** The options of every host module, for the language to offer beside its own. */
    public static OptionDescriptors optionDescriptors() {
        List<OptionDescriptors> all = new ArrayList<>();
        for (HostModule module : PROVIDERS) {
            all.add(module.getOptionDescriptors());
        }
        return OptionDescriptors.createUnion(all.toArray(new OptionDescriptors[0]));
    }

    private static List<HostModule> loadProviders() {
        List<HostModule> providers = new ArrayList<>();
        providers.add(new SpecTestModule());
        for (HostModule module : ServiceLoader.load(HostModule.class, HostModule.class.getClassLoader())) {
            providers.add(module);
        }
        return List.copyOf(providers);
    }
}
