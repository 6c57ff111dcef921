package org.wasmtruffle.launcher.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsAWast2jsonCommand() {
        Object json = JsonReader.parse("""
                        {"source_filename": "i32.wast",
                         "commands": [
                          {"type": "module", "line": 3, "filename": "i32.0.wasm"},
                          {"type": "assert_return", "line": 37, "action": {"type": "invoke", "field": "add", "args": [{"type": "i32", "value": "1"}]}, "expected": []}]}
                        """);
        Map<?, ?> top = (Map<?, ?>) json;
        assertEquals("i32.wast", top.get("source_filename"));
        List<?> commands = (List<?>) top.get("commands");
        assertEquals(2, commands.size());
        Map<?, ?> module = (Map<?, ?>) commands.get(0);
        assertEquals(List.of("type", "line", "filename"), List.copyOf(module.keySet()), "members keep document order");
        assertEquals(3L, module.get("line"));
        Map<?, ?> action = (Map<?, ?>) ((Map<?, ?>) commands.get(1)).get("action");
        assertEquals(List.of(Map.of("type", "i32", "value", "1")), action.get("args"));
        assertEquals(List.of(), ((Map<?, ?>) commands.get(1)).get("expected"));
    }

    @Test
    void readsLiteralsAndNumbers() {
        assertEquals(Arrays.asList(true, false, null, 0L, -12L, 1.5, -2.5e3, 1e-2, 12345678901234567890.0),
                        JsonReader.parse("[true, false, null, 0, -12, 1.5, -2.5E+3, 1e-2, 12345678901234567890]"));
        assertNull(JsonReader.parse(" null "));
        assertEquals(Map.of(), JsonReader.parse("{}"));
        assertEquals(List.of(), JsonReader.parse("[ ]"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9\ud83d\ude00", JsonReader.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
        assertEquals("plain \u4e2d", JsonReader.parse("\"plain \u4e2d\""));
    }

    @Test
    void rejectsInvalidJsonWithPosition() {
        for (String bad : new String[]{"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "\"open", "tru", "01", "1.", "-", "[1] 2", "\"\\x\"", "\"\\u12\"", "{a:1}",
                        "\"tab\there\""}) {
            JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(bad), bad);
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        }
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{\n  \"a\": ?}"));
        assertTrue(e.getMessage().endsWith("at line 2, column 8"), e.getMessage());
    }

    @Test
    void resultsAreUnmodifiable() {
        List<?> list = (List<?>) JsonReader.parse("[{\"a\": 1}]");
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        Map<?, ?> map = (Map<?, ?>) list.get(0);
        assertThrows(UnsupportedOperationException.class, map::clear);
    }
}
