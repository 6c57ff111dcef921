package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way out of a preopened directory must fail, while links that stay inside work. */
class SandboxEscapeTest {
    private static final int NOENT = 44;
    private static final int LOOP = 32;
    private static final int NOTCAPABLE = 76;

    @TempDir
    Path temp;

    @Test
    void noPathLeavesThePreopen() throws Exception {
        Path outside = temp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Path sandbox = temp.resolve("sandbox");
        Files.createDirectories(sandbox.resolve("sub/deeper"));
        Files.writeString(sandbox.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(sandbox.resolve("abs"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("absdir"), outside);
        Files.createSymbolicLink(sandbox.resolve("up"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("sub/deeper/climb"), Path.of("../../../outside"));
        // a chain of relative links, each harmless-looking, that ends outside
        Files.createSymbolicLink(sandbox.resolve("chain1"), Path.of("sub/chain2"));
        Files.createSymbolicLink(sandbox.resolve("sub/chain2"), Path.of("deeper/chain3"));
        Files.createSymbolicLink(sandbox.resolve("sub/deeper/chain3"), Path.of("../../../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(sandbox.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(sandbox.resolve("good"), Path.of("sub/../inside.txt"));
        Files.createSymbolicLink(sandbox.resolve("sub/deeper/good2"), Path.of("../../inside.txt"));
        Files.createSymbolicLink(sandbox.resolve("dangling"), Path.of("nothing-here"));

        GuestRun run = new GuestRun().dirs(sandbox.toString()).args("inside.txt", "../outside/secret.txt", "sub/../../outside/secret.txt", "/etc/passwd",
                        outside.resolve("secret.txt").toString(), "abs", "absdir/secret.txt", "up", "sub/deeper/climb/secret.txt", "chain1", "loop1",
                        "good", "sub/deeper/good2", "dangling", "sub/deeper/../../inside.txt", "..", ".").run(GuestPrograms.c("open_path"));
        assertEquals(0, run.exitCode, run::toString);
        String expected = String.join("\n",
                        "inside.txt -> ok inside",
                        "../outside/secret.txt -> errno " + NOTCAPABLE,
                        "sub/../../outside/secret.txt -> errno " + NOTCAPABLE,
                        "/etc/passwd -> errno " + NOTCAPABLE,
                        outside.resolve("secret.txt") + " -> errno " + NOTCAPABLE,
                        "abs -> errno " + NOTCAPABLE,
                        "absdir/secret.txt -> errno " + NOTCAPABLE,
                        "up -> errno " + NOTCAPABLE,
                        "sub/deeper/climb/secret.txt -> errno " + NOTCAPABLE,
                        "chain1 -> errno " + NOTCAPABLE,
                        "loop1 -> errno " + LOOP,
                        "good -> ok inside",
                        "sub/deeper/good2 -> ok inside",
                        "dangling -> errno " + NOENT,
                        "sub/deeper/../../inside.txt -> ok inside",
                        ".. -> errno " + NOTCAPABLE,
                        ". -> ok (unreadable)") + "\n";
        assertEquals(expected, run.stdout);
        assertEquals("SECRET", Files.readString(outside.resolve("secret.txt")));
    }
}
