package org.wasmtruffle.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository (for {@code bin/wasm-truffle}) and the shared test material
 * ({@code ../shared} beside the checkout, or the {@code wasm.shared.dir} system property the build sets).
 */
final class TestPaths {
    private TestPaths() {
    }

    /** The repository's root: the nearest folder at or above the working directory with {@code bin/wasm-truffle}. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/wasm-truffle"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with bin/wasm-truffle) at or above " + Path.of("").toAbsolutePath());
    }

    /**
     * The {@code XDG_CACHE_HOME} the tests give {@code bin/wasm-truffle}: its module cache then goes to
     * {@code tests/target/launcher-cache/wasm-truffle/modules}, not into the user's own cache folder.
     */
    static String launcherCacheHome() {
        return repositoryRoot().resolve("tests/target/launcher-cache").toString();
    }

    /**
     * The shared test material: the {@code wasm.shared.dir} system property (or {@code WASM_SHARED_DIR}
     * environment variable) if that folder exists, else {@code shared/} beside the repository root or
     * beside any folder above the working directory.
     *
     * @throws IllegalStateException with a clear message if it is nowhere to be found
     */
    static Path sharedDir() {
        StringBuilder tried = new StringBuilder();
        for (String configured : new String[]{System.getProperty("wasm.shared.dir"), System.getenv("WASM_SHARED_DIR")}) {
            if (configured != null && !configured.isBlank()) {
                Path path = Path.of(configured).toAbsolutePath().normalize();
                if (Files.isDirectory(path)) {
                    return path;
                }
                tried.append(' ').append(path);
            }
        }
        // The property's default assumes Maven ran in the repository root; look upward in case it did not.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(candidate.resolve("testsuite"))) {
                return candidate;
            }
            tried.append(' ').append(candidate);
        }
        throw new IllegalStateException("the shared test material (../shared beside the repository) is missing; looked in:" + tried
                        + ". Set -Dwasm.shared.dir=PATH or WASM_SHARED_DIR.");
    }

    /** The wast2json form of the WebAssembly 2.0 spec test suite: {@code NAME/NAME.json} plus modules. */
    static Path specJsonDir() {
        Path json = sharedDir().resolve("testsuite/spec-2.0/json");
        if (!Files.isDirectory(json)) {
            throw new IllegalStateException("the spec test suite is missing: " + json + " does not exist");
        }
        return json;
    }
}
