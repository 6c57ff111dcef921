package org.wasmtruffle.launcher;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Language;

/** The line {@code wasm-truffle --version} prints: {@code wasm-truffle 0.1.0 (Truffle 25.0.2, JIT)}. */
final class LauncherVersion {
    /** What {@link Engine#getImplementationName()} says when Truffle runs without its optimizing compiler. */
    private static final String FALLBACK_RUNTIME = "Interpreted";

    private LauncherVersion() {
    }

    static String line() {
        // Asking the engine is the only reliable way to learn whether the JIT is there; the warning it
        // would print without one is not wanted here, since the line itself says "interpreter".
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            Language language = engine.getLanguages().get(WasmTruffleLauncher.LANGUAGE);
            String version = language != null ? language.getVersion() : "(language not found on the class path)";
            String mode = FALLBACK_RUNTIME.equals(engine.getImplementationName()) ? "interpreter" : "JIT";
            return WasmTruffleLauncher.NAME + " " + version + " (Truffle " + truffleVersion() + ", " + mode + ")";
        }
    }

    /** The version in the polyglot jar's manifest; Truffle's artifacts are released together. */
    private static String truffleVersion() {
        String version = Engine.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }
}
