package org.wasmtruffle.launcher;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The guest's stdin, stdout and stderr (WASI fds 0, 1 and 2).
 *
 * @param in what the guest reads
 * @param out where the guest's stdout goes
 * @param err where the guest's stderr goes
 */
record GuestStreams(InputStream in, OutputStream out, OutputStream err) {
    /**
     * The process's own file descriptors, unbuffered: the guest's writes reach the terminal or pipe when
     * it makes them, and a write to a closed pipe fails (EPIPE for the guest) instead of vanishing into
     * {@link System#out}, which swallows errors.
     */
    static GuestStreams ofProcess() {
        return new GuestStreams(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }
}
