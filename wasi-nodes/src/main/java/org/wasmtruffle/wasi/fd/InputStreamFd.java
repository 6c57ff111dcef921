package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.io.InputStream;
import org.wasmtruffle.wasi.Rights;
import org.wasmtruffle.wasi.WasiConstants;

/** Standard input: the embedder's input stream, read blocking. Presented as a character device. */
public final class InputStreamFd extends FileDescriptor {
    private final InputStream in;

    public InputStreamFd(InputStream in) {
        super(Rights.STREAM & ~Rights.FD_WRITE, 0, 0);
        this.in = in;
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_CHARACTER_DEVICE;
    }

    @Override
    public int read(byte[] buffer, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, 0, length);
        return Math.max(n, 0);
    }

    @Override
    public long readReadiness() throws IOException {
        int available = in.available();
        return available > 0 ? available : -1;
    }

}
