package org.wasmtruffle.wasi;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmtruffle.wasi.fd.DirectoryFd;
import org.wasmtruffle.wasi.fd.FileFd;
import org.wasmtruffle.wasi.fs.FileStat;
import org.wasmtruffle.wasi.fs.ResolvedPath;
import org.wasmtruffle.wasi.fs.SandboxResolver;

/**
 * The {@code path_*} functions. Each resolves its paths with {@link SandboxResolver} against a directory
 * descriptor, then acts on the resolved host file, never following a link there (the resolver has already
 * followed the ones it should), with POSIX's errors for the cases the host would treat differently.
 */
final class PathFunctions {
    private PathFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("path_create_directory", "iii", true, PathFunctions::createDirectory));
        all.add(new WasiBuiltin("path_filestat_get", "iiiii", true, PathFunctions::filestatGet));
        all.add(new WasiBuiltin("path_filestat_set_times", "iiiiIIi", true, PathFunctions::filestatSetTimes));
        all.add(new WasiBuiltin("path_link", "iiiiiii", true, PathFunctions::link));
        all.add(new WasiBuiltin("path_open", "iiiiiIIii", true, PathFunctions::open));
        all.add(new WasiBuiltin("path_readlink", "iiiiii", true, PathFunctions::readlink));
        all.add(new WasiBuiltin("path_remove_directory", "iii", true, PathFunctions::removeDirectory));
        all.add(new WasiBuiltin("path_rename", "iiiiii", true, PathFunctions::rename));
        all.add(new WasiBuiltin("path_symlink", "iiiii", true, PathFunctions::symlink));
        all.add(new WasiBuiltin("path_unlink_file", "iii", true, PathFunctions::unlinkFile));
    }

    private static boolean follow(int lookupFlags) {
        return (lookupFlags & WasiConstants.LOOKUP_SYMLINK_FOLLOW) != 0;
    }

    private static int createDirectory(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        dir.require(Rights.PATH_CREATE_DIRECTORY);
        ResolvedPath p = SandboxResolver.resolve(dir, c.string(1), false);
        if (p.endsInDot() || p.exists()) {
            return Errno.EXIST;
        }
        p.hostFile().createDirectory();
        return Errno.SUCCESS;
    }

    /** The resolved path of an existing entry: ENOENT if missing, ENOTDIR if a slash follows a non-directory. */
    private static ResolvedPath existing(DirectoryFd dir, String path, boolean follow) {
        ResolvedPath p = SandboxResolver.resolve(dir, path, follow);
        if (!p.exists()) {
            throw new WasiError(Errno.NOENT);
        }
        if (p.trailingSlash() && !p.isDirectory()) {
            throw new WasiError(Errno.NOTDIR);
        }
        return p;
    }

    private static int filestatGet(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        dir.require(Rights.PATH_FILESTAT_GET);
        ResolvedPath p = existing(dir, c.string(2), follow(c.i32(1)));
        FileStat.of(p.hostFile()).write(c.memory(), c.i32(4));
        return Errno.SUCCESS;
    }

    private static int filestatSetTimes(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        Long[] times = FileTimes.decode(c.i64(4), c.i64(5), c.i32(6));
        dir.require(Rights.PATH_FILESTAT_SET_TIMES);
        ResolvedPath p = existing(dir, c.string(2), follow(c.i32(1)));
        TruffleFile f = p.hostFile();
        if (times[1] != null) {
            f.setLastModifiedTime(FileStat.fileTime(times[1]), LinkOption.NOFOLLOW_LINKS);
        }
        if (times[0] != null) {
            f.setLastAccessTime(FileStat.fileTime(times[0]), LinkOption.NOFOLLOW_LINKS);
        }
        return Errno.SUCCESS;
    }

    private static int link(WasiCall c) throws IOException {
        DirectoryFd oldDir = c.directory(0);
        DirectoryFd newDir = c.directory(4);
        oldDir.require(Rights.PATH_LINK_SOURCE);
        newDir.require(Rights.PATH_LINK_TARGET);
        ResolvedPath source = existing(oldDir, c.string(2), follow(c.i32(1)));
        ResolvedPath target = SandboxResolver.resolve(newDir, c.string(5), false);
        if (source.isDirectory()) {
            return Errno.PERM;
        }
        if (target.endsInDot() || target.exists()) {
            return Errno.EXIST;
        }
        if (target.trailingSlash()) {
            return Errno.NOENT;
        }
        target.hostFile().createLink(source.hostFile());
        return Errno.SUCCESS;
    }

    private static int readlink(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        dir.require(Rights.PATH_READLINK);
        ResolvedPath p = SandboxResolver.resolve(dir, c.string(1), false);
        if (!p.exists()) {
            return Errno.NOENT;
        }
        if (!p.isSymbolicLink()) {
            return Errno.INVAL;
        }
        byte[] target = p.hostFile().readSymbolicLink().getPath().getBytes(StandardCharsets.UTF_8);
        int capacity = c.i32(4);
        int n = Integer.compareUnsigned(capacity, target.length) < 0 ? capacity : target.length;
        c.memory().check(c.i32(5), 4);
        c.memory().write(c.i32(3), target, 0, n);
        c.memory().storeI32(c.i32(5), n);
        return Errno.SUCCESS;
    }

    private static int removeDirectory(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        dir.require(Rights.PATH_REMOVE_DIRECTORY);
        ResolvedPath p = SandboxResolver.resolve(dir, c.string(1), false);
        if (p.isRoot() || p.endsInDot()) {
            // "." is no entry of its parent, and the sandbox's root is not the guest's to remove.
            return p.exists() && !p.isRoot() ? Errno.INVAL : Errno.BUSY;
        }
        if (!p.exists()) {
            return Errno.NOENT;
        }
        if (!p.isDirectory()) {
            return Errno.NOTDIR;
        }
        p.hostFile().delete();
        return Errno.SUCCESS;
    }

    private static int rename(WasiCall c) throws IOException {
        DirectoryFd oldDir = c.directory(0);
        DirectoryFd newDir = c.directory(3);
        oldDir.require(Rights.PATH_RENAME_SOURCE);
        newDir.require(Rights.PATH_RENAME_TARGET);
        ResolvedPath source = SandboxResolver.resolve(oldDir, c.string(1), false);
        ResolvedPath target = SandboxResolver.resolve(newDir, c.string(4), false);
        if (!source.exists()) {
            return Errno.NOENT;
        }
        if (source.isRoot() || target.isRoot()) {
            return Errno.BUSY;
        }
        if (source.endsInDot() || target.endsInDot()) {
            return Errno.INVAL;
        }
        boolean sourceIsDirectory = source.isDirectory();
        if (!sourceIsDirectory && (source.trailingSlash() || target.trailingSlash())) {
            return Errno.NOTDIR;
        }
        if (target.exists()) {
            boolean targetIsDirectory = target.isDirectory();
            if (sourceIsDirectory && !targetIsDirectory) {
                return Errno.NOTDIR;
            }
            if (!sourceIsDirectory && targetIsDirectory) {
                return Errno.ISDIR;
            }
        }
        if (sourceIsDirectory && startsWith(target.components(), source.components()) && !target.components().equals(source.components())) {
            return Errno.INVAL;
        }
        source.hostFile().move(target.hostFile(), StandardCopyOption.ATOMIC_MOVE);
        return Errno.SUCCESS;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static int symlink(WasiCall c) throws IOException {
        String contents = c.string(0);
        DirectoryFd dir = c.directory(2);
        dir.require(Rights.PATH_SYMLINK);
        ResolvedPath p = SandboxResolver.resolve(dir, c.string(3), false);
        if (contents.isEmpty()) {
            return Errno.NOENT;
        }
        if (contents.startsWith("/")) {
            // An absolute link could only ever point out of the sandbox.
            return Errno.PERM;
        }
        if (p.endsInDot() || p.exists()) {
            return Errno.EXIST;
        }
        if (p.trailingSlash()) {
            return Errno.NOENT;
        }
        p.hostFile().createSymbolicLink(c.state().env().getPublicTruffleFile(contents));
        return Errno.SUCCESS;
    }

    private static int unlinkFile(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        dir.require(Rights.PATH_UNLINK_FILE);
        ResolvedPath p = SandboxResolver.resolve(dir, c.string(1), false);
        if (p.isRoot() || p.endsInDot()) {
            return Errno.ISDIR;
        }
        if (!p.exists()) {
            return Errno.NOENT;
        }
        if (p.isDirectory()) {
            return Errno.ISDIR;
        }
        if (p.trailingSlash()) {
            return Errno.NOTDIR;
        }
        p.hostFile().delete();
        return Errno.SUCCESS;
    }

    /**
     * {@code path_open}: opens (or with {@code oflags.creat} creates) a file or directory. The new
     * descriptor's rights are those asked for, limited by the directory's inheriting rights.
     */
    private static int open(WasiCall c) throws IOException {
        DirectoryFd dir = c.directory(0);
        int lookupFlags = c.i32(1);
        String path = c.string(2);
        int oflags = c.i32(4) & 0xFFFF;
        long rightsBase = c.i64(5) & dir.rightsInheriting();
        long rightsInheriting = c.i64(6) & dir.rightsInheriting();
        int fdflags = c.i32(7) & 0xFFFF;
        int resultPointer = c.i32(8);
        boolean create = (oflags & WasiConstants.OFLAGS_CREAT) != 0;
        boolean exclusive = (oflags & WasiConstants.OFLAGS_EXCL) != 0;
        boolean truncate = (oflags & WasiConstants.OFLAGS_TRUNC) != 0;
        boolean directory = (oflags & WasiConstants.OFLAGS_DIRECTORY) != 0;
        if ((oflags & ~0xF) != 0 || (fdflags & ~WasiConstants.FDFLAGS_ALL) != 0) {
            return Errno.INVAL;
        }
        dir.require(Rights.PATH_OPEN);
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        c.memory().check(resultPointer, 4);
        ResolvedPath p = SandboxResolver.resolve(dir, path, follow(lookupFlags));
        boolean exists = p.exists();
        if (exists && create && exclusive) {
            return Errno.EXIST;
        }
        if (!exists) {
            if (!create) {
                return Errno.NOENT;
            }
            if (directory || p.trailingSlash()) {
                return Errno.ISDIR;
            }
        }
        if (exists && p.isSymbolicLink()) {
            // Only a final link the lookup flags say not to follow is left; POSIX O_NOFOLLOW fails so.
            return directory ? Errno.NOTDIR : Errno.LOOP;
        }
        if (exists && p.isDirectory()) {
            // Like every directory capability, the new descriptor is a sandbox of its own: ".." cannot leave it.
            if (truncate || (rightsBase & Rights.FD_WRITE) != 0) {
                return Errno.ISDIR;
            }
            DirectoryFd opened = new DirectoryFd(p.hostFile(), List.of(), null, rightsBase & Rights.DIRECTORY, rightsInheriting, fdflags);
            c.memory().storeI32(resultPointer, c.state().fds().add(opened));
            return Errno.SUCCESS;
        }
        if (directory || p.trailingSlash()) {
            return Errno.NOTDIR;
        }
        boolean readable = (rightsBase & (Rights.FD_READ | Rights.FD_READDIR)) != 0;
        boolean writable = (rightsBase & (Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE)) != 0;
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (readable || !writable) {
            options.add(StandardOpenOption.READ);
        }
        if (writable || truncate) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & WasiConstants.FDFLAGS_SYNC) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((fdflags & (WasiConstants.FDFLAGS_DSYNC | WasiConstants.FDFLAGS_RSYNC)) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        TruffleFile file = p.hostFile();
        if (create && !exists && !options.contains(StandardOpenOption.WRITE)) {
            // The JDK creates only files opened for writing; a file created for reading is made first.
            file.createFile();
        }
        SeekableByteChannel channel;
        try {
            channel = file.newByteChannel(options);
        } catch (IOException e) {
            if (readable || writable || create || truncate) {
                throw e;
            }
            // Opened for neither reading nor writing (e.g. only to stat it): an unreadable file is fine.
            channel = null;
        }
        FileFd opened = new FileFd(file, channel, rightsBase & Rights.REGULAR_FILE, rightsInheriting, fdflags);
        c.memory().storeI32(resultPointer, c.state().fds().add(opened));
        return Errno.SUCCESS;
    }
}
