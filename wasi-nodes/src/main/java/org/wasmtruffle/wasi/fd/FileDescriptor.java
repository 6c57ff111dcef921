package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;
import org.wasmtruffle.wasi.fs.FileStat;

/**
 * An open WASI file descriptor: its rights, its {@code fdflags}, and the operations its kind supports.
 * The default of each operation is the errno a descriptor of the wrong kind gets, so subclasses override
 * only what they can do. Rights are checked by the callers (the builtins), kinds here.
 */
public abstract class FileDescriptor {
    private long rightsBase;
    private long rightsInheriting;
    private int fdflags;

    protected FileDescriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    /** The preview1 {@code filetype}. */
    public abstract int fileType();

    public final long rightsBase() {
        return rightsBase;
    }

    public final long rightsInheriting() {
        return rightsInheriting;
    }

    /** Fails with ENOTCAPABLE unless this descriptor has every right in {@code rights}. */
    public final void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }

    /** {@code fd_fdstat_set_rights}: rights can only be dropped, never gained. */
    public final void setRights(long base, long inheriting) {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    public final int fdflags() {
        return fdflags;
    }

    public final boolean isNonblocking() {
        return (fdflags & WasiConstants.FDFLAGS_NONBLOCK) != 0;
    }

    public final boolean isAppend() {
        return (fdflags & WasiConstants.FDFLAGS_APPEND) != 0;
    }

    /** {@code fd_fdstat_set_flags}. */
    public void setFdflags(int flags) {
        if ((flags & ~WasiConstants.FDFLAGS_ALL) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        fdflags = flags;
    }

    /** Reads up to {@code length} bytes into {@code buffer}; 0 at end of file. */
    public int read(byte[] buffer, int length) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    /** Writes {@code data}, returning how many bytes were written. */
    public int write(byte[] data) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    public int pread(byte[] buffer, int length, long offset) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    public int pwrite(byte[] data, long offset) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    /** {@code fd_seek}: the new offset. */
    public long seek(long offset, int whence) throws IOException {
        throw new WasiError(Errno.SPIPE);
    }

    public FileStat stat() throws IOException {
        return new FileStat(0, 0, fileType(), 1, 0, 0, 0, 0);
    }

    public void setSize(long size) throws IOException {
        throw new WasiError(Errno.INVAL);
    }

    /** Sets the access and modification times ({@code null} leaves one unchanged). */
    public void setTimes(Long atim, Long mtim) throws IOException {
        throw new WasiError(Errno.INVAL);
    }

    public void allocate(long offset, long length) throws IOException {
        throw new WasiError(Errno.BADF);
    }

    public void sync() throws IOException {
    }

    /**
     * For poll_oneoff: how many bytes a read could return now (at least 1 if readable or at end of file),
     * or -1 if a read would block.
     */
    public long readReadiness() throws IOException {
        return 0;
    }

    /** For poll_oneoff: whether a write would not block (the bytes it could take, or -1). */
    public long writeReadiness() throws IOException {
        return 0;
    }

    /** Releases the host resource. */
    public void close() throws IOException {
    }
}
