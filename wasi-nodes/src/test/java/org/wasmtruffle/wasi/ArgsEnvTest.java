package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArgsEnvTest {
    @Test
    void argumentsAndExactlyTheGivenEnvironment() throws Exception {
        GuestRun run = new GuestRun().args("one", "two words", "ünï").env("GREETING", "hello").env("EMPTY", "").run(GuestPrograms.c("args_env"));
        assertEquals(0, run.exitCode, run::toString);
        assertEquals("argc=4\narg[0]=args_env.wasm\narg[1]=one\narg[2]=two words\narg[3]=ünï\nenv:GREETING=hello\nenv:EMPTY=\n", run.stdout);
    }

    @Test
    void noHostEnvironmentLeaks() throws Exception {
        GuestRun run = new GuestRun().run(GuestPrograms.c("args_env"));
        assertEquals("argc=1\narg[0]=args_env.wasm\n", run.stdout);
    }
}
