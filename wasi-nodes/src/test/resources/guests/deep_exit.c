// Recurses to the depth given as argument 1, then exits with status 42 from the deepest call.
#include <stdlib.h>
#include <wasi/api.h>

__attribute__((noinline)) static int dive(int depth) {
    if (depth == 0) {
        __wasi_proc_exit(42);
    }
    return dive(depth - 1) + 1;
}

int main(int argc, char **argv) {
    return dive(atoi(argv[1]));
}
