package org.wasmtruffle.interop;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/** A polyglot context of the language for one test, with helpers to evaluate and instantiate text modules. */
final class WasmTestContext implements AutoCloseable {
    final Context context;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int counter;

    WasmTestContext(boolean specTest) {
        this.context = Context.newBuilder("wasm-truffle").allowExperimentalOptions(true).option("wasm-truffle.SpecTestModule", Boolean.toString(specTest))
                        .out(out).build();
    }

    /** The module object of {@code wat}. */
    Value module(String wat) {
        Source source = Source.newBuilder("wasm-truffle", ByteSequence.create(Wat.compile(wat)), "test" + (counter++) + ".wasm").buildLiteral();
        return context.eval(source);
    }

    /** The exports of an instance of {@code wat} with {@code imports} (which may be {@code null}). */
    Value exports(String wat, Object imports) {
        Value module = module(wat);
        Value instance = imports == null ? module.newInstance() : module.newInstance(imports);
        return instance.getMember("exports");
    }

    Value exports(String wat) {
        return exports(wat, null);
    }

    String output() {
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
