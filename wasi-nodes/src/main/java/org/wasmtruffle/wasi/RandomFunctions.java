package org.wasmtruffle.wasi;

import java.util.List;

/** {@code random_get}: bytes from a {@link java.security.SecureRandom}. */
final class RandomFunctions {
    private static final int CHUNK = 64 * 1024;

    private RandomFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("random_get", "ii", true, c -> {
            int pointer = c.i32(0);
            long length = Integer.toUnsignedLong(c.i32(1));
            c.memory().check(pointer, length);
            byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
            for (long done = 0; done < length; done += chunk.length) {
                int n = (int) Math.min(chunk.length, length - done);
                c.state().random().nextBytes(chunk);
                c.memory().write(pointer + (int) done, chunk, 0, n);
            }
            return Errno.SUCCESS;
        }));
    }
}
