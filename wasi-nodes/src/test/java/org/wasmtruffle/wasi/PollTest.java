package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PollTest {
    @Test
    void clockSubscriptionsSleepAndStdoutIsWritable() throws Exception {
        GuestRun run = new GuestRun().run(GuestPrograms.c("poll_sleep"));
        assertEquals(0, run.exitCode, run::toString);
        Matcher m = Pattern.compile("relative ok=1 elapsed=(\\d+)\nabsolute ok=1 elapsed=(\\d+)\nstdout ready: n=1 userdata=2 fast=1\nno subscriptions:28\n").matcher(run.stdout);
        assertTrue(m.matches(), run::toString);
        assertTrue(Long.parseLong(m.group(1)) >= 50, run::toString);
        assertTrue(Long.parseLong(m.group(2)) >= 49, run::toString);
    }
}
