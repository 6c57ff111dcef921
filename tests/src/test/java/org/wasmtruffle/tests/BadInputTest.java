package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input and faults, through {@code bin/wasm-truffle}: wrong command lines and modules give one clear
 * message and a documented exit status; faults inside a WASI guest (full disk, its own stdout closed,
 * {@code proc_exit} deep in a recursion) give the guest the right errno or exit status.
 */
class BadInputTest {
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        work = TestPaths.repositoryRoot().resolve("tests/target/bad-input-test");
        Files.createDirectories(work);
    }

    private static LauncherProcess.Result run(String... args) throws IOException, InterruptedException {
        return LauncherProcess.run(work, null, args);
    }

    private static void assertOneErrorLine(LauncherProcess.Result r, String... expected) {
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "expected one line on stderr\n" + r);
        assertTrue(lines.get(0).startsWith("wasm-truffle: "), r::toString);
        for (String text : expected) {
            assertTrue(lines.get(0).contains(text), () -> "expected '" + text + "'\n" + r);
        }
        r.assertNoJavaStackTrace();
    }

    private static Path hello() throws IOException, InterruptedException {
        return GuestCompiler.c(work, "hello", """
                        #include <stdio.h>
                        int main(void) { puts("hello"); return 0; }
                        """);
    }

    @Test
    void aMissingDirFolderIsReportedBeforeRunning() throws Exception {
        Path module = hello();
        LauncherProcess.Result r = run("--dir", work.resolve("no-such-folder") + "::/data", module.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "no-such-folder", "no such folder");
        assertEquals("", r.out(), "the guest must not run\n" + r);

        Path file = Files.writeString(work.resolve("a-file.txt"), "x");
        LauncherProcess.Result notAFolder = run("--dir", file.toString(), module.toString());
        assertEquals(1, notAFolder.status(), notAFolder::toString);
        assertOneErrorLine(notAFolder, "a-file.txt", "not a folder");
    }

    @Test
    void anUnreadableModuleIsALoadError() throws Exception {
        Path folder = Files.createDirectories(work.resolve("folder.wasm"));
        LauncherProcess.Result r = run(folder.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "cannot read", "folder.wasm");
    }

    @Test
    void aModuleWithoutReadPermissionIsALoadError() throws Exception {
        Path locked = Files.copy(hello(), work.resolve("locked.wasm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        locked.toFile().setReadable(false, false);
        try {
            assumeTrue(!Files.isReadable(locked), "running as root: a file without read permission is still readable");
            LauncherProcess.Result denied = run(locked.toString());
            assertEquals(1, denied.status(), denied::toString);
            assertOneErrorLine(denied, "cannot read", "permission denied");
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void aModuleWithoutStartAndNoInvokeIsReported() throws Exception {
        Path module = GuestCompiler.wat(work, "library", """
                        (module
                          (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
                          (memory (export "memory") 1)
                          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                        """);
        LauncherProcess.Result r = run(module.toString());
        assertEquals(1, r.status(), r::toString);
        assertOneErrorLine(r, "no _start", "--invoke");
    }

    @Test
    void invokeOfAMissingExportOrWithWrongArgumentsIsAUsageError() throws Exception {
        Path module = GuestCompiler.wat(work, "arith", """
                        (module (func (export "mul") (param i32 f64) (result f64) (f64.mul (f64.convert_i32_s (local.get 0)) (local.get 1))))
                        """);
        LauncherProcess.Result ok = run("--invoke", "mul", module.toString(), "3", "0.5");
        assertEquals(0, ok.status(), ok::toString);
        assertEquals("1.5\n", ok.out(), ok::toString);

        LauncherProcess.Result missing = run("--invoke", "div", module.toString());
        assertEquals(2, missing.status(), missing::toString);
        assertTrue(missing.errLines().get(0).contains("no export named 'div'"), missing::toString);

        LauncherProcess.Result notAnInt = run("--invoke", "mul", module.toString(), "1.5", "2");
        assertEquals(2, notAnInt.status(), notAnInt::toString);
        assertTrue(notAnInt.errLines().get(0).contains("argument 1 of 'mul'"), notAnInt::toString);

        LauncherProcess.Result notANumber = run("--invoke", "mul", module.toString(), "1", "abc");
        assertEquals(2, notANumber.status(), notANumber::toString);
        assertTrue(notANumber.errLines().get(0).contains("argument 2 of 'mul'"), notANumber::toString);

        LauncherProcess.Result tooMany = run("--invoke", "mul", module.toString(), "1", "2", "3");
        assertEquals(2, tooMany.status(), tooMany::toString);
        assertTrue(tooMany.errLines().get(0).contains("takes 2 arguments"), tooMany::toString);
        tooMany.assertNoJavaStackTrace();
    }

    /** A guest that writes 4 KiB blocks to the file argv[1] until a write fails, and says how far it got. */
    private static Path diskFiller() throws IOException, InterruptedException {
        return GuestCompiler.c(work, "fill", """
                        #include <errno.h>
                        #include <fcntl.h>
                        #include <stdio.h>
                        #include <string.h>
                        #include <unistd.h>
                        int main(int argc, char **argv) {
                            int fd = open(argv[1], O_WRONLY | (argc > 2 ? O_CREAT | O_TRUNC : 0), 0644);
                            if (fd < 0) { printf("open: %s\\n", strerror(errno)); return 2; }
                            static char block[4096];
                            memset(block, 'x', sizeof block);
                            long total = 0;
                            for (;;) {
                                ssize_t n = write(fd, block, sizeof block);
                                if (n < 0) { printf("wrote %ld bytes, then: %s\\n", total, strerror(errno)); return errno == ENOSPC ? 0 : 1; }
                                if (n == 0) { printf("wrote %ld bytes, then nothing\\n", total); return 1; }
                                total += n;
                            }
                        }
                        """);
    }

    @Test
    void aWriteToAFullDeviceGivesTheGuestEnospc() throws Exception {
        Path module = diskFiller();
        LauncherProcess.Result r = run("--dir", "/dev::/dev", module.toString(), "/dev/full");
        assertEquals("wrote 0 bytes, then: No space left on device\n", r.out(), r::toString);
        assertEquals(0, r.status(), r::toString);
    }

    @Test
    void fillingASmallTmpfsGivesTheGuestEnospc() throws Exception {
        Path mount = Files.createDirectories(work.resolve("tmpfs"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()), "cannot mount a tmpfs here (needs root); /dev/full covers ENOSPC");
        try {
            Path module = diskFiller();
            LauncherProcess.Result r = run("--dir", mount + "::/disk", module.toString(), "/disk/big", "create");
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().matches("wrote \\d+ bytes, then: No space left on device\\n"), r::toString);
            long written = Long.parseLong(r.out().split(" ")[1]);
            assertTrue(written > 0 && written <= 256 * 1024, r::toString);
            assertEquals(written, Files.size(mount.resolve("big")), r::toString);
        } finally {
            command("umount", mount.toString());
        }
    }

    private static boolean command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    }

    @Test
    void writingToItsOwnClosedStdoutGivesTheGuestEbadf() throws Exception {
        Path module = GuestCompiler.c(work, "closed_stdout", """
                        #include <errno.h>
                        #include <stdio.h>
                        #include <string.h>
                        #include <unistd.h>
                        int main(void) {
                            write(1, "before\\n", 7);
                            int closed = close(1);
                            ssize_t n = write(1, "after\\n", 6);
                            fprintf(stderr, "close: %d, write: %zd, %s\\n", closed, n, strerror(errno));
                            return 0;
                        }
                        """);
        LauncherProcess.Result r = run(module.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("before\n", r.out(), r::toString);
        assertEquals("close: 0, write: -1, Bad file descriptor\n", r.err(), r::toString);
    }

    @Test
    void procExitFromDeepRecursionExitsWithItsStatus() throws Exception {
        Path module = GuestCompiler.wat(work, "deep_exit", """
                        (module
                          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                          (memory (export "memory") 1)
                          (func $down (param $depth i32)
                            (if (i32.eqz (local.get $depth)) (then (call $exit (i32.const 7))))
                            (call $down (i32.sub (local.get $depth) (i32.const 1)))
                            unreachable)
                          (func (export "_start") (call $down (i32.const 50000))))
                        """);
        LauncherProcess.Result r = run(module.toString());
        assertEquals(7, r.status(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void profilerOptionsPassThrough() throws Exception {
        Path module = hello();
        LauncherProcess.Result r = run("--cpusampler", module.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("hello\n"), r::toString);
        assertTrue(r.out().contains("Sampling Histogram"), r::toString);
    }
}
