package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WastCommandTest {
    @Test
    void scriptsAreNamedByTheirPlaceUnderTheGivenFolder() {
        Path root = Path.of("/suite/json");
        assertEquals("i32", WastCommand.displayName(root, root.resolve("i32/i32.json")));
        assertEquals("proposals/memory64/address64", WastCommand.displayName(root, root.resolve("proposals/memory64/address64/address64.json")));
        assertEquals("extra/other", WastCommand.displayName(root, root.resolve("extra/other.json")));
        assertEquals("forward", WastCommand.displayName(root.resolve("forward"), root.resolve("forward/forward.json")));
    }
}
