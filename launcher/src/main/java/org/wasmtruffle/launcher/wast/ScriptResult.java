package org.wasmtruffle.launcher.wast;

import java.util.ArrayList;
import java.util.List;

/**
 * What running one script gave: how many commands passed, failed and were skipped, and why the failed
 * ones failed. Safe to read from another thread than the one that runs the script.
 */
public final class ScriptResult {
    /** One failed command. */
    public record Failure(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    private final String name;
    private int passed;
    private int failed;
    private int skipped;
    private String skipReason;
    private final List<Failure> failures = new ArrayList<>();

    ScriptResult(String name) {
        this.name = name;
    }

    /** A script none of whose commands ran, for {@code reason}. */
    static ScriptResult skippedScript(String name, int commandCount, String reason) {
        ScriptResult result = new ScriptResult(name);
        result.skipped = commandCount;
        result.skipReason = reason;
        return result;
    }

    /** A script that could not be run at all (unreadable, not convertible): one failure at line 0. */
    public static ScriptResult failedToRun(String name, String reason) {
        ScriptResult result = new ScriptResult(name);
        result.fail(0, reason);
        return result;
    }

    synchronized void pass() {
        passed++;
    }

    synchronized void fail(int line, String reason) {
        failed++;
        failures.add(new Failure(line, reason));
    }

    synchronized void skip() {
        skipped++;
    }

    public String name() {
        return name;
    }

    public synchronized int passed() {
        return passed;
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized int skipped() {
        return skipped;
    }

    /** Why the whole script was skipped, or {@code null} if it ran. */
    public synchronized String skipReason() {
        return skipReason;
    }

    /** The failed commands, in script order. */
    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    /**
     * The one-line summary: {@code name: P passed, F failed, S skipped}, followed by the first failure
     * (after {@code dash}) if any command failed, or by the reason the script was skipped.
     */
    public synchronized String summaryLine(String dash) {
        StringBuilder sb = new StringBuilder().append(name).append(": ").append(passed).append(" passed, ").append(failed).append(" failed, ").append(skipped).append(" skipped");
        if (!failures.isEmpty()) {
            Failure first = failures.get(0);
            sb.append(' ').append(dash).append(" first failure at line ").append(first.line()).append(": ").append(first.reason());
        } else if (skipReason != null) {
            sb.append(" (").append(skipReason).append(')');
        }
        return sb.toString();
    }

    /** A multi-line report of the counts and up to {@code max} failures, for a test failure message. */
    public synchronized String failureReport(int max) {
        StringBuilder sb = new StringBuilder().append(name).append(": ").append(failed).append(" of ").append(passed + failed + skipped).append(" commands failed");
        for (int i = 0; i < failures.size() && i < max; i++) {
            sb.append("\n  ").append(failures.get(i));
        }
        if (failures.size() > max) {
            sb.append("\n  ... and ").append(failures.size() - max).append(" more");
        }
        return sb.toString();
    }
}
