package org.wasmtruffle.wasi;

import com.oracle.truffle.api.Option;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

/** The options of the {@code wasi_snapshot_preview1} host module ({@code --wasm-truffle.NAME=VALUE}). */
@Option.Group("wasm-truffle")
public final class WasiOptions {
    private WasiOptions() {
    }

    @Option(help = "Directories the WASI guest may access, separated by ';': HOST::GUEST (host folder, name the guest sees) or HOST (seen under the same name). " +
                    "They are preopened as fds 3, 4, ... in this order.", category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<host>[::<guest>];...") //
    public static final OptionKey<String> WasiDirs = new OptionKey<>("");

    @Option(help = "TCP sockets to listen on for the WASI guest, separated by ';': HOST:PORT. Each is opened when WASI is instantiated and given the fd " +
                    "numbers right after the preopened directories, in this order; the guest accepts connections with sock_accept.", category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<host>:<port>;...") //
    public static final OptionKey<String> WasiTcpListen = new OptionKey<>("");
}
