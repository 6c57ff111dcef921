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
}
