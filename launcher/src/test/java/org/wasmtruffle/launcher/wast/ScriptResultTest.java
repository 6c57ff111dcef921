package org.wasmtruffle.launcher.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScriptResultTest {
    @Test
    void summaryLines() {
        ScriptResult result = new ScriptResult("i32");
        result.pass();
        result.pass();
        result.skip();
        assertEquals("i32: 2 passed, 0 failed, 1 skipped", result.summaryLine("-"));
        result.fail(40, "expected i32:2, got i32:3");
        result.fail(41, "second");
        assertEquals("i32: 2 passed, 2 failed, 1 skipped \u2014 first failure at line 40: expected i32:2, got i32:3", result.summaryLine("\u2014"));
        assertEquals("i32: 2 of 5 commands failed\n  line 40: expected i32:2, got i32:3\n  ... and 1 more", result.failureReport(1));
    }

    @Test
    void skippedScripts() {
        ScriptResult result = ScriptResult.skippedScript("simd_lane", 12, WastScriptRunner.SIMD_SKIP_REASON);
        assertEquals("simd_lane: 0 passed, 0 failed, 12 skipped (SIMD not supported yet)", result.summaryLine("-"));
        assertEquals("bad: 0 passed, 1 failed, 0 skipped - first failure at line 0: unreadable", ScriptResult.failedToRun("bad", "unreadable").summaryLine("-"));
    }
}
