package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SocketTest {
    @Test
    void acceptRecvSendShutdownOverLoopback() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        byte[] wasm = Files.readAllBytes(GuestPrograms.c("echo_server"));
        CountDownLatch waiting = new CountDownLatch(1);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                if (b == '\n') {
                    waiting.countDown();
                }
            }
        };
        final int listenPort = port;
        CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
            try {
                // The guest first shows that a nonblocking accept without a client gives EAGAIN.
                waiting.await(30, TimeUnit.SECONDS);
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", listenPort), 10_000);
                    socket.getOutputStream().write("hello wasi".getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    InputStream in = socket.getInputStream();
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (Exception e) {
                return "client failed: " + e;
            }
        });
        try (Context context = Context.newBuilder("wasm-truffle").option("wasm-truffle.WasiTcpListen", "127.0.0.1:" + port).allowIO(IOAccess.ALL).out(out).build()) {
            context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(wasm), "echo.wasm").buildLiteral()).newInstance(ProxyObject.fromMap(Map.of()))
                            .getMember("exports").getMember("_start").execute();
        }
        assertEquals("HELLO WASI", client.get(30, TimeUnit.SECONDS));
        assertEquals("nonblocking accept:6\npeek:0 10\nrecv:0 hello wasi\nsend:0 10\nshutdown:0\nshutdown of a file:57\n", captured.toString(StandardCharsets.UTF_8));
    }
}
