package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.io.OutputStream;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.Rights;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;

/**
 * Standard output or error: the embedder's stream, flushed after every write so that output interleaves
 * as the guest wrote it. A failing stream means its reader went away, which the guest sees as EPIPE.
 */
public final class OutputStreamFd extends FileDescriptor {
    private final OutputStream out;

    public OutputStreamFd(OutputStream out) {
        super(Rights.STREAM & ~Rights.FD_READ, 0, 0);
        this.out = out;
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_CHARACTER_DEVICE;
    }

    @Override
    public int write(byte[] data) {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new WasiError(Errno.PIPE);
        }
        return data.length;
    }


    @Override
    public void sync() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new WasiError(Errno.PIPE);
        }
    }
}
