package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;

/** A module file's bytes reach the engine as they were read, without a copy. */
class ModuleBytesTest {
    @Test
    void handsOverTheArrayItself() {
        byte[] read = {0, 'a', 's', 'm', 1, 0, 0, 0};
        ByteSequence bytes = new ModuleBytes(read);
        assertSame(read, bytes.toByteArray());
        assertEquals(8, bytes.length());
        assertEquals('s', bytes.byteAt(2));
        assertArrayEquals(new byte[]{'a', 's', 'm'}, bytes.subSequence(1, 4).toByteArray());
    }
}
