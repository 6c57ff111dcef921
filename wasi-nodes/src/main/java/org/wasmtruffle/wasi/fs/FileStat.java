package org.wasmtruffle.wasi.fs;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.wasmtruffle.wasi.GuestMemory;
import org.wasmtruffle.wasi.WasiConstants;

/** A preview1 {@code filestat} (64 bytes): device, inode, type, link count, size and nanosecond times. */
public record FileStat(long dev, long ino, int fileType, long nlink, long size, long atim, long mtim, long ctim) {

    private static final List<TruffleFile.AttributeDescriptor<?>> BASIC = List.of(TruffleFile.IS_DIRECTORY, TruffleFile.IS_REGULAR_FILE,
                    TruffleFile.IS_SYMBOLIC_LINK, TruffleFile.IS_OTHER, TruffleFile.SIZE, TruffleFile.LAST_ACCESS_TIME, TruffleFile.LAST_MODIFIED_TIME);
    private static final List<TruffleFile.AttributeDescriptor<?>> UNIX = List.of(TruffleFile.UNIX_DEV, TruffleFile.UNIX_INODE, TruffleFile.UNIX_NLINK,
                    TruffleFile.UNIX_CTIME, TruffleFile.UNIX_MODE);

    /** The status of {@code file} itself (a symbolic link is not followed: paths are resolved beforehand). */
    public static FileStat of(TruffleFile file) throws IOException {
        TruffleFile.Attributes basic = file.getAttributes(BASIC, LinkOption.NOFOLLOW_LINKS);
        long dev = 0;
        long ino = 0;
        long nlink = 1;
        long ctim;
        int mode = -1;
        try {
            TruffleFile.Attributes unix = file.getAttributes(UNIX, LinkOption.NOFOLLOW_LINKS);
            dev = unix.get(TruffleFile.UNIX_DEV);
            ino = unix.get(TruffleFile.UNIX_INODE);
            nlink = unix.get(TruffleFile.UNIX_NLINK);
            ctim = nanos(unix.get(TruffleFile.UNIX_CTIME));
            mode = unix.get(TruffleFile.UNIX_MODE);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: no device or inode numbers to report.
            ctim = nanos(basic.get(TruffleFile.LAST_MODIFIED_TIME));
        }
        int type;
        if (basic.get(TruffleFile.IS_SYMBOLIC_LINK)) {
            type = WasiConstants.FILETYPE_SYMBOLIC_LINK;
        } else if (basic.get(TruffleFile.IS_DIRECTORY)) {
            type = WasiConstants.FILETYPE_DIRECTORY;
        } else if (basic.get(TruffleFile.IS_REGULAR_FILE)) {
            type = WasiConstants.FILETYPE_REGULAR_FILE;
        } else {
            type = otherType(mode);
        }
        return new FileStat(dev, ino, type, nlink, basic.get(TruffleFile.SIZE), nanos(basic.get(TruffleFile.LAST_ACCESS_TIME)),
                        nanos(basic.get(TruffleFile.LAST_MODIFIED_TIME)), ctim);
    }

    /** The type of a special file from its POSIX mode bits. */
    private static int otherType(int mode) {
        switch (mode & 0xF000) {
            case 0x6000:
                return WasiConstants.FILETYPE_BLOCK_DEVICE;
            case 0x2000:
                return WasiConstants.FILETYPE_CHARACTER_DEVICE;
            case 0xC000:
                return WasiConstants.FILETYPE_SOCKET_STREAM;
            default:
                return WasiConstants.FILETYPE_UNKNOWN;
        }
    }

    /** The file type of {@code file} (not following a final symbolic link), or UNKNOWN if it cannot be read. */
    public static int typeOf(TruffleFile file) {
        try {
            return of(file).fileType();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return WasiConstants.FILETYPE_UNKNOWN;
        }
    }

    public static long nanos(FileTime time) {
        if (time == null) {
            return 0;
        }
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    public static FileTime fileTime(long nanos) {
        return FileTime.from(Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L)));
    }

    /** Stores this status as a {@code filestat} at {@code pointer}. */
    public void write(GuestMemory memory, int pointer) {
        memory.check(pointer, 64);
        memory.storeI64(pointer, dev);
        memory.storeI64(pointer + 8, ino);
        memory.storeI64(pointer + 16, 0);
        memory.storeU8(pointer + 16, fileType);
        memory.storeI64(pointer + 24, nlink);
        memory.storeI64(pointer + 32, size);
        memory.storeI64(pointer + 40, atim);
        memory.storeI64(pointer + 48, mtim);
        memory.storeI64(pointer + 56, ctim);
    }
}
