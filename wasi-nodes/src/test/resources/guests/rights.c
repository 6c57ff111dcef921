// Checks that operations lacking a right fail with ENOTCAPABLE and that rights can only be dropped.
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
    __wasi_fd_t fd;
    __wasi_errno_t err = __wasi_path_open(3, 0, "data.txt", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, 0, 0, &fd);
    printf("open:%d\n", err);
    __wasi_ciovec_t out = {(const uint8_t *)"x", 1};
    __wasi_size_t n;
    printf("write without right:%d\n", __wasi_fd_write(fd, &out, 1, &n));
    __wasi_fdstat_t st;
    __wasi_fd_fdstat_get(fd, &st);
    printf("has write:%d has read:%d\n", (st.fs_rights_base & __WASI_RIGHTS_FD_WRITE) != 0, (st.fs_rights_base & __WASI_RIGHTS_FD_READ) != 0);
    printf("gain right:%d\n", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0));
    printf("drop seek:%d\n", __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ, 0));
    __wasi_filesize_t pos;
    printf("seek without right:%d\n", __wasi_fd_seek(fd, 1, __WASI_WHENCE_SET, &pos));
    printf("drop read:%d\n", __wasi_fd_fdstat_set_rights(fd, 0, 0));
    char buf[4];
    __wasi_iovec_t in = {(uint8_t *)buf, sizeof buf};
    printf("read without right:%d\n", __wasi_fd_read(fd, &in, 1, &n));
    // A directory whose rights no longer include path_open cannot open anything beneath it.
    __wasi_fd_t dir;
    printf("open dir:%d\n", __wasi_path_open(3, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR, __WASI_RIGHTS_FD_READ, 0, &dir));
    printf("open beneath dir without path_open:%d\n", __wasi_path_open(dir, 0, "data.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &fd));
    printf("bad fd:%d\n", __wasi_fd_write(77, &out, 1, &n));
    printf("bad pointer:%d\n", __wasi_fd_write(1, (const __wasi_ciovec_t *)0xFFFFFFF0u, 1, &n));
    return 0;
}
