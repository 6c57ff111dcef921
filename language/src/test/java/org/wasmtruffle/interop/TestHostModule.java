package org.wasmtruffle.interop;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.wasmtruffle.WasmContext;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.hostmodule.HostExport;
import org.wasmtruffle.hostmodule.HostModule;
import org.wasmtruffle.hostmodule.HostModuleInstance;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.runtime.WasmGlobal;
import org.wasmtruffle.runtime.WasmInstance;

/**
 * A host module found through {@link java.util.ServiceLoader} (listed in the test resources), as a module of
 * another jar would be: {@code store(address, byte)} writes into the importing instance's memory, and
 * {@code counter} is a mutable global of the context's instance.
 */
public final class TestHostModule implements HostModule {
    static final String NAME = "wasm-truffle-test-host";
    static final AtomicInteger INSTANTIATIONS = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HostModuleInstance instantiate(WasmContext context) {
        INSTANTIATIONS.incrementAndGet();
        FunctionType storeType = new FunctionType(new ValueType[]{ValueType.I32, ValueType.I32}, new ValueType[0]);
        HostExport store = HostExport.function(storeType, new StoreNode(context.language()).getCallTarget());
        HostExport counter = HostExport.global(new WasmGlobal(new GlobalType(ValueType.I64, true)));
        return field -> switch (field) {
            case "store" -> store;
            case "counter" -> counter;
            default -> null;
        };
    }

    private static final class StoreNode extends RootNode {
        StoreNode(WasmLanguage language) {
            super(language);
        }

        @Override
        public Object execute(VirtualFrame frame) {
            Object[] arguments = frame.getArguments();
            WasmInstance caller = (WasmInstance) arguments[0];
            caller.memory.writeByte(Integer.toUnsignedLong((Integer) arguments[1]), (byte) (int) (Integer) arguments[2]);
            return null;
        }
    }
}
