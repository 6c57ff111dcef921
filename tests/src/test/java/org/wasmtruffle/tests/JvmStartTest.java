package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The faster JVM start that the build prepares for {@code bin/wasm-truffle} ({@code launcher/jvm-start}): a
 * jlink copy of the JDK with the Graal jars on the module path, and an AOT cache. The launcher must use them
 * when they are up to date, and start the JDK as before, silently, when the cache is older than a jar or the
 * copy was made from another JDK. Whether the cache was used is read from the JVM's own log
 * ({@code -Xlog:aot=info} into a file, so that the guest's output stays apart).
 */
class JvmStartTest {
    private static Path root;
    private static Path target;
    private static Path work;
    private static Path hello;

    @BeforeAll
    static void setUp() throws IOException, InterruptedException {
        root = TestPaths.repositoryRoot();
        target = root.resolve("launcher/target");
        work = Files.createDirectories(root.resolve("tests/target/jvm-start"));
        hello = GuestCompiler.wat(work, "hello", """
                        (module
                          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                          (memory (export "memory") 1)
                          (data (i32.const 16) "hello\\n")
                          (func (export "_start")
                            (i32.store (i32.const 0) (i32.const 16))
                            (i32.store (i32.const 4) (i32.const 6))
                            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
                        """);
    }

    @Test
    void trainingModuleIsBuiltFromItsSource() throws IOException, InterruptedException {
        Path source = root.resolve("launcher/jvm-start/training.wat");
        Path binary = work.resolve("training.wasm");
        GuestCompiler.watFile(source, binary);
        assertArrayEquals(Files.readAllBytes(binary), Files.readAllBytes(root.resolve("launcher/jvm-start/training.wasm")),
                        "launcher/jvm-start/training.wasm is not `wat2wasm training.wat`: regenerate it");
    }

    @Test
    void theBuildPreparedTheJvmAndTheLauncherUsesIt() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(target.resolve("jvm/bin/java")), "the build made no launcher/target/jvm (see launcher/target/jvm-link.log)");
        assertTrue(Files.size(target.resolve("jvm.aot")) > 0, "the build made no launcher/target/jvm.aot (see launcher/target/jvm-training.log)");
        String aotLog = runWithAotLog(root, "used");
        assertTrue(aotLog.contains("Opened AOT cache " + target.resolve("jvm.aot")), aotLog);
        assertFalse(aotLog.contains("[error"), aotLog);
    }

    @Test
    void aCacheOlderThanAJarIsLeftAlone() throws IOException, InterruptedException {
        Path staged = stage("stale");
        // The launcher jar rebuilt after the cache was recorded: a real file, newer than the cache.
        Path jar = staged.resolve("launcher/target/wasm-truffle-launcher.jar");
        Files.delete(jar);
        Files.copy(target.resolve("wasm-truffle-launcher.jar"), jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(target.resolve("jvm.aot")).toMillis() + 60_000));
        assertFalse(runWithAotLog(staged, "stale").contains("Opened AOT cache"));
    }

    @Test
    void aCopyOfAnotherJdkIsLeftAlone() throws IOException, InterruptedException {
        Path staged = stage("other-jdk");
        Path release = staged.resolve("launcher/target/jvm.release");
        Files.delete(release);
        Files.writeString(release, Files.readString(target.resolve("jvm.release")).replace("JAVA_VERSION=", "JAVA_VERSION_OF_ANOTHER_JDK="));
        assertFalse(runWithAotLog(staged, "other-jdk").contains("Opened AOT cache"));
        // The JDK as it is still runs with the Graal JIT.
        LauncherProcess.Result version = LauncherProcess.runCommand(work, null, List.of(staged.resolve("bin/wasm-truffle").toString(), "--version"));
        assertTrue(version.out().contains("JIT"), version::toString);
    }

    /**
     * Runs the hello module with {@code repository}'s launcher and returns the JVM's AOT log (written to a
     * file); the run must print what the module prints and nothing else, whether the cache was used or not.
     */
    private static String runWithAotLog(Path repository, String name) throws IOException, InterruptedException {
        Path log = work.resolve(name + "-aot.log");
        Files.deleteIfExists(log);
        LauncherProcess.Result result = LauncherProcess.runCommand(work, null,
                        List.of(repository.resolve("bin/wasm-truffle").toString(), "--vm.Xlog:aot=info:file=" + log, hello.toString()));
        assertEquals("hello\n", result.out(), result::toString);
        assertEquals("", result.err(), result::toString);
        assertEquals(0, result.status(), result::toString);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * A repository of links to this one's build: its own bin scripts (they find the build beside them), and
     * links to every file of launcher/target that the launcher reads, so that one file can be replaced.
     */
    private static Path stage(String name) throws IOException {
        Path staged = work.resolve(name);
        ScratchFolder.deleteRecursively(staged);
        Files.createDirectories(staged.resolve("bin"));
        for (String script : List.of("wasm-truffle", "java-home")) {
            Files.copy(root.resolve("bin").resolve(script), staged.resolve("bin").resolve(script));
        }
        Path stagedTarget = Files.createDirectories(staged.resolve("launcher/target"));
        for (String entry : List.of("wasm-truffle-launcher.jar", "jvm", "jvm.release", "jvm.aot")) {
            Files.createSymbolicLink(stagedTarget.resolve(entry), target.resolve(entry));
        }
        for (String folder : List.of("lib", "jit")) {
            Files.createDirectories(stagedTarget.resolve(folder));
            try (Stream<Path> jars = Files.list(target.resolve(folder))) {
                for (Path jar : jars.toList()) {
                    Files.createSymbolicLink(stagedTarget.resolve(folder).resolve(jar.getFileName()), jar);
                }
            }
        }
        return staged;
    }
}
