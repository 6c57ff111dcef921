package org.wasmtruffle.tests.polyglot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

/** Truffle's tools on wasm code: the CPU sampler and tracer report wasm functions by name. */
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
}
