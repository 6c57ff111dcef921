package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.Rights;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;

/** A TCP socket the embedder handed in ({@code WasiTcpListen}), on which the guest accepts connections. */
public final class ListeningSocketFd extends FileDescriptor {
    private final ServerSocketChannel channel;

    public ListeningSocketFd(ServerSocketChannel channel) {
        super(Rights.LISTENING_SOCKET, Rights.SOCKET, 0);
        this.channel = channel;
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_SOCKET_STREAM;
    }

    /** {@code sock_accept}: the next connection, or EAGAIN if nonblocking and none is pending. */
    public SocketChannel accept() throws IOException {
        channel.configureBlocking(!isNonblocking());
        SocketChannel accepted = channel.accept();
        if (accepted == null) {
            throw new WasiError(Errno.AGAIN);
        }
        accepted.configureBlocking(true);
        return accepted;
    }

    @Override
    public long readReadiness() throws IOException {
        // A pending connection makes a listening socket readable.
        return SocketReadiness.ready(channel, SelectionKey.OP_ACCEPT) ? 1 : -1;
    }

    @Override
    public long writeReadiness() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
