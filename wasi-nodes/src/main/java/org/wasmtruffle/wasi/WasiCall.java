package org.wasmtruffle.wasi;

import org.wasmtruffle.wasi.fd.DirectoryFd;
import org.wasmtruffle.wasi.fd.FileDescriptor;

/**
 * One call of a WASI builtin as its implementation sees it: the decoded wasm arguments, the caller's
 * memory and the context's WASI state.
 */
public final class WasiCall {
    private final WasiState state;
    private final GuestMemory memory;
    private final long[] arguments;
    private final WasiBuiltinRootNode node;

    WasiCall(WasiState state, GuestMemory memory, long[] arguments, WasiBuiltinRootNode node) {
        this.state = state;
        this.memory = memory;
        this.arguments = arguments;
        this.node = node;
    }

    /** Argument {@code index} (0-based) as an i32. */
    public int i32(int index) {
        return (int) arguments[index];
    }

    /** Argument {@code index} (0-based) as an i64. */
    public long i64(int index) {
        return arguments[index];
    }

    public GuestMemory memory() {
        return memory;
    }

    public WasiState state() {
        return state;
    }

    public WasiBuiltinRootNode node() {
        return node;
    }

    /** The descriptor whose number is argument {@code index}, or EBADF. */
    public FileDescriptor fd(int index) {
        return state.fds().get(i32(index));
    }

    /** The directory whose number is argument {@code index}: EBADF if none, ENOTDIR if it is no directory. */
    public DirectoryFd directory(int index) {
        return state.fds().get(i32(index), DirectoryFd.class, Errno.NOTDIR);
    }

    /** The string (a path) given as pointer and length in arguments {@code index} and {@code index + 1}. */
    public String string(int index) {
        return memory.readString(i32(index), i32(index + 1));
    }
}
