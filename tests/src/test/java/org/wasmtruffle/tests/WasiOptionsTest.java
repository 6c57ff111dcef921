package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher's WASI options, through {@code bin/wasm-truffle}: the guest's environment and {@code --tcplisten}. */
class WasiOptionsTest {
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        work = TestPaths.repositoryRoot().resolve("tests/target/wasi-options-test");
        Files.createDirectories(work);
    }

    @Test
    void theEnvironmentIsEmptyUnlessGivenOrInherited() throws Exception {
        Path module = GuestCompiler.c(work, "printenv", """
                        #include <stdio.h>
                        extern char **environ;
                        int main(void) { for (char **e = environ; *e; e++) puts(*e); return 0; }
                        """);
        LauncherProcess.Result none = LauncherProcess.run(work, null, module.toString());
        assertEquals(0, none.status(), none::toString);
        assertEquals("", none.out(), none::toString);

        LauncherProcess.Result given = LauncherProcess.run(work, null, "--env", "A=1", "--env", "B=x=y", module.toString());
        assertEquals(List.of("A=1", "B=x=y"), given.out().lines().sorted().toList(), given::toString);

        // LauncherProcess gives the launcher exactly PATH, HOME, JAVA_HOME and WASM_TRUFFLE.
        LauncherProcess.Result inherited = LauncherProcess.run(work, null, "--inherit-env", "--env", "HOME=/guest", "--env", "PATH", module.toString());
        List<String> lines = inherited.out().lines().toList();
        assertTrue(lines.contains("HOME=/guest"), inherited::toString);
        assertTrue(lines.contains("PATH=" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), inherited::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("JAVA_HOME=")), inherited::toString);
    }

    @Test
    void tcplistenGivesTheGuestAListeningSocket() throws Exception {
        Path module = GuestCompiler.c(work, "echo_server", """
                        #include <unistd.h>
                        #include <sys/socket.h>
                        int main(void) {
                            int c = accept(3, 0, 0);
                            if (c < 0) return 1;
                            char buf[64];
                            ssize_t n = read(c, buf, sizeof buf);
                            write(c, "echo:", 5);
                            write(c, buf, n);
                            close(c);
                            return 0;
                        }
                        """);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // a free port, most likely still free a moment later
        }
        ProcessBuilder serverBuilder = new ProcessBuilder(TestPaths.repositoryRoot().resolve("bin/wasm-truffle").toString(), "--tcplisten",
                        "127.0.0.1:" + port, module.toString()).redirectErrorStream(true);
        serverBuilder.environment().put("XDG_CACHE_HOME", TestPaths.launcherCacheHome());
        Process server = serverBuilder.start();
        try {
            String reply = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reply == null && System.nanoTime() < deadline && server.isAlive()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    socket.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                    socket.shutdownOutput();
                    try (InputStream in = socket.getInputStream()) {
                        reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                } catch (IOException e) {
                    Thread.sleep(200); // the launcher is still starting
                }
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not end");
            String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("echo:hi", reply, output);
            assertEquals(0, server.exitValue(), output);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aPortInUseIsALoadError() throws Exception {
        Path module = GuestCompiler.wat(work, "empty_start", "(module (import \"wasi_snapshot_preview1\" \"sched_yield\" (func (result i32))) (func (export \"_start\")))");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LauncherProcess.Result r = LauncherProcess.run(work, null, "--tcplisten", "127.0.0.1:" + taken.getLocalPort(), module.toString());
            assertEquals(1, r.status(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.errLines().get(0).startsWith("wasm-truffle: --tcplisten: "), r::toString);
            assertTrue(r.err().contains(String.valueOf(taken.getLocalPort())), r::toString);
        }
    }
}
