package org.wasmtruffle.wasi.fd;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.util.List;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.fs.FileStat;

/**
 * A directory inside a sandbox: a preopened directory, or one opened beneath it. It names the sandbox's
 * host folder ({@link #sandboxRoot()}) and its own place there as a list of components, so that every
 * path resolved against it stays inside the sandbox.
 */
public final class DirectoryFd extends FileDescriptor {
    private final TruffleFile sandboxRoot;
    private final List<String> components;
    /** The guest name of a preopened directory ({@code fd_prestat_dir_name}); {@code null} for others. */
    private final String preopenName;

    public DirectoryFd(TruffleFile sandboxRoot, List<String> components, String preopenName, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.sandboxRoot = sandboxRoot;
        this.components = List.copyOf(components);
        this.preopenName = preopenName;
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_DIRECTORY;
    }

    public TruffleFile sandboxRoot() {
        return sandboxRoot;
    }

    /** Where this directory is within the sandbox (empty for the sandbox's root). */
    public List<String> components() {
        return components;
    }

    public String preopenName() {
        return preopenName;
    }

    /** The host folder. */
    public TruffleFile hostFile() {
        TruffleFile f = sandboxRoot;
        for (String c : components) {
            f = f.resolve(c);
        }
        return f;
    }

    @Override
    public FileStat stat() throws IOException {
        return FileStat.of(hostFile());
    }

    @Override
    public void setTimes(Long atim, Long mtim) throws IOException {
        TruffleFile f = hostFile();
        if (mtim != null) {
            f.setLastModifiedTime(FileStat.fileTime(mtim), LinkOption.NOFOLLOW_LINKS);
        }
        if (atim != null) {
            f.setLastAccessTime(FileStat.fileTime(atim), LinkOption.NOFOLLOW_LINKS);
        }
    }
}
