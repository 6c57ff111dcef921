package org.wasmtruffle.launcher.wast;

import org.graalvm.polyglot.Value;

/**
 * The outcome of a script's {@code module} command: the instance's exports, or why the module could
 * not be loaded (then every later command that uses it fails with that reason).
 *
 * @param exports the instance's {@code exports} object; {@code null} if loading failed
 * @param line the script line of the module command
 * @param failure why loading failed; {@code null} if it succeeded
 */
record LoadedModule(Value exports, int line, String failure) {
    static LoadedModule loaded(Value exports, int line) {
        return new LoadedModule(exports, line, null);
    }

    static LoadedModule failed(int line, String failure) {
        return new LoadedModule(null, line, failure);
    }

    /** The exports, or a {@link CommandFailure} if this module did not load. */
    Value requireExports() {
        if (failure != null) {
            throw new CommandFailure("the module of line " + line + " did not load: " + failure);
        }
        return exports;
    }
}
