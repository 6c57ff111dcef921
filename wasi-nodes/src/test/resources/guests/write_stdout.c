// Writes to stdout with the raw call and reports the errno on stderr.
#include <stdio.h>
#include <wasi/api.h>

int main(void) {
    __wasi_ciovec_t out = {(const uint8_t *)"data\n", 5};
    __wasi_size_t n = 0;
    __wasi_errno_t err = __wasi_fd_write(1, &out, 1, &n);
    fprintf(stderr, "fd_write:%d\n", err);
    return 0;
}
