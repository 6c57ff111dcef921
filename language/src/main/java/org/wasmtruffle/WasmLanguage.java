package org.wasmtruffle;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import org.graalvm.options.OptionDescriptors;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.hostmodule.HostModules;
import org.wasmtruffle.interop.ModuleObject;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.runtime.WasmModule;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * The WebAssembly language. Evaluating a binary module's source decodes and validates it once per engine
 * (context policy SHARED) and yields a module object, which a host instantiates with its imports.
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "WebAssembly (wasm-truffle)", implementationName = "wasm-truffle", version = WasmLanguage.VERSION, //
                defaultMimeType = WasmLanguage.MIME_TYPE, byteMimeTypes = WasmLanguage.MIME_TYPE, contextPolicy = TruffleLanguage.ContextPolicy.SHARED, //
                fileTypeDetectors = WasmFileDetector.class, website = "https://github.com/wasm-truffle")
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    /** The language id, distinct from GraalWasm's {@code wasm} so both can be installed. */
    public static final String ID = "wasm-truffle";
    public static final String MIME_TYPE = "application/wasm";
    public static final String VERSION = "0.1.0";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this, env);
    }

    @Override
    protected boolean areOptionsCompatible(org.graalvm.options.OptionValues firstOptions, org.graalvm.options.OptionValues newOptions) {
        return true;
    }

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return OptionDescriptors.createUnion(new WasmOptionsOptionDescriptors(), HostModules.optionDescriptors());
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        String name = source.getName();
        if (!source.hasBytes()) {
            throw new MalformedModuleException(name, 0, "expected a binary module (" + MIME_TYPE + "); the text format is not supported");
        }
        byte[] bytes = source.getBytes().toByteArray();
        ModuleDescription description = ModuleDecoder.decode(name, bytes);
        int[] frameSizes = ModuleValidator.validate(description);
        WasmModule module = new WasmModule(this, description, frameSizes);
        return new ModuleRootNode(this, module).getCallTarget();
    }

    public static WasmLanguage get(com.oracle.truffle.api.nodes.Node node) {
        return REFERENCE.get(node);
    }

    /** The root of a parsed source: evaluating it yields the module object. */
    private static final class ModuleRootNode extends RootNode {
        private final WasmModule module;

        ModuleRootNode(WasmLanguage language, WasmModule module) {
            super(language);
            this.module = module;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            return new ModuleObject(module);
        }

        @Override
        public String getName() {
            return module.description().name();
        }
    }
}
