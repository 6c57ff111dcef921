package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/wasm-truffle} as a process, as a user would, with this JVM's JDK, a given working
 * folder and stdin, and an empty environment apart from what the script needs ({@code PATH},
 * {@code HOME}, {@code JAVA_HOME}, and {@code WASM_TRUFFLE} naming the launcher) so that tests of the guest's
 * environment are exact.
 */
final class LauncherProcess {
    private static final long TIMEOUT_MINUTES = 5;

    /** What a launcher process did. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** Fails if stderr shows a Java stack trace: errors must be one clear message. */
        void assertNoJavaStackTrace() {
            assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.contains(".java:"), () -> "a Java stack trace\n" + this);
        }

        @Override
        public String toString() {
            return "exit status " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    private LauncherProcess() {
    }

    /** Runs {@code bin/wasm-truffle ARGS} in {@code workDir} with {@code stdin} (may be {@code null}: empty). */
    static Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(TestPaths.repositoryRoot().resolve("bin/wasm-truffle").toString());
        command.addAll(List.of(args));
        return runCommand(workDir, stdin, command);
    }

    /** Runs {@code bash -c SCRIPT} (for pipelines) in {@code workDir}; {@code $WASM_TRUFFLE} names the launcher. */
    static Result runShell(Path workDir, String script) throws IOException, InterruptedException {
        return runCommand(workDir, null, List.of("bash", "-c", script));
    }

    /** Runs {@code command} in {@code workDir} with {@code stdin} (may be {@code null}: empty), in the same environment. */
    static Result runCommand(Path workDir, String stdin, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", System.getProperty("user.home"));
        builder.environment().put("XDG_CACHE_HOME", TestPaths.launcherCacheHome());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WASM_TRUFFLE", TestPaths.repositoryRoot().resolve("bin/wasm-truffle").toString());
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The guest may end without reading its input.
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
