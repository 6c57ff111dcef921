package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOperationsTest {
    @TempDir
    Path sandbox;

    @Test
    void createReadWriteSeekStatReaddirRenameLinkSymlinkUnlink() throws Exception {
        Files.writeString(sandbox.resolve("existing.txt"), "x");
        GuestRun run = new GuestRun().dirs(sandbox + "::/sandbox").run(GuestPrograms.c("files"));
        assertEquals(0, run.exitCode, run::toString);
        assertEquals("""
                        read:world
                        pread:World
                        size:11 regular:1 nlink:1 ino>0:1
                        truncated:5
                        appended:hello!
                        excl errno:20
                        nlink after link:2
                        readlink:dir/b.txt
                        through symlink:hello!
                        readdir: . .. dir existing.txt hard.txt sym
                        unlink dir errno:31
                        done
                        """, run.stdout);
        assertFalse(Files.exists(sandbox.resolve("dir")));
        assertEquals("x", Files.readString(sandbox.resolve("existing.txt")));
    }
}
