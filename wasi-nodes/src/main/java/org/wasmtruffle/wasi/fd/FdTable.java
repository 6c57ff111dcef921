package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.WasiError;

/** The descriptors of one WASI instance, indexed by fd number; new descriptors take the lowest free number. */
public final class FdTable {
    private final List<FileDescriptor> entries = new ArrayList<>();

    /** The descriptor {@code fd}, or EBADF. */
    public FileDescriptor get(int fd) {
        if (fd < 0 || fd >= entries.size() || entries.get(fd) == null) {
            throw new WasiError(Errno.BADF);
        }
        return entries.get(fd);
    }

    /** The descriptor {@code fd} if it is a {@code type}, else EBADF (no such fd) or {@code wrongKindErrno}. */
    public <T extends FileDescriptor> T get(int fd, Class<T> type, int wrongKindErrno) {
        FileDescriptor d = get(fd);
        if (!type.isInstance(d)) {
            throw new WasiError(wrongKindErrno);
        }
        return type.cast(d);
    }

    /** Adds {@code descriptor} under the lowest free number and returns it. */
    public int add(FileDescriptor descriptor) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                entries.set(i, descriptor);
                return i;
            }
        }
        entries.add(descriptor);
        return entries.size() - 1;
    }

    /** {@code fd_close}. */
    public void close(int fd) throws IOException {
        FileDescriptor d = get(fd);
        entries.set(fd, null);
        d.close();
    }

    /** {@code fd_renumber}: {@code from} replaces (and closes) {@code to}; both must be open. */
    public void renumber(int from, int to) throws IOException {
        FileDescriptor source = get(from);
        FileDescriptor target = get(to);
        if (from == to) {
            return;
        }
        entries.set(to, source);
        entries.set(from, null);
        target.close();
    }

    /** Closes every descriptor (when the context goes away). */
    public void closeAll() {
        for (int i = 0; i < entries.size(); i++) {
            FileDescriptor d = entries.get(i);
            entries.set(i, null);
            if (d != null) {
                try {
                    d.close();
                } catch (IOException e) {
                    // Nothing useful to do while tearing down.
                }
            }
        }
    }
}
