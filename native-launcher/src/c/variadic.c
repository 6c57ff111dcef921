/* Fixed-argument forms of the variadic libc functions SubstrateVM calls: its @CFunction declarations
 * cannot call a variadic function portably, so they name these (the suffix gives the extra
 * arguments' types: S string, I int, D int printed with %d, P pointer). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>

int openSII(const char *path, int flags, int mode) {
    return open(path, flags, mode);
}

void *mremapP(void *old_address, size_t old_size, size_t new_size, int flags, void *new_address) {
    return mremap(old_address, old_size, new_size, flags, new_address);
}

int fprintfSD(FILE *stream, const char *format, const char *s, int d) {
    return fprintf(stream, format, s, d);
}
