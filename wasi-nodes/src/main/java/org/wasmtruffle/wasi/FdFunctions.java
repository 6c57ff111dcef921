package org.wasmtruffle.wasi;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wasmtruffle.wasi.GuestMemory.IoVector;
import org.wasmtruffle.wasi.fd.DirectoryFd;
import org.wasmtruffle.wasi.fd.FileDescriptor;
import org.wasmtruffle.wasi.fs.FileStat;
import org.wasmtruffle.wasi.fs.IoErrors;

/** The {@code fd_*} functions: operations on open descriptors. */
final class FdFunctions {
    /** The largest {@code advice} value ({@code noreuse}). */
    private static final int MAX_ADVICE = 5;

    private FdFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("fd_advise", "iIIi", true, FdFunctions::advise));
        all.add(new WasiBuiltin("fd_allocate", "iII", true, c -> {
            FileDescriptor d = c.fd(0);
            notDirectory(d);
            d.require(Rights.FD_ALLOCATE);
            d.allocate(c.i64(1), c.i64(2));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_close", "i", true, c -> {
            c.state().fds().close(c.i32(0));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_datasync", "i", true, c -> {
            FileDescriptor d = c.fd(0);
            d.require(Rights.FD_DATASYNC);
            d.sync();
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_sync", "i", true, c -> {
            FileDescriptor d = c.fd(0);
            d.require(Rights.FD_SYNC);
            d.sync();
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_fdstat_get", "ii", true, FdFunctions::fdstatGet));
        all.add(new WasiBuiltin("fd_fdstat_set_flags", "ii", true, c -> {
            FileDescriptor d = c.fd(0);
            d.require(Rights.FD_FDSTAT_SET_FLAGS);
            d.setFdflags(c.i32(1) & 0xFFFF);
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_fdstat_set_rights", "iII", true, c -> {
            c.fd(0).setRights(c.i64(1), c.i64(2));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_filestat_get", "ii", true, c -> {
            FileDescriptor d = c.fd(0);
            d.require(Rights.FD_FILESTAT_GET);
            d.stat().write(c.memory(), c.i32(1));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_filestat_set_size", "iI", true, c -> {
            FileDescriptor d = c.fd(0);
            notDirectory(d);
            d.require(Rights.FD_FILESTAT_SET_SIZE);
            d.setSize(c.i64(1));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_filestat_set_times", "iIIi", true, c -> {
            FileDescriptor d = c.fd(0);
            Long[] times = FileTimes.decode(c.i64(1), c.i64(2), c.i32(3));
            d.require(Rights.FD_FILESTAT_SET_TIMES);
            d.setTimes(times[0], times[1]);
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_pread", "iiiIi", true, FdFunctions::pread));
        all.add(new WasiBuiltin("fd_pwrite", "iiiIi", true, FdFunctions::pwrite));
        all.add(new WasiBuiltin("fd_read", "iiii", true, FdFunctions::read));
        all.add(new WasiBuiltin("fd_write", "iiii", true, FdFunctions::write));
        all.add(new WasiBuiltin("fd_prestat_get", "ii", true, c -> {
            byte[] name = preopenName(c);
            c.memory().check(c.i32(1), 8);
            c.memory().storeI32(c.i32(1), 0); // tag 0: a directory
            c.memory().storeI32(c.i32(1) + 4, name.length);
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_prestat_dir_name", "iii", true, c -> {
            byte[] name = preopenName(c);
            int length = c.i32(2);
            if (Integer.compareUnsigned(length, name.length) < 0) {
                return Errno.NAMETOOLONG;
            }
            c.memory().write(c.i32(1), name);
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_readdir", "iiiIi", true, FdFunctions::readdir));
        all.add(new WasiBuiltin("fd_renumber", "ii", true, c -> {
            c.state().fds().renumber(c.i32(0), c.i32(1));
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_seek", "iIii", true, c -> {
            FileDescriptor d = c.fd(0);
            long offset = c.i64(1);
            int whence = c.i32(2);
            if (whence < 0 || whence > WasiConstants.WHENCE_END) {
                return Errno.INVAL;
            }
            notDirectory(d);
            // A seek that only asks for the position needs no more than fd_tell.
            d.require(offset == 0 && whence == WasiConstants.WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
            long position = d.seek(offset, whence);
            c.memory().storeI64(c.i32(3), position);
            return Errno.SUCCESS;
        }));
        all.add(new WasiBuiltin("fd_tell", "ii", true, c -> {
            FileDescriptor d = c.fd(0);
            notDirectory(d);
            d.require(Rights.FD_TELL);
            c.memory().storeI64(c.i32(1), d.seek(0, WasiConstants.WHENCE_CUR));
            return Errno.SUCCESS;
        }));
    }

    /** Byte-stream operations on a directory fail with EBADF, as on wasmtime, before rights are checked. */
    private static void notDirectory(FileDescriptor d) {
        if (d instanceof DirectoryFd) {
            throw new WasiError(Errno.BADF);
        }
    }

    private static int advise(WasiCall c) {
        FileDescriptor d = c.fd(0);
        long offset = c.i64(1);
        long length = c.i64(2);
        int advice = c.i32(3);
        if (advice < 0 || advice > MAX_ADVICE || offset < 0 || length < 0) {
            return Errno.INVAL;
        }
        notDirectory(d);
        d.require(Rights.FD_ADVISE);
        // Advice is a hint about future accesses; the JDK offers no way to pass it on, so it is accepted as is.
        return Errno.SUCCESS;
    }

    private static int fdstatGet(WasiCall c) {
        FileDescriptor d = c.fd(0);
        GuestMemory m = c.memory();
        int p = c.i32(1);
        m.zero(p, 24);
        m.storeU8(p, d.fileType());
        m.storeU16(p + 2, d.fdflags());
        m.storeI64(p + 8, d.rightsBase());
        m.storeI64(p + 16, d.rightsInheriting());
        return Errno.SUCCESS;
    }

    private static int read(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        notDirectory(d);
        d.require(Rights.FD_READ);
        IoVector[] iovs = c.memory().readIoVectors(c.i32(1), c.i32(2));
        c.memory().check(c.i32(3), 4);
        byte[] buffer = new byte[GuestMemory.totalLength(iovs)];
        int n = d.read(buffer, buffer.length);
        c.memory().scatter(iovs, buffer, n);
        c.memory().storeI32(c.i32(3), n);
        return Errno.SUCCESS;
    }

    private static int write(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        notDirectory(d);
        d.require(Rights.FD_WRITE);
        IoVector[] iovs = c.memory().readIoVectors(c.i32(1), c.i32(2));
        c.memory().check(c.i32(3), 4);
        int n = d.write(c.memory().gather(iovs));
        c.memory().storeI32(c.i32(3), n);
        return Errno.SUCCESS;
    }

    private static int pread(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        notDirectory(d);
        d.require(Rights.FD_READ | Rights.FD_SEEK);
        IoVector[] iovs = c.memory().readIoVectors(c.i32(1), c.i32(2));
        long offset = c.i64(3);
        if (offset < 0) {
            return Errno.INVAL;
        }
        c.memory().check(c.i32(4), 4);
        byte[] buffer = new byte[GuestMemory.totalLength(iovs)];
        int n = d.pread(buffer, buffer.length, offset);
        c.memory().scatter(iovs, buffer, n);
        c.memory().storeI32(c.i32(4), n);
        return Errno.SUCCESS;
    }

    private static int pwrite(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        notDirectory(d);
        d.require(Rights.FD_WRITE | Rights.FD_SEEK);
        IoVector[] iovs = c.memory().readIoVectors(c.i32(1), c.i32(2));
        long offset = c.i64(3);
        if (offset < 0) {
            return Errno.INVAL;
        }
        c.memory().check(c.i32(4), 4);
        int n = d.pwrite(c.memory().gather(iovs), offset);
        c.memory().storeI32(c.i32(4), n);
        return Errno.SUCCESS;
    }

    private static byte[] preopenName(WasiCall c) {
        FileDescriptor d = c.fd(0);
        if (!(d instanceof DirectoryFd dir) || dir.preopenName() == null) {
            throw new WasiError(Errno.BADF);
        }
        return dir.preopenName().getBytes(StandardCharsets.UTF_8);
    }

    /** One entry of a directory listing. */
    private record Entry(byte[] name, long ino, int type) {
    }

    /**
     * {@code fd_readdir}: the entries from {@code cookie} on ({@code .} and {@code ..} first, then the
     * others by name), each a 24-byte {@code dirent} followed by its name, as many as fit; the last may be
     * cut off, which tells the caller that its buffer was too small.
     */
    private static int readdir(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        if (!(d instanceof DirectoryFd dir)) {
            d.require(Rights.FD_READDIR);
            return Errno.NOTDIR;
        }
        dir.require(Rights.FD_READDIR);
        int buffer = c.i32(1);
        int length = c.i32(2);
        long cookie = c.i64(3);
        int usedPointer = c.i32(4);
        GuestMemory m = c.memory();
        m.check(buffer, Integer.toUnsignedLong(length));
        m.check(usedPointer, 4);
        List<Entry> entries = list(dir);
        int used = 0;
        for (long i = Math.max(cookie, 0); i < entries.size() && used < length; i++) {
            Entry e = entries.get((int) i);
            byte[] record = new byte[24 + e.name().length];
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(record).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putLong(0, i + 1);
            b.putLong(8, e.ino());
            b.putInt(16, e.name().length);
            b.put(20, (byte) e.type());
            System.arraycopy(e.name(), 0, record, 24, e.name().length);
            int n = Math.min(record.length, length - used);
            m.write(buffer + used, record, 0, n);
            used += n;
        }
        m.storeI32(usedPointer, used);
        return Errno.SUCCESS;
    }

    private static List<Entry> list(DirectoryFd dir) throws IOException {
        TruffleFile host = dir.hostFile();
        List<Entry> entries = new ArrayList<>();
        FileStat self = FileStat.of(host);
        entries.add(new Entry(new byte[]{'.'}, self.ino(), WasiConstants.FILETYPE_DIRECTORY));
        long parentIno = self.ino();
        TruffleFile parent = host.getAbsoluteFile().getParent();
        if (parent != null) {
            try {
                parentIno = FileStat.of(parent).ino();
            } catch (IOException | SecurityException e) {
                // The parent lies outside what the embedder lets us see: ".." describes the directory itself.
            }
        }
        entries.add(new Entry(new byte[]{'.', '.'}, parentIno, WasiConstants.FILETYPE_DIRECTORY));
        List<TruffleFile> children = new ArrayList<>(host.list());
        children.sort(Comparator.comparing(TruffleFile::getName));
        for (TruffleFile child : children) {
            long ino = 0;
            int type = WasiConstants.FILETYPE_UNKNOWN;
            try {
                FileStat stat = FileStat.of(child);
                ino = stat.ino();
                type = stat.fileType();
            } catch (IOException e) {
                // Removed while listing: still listed, with what is known.
                if (IoErrors.errno(e) != Errno.NOENT) {
                    throw e;
                }
            }
            entries.add(new Entry(child.getName().getBytes(StandardCharsets.UTF_8), ino, type));
        }
        return entries;
    }
}
