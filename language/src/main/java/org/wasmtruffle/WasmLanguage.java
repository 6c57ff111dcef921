package org.wasmtruffle;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.Source;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.polyglot.io.ByteSequence;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.binary.TrailingCustomSections;
import org.wasmtruffle.cache.ModuleCache;
import org.wasmtruffle.hostmodule.HostModules;
import org.wasmtruffle.interop.ModuleObject;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.runtime.CallStackBudget;
import org.wasmtruffle.runtime.WasmModule;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * The WebAssembly language. Evaluating a binary module's source decodes and validates it once per engine
 * (context policy SHARED) and yields a module object, which a host instantiates with its imports. With a
 * {@link WasmOptions#ModuleCacheDir module cache}, a module validated before, in any process, is not validated again.
 */
@TruffleLanguage.Registration(id = WasmLanguage.ID, name = "WebAssembly (wasm-truffle)", implementationName = "wasm-truffle", version = WasmLanguage.VERSION, //
                defaultMimeType = WasmLanguage.MIME_TYPE, byteMimeTypes = WasmLanguage.MIME_TYPE, characterMimeTypes = WasmLanguage.LISTING_MIME_TYPE, contextPolicy = TruffleLanguage.ContextPolicy.SHARED, //
                fileTypeDetectors = WasmFileDetector.class, website = "https://github.com/wasm-truffle")
@ProvidedTags({StandardTags.RootTag.class, StandardTags.RootBodyTag.class, StandardTags.StatementTag.class, StandardTags.CallTag.class})
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    /** The language id, distinct from GraalWasm's {@code wasm} so both can be installed. */
    public static final String ID = "wasm-truffle";
    public static final String MIME_TYPE = "application/wasm";
    public static final String VERSION = "0.1.0";
    /**
     * The MIME type of a module's listing: the character source that tools (debuggers, the Chrome inspector)
     * show for a module, one line per function. It is not a program: evaluating one is an error.
     */
    public static final String LISTING_MIME_TYPE = "text/x-wasm-truffle-listing";

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    private final ContextThreadLocal<CallStackBudget> callStackBudget = locals.createContextThreadLocal(
                    (context, thread) -> new CallStackBudget(context.env().getOptions().get(WasmOptions.MaxCallStackSlots)));

    /** The current thread's guest call stack budget in the current context. */
    public CallStackBudget callStackBudget() {
        return callStackBudget.get();
    }

    /** What host modules share between all contexts of this language instance (that is, of an engine). */
    private final Map<Object, Object> hostModuleShared = new ConcurrentHashMap<>();

    /**
     * The value a host module shares between all contexts of this engine under {@code key}, made by
     * {@code factory} on first request. A host module's functions made here (their root nodes) are the same
     * call targets in every context, so guest code calling them stays monomorphic from one instance to the
     * next; they find their context's state when called.
     */
    @TruffleBoundary
    public <T> T hostModuleShared(Object key, Function<WasmLanguage, T> factory) {
        @SuppressWarnings("unchecked")
        T value = (T) hostModuleShared.computeIfAbsent(key, k -> factory.apply(this));
        return value;
    }

    @Override
    protected WasmContext createContext(Env env) {
        return new WasmContext(this, env);
    }

    @Override
    protected void disposeContext(WasmContext context) {
        context.hostModules().dispose();
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
            String message = LISTING_MIME_TYPE.equals(source.getMimeType())
                            ? "a module listing (" + LISTING_MIME_TYPE + ") only describes a module for tools; evaluate the module's binary (" + MIME_TYPE + ")"
                            : "expected a binary module (" + MIME_TYPE + "); the text format is not supported";
            MalformedModuleException e = new MalformedModuleException(name, 0, message);
            e.attachSource(source);
            throw e;
        }
        ByteSequence sequence = source.getBytes();
        // Debug information at the module's end is neither copied nor, from a launcher's large file, read.
        TrailingCustomSections trailing;
        byte[] bytes;
        try {
            trailing = TrailingCustomSections.find(sequence, TrailingCustomSections.MINIMUM_LENGTH);
            bytes = trailing == null ? sequence.toByteArray() : sequence.subSequence(0, trailing.start()).toByteArray();
        } catch (UncheckedIOException e) {
            // A sequence that reads a file on demand, which failed (the file shrank meanwhile, say).
            UnreadableModuleException error = new UnreadableModuleException(name, String.valueOf(e.getCause().getMessage()));
            error.attachSource(source);
            throw error;
        }
        ModuleDescription description;
        int[] frameSizes;
        try {
            description = ModuleDecoder.decode(name, bytes, trailing);
            ModuleCache cache = ModuleCache.open(WasmContext.get(null).env());
            frameSizes = cache != null ? cache.validate(bytes, description) : ModuleValidator.validate(description);
        } catch (ModuleLoadException e) {
            e.attachSource(source);
            throw e;
        }
        WasmModule module = new WasmModule(this, description, frameSizes, source);
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
            return createModuleObject(module);
        }

        // Building the descriptors (type strings and all) is host work, never part of a compilation.
        @TruffleBoundary
        private static ModuleObject createModuleObject(WasmModule module) {
            return new ModuleObject(module);
        }

        @Override
        public String getName() {
            return module.description().name();
        }
    }
}
