package org.wasmtruffle.launcher.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastScriptTest {
    @TempDir
    Path dir;

    @Test
    void readsAScriptAndFindsItsModulesFolder() throws IOException {
        Path json = write("nop/nop.json", "{\"source_filename\": \"nop.wast\", \"commands\": [{\"type\": \"module\", \"line\": 1, \"filename\": \"nop.0.wasm\"}]}");
        WastScript script = WastScript.read(json);
        assertEquals("nop", script.name());
        assertEquals(json.getParent().toAbsolutePath(), script.folder());
        assertEquals(1, script.commands().size());
        assertFalse(script.usesSimd());
    }

    @Test
    void recognizesSimdScripts() throws IOException {
        assertTrue(WastScript.read(write("simd_x.json", "{\"commands\": []}")).usesSimd());
        Path lanes = write("lanes.json", """
                        {"commands": [{"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": []},
                          "expected": [{"type": "v128", "lane_type": "i32", "value": ["0", "0", "0", "0"]}]}]}
                        """);
        assertTrue(WastScript.read(lanes).usesSimd());
    }

    @Test
    void rejectsJsonThatIsNoScript() throws IOException {
        Path other = write("test.json", "{\"args\": [], \"exit_code\": 0}");
        assertThrows(IllegalArgumentException.class, () -> WastScript.read(other));
        Path broken = write("broken.json", "{\"commands\": [");
        assertThrows(JsonSyntaxException.class, () -> WastScript.read(broken));
    }

    @Test
    void findsJsonFilesRecursivelyInOrder() throws IOException {
        write("b/b.json", "{}");
        write("a/a.json", "{}");
        write("a/a.0.wasm", "");
        assertEquals(List.of(dir.resolve("a/a.json"), dir.resolve("b/b.json")), WastScript.findJsonFiles(dir));
    }

    private Path write(String relative, String text) throws IOException {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }
}
