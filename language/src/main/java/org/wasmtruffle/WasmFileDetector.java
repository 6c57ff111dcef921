package org.wasmtruffle;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/** Recognizes WebAssembly binaries by their {@code \0asm} magic, whatever the file name. */
public final class WasmFileDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) throws IOException {
        String name = file.getName();
        if (name != null && name.endsWith(".wasm")) {
            return WasmLanguage.MIME_TYPE;
        }
        try (InputStream in = file.newInputStream()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length == 4 && magic[0] == 0 && magic[1] == 'a' && magic[2] == 's' && magic[3] == 'm') {
                return WasmLanguage.MIME_TYPE;
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        return null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
