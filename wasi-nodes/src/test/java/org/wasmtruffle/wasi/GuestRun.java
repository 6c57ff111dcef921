package org.wasmtruffle.wasi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;

/** Runs a WASI program's {@code _start} in a fresh context and records its exit status and output. */
final class GuestRun {
    final List<String> arguments = new ArrayList<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    String dirs = "";
    String tcpListen = "";
    IOAccess io = IOAccess.ALL;
    InputStream stdin = new ByteArrayInputStream(new byte[0]);

    int exitCode;
    String stdout;
    String stderr;
    /** A non-exit guest error (a trap, a link error), or {@code null}. */
    PolyglotException error;

    GuestRun args(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    GuestRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    GuestRun dirs(String value) {
        dirs = value;
        return this;
    }

    GuestRun run(Path wasm) throws IOException {
        return run(Files.readAllBytes(wasm), wasm.getFileName().toString());
    }

    GuestRun run(byte[] wasm, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(arguments);
        try (Context context = Context.newBuilder("wasm-truffle").arguments("wasm-truffle", argv.toArray(new String[0])).environment(environment)
                        .option("wasm-truffle.WasiDirs", dirs).option("wasm-truffle.WasiTcpListen", tcpListen).allowIO(io)
                        .in(stdin).out(out).err(err).build()) {
            try {
                Value module = context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(wasm), name).buildLiteral());
                Value instance = module.newInstance(ProxyObject.fromMap(Map.of()));
                instance.getMember("exports").getMember("_start").execute();
                exitCode = 0;
            } catch (PolyglotException e) {
                if (e.isExit()) {
                    exitCode = e.getExitStatus();
                } else {
                    error = e;
                    exitCode = -1;
                }
            }
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + (error != null ? " error " + error.getMessage() : "") + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
