package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.Rights;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;

/**
 * A connected TCP socket returned by {@code sock_accept}. Reads and writes block unless
 * {@code fdflags.nonblock} is set, when an operation that would block fails with EAGAIN.
 */
public final class SocketFd extends FileDescriptor {
    private final SocketChannel channel;
    private boolean inputShut;
    /** Bytes a peek read from the host that no receive has consumed yet. */
    private ByteBuffer peeked = ByteBuffer.allocate(0);

    public SocketFd(SocketChannel channel, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.channel = channel;
    }

    public SocketFd(SocketChannel channel, int fdflags) {
        this(channel, Rights.SOCKET, 0, fdflags);
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_SOCKET_STREAM;
    }

    @Override
    public int read(byte[] buffer, int length) throws IOException {
        return receive(buffer, length, false);
    }

    /**
     * {@code sock_recv}: reads, or with {@code peek} copies without consuming. Java sockets cannot peek, so
     * peeked bytes are read into {@link #peeked} and handed out again by the next receives.
     */
    public int receive(byte[] buffer, int length, boolean peek) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (peeked.remaining() == 0 && !inputShut) {
            int n = readFromChannel(buffer, length);
            if (!peek) {
                return n;
            }
            peeked = ByteBuffer.wrap(java.util.Arrays.copyOf(buffer, n));
            return n;
        }
        int n = Math.min(length, peeked.remaining());
        if (peek) {
            peeked.duplicate().get(buffer, 0, n);
        } else {
            peeked.get(buffer, 0, n);
        }
        return n;
    }

    private int readFromChannel(byte[] buffer, int length) throws IOException {
        channel.configureBlocking(!isNonblocking());
        try {
            int n = channel.read(ByteBuffer.wrap(buffer, 0, length));
            if (n == 0 && isNonblocking()) {
                throw new WasiError(Errno.AGAIN);
            }
            return Math.max(n, 0);
        } finally {
            channel.configureBlocking(true);
        }
    }

    @Override
    public int write(byte[] data) throws IOException {
        channel.configureBlocking(!isNonblocking());
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            int written = channel.write(buffer);
            if (!isNonblocking()) {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            } else if (written == 0 && data.length > 0) {
                throw new WasiError(Errno.AGAIN);
            }
            return written;
        } catch (IOException e) {
            if (!channel.isConnected() || "Broken pipe".equals(e.getMessage())) {
                throw new WasiError(Errno.PIPE);
            }
            throw e;
        } finally {
            channel.configureBlocking(true);
        }
    }

    /** {@code sock_shutdown} with {@code sdflags} (rd = 1, wr = 2). */
    public void shutdown(int how) throws IOException {
        if (how == 0 || (how & ~(WasiConstants.SDFLAGS_RD | WasiConstants.SDFLAGS_WR)) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (!channel.isConnected()) {
            throw new WasiError(Errno.NOTCONN);
        }
        if ((how & WasiConstants.SDFLAGS_RD) != 0) {
            channel.shutdownInput();
            inputShut = true;
        }
        if ((how & WasiConstants.SDFLAGS_WR) != 0) {
            channel.shutdownOutput();
        }
    }

    @Override
    public long readReadiness() throws IOException {
        return inputShut || peeked.hasRemaining() || SocketReadiness.ready(channel, SelectionKey.OP_READ) ? 1 : -1;
    }

    @Override
    public long writeReadiness() throws IOException {
        return SocketReadiness.ready(channel, SelectionKey.OP_WRITE) ? 1 : -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
