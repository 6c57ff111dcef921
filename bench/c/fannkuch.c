/* fannkuch-redux: permutations and prefix reversals over small int arrays. Arguments: n, repetitions. */
#include <stdio.h>
#include <stdlib.h>

static int fannkuch(int n, int *maxFlipsOut);

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int repetitions = argc > 2 ? atoi(argv[2]) : 1;
    if (n < 3 || n > 15) { fprintf(stderr, "n must be in 3..15\n"); return 2; }
    int checksum = 0, maxFlips = 0;
    for (int i = 0; i < repetitions; i++) checksum += fannkuch(n, &maxFlips);
    printf("fannkuch %d x%d: checksum %d, max flips %d\n", n, repetitions, checksum, maxFlips);
    return 0;
}

static int fannkuch(int n, int *maxFlipsOut) {
    int perm[16], perm1[16], count[16];
    int maxFlips = 0, checksum = 0, permCount = 0, r = n;
    for (int i = 0; i < n; i++) perm1[i] = i;
    for (;;) {
        while (r != 1) { count[r - 1] = r; r--; }
        for (int i = 0; i < n; i++) perm[i] = perm1[i];
        int flips = 0, k;
        while ((k = perm[0]) != 0) {
            for (int i = 0, j = k; i < j; i++, j--) { int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
            flips++;
        }
        if (flips > maxFlips) maxFlips = flips;
        checksum += (permCount % 2 == 0) ? flips : -flips;
        for (;;) {
            if (r == n) {
                *maxFlipsOut = maxFlips;
                return checksum;
            }
            int first = perm1[0];
            for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
            perm1[r] = first;
            if (--count[r] > 0) break;
            r++;
        }
        permCount++;
    }
}
