package org.wasmtruffle.wasi;

/** The small enums and flag sets of preview1 besides {@link Errno} and {@link Rights}. */
public final class WasiConstants {
    private WasiConstants() {
    }

    // filetype (u8)
    public static final int FILETYPE_UNKNOWN = 0;
    public static final int FILETYPE_BLOCK_DEVICE = 1;
    public static final int FILETYPE_CHARACTER_DEVICE = 2;
    public static final int FILETYPE_DIRECTORY = 3;
    public static final int FILETYPE_REGULAR_FILE = 4;
    public static final int FILETYPE_SOCKET_DGRAM = 5;
    public static final int FILETYPE_SOCKET_STREAM = 6;
    public static final int FILETYPE_SYMBOLIC_LINK = 7;

    // fdflags (u16)
    public static final int FDFLAGS_APPEND = 1;
    public static final int FDFLAGS_DSYNC = 2;
    public static final int FDFLAGS_NONBLOCK = 4;
    public static final int FDFLAGS_RSYNC = 8;
    public static final int FDFLAGS_SYNC = 16;
    public static final int FDFLAGS_ALL = 31;

    // oflags (u16)
    public static final int OFLAGS_CREAT = 1;
    public static final int OFLAGS_DIRECTORY = 2;
    public static final int OFLAGS_EXCL = 4;
    public static final int OFLAGS_TRUNC = 8;

    // lookupflags (u32)
    public static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags (u16)
    public static final int FSTFLAGS_ATIM = 1;
    public static final int FSTFLAGS_ATIM_NOW = 2;
    public static final int FSTFLAGS_MTIM = 4;
    public static final int FSTFLAGS_MTIM_NOW = 8;

    // whence (u8)
    public static final int WHENCE_SET = 0;
    public static final int WHENCE_CUR = 1;
    public static final int WHENCE_END = 2;

    // clockid (u32)
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int CLOCK_PROCESS_CPUTIME = 2;
    public static final int CLOCK_THREAD_CPUTIME = 3;

    // eventtype (u8) and the subscription/event flags
    public static final int EVENTTYPE_CLOCK = 0;
    public static final int EVENTTYPE_FD_READ = 1;
    public static final int EVENTTYPE_FD_WRITE = 2;
    public static final int SUBCLOCK_ABSTIME = 1;
    public static final int EVENT_FD_READWRITE_HANGUP = 1;

    // sockets
    public static final int RIFLAGS_RECV_PEEK = 1;
    public static final int RIFLAGS_RECV_WAITALL = 2;
    public static final int ROFLAGS_RECV_DATA_TRUNCATED = 1;
    public static final int SDFLAGS_RD = 1;
    public static final int SDFLAGS_WR = 2;

    /** The limit on symbolic links followed while resolving one path, like Linux's. */
    public static final int MAX_SYMLINKS = 40;
}
