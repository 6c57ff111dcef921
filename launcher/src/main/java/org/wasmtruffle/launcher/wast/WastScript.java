package org.wasmtruffle.launcher.wast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A spec test script as wast2json writes it: {@code NAME.json} with its commands, and the
 * {@code NAME.N.wasm} modules beside it.
 */
public final class WastScript {
    private final String name;
    private final Path folder;
    private final List<Map<String, Object>> commands;
    private final boolean usesSimd;

    private WastScript(String name, Path folder, List<Map<String, Object>> commands) {
        this.name = name;
        this.folder = folder;
        this.commands = commands;
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        this.usesSimd = fileName.startsWith("simd_") || commands.stream().anyMatch(WastScript::hasSimdValue);
    }

    /**
     * Reads a wast2json {@code .json} file.
     *
     * @throws IOException if it cannot be read
     * @throws JsonSyntaxException if it is not JSON
     * @throws IllegalArgumentException if it is JSON but not a script (no {@code commands} list)
     */
    public static WastScript read(Path jsonFile) throws IOException {
        String fileName = jsonFile.getFileName().toString();
        return read(jsonFile, fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName);
    }

    /** Reads a wast2json {@code .json} file like {@link #read(Path)}, naming the script {@code name}. */
    public static WastScript read(Path jsonFile, String name) throws IOException {
        String text = Files.readString(jsonFile, StandardCharsets.UTF_8);
        Object json = JsonReader.parse(text);
        if (!(json instanceof Map<?, ?> top) || !(top.get("commands") instanceof List<?> list)) {
            throw new IllegalArgumentException(jsonFile + " is not a wast2json script (it has no \"commands\" list)");
        }
        List<Map<String, Object>> commands = new ArrayList<>(list.size());
        for (Object command : list) {
            if (!(command instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(jsonFile + ": a command is not a JSON object: " + command);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) command;
            commands.add(map);
        }
        Path parent = jsonFile.toAbsolutePath().getParent();
        return new WastScript(name, parent, List.copyOf(commands));
    }

    /** All {@code .json} files under {@code folder} (recursively), sorted by path. */
    public static List<Path> findJsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static boolean hasSimdValue(Map<String, Object> command) {
        if (command.get("action") instanceof Map<?, ?> action && containsV128(action.get("args"))) {
            return true;
        }
        return containsV128(command.get("expected"));
    }

    private static boolean containsV128(Object values) {
        if (values instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?> m && "v128".equals(m.get("type"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The script's name: its file name without {@code .json}, unless given when it was read. */
    public String name() {
        return name;
    }

    /** The folder that holds the script and its modules. */
    public Path folder() {
        return folder;
    }

    /** The commands, in order, as JSON objects. */
    public List<Map<String, Object>> commands() {
        return commands;
    }

    /** Whether the script needs SIMD (its name starts with {@code simd_} or it has v128 values). */
    public boolean usesSimd() {
        return usesSimd;
    }
}
