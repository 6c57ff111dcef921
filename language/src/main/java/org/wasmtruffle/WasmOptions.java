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
}
