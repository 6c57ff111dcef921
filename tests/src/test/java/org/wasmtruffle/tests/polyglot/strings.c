/*
 * A module for the embedding tests: a bump allocator and string functions on NUL-terminated bytes in
 * linear memory, so hosts can write a string, call a function on it and read the result back.
 * Built by StringsModule with: clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry
 *   -Wl,--export=malloc -Wl,--export=upper -Wl,--export=reverse -Wl,--export=length
 */
extern unsigned char __heap_base;

static unsigned long next;

/* Never frees: the tests allocate a few strings per instance. Grows memory when the heap is full. */
void *malloc(unsigned long size) {
    if (next == 0) {
        next = (unsigned long) &__heap_base;
    }
    unsigned long start = (next + 7) & ~7ul;
    unsigned long end = start + size;
    unsigned long have = __builtin_wasm_memory_size(0) * 65536ul;
    if (end > have) {
        unsigned long pages = (end - have + 65535) / 65536;
        if (__builtin_wasm_memory_grow(0, pages) == (unsigned long) -1) {
            return 0;
        }
    }
    next = end;
    return (void *) start;
}

unsigned long length(const char *s) {
    unsigned long n = 0;
    while (s[n] != 0) {
        n++;
    }
    return n;
}

/* Upper-cases ASCII letters in place and returns the string. */
char *upper(char *s) {
    for (char *p = s; *p != 0; p++) {
        if (*p >= 'a' && *p <= 'z') {
            *p = (char) (*p - 'a' + 'A');
        }
    }
    return s;
}

/* A new string with the bytes of s in reverse order. */
char *reverse(const char *s) {
    unsigned long n = length(s);
    char *r = malloc(n + 1);
    for (unsigned long i = 0; i < n; i++) {
        r[i] = s[n - 1 - i];
    }
    r[n] = 0;
    return r;
}
