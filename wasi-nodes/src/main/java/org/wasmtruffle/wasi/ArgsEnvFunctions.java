package org.wasmtruffle.wasi;

import java.util.List;

/** {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}. */
final class ArgsEnvFunctions {
    private ArgsEnvFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("args_sizes_get", "ii", true, c -> sizes(c, c.state().arguments())));
        all.add(new WasiBuiltin("args_get", "ii", true, c -> strings(c, c.state().arguments())));
        all.add(new WasiBuiltin("environ_sizes_get", "ii", true, c -> sizes(c, c.state().environment())));
        all.add(new WasiBuiltin("environ_get", "ii", true, c -> strings(c, c.state().environment())));
    }

    /** Stores the count and the buffer size the strings need (each NUL-terminated). */
    private static int sizes(WasiCall c, byte[][] strings) {
        int size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        c.memory().storeI32(c.i32(0), strings.length);
        c.memory().storeI32(c.i32(1), size);
        return Errno.SUCCESS;
    }

    /** Stores a pointer to each string at argument 0 and the NUL-terminated strings at argument 1. */
    private static int strings(WasiCall c, byte[][] strings) {
        GuestMemory memory = c.memory();
        int pointers = c.i32(0);
        int buffer = c.i32(1);
        memory.check(pointers, 4L * strings.length);
        for (int i = 0; i < strings.length; i++) {
            memory.storeI32(pointers + 4 * i, buffer);
            memory.write(buffer, strings[i]);
            memory.storeU8(buffer + strings[i].length, 0);
            buffer += strings[i].length + 1;
        }
        return Errno.SUCCESS;
    }
}
