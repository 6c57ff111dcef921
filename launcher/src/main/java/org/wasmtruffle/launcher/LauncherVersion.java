package org.wasmtruffle.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Language;

/** The line {@code wasm-truffle --version} prints: {@code wasm-truffle 0.1.0 (Truffle 25.0.2, JIT)}. */
final class LauncherVersion {
    /** What {@link Engine#getImplementationName()} says when Truffle runs without its optimizing compiler. */
    private static final String FALLBACK_RUNTIME = "Interpreted";
    /** A resource of the polyglot jar holding its version; the native image includes it too. */
    private static final String POLYGLOT_VERSION_FILE = "/META-INF/graalvm/org.graalvm.polyglot/version";

    private LauncherVersion() {
    }

    static String line() {
        // Asking the engine is the only reliable way to learn whether the JIT is there; the warning it
        // would print without one is not wanted here, since the line itself says "interpreter".
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            Language language = engine.getLanguages().get(WasmTruffleLauncher.LANGUAGE);
            String version = language != null ? language.getVersion() : "(language not found on the class path)";
            String mode = FALLBACK_RUNTIME.equals(engine.getImplementationName()) ? "interpreter" : "JIT";
            return WasmTruffleLauncher.NAME + " " + version + " (Truffle " + TruffleVersion.VALUE + ", " + mode + ")";
        }
    }

    /**
     * The Truffle version, read once. The native launcher initializes this class when the image is built
     * (native-launcher/build-native), so the image holds the string: at run time, finding a resource of a
     * named module went through the image's resource table with a key compared by method handles, a third of
     * {@code --version}'s time (perf).
     */
    static final class TruffleVersion {
        static final String VALUE = truffleVersion();

        private TruffleVersion() {
        }
    }

    /**
     * The version file the polyglot jar carries (and reads itself); Truffle's artifacts are released
     * together. Not the jar manifest's version: a package of a named module (the polyglot module in
     * the native image) has none.
     */
    private static String truffleVersion() {
        try (InputStream in = Engine.class.getResourceAsStream(POLYGLOT_VERSION_FILE)) {
            if (in != null) {
                String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!version.isEmpty()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: the version is informative only
        }
        String version = Engine.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }
}
