package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/**
 * Truffle's tools on wasm code: the CPU sampler and tracer report wasm functions by name, the tracer counts
 * call sites (CallTag), and the Chrome inspector starts on a wasm context. (The debugger itself is tested
 * in {@link DebuggerTest}.)
 */
class ToolsTest {
    private static final Path WORK = Path.of("target/polyglot-test").toAbsolutePath();

    private static Value exports(Context context) throws Exception {
        Value module = context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(TestModules.bytes(TestModules.hostTest())), "host_test.wasm").build());
        ProxyExecutable callback = args -> args[0].asInt();
        return module.newInstance(ProxyObject.fromMap(java.util.Map.of("env", ProxyObject.fromMap(java.util.Map.of("callback", callback))))).getMember("exports");
    }

    @Test
    void cpuTracerCountsCalls() throws Exception {
        Files.createDirectories(WORK);
        Path output = WORK.resolve("cputracer.txt");
        try (Context context = Context.newBuilder("wasm-truffle").option("cputracer", "true").option("cputracer.OutputFile", output.toString()).build()) {
            Value exports = exports(context);
            for (int i = 0; i < 123; i++) {
                exports.invokeMember("bump");
            }
        }
        String report = Files.readString(output);
        String bumpLine = report.lines().filter(l -> l.contains(" bump ")).findFirst().orElse("");
        assertTrue(bumpLine.contains("123"), report);
    }

    @Test
    void cpuSamplerListsWasmFunctions() throws Exception {
        Files.createDirectories(WORK);
        Path output = WORK.resolve("cpusampler.txt");
        try (Context context = Context.newBuilder("wasm-truffle").option("cpusampler", "true").option("cpusampler.OutputFile", output.toString()).build()) {
            Value exports = exports(context);
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                exports.invokeMember("sum", 0, 60000);
            }
        }
        String report = Files.readString(output);
        assertTrue(report.lines().anyMatch(l -> l.contains(" sum ") && l.contains("%")), report);
    }

    @Test
    void cpuTracerCountsCallSites() throws Exception {
        Files.createDirectories(WORK);
        Path output = WORK.resolve("cputracer-calls.txt");
        try (Context context = Context.newBuilder("wasm-truffle").option("cputracer", "true").option("cputracer.TraceRoots", "false")
                        .option("cputracer.TraceCalls", "true").option("cputracer.OutputFile", output.toString()).build()) {
            Value exports = exports(context);
            for (int i = 0; i < 37; i++) {
                exports.invokeMember("compute", i);
            }
        }
        // compute's one call site (of the imported callback) ran 37 times; bump, which calls nothing, is absent.
        String report = Files.readString(output);
        String computeLine = report.lines().filter(l -> l.contains(" compute ")).findFirst().orElse("");
        assertTrue(computeLine.contains("37"), report);
        assertTrue(report.lines().noneMatch(l -> l.contains(" bump ")), report);
    }

    @Test
    void chromeInspectorStartsOnAWasmContext() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("wasm-truffle").option("inspect", "127.0.0.1:" + port).option("inspect.Suspend", "false")
                        .option("inspect.WaitAttached", "false").err(err).build()) {
            Value exports = exports(context);
            assertEquals(6, exports.invokeMember("compute", 5).asInt());
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("ws://127.0.0.1:" + port), message);
            // The inspector's HTTP endpoint lists the session, as Chrome would see it.
            HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, targets.statusCode(), targets.body());
            assertTrue(targets.body().contains("webSocketDebuggerUrl"), targets.body());
        }
    }
}
