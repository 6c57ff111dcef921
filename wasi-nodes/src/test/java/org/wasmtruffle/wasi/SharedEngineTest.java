package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.oracle.truffle.api.CallTarget;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.WasmContext;

/**
 * The WASI functions are made once per engine, so that guest code compiled for one instance calls the same
 * targets in the next; each context still has its own arguments, streams and descriptors.
 */
class SharedEngineTest {
    private static CallTarget fdWriteTarget(Context context) {
        context.initialize("wasm-truffle");
        context.enter();
        try {
            return WasmContext.get(null).hostModules().lookup(WasiModule.NAME).export("fd_write").callTarget();
        } finally {
            context.leave();
        }
    }

    @Test
    void contextsOfOneEngineShareTheFunctionsNotTheirState() throws Exception {
        Path program = GuestPrograms.c("args_env");
        Source source = Source.newBuilder("wasm-truffle", ByteSequence.create(Files.readAllBytes(program)), "args_env.wasm").build();
        try (Engine engine = Engine.create("wasm-truffle")) {
            CallTarget shared = null;
            for (int run = 0; run < 4; run++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (Context context = Context.newBuilder("wasm-truffle").engine(engine).arguments("wasm-truffle", new String[]{"args_env.wasm", "run" + run})
                                .out(out).build()) {
                    CallTarget target = fdWriteTarget(context);
                    if (shared == null) {
                        shared = target;
                    }
                    assertSame(shared, target, "run " + run);
                    context.eval(source).newInstance().getMember("exports").getMember("_start").execute();
                }
                assertEquals("argc=2\narg[0]=args_env.wasm\narg[1]=run" + run + "\n", out.toString(), "run " + run);
            }
            try (Context other = Context.create("wasm-truffle")) {
                assertNotSame(shared, fdWriteTarget(other), "another engine has its own");
            }
        }
    }
}
