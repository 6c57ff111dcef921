package org.wasmtruffle.wasi.fs;

import com.oracle.truffle.api.TruffleFile;
import java.nio.file.LinkOption;
import java.util.List;

/**
 * A guest path resolved inside a sandbox: the host file, its place in the sandbox as components, and how
 * the guest spelled its end (a trailing slash, or a final {@code .}/{@code ..} that names a directory
 * rather than an entry that could be created or removed).
 *
 * @param components the resolved place, symbolic links followed as asked (empty for the sandbox root)
 * @param trailingSlash whether the guest path ended in {@code /}, which requires a directory
 * @param endsInDot whether the last component was {@code .} or {@code ..} (or the path resolved to the
 *            starting directory itself)
 */
public record ResolvedPath(TruffleFile sandboxRoot, List<String> components, boolean trailingSlash, boolean endsInDot) {

    /** The host file. */
    public TruffleFile hostFile() {
        TruffleFile f = sandboxRoot;
        for (String c : components) {
            f = f.resolve(c);
        }
        return f;
    }

    /** Whether the entry exists (a symbolic link counts, even a dangling one). */
    public boolean exists() {
        return hostFile().exists(LinkOption.NOFOLLOW_LINKS);
    }

    public boolean isDirectory() {
        return hostFile().isDirectory(LinkOption.NOFOLLOW_LINKS);
    }

    public boolean isSymbolicLink() {
        TruffleFile f = hostFile();
        return f.exists(LinkOption.NOFOLLOW_LINKS) && f.isSymbolicLink();
    }

    /** Whether this is the sandbox's root itself. */
    public boolean isRoot() {
        return components.isEmpty();
    }
}
