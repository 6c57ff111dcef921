package org.wasmtruffle.launcher;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A host folder given to the guest with {@code --dir HOST[::GUEST]}: the guest sees it as a preopened
 * directory named {@code GUEST} (by default the host path as written).
 *
 * @param host the folder on the host, as given
 * @param guest the name the guest sees
 */
record PreopenedDir(String host, String guest) {
    /** The separator of {@code HOST::GUEST}, as in wasmtime. */
    private static final String SEPARATOR = "::";

    /** Parses {@code HOST[::GUEST]}. */
    static PreopenedDir parse(String text) throws UsageException {
        int sep = text.indexOf(SEPARATOR);
        String host = sep < 0 ? text : text.substring(0, sep);
        String guest = sep < 0 ? text : text.substring(sep + SEPARATOR.length());
        if (host.isEmpty() || guest.isEmpty()) {
            throw new UsageException("invalid --dir '" + text + "': expected HOST or HOST::GUEST");
        }
        // ';' separates the entries of the engine option that carries the folders.
        if (text.indexOf(';') >= 0) {
            throw new UsageException("invalid --dir '" + text + "': folder names with ';' are not supported");
        }
        return new PreopenedDir(host, guest);
    }

    /** Why the host folder cannot be given to the guest, or {@code null} if it is an existing folder. */
    String problem() {
        Path path;
        try {
            path = Path.of(host);
        } catch (InvalidPathException e) {
            return "invalid path: " + e.getMessage();
        }
        if (!Files.exists(path)) {
            return "no such folder";
        }
        if (!Files.isDirectory(path)) {
            return "not a folder";
        }
        return null;
    }

    /** The entry of the {@code wasm-truffle.WasiDirs} option: {@code HOST::GUEST}. */
    String optionEntry() {
        return host + SEPARATOR + guest;
    }
}
