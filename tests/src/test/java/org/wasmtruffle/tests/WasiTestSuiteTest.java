package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmtruffle.launcher.wast.JsonReader;

/**
 * The WASI preview1 test suite ({@code testsuite/wasi/{assemblyscript,c,rust}} in the shared material):
 * one test per {@code NAME.wasm}, run in this JVM through the Polyglot API on one shared engine, with
 * the arguments, environment, preopened root folder and expected exit code and output of its
 * {@code NAME.json}. Each test works on a private copy of its {@code fs-tests.dir} under
 * {@code target/wasi-testsuite}, so the shared material is never modified.
 */
class WasiTestSuiteTest {
    private static final List<String> SUITES = List.of("assemblyscript", "c", "rust");

    @TestFactory
    Stream<DynamicTest> wasiTests() throws IOException {
        Path suiteRoot = TestPaths.sharedDir().resolve("testsuite/wasi");
        List<Path> modules = new ArrayList<>();
        for (String suite : SUITES) {
            Path dir = suiteRoot.resolve(suite);
            if (!Files.isDirectory(dir)) {
                fail("the WASI test suite is missing: " + dir + " does not exist");
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".wasm")).sorted().forEach(modules::add);
            }
        }
        if (modules.isEmpty()) {
            fail("no WASI tests (*.wasm) in " + suiteRoot);
        }
        Path work = TestPaths.repositoryRoot().resolve("tests/target/wasi-testsuite");
        Engine engine = Engine.create();
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        return modules.stream().map(module -> {
            String suite = module.getParent().getFileName().toString();
            String name = module.getFileName().toString().replaceFirst("\\.wasm$", "");
            return DynamicTest.dynamicTest(suite + "/" + name, module.toUri(), () -> {
                boolean ok = false;
                try {
                    runTest(engine, module, work.resolve(suite).resolve(name));
                    ok = true;
                } finally {
                    (ok ? passed : failed).incrementAndGet();
                }
            });
        }).onClose(() -> {
            engine.close();
            System.out.println("WASI test suite: " + passed + " passed, " + failed + " failed of " + modules.size());
        });
    }

    private static void runTest(Engine engine, Path module, Path work) throws IOException {
        WasiTestSpec spec = WasiTestSpec.read(module);
        WasiProgram program = new WasiProgram(module).arguments(spec.args()).environment(spec.env());
        Path root = null;
        if (spec.root() != null) {
            root = work.resolve(spec.root());
            ScratchFolder.deleteRecursively(work);
            ScratchFolder.copyWritable(module.resolveSibling(spec.root()), root);
            ScratchFolder.deleteCleanupFiles(root);
            program.dir(root, "/");
        }
        WasiProgram.Outcome outcome;
        try {
            outcome = program.run(engine);
        } finally {
            if (root != null) {
                ScratchFolder.deleteCleanupFiles(root);
            }
        }
        String context = outcome.toString();
        if (outcome.error() != null) {
            fail("the guest did not exit normally: " + outcome.error() + "\n" + context);
        }
        assertEquals(spec.exitCode(), outcome.exitCode(), () -> "exit code\n" + context);
        if (spec.stdout() != null) {
            assertEquals(spec.stdout(), outcome.stdout(), () -> "stdout\n" + context);
        }
        if (spec.stderr() != null) {
            assertEquals(spec.stderr(), outcome.stderr(), () -> "stderr\n" + context);
        }
    }

    /** What a test's {@code NAME.json} asks for; every key is optional. */
    record WasiTestSpec(List<String> args, Map<String, String> env, String root, int exitCode, String stdout, String stderr) {
        static WasiTestSpec read(Path module) throws IOException {
            Path json = module.resolveSibling(module.getFileName().toString().replaceFirst("\\.wasm$", ".json"));
            if (!Files.isRegularFile(json)) {
                return new WasiTestSpec(List.of(), Map.of(), null, 0, null, null);
            }
            Map<?, ?> map = (Map<?, ?>) JsonReader.parse(Files.readString(json));
            List<String> args = new ArrayList<>();
            if (map.get("args") instanceof List<?> list) {
                list.forEach(a -> args.add(String.valueOf(a)));
            }
            Map<String, String> env = new java.util.LinkedHashMap<>();
            if (map.get("env") instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            }
            Object exit = map.get("exit_code");
            return new WasiTestSpec(args, env, (String) map.get("root"), exit == null ? 0 : ((Number) exit).intValue(), (String) map.get("stdout"),
                            (String) map.get("stderr"));
        }
    }
}
