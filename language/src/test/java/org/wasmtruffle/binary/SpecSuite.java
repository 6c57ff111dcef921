package org.wasmtruffle.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared test material beside the checkout (see shared/README.md): where it is, and the commands of the
 * spec suite's scripts as converted by wast2json. The directory comes from the system property
 * {@code wasm.shared.dir}, else {@code ../shared} or {@code ../../shared} relative to the working directory.
 */
public final class SpecSuite {
    /** One command of a script; absent fields are {@code null}. */
    public record Command(String script, String type, long line, Path module, String text, String moduleType) {
        @Override
        public String toString() {
            return script + ":" + line + " " + type + (module == null ? "" : " " + module.getFileName()) + (text == null ? "" : " \"" + text + "\"");
        }
    }

    private SpecSuite() {
    }

    /** The shared directory, or {@code null} if it cannot be found. */
    public static Path sharedDirectory() {
        String property = System.getProperty("wasm.shared.dir");
        if (property != null) {
            Path p = Path.of(property);
            return Files.isDirectory(p) ? p : null;
        }
        for (String candidate : new String[]{"../shared", "../../shared"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p.resolve("testsuite"))) {
                return p;
            }
        }
        return null;
    }

    /** The spec 2.0 json directory, or {@code null} if the shared directory is absent. */
    public static Path specJsonDirectory() {
        Path shared = sharedDirectory();
        if (shared == null) {
            return null;
        }
        Path json = shared.resolve("testsuite/spec-2.0/json");
        return Files.isDirectory(json) ? json : null;
    }

    /** The commands of every top-level script whose name does not start with {@code simd_}, in script order. */
    public static List<Command> commandsWithoutSimd(Path jsonDirectory) {
        List<Command> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(jsonDirectory)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String script = dir.getFileName().toString();
                Path file = dir.resolve(script + ".json");
                if (script.startsWith("simd_") || !Files.isRegularFile(file)) {
                    continue;
                }
                result.addAll(commands(script, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Command> commands(String script, Path file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) JsonReader.parse(Files.readString(file));
        List<Command> result = new ArrayList<>();
        for (Object o : (List<Object>) root.get("commands")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String filename = (String) c.get("filename");
            result.add(new Command(script, (String) c.get("type"), (Long) c.get("line"), filename == null ? null : file.resolveSibling(filename),
                            (String) c.get("text"), (String) c.get("module_type")));
        }
        return result;
    }
}
