// Accepts on the listening socket fd 3: first with the socket set nonblocking (expecting EAGAIN, announced
// on stdout), then blocking; echoes what it receives in upper case, and shuts the connection down.
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
    __wasi_fd_t conn;
    __wasi_fd_fdstat_set_flags(3, __WASI_FDFLAGS_NONBLOCK);
    __wasi_errno_t err = __wasi_sock_accept(3, 0, &conn);
    printf("nonblocking accept:%d\n", err);
    fflush(stdout);
    __wasi_fd_fdstat_set_flags(3, 0);
    err = __wasi_sock_accept(3, 0, &conn);
    if (err != 0) {
        printf("accept failed:%d\n", err);
        return 1;
    }
    char buf[64];
    __wasi_iovec_t in = {(uint8_t *)buf, sizeof buf};
    __wasi_size_t n = 0;
    __wasi_roflags_t roflags;
    err = __wasi_sock_recv(conn, &in, 1, __WASI_RIFLAGS_RECV_PEEK, &n, &roflags);
    printf("peek:%d %d\n", err, (int)n);
    err = __wasi_sock_recv(conn, &in, 1, 0, &n, &roflags);
    printf("recv:%d %.*s\n", err, (int)n, buf);
    for (__wasi_size_t i = 0; i < n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
    __wasi_ciovec_t out = {(const uint8_t *)buf, n};
    __wasi_size_t sent = 0;
    err = __wasi_sock_send(conn, &out, 1, 0, &sent);
    printf("send:%d %d\n", err, (int)sent);
    printf("shutdown:%d\n", __wasi_sock_shutdown(conn, __WASI_SDFLAGS_WR));
    printf("shutdown of a file:%d\n", __wasi_sock_shutdown(1, __WASI_SDFLAGS_WR));
    return 0;
}
