package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;

class StreamTest {
    @Test
    void writingToAClosedPipeIsEpipe() throws Exception {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] wasm = Files.readAllBytes(GuestPrograms.c("write_stdout"));
        try (Context context = Context.newBuilder("wasm-truffle").out(closed).err(err).build()) {
            context.eval(Source.newBuilder("wasm-truffle", ByteSequence.create(wasm), "w.wasm").buildLiteral()).newInstance(ProxyObject.fromMap(java.util.Map.of()))
                            .getMember("exports").getMember("_start").execute();
        }
        assertEquals("fd_write:64\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stdoutIsTheEmbeddersStream() throws Exception {
        GuestRun run = new GuestRun().run(GuestPrograms.c("write_stdout"));
        assertEquals("data\n", run.stdout);
        assertEquals("fd_write:0\n", run.stderr);
    }
}
