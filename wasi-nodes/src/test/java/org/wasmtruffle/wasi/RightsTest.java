package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RightsTest {
    @TempDir
    Path sandbox;

    @Test
    void missingRightsAreNotCapableAndRightsOnlyShrink() throws Exception {
        Files.writeString(sandbox.resolve("data.txt"), "abc");
        GuestRun run = new GuestRun().dirs(sandbox.toString()).run(GuestPrograms.c("rights"));
        assertEquals(0, run.exitCode, run::toString);
        assertEquals("""
                        open:0
                        write without right:76
                        has write:0 has read:1
                        gain right:76
                        drop seek:0
                        seek without right:76
                        drop read:0
                        read without right:76
                        open dir:0
                        open beneath dir without path_open:76
                        bad fd:8
                        bad pointer:21
                        """, run.stdout);
        assertEquals("abc", Files.readString(sandbox.resolve("data.txt")));
    }
}
