package org.wasmtruffle.wasi;

/** Decodes the {@code (atim, mtim, fstflags)} arguments of the set-times functions. */
final class FileTimes {
    private FileTimes() {
    }

    /**
     * The access and modification times to set, in nanoseconds ({@code null} = leave unchanged); EINVAL for
     * unknown flags or a time both given and "now".
     */
    static Long[] decode(long atim, long mtim, int flags) {
        int f = flags & 0xFFFF;
        if ((f & ~0xF) != 0 || (f & (WasiConstants.FSTFLAGS_ATIM | WasiConstants.FSTFLAGS_ATIM_NOW)) == 0x3 ||
                        (f & (WasiConstants.FSTFLAGS_MTIM | WasiConstants.FSTFLAGS_MTIM_NOW)) == 0xC) {
            throw new WasiError(Errno.INVAL);
        }
        long now = ClockFunctions.now(WasiConstants.CLOCK_REALTIME);
        Long a = (f & WasiConstants.FSTFLAGS_ATIM_NOW) != 0 ? (Long) now : (f & WasiConstants.FSTFLAGS_ATIM) != 0 ? (Long) atim : null;
        Long m = (f & WasiConstants.FSTFLAGS_MTIM_NOW) != 0 ? (Long) now : (f & WasiConstants.FSTFLAGS_MTIM) != 0 ? (Long) mtim : null;
        return new Long[]{a, m};
    }
}
