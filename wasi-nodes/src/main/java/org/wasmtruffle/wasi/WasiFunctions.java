package org.wasmtruffle.wasi;

import java.util.ArrayList;
import java.util.List;

/** Every function of {@code wasi_snapshot_preview1}, gathered from the families that implement them. */
final class WasiFunctions {
    private static final List<WasiBuiltin> ALL = collect();

    private WasiFunctions() {
    }

    static List<WasiBuiltin> all() {
        return ALL;
    }

    private static List<WasiBuiltin> collect() {
        List<WasiBuiltin> all = new ArrayList<>();
        ArgsEnvFunctions.addTo(all);
        ClockFunctions.addTo(all);
        RandomFunctions.addTo(all);
        ProcessFunctions.addTo(all);
        FdFunctions.addTo(all);
        PathFunctions.addTo(all);
        PollFunctions.addTo(all);
        SocketFunctions.addTo(all);
        return List.copyOf(all);
    }
}
