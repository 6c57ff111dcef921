package org.wasmtruffle.wasi.fd;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;

/** Asks the host, without blocking, whether a socket channel is ready for an operation. */
final class SocketReadiness {
    private SocketReadiness() {
    }

    /**
     * Whether {@code channel} is ready for {@code operation} now. The channel is switched to nonblocking
     * mode for the question (a selector requires it) and back to blocking afterwards.
     */
    static boolean ready(SelectableChannel channel, int operation) throws IOException {
        boolean wasBlocking = channel.isBlocking();
        try (Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, operation);
            return selector.selectNow() > 0;
        } finally {
            if (wasBlocking) {
                channel.configureBlocking(true);
            }
        }
    }
}
