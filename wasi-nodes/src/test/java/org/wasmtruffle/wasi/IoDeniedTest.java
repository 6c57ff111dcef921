package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoDeniedTest {
    @TempDir
    Path sandbox;

    @Test
    void deniedIoGivesErrnosNotFiles() throws Exception {
        Files.writeString(sandbox.resolve("secret.txt"), "SECRET");
        GuestRun run = new GuestRun().dirs(sandbox + "::/dir");
        run.io = IOAccess.NONE;
        run.run(GuestPrograms.c("io_denied"));
        assertEquals(0, run.exitCode, run::toString);
        assertEquals("read:0 errno:2\ncreate:0 errno:2\n", run.stdout);
        assertFalse(Files.exists(sandbox.resolve("new.txt")));
    }
}
