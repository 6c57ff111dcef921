package org.wasmtruffle.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A WASI command module run in this JVM through the Polyglot API, as an embedder would: arguments,
 * exactly the given environment, preopened folders ({@code wasm-truffle.WasiDirs}), stdin from bytes and
 * stdout/stderr captured. Running on a shared {@link Engine} lets many runs share the validated module
 * and compiled code.
 */
final class WasiProgram {
    private static final String LANGUAGE = "wasm-truffle";
    private static final long STACK_SIZE = 64L << 20;
    private static final long TIMEOUT_SECONDS = 120;

    private final Path module;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> dirs = new ArrayList<>();
    private byte[] stdin = new byte[0];

    /**
     * How the run ended.
     *
     * @param exitCode the guest's exit status: 0 if {@code _start} returned, else its {@code proc_exit} code
     * @param stdout what the guest wrote to fd 1 (UTF-8)
     * @param stderr what the guest wrote to fd 2 (UTF-8)
     * @param error why the guest did not end normally (a trap, a load error, a timeout), or {@code null}
     */
    record Outcome(int exitCode, String stdout, String stderr, String error) {
        @Override
        public String toString() {
            return "exit code " + exitCode + (error != null ? ", error: " + error : "") + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    WasiProgram(Path module) {
        this.module = module;
    }

    /** Adds the guest's arguments after {@code argv[0]} (the module's file name). */
    WasiProgram arguments(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    /** Adds environment variables; the guest sees these and no others. */
    WasiProgram environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Preopens the host folder {@code host} as {@code guest}. */
    WasiProgram dir(Path host, String guest) {
        dirs.add(host.toAbsolutePath() + "::" + guest);
        return this;
    }

    /** What the guest reads from stdin. */
    WasiProgram stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Runs the module's {@code _start} in a new context of {@code engine} and waits for it (at most two minutes). */
    Outcome run(Engine engine) throws IOException {
        byte[] bytes = Files.readAllBytes(module);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(module.getFileName().toString());
        argv.addAll(arguments);
        Context.Builder builder = Context.newBuilder(LANGUAGE).engine(engine).arguments(LANGUAGE, argv.toArray(String[]::new)).environment(environment)
                        .allowIO(IOAccess.ALL).in(new ByteArrayInputStream(stdin)).out(out).err(err);
        if (!dirs.isEmpty()) {
            builder.option("wasm-truffle.WasiDirs", String.join(";", dirs));
        }
        Object[] result = new Object[2]; // exit code, error text
        try (Context context = builder.build()) {
            Thread guest = new Thread(null, () -> {
                try {
                    Value parsed = context.eval(Source.newBuilder(LANGUAGE, ByteSequence.create(bytes), module.getFileName().toString()).build());
                    Value instance = parsed.newInstance(ProxyObject.fromMap(Map.of()));
                    Value start = instance.getMember("exports").getMember("_start");
                    if (start == null) {
                        result[1] = "the module has no _start export";
                        return;
                    }
                    start.execute();
                    result[0] = 0;
                } catch (PolyglotException e) {
                    if (e.isExit()) {
                        result[0] = e.getExitStatus();
                    } else {
                        result[1] = (e.isInternalError() || e.isHostException() ? "internal error: " : "") + e.getMessage();
                    }
                } catch (IOException | RuntimeException e) {
                    result[1] = e.toString();
                }
            }, "wasi guest " + module.getFileName(), STACK_SIZE);
            guest.start();
            try {
                guest.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
                if (guest.isAlive()) {
                    context.close(true);
                    guest.join();
                    result[0] = null;
                    result[1] = "timed out after " + TIMEOUT_SECONDS + " seconds";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        } catch (PolyglotException e) {
            // Closing a context the guest exited from, or cancelled, may report that again.
            if (result[0] == null && result[1] == null) {
                result[1] = e.getMessage();
            }
        }
        return new Outcome(result[0] == null ? -1 : (Integer) result[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        (String) result[1]);
    }
}
