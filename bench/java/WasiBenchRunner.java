import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Runs a WASI command module repeatedly inside one JVM, to measure steady-state ("warm") time on a
 * Truffle WebAssembly engine: wasm-truffle (language id {@code wasm-truffle}) or GraalWasm ({@code wasm},
 * with its {@code wasi_snapshot_preview1} built-in). A WASI command runs {@code _start} only once per
 * instance, so each iteration evaluates and instantiates the module afresh in a new context of one shared
 * engine (which caches the parsed module and keeps its compiled code); the context is what captures the
 * iteration's output and what a guest's {@code proc_exit} closes. An iteration's time includes
 * creating the context and instantiating.
 *
 * <pre>java -cp ... WasiBenchRunner LANGUAGE WARMUP MEASURED MODULE.wasm [ARGS...]</pre>
 *
 * The guest's output of the first iteration goes to stdout (for the checksum); every later iteration's
 * output must equal it, or the runner fails. One line per iteration goes to stderr:
 * {@code iteration N warmup|measured SECONDS}.
 */
public final class WasiBenchRunner {
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: WasiBenchRunner wasm-truffle|wasm WARMUP MEASURED MODULE.wasm [ARGS...]");
            System.exit(2);
        }
        String language = args[0];
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        Path module = Path.of(args[3]);
        String[] guestArgs = new String[args.length - 3];
        guestArgs[0] = module.getFileName().toString();
        System.arraycopy(args, 4, guestArgs, 1, args.length - 4);
        byte[] bytes = Files.readAllBytes(module);
        Source source = Source.newBuilder(language, ByteSequence.create(bytes), module.getFileName().toString()).build();
        // Run on a thread with a deep stack: CPython and deep guest recursion need it.
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                loop(language, source, guestArgs, warmup, measured);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "bench-guest", 256L << 20);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void loop(String language, Source source, String[] guestArgs, int warmup, int measured) throws Exception {
        PrintStream realOut = System.out;
        byte[] firstOutput = null;
        try (Engine engine = Engine.newBuilder(language).allowExperimentalOptions(true).build()) {
            for (int i = 0; i < warmup + measured; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long start = System.nanoTime();
                Context context = newContext(engine, language, guestArgs, out);
                try {
                    Value module = context.eval(source);
                    Value instance;
                    if (language.equals("wasm")) {
                        instance = module.canInstantiate() ? module.newInstance() : module;
                    } else {
                        instance = module.newInstance(ProxyObject.fromMap(Map.of()));
                    }
                    instance.getMember("exports").getMember("_start").execute();
                } catch (PolyglotException e) {
                    if (!e.isExit()) {
                        throw e;
                    }
                    if (e.getExitStatus() != 0) {
                        throw new IllegalStateException("the guest exited with status " + e.getExitStatus());
                    }
                } finally {
                    try {
                        context.close();
                    } catch (RuntimeException ignored) {
                        // Already closed by the guest's exit.
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                byte[] output = out.toByteArray();
                if (firstOutput == null) {
                    firstOutput = output;
                    realOut.write(output, 0, output.length);
                    realOut.flush();
                } else if (!Arrays.equals(firstOutput, output)) {
                    throw new IllegalStateException("iteration " + i + " printed " + new String(output, StandardCharsets.UTF_8).strip()
                                    + " instead of " + new String(firstOutput, StandardCharsets.UTF_8).strip());
                }
                System.err.printf("iteration %d %s %.6f%n", i, i < warmup ? "warmup" : "measured", seconds);
            }
        }
    }

    private static Context newContext(Engine engine, String language, String[] guestArgs, OutputStream out) {
        Context.Builder builder = Context.newBuilder(language).engine(engine).allowExperimentalOptions(true).allowIO(IOAccess.ALL)
                        .arguments(language, guestArgs).out(out).err(System.err);
        if (language.equals("wasm")) {
            builder.option("wasm.Builtins", "wasi_snapshot_preview1");
        }
        return builder.build();
    }
}
