package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmtruffle.launcher.wast.ScriptResult;
import org.wasmtruffle.launcher.wast.WastScript;
import org.wasmtruffle.launcher.wast.WastScriptRunner;

/**
 * The WebAssembly 2.0 specification test suite: one test per top-level script of
 * {@code testsuite/spec-2.0/json}, failing with the script's failed commands. Scripts that need SIMD
 * are reported as skipped.
 */
class SpecTestSuiteTest {
    private static final int MAX_REPORTED_FAILURES = 40;

    @TestFactory
    Stream<DynamicTest> specScripts() throws IOException {
        Path json = TestPaths.specJsonDir();
        List<Path> scripts;
        try (Stream<Path> folders = Files.list(json)) {
            scripts = folders.filter(Files::isDirectory).map(dir -> dir.resolve(dir.getFileName() + ".json")).filter(Files::isRegularFile).sorted().toList();
        }
        if (scripts.isEmpty()) {
            fail("no spec scripts (NAME/NAME.json) in " + json);
        }
        WastScriptRunner runner = new WastScriptRunner(Map.of(), WastScriptRunner.DEFAULT_STACK_SIZE, Duration.ofMinutes(5));
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        return scripts.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(), file.toUri(), () -> {
            WastScript script = WastScript.read(file);
            if (script.usesSimd()) {
                skipped.addAndGet(script.commands().size());
            }
            assumeFalse(script.usesSimd(), WastScriptRunner.SIMD_SKIP_REASON);
            ScriptResult result = runner.run(script);
            passed.addAndGet(result.passed());
            failed.addAndGet(result.failed());
            skipped.addAndGet(result.skipped());
            System.out.println(result.summaryLine("-"));
            if (result.failed() > 0) {
                fail(result.failureReport(MAX_REPORTED_FAILURES));
            }
        })).onClose(() -> {
            runner.close();
            System.out.println("spec test suite: " + passed + " passed, " + failed + " failed, " + skipped + " skipped (commands)");
        });
    }
}
