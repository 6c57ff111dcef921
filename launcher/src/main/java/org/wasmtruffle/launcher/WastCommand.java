package org.wasmtruffle.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.graalvm.polyglot.PolyglotException;
import org.wasmtruffle.launcher.wast.JsonSyntaxException;
import org.wasmtruffle.launcher.wast.ScriptResult;
import org.wasmtruffle.launcher.wast.WastScript;
import org.wasmtruffle.launcher.wast.WastScriptRunner;

/**
 * {@code wasm-truffle wast PATH...}: runs spec scripts and prints one line per script and the totals.
 * Exits with 1 if any command failed.
 */
final class WastCommand {
    private final CommandLine commandLine;
    private final PrintStream out;
    private final ErrorReporter reporter;
    /** The dash before a script's first failure; plain if the output encoding lacks the em dash. */
    private final String dash;

    private int passed;
    private int failed;
    private int skipped;

    WastCommand(CommandLine commandLine, PrintStream out, ErrorReporter reporter) {
        this.commandLine = commandLine;
        this.out = out;
        this.reporter = reporter;
        this.dash = out.charset().newEncoder().canEncode('\u2014') ? "\u2014" : "-";
    }

    int run() {
        List<Path> paths = new ArrayList<>();
        for (String argument : commandLine.arguments()) {
            Path path = Path.of(argument);
            if (!Files.exists(path)) {
                return reporter.loadError("no such file or folder: " + argument);
            }
            paths.add(path);
        }
        long stackSize = commandLine.stackSize() != null ? commandLine.stackSize() : WastScriptRunner.DEFAULT_STACK_SIZE;
        Duration timeout = commandLine.timeout() != null ? commandLine.timeout() : WastScriptRunner.DEFAULT_TIMEOUT;
        WastScriptRunner runner;
        try {
            runner = new WastScriptRunner(commandLine.polyglotOptions(), stackSize, timeout);
        } catch (IllegalArgumentException | PolyglotException e) {
            return reporter.optionError(e);
        }
        try (runner) {
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    runFolder(runner, path);
                } else if (path.getFileName().toString().endsWith(".wast")) {
                    runWast(runner, path);
                } else {
                    report(runner.run(path));
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        out.flush();
        return failed > 0 ? ExitStatus.LOAD_ERROR : ExitStatus.SUCCESS;
    }

    private void runFolder(WastScriptRunner runner, Path folder) {
        List<Path> files;
        try {
            files = WastScript.findJsonFiles(folder);
        } catch (IOException e) {
            report(unreadable(folder, e.toString()));
            return;
        }
        for (Path file : files) {
            WastScript script;
            try {
                script = WastScript.read(file, displayName(folder, file));
            } catch (JsonSyntaxException | IOException e) {
                report(unreadable(file, e.getMessage()));
                continue;
            } catch (IllegalArgumentException e) {
                continue; // a JSON file that is not a script, e.g. test metadata: not ours to run
            }
            report(runner.run(script));
        }
    }

    /**
     * A script's name in the output: its folder relative to {@code root} for wast2json's
     * {@code NAME/NAME.json} layout (e.g. {@code i32}, {@code proposals/memory64/address64}), else its
     * path relative to {@code root} without {@code .json}.
     */
    static String displayName(Path root, Path file) {
        Path relative = root.relativize(file);
        String fileName = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path parent = relative.getParent();
        String name;
        if (parent != null && parent.getFileName().toString().equals(fileName)) {
            name = parent.toString();
        } else {
            name = parent == null ? fileName : parent.resolve(fileName).toString();
        }
        return name.replace(java.io.File.separatorChar, '/');
    }

    /** Converts a .wast file with wast2json into a temporary folder and runs the result. */
    private void runWast(WastScriptRunner runner, Path wast) {
        String name = wast.getFileName().toString().replaceFirst("\\.wast$", "");
        Path folder = null;
        try {
            folder = Files.createTempDirectory("wasm-truffle-wast");
            Path json = folder.resolve(name + ".json");
            Process process;
            try {
                process = new ProcessBuilder("wast2json", wast.toAbsolutePath().toString(), "-o", json.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                report(unreadable(wast, "running .wast files needs wast2json (from wabt) on PATH"));
                return;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                report(unreadable(wast, "wast2json could not convert it: " + output.strip().lines().findFirst().orElse("exit status " + process.exitValue())));
                return;
            }
            report(runner.run(json));
        } catch (IOException e) {
            report(unreadable(wast, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report(unreadable(wast, "interrupted"));
        } finally {
            deleteRecursively(folder);
        }
    }

    private static ScriptResult unreadable(Path path, String reason) {
        String name = path.getFileName().toString().replaceFirst("\\.(json|wast)$", "");
        return ScriptResult.failedToRun(name, reason);
    }

    private void report(ScriptResult result) {
        passed += result.passed();
        failed += result.failed();
        skipped += result.skipped();
        if (!commandLine.summary() || result.failed() > 0) {
            out.println(result.summaryLine(dash));
            out.flush();
        }
    }

    private static void deleteRecursively(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
