// For each argument: opens it (relative to the first preopen, fd 3) with the raw WASI call, following
// symbolic links, and prints "PATH -> ok CONTENT" or "PATH -> errno N".
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        __wasi_fd_t fd;
        __wasi_errno_t err = __wasi_path_open(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, argv[i], 0,
                                              __WASI_RIGHTS_FD_READ, 0, 0, &fd);
        if (err != 0) {
            printf("%s -> errno %d\n", argv[i], err);
            continue;
        }
        char buf[64] = {0};
        __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
        __wasi_size_t n = 0;
        err = __wasi_fd_read(fd, &iov, 1, &n);
        printf("%s -> ok %s\n", argv[i], err == 0 ? buf : "(unreadable)");
        __wasi_fd_close(fd);
    }
    return 0;
}
