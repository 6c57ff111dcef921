package org.wasmtruffle.wasi.fs;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;
import org.wasmtruffle.wasi.fd.DirectoryFd;

/**
 * Resolves guest paths capability-style: relative to a directory descriptor, component by component
 * against the sandbox's host folder, following symbolic links itself so that nothing leads out of the
 * sandbox. The host never resolves a guest-controlled path: every host file handed out is the sandbox
 * root plus plain names that exist inside it (except possibly the last one).
 *
 * <p>Refused with ENOTCAPABLE: absolute paths, {@code ..} above the sandbox root, and symbolic links
 * whose target is absolute or climbs above the root. More than {@link WasiConstants#MAX_SYMLINKS} links
 * in one resolution fail with ELOOP.
 */
public final class SandboxResolver {
    private SandboxResolver() {
    }

    /**
     * Resolves {@code path} beneath {@code dir}. Symbolic links in the middle of the path are always
     * followed; the last component is followed if {@code followFinal} or the path ends in a slash.
     */
    public static ResolvedPath resolve(DirectoryFd dir, String path, boolean followFinal) {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        TruffleFile root = dir.sandboxRoot();
        boolean trailingSlash = path.endsWith("/");
        Deque<String> todo = new ArrayDeque<>(split(path));
        List<String> current = new ArrayList<>(dir.components());
        boolean endsInDot = todo.isEmpty();
        int symlinks = 0;
        try {
            while (!todo.isEmpty()) {
                String name = todo.pollFirst();
                boolean last = todo.isEmpty();
                endsInDot = false;
                if (name.equals(".")) {
                    endsInDot = last;
                    requireDirectory(root, current);
                    continue;
                }
                if (name.equals("..")) {
                    if (current.isEmpty()) {
                        throw new WasiError(Errno.NOTCAPABLE);
                    }
                    requireDirectory(root, current);
                    current.remove(current.size() - 1);
                    endsInDot = last;
                    continue;
                }
                TruffleFile host = file(root, current).resolve(name);
                boolean follow = !last || followFinal || trailingSlash;
                if (follow && host.exists(LinkOption.NOFOLLOW_LINKS) && host.isSymbolicLink()) {
                    if (++symlinks > WasiConstants.MAX_SYMLINKS) {
                        throw new WasiError(Errno.LOOP);
                    }
                    String target = host.readSymbolicLink().getPath();
                    if (target.isEmpty()) {
                        throw new WasiError(Errno.NOENT);
                    }
                    if (target.startsWith("/")) {
                        throw new WasiError(Errno.NOTCAPABLE);
                    }
                    List<String> parts = split(target);
                    if (target.endsWith("/") && last) {
                        trailingSlash = true;
                    }
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        todo.addFirst(parts.get(i));
                    }
                    if (parts.isEmpty()) {
                        endsInDot = last;
                    }
                    continue;
                }
                current.add(name);
                if (!last) {
                    requireDirectory(root, current);
                }
            }
        } catch (IOException e) {
            throw IoErrors.error(e);
        }
        return new ResolvedPath(root, List.copyOf(current), trailingSlash, endsInDot);
    }

    /** A directory on the way must exist and be one (ENOENT / ENOTDIR otherwise). */
    private static void requireDirectory(TruffleFile root, List<String> components) {
        TruffleFile f = file(root, components);
        if (!f.exists(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.NOENT);
        }
        if (!f.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.NOTDIR);
        }
    }

    private static TruffleFile file(TruffleFile root, List<String> components) {
        TruffleFile f = root;
        for (String c : components) {
            f = f.resolve(c);
        }
        return f;
    }

    /** The non-empty components of {@code path}. */
    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
