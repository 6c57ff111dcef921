/* qsort: libc qsort with comparison functions (call_indirect in wasm) on ints and records. Argument: count. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { int key; int tag; } Record;

static int compareInts(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int compareRecords(const void *a, const void *b) {
    const Record *x = a, *y = b;
    if (x->key != y->key) return (x->key > y->key) - (x->key < y->key);
    return (x->tag > y->tag) - (x->tag < y->tag);
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 2000000;
    int *ints = malloc(sizeof(int) * n);
    Record *records = malloc(sizeof(Record) * n);
    uint32_t seed = 42;
    uint64_t check = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u; ints[i] = (int)(seed >> 1);
            seed = seed * 1664525u + 1013904223u; records[i].key = (int)(seed % 1000); records[i].tag = i;
        }
        qsort(ints, n, sizeof(int), compareInts);
        qsort(records, n, sizeof(Record), compareRecords);
        for (int i = 1; i < n; i++) {
            if (ints[i - 1] > ints[i] || compareRecords(&records[i - 1], &records[i]) > 0) { printf("qsort: not sorted at %d\n", i); return 1; }
        }
        for (int i = 0; i < n; i += 1000) check = check * 31 + (uint32_t)ints[i] + (uint32_t)records[i].tag;
    }
    printf("qsort %d: checksum %llu\n", n, (unsigned long long)check);
    free(ints); free(records);
    return 0;
}
