package org.wasmtruffle.wasi;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.wasmtruffle.wasi.GuestMemory.IoVector;
import org.wasmtruffle.wasi.fd.FileDescriptor;
import org.wasmtruffle.wasi.fd.ListeningSocketFd;
import org.wasmtruffle.wasi.fd.SocketFd;

/** {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}. */
final class SocketFunctions {
    private SocketFunctions() {
    }

    static void addTo(List<WasiBuiltin> all) {
        all.add(new WasiBuiltin("sock_accept", "iii", true, SocketFunctions::accept));
        all.add(new WasiBuiltin("sock_recv", "iiiiii", true, SocketFunctions::receive));
        all.add(new WasiBuiltin("sock_send", "iiiii", true, SocketFunctions::send));
        all.add(new WasiBuiltin("sock_shutdown", "ii", true, SocketFunctions::shutdown));
    }

    private static int accept(WasiCall c) throws IOException {
        FileDescriptor d = c.fd(0);
        int flags = c.i32(1) & 0xFFFF;
        if (!(d instanceof ListeningSocketFd listening)) {
            return d instanceof SocketFd ? Errno.INVAL : Errno.NOTSOCK;
        }
        if ((flags & ~WasiConstants.FDFLAGS_NONBLOCK) != 0) {
            return Errno.INVAL;
        }
        listening.require(Rights.SOCK_ACCEPT);
        c.memory().check(c.i32(2), 4);
        SocketChannel accepted = listening.accept();
        int fd = c.state().fds().add(new SocketFd(accepted, listening.rightsInheriting(), 0, flags));
        c.memory().storeI32(c.i32(2), fd);
        return Errno.SUCCESS;
    }

    private static SocketFd socket(WasiCall c) {
        FileDescriptor d = c.fd(0);
        if (d instanceof ListeningSocketFd) {
            throw new WasiError(Errno.NOTCONN);
        }
        if (!(d instanceof SocketFd s)) {
            throw new WasiError(Errno.NOTSOCK);
        }
        return s;
    }

    private static int receive(WasiCall c) throws IOException {
        SocketFd s = socket(c);
        s.require(Rights.FD_READ);
        int flags = c.i32(3) & 0xFFFF;
        if ((flags & ~(WasiConstants.RIFLAGS_RECV_PEEK | WasiConstants.RIFLAGS_RECV_WAITALL)) != 0) {
            return Errno.INVAL;
        }
        GuestMemory m = c.memory();
        IoVector[] iovs = m.readIoVectors(c.i32(1), c.i32(2));
        m.check(c.i32(4), 4);
        m.check(c.i32(5), 2);
        byte[] buffer = new byte[GuestMemory.totalLength(iovs)];
        boolean peek = (flags & WasiConstants.RIFLAGS_RECV_PEEK) != 0;
        int n = s.receive(buffer, buffer.length, peek);
        if ((flags & WasiConstants.RIFLAGS_RECV_WAITALL) != 0 && !peek) {
            // waitall: keep reading until the buffers are full or the peer stops sending.
            while (n < buffer.length) {
                byte[] rest = new byte[buffer.length - n];
                int more = s.receive(rest, rest.length, false);
                if (more <= 0) {
                    break;
                }
                System.arraycopy(rest, 0, buffer, n, more);
                n += more;
            }
        }
        m.scatter(iovs, buffer, n);
        m.storeI32(c.i32(4), n);
        m.storeU16(c.i32(5), 0);
        return Errno.SUCCESS;
    }

    private static int send(WasiCall c) throws IOException {
        SocketFd s = socket(c);
        s.require(Rights.FD_WRITE);
        if ((c.i32(3) & 0xFFFF) != 0) {
            return Errno.INVAL;
        }
        GuestMemory m = c.memory();
        IoVector[] iovs = m.readIoVectors(c.i32(1), c.i32(2));
        m.check(c.i32(4), 4);
        int n = s.write(m.gather(iovs));
        m.storeI32(c.i32(4), n);
        return Errno.SUCCESS;
    }

    private static int shutdown(WasiCall c) throws IOException {
        SocketFd s = socket(c);
        s.require(Rights.SOCK_SHUTDOWN);
        s.shutdown(c.i32(1));
        return Errno.SUCCESS;
    }
}
