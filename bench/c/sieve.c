/* sieve: Eratosthenes over a byte array, repeated. Argument: limit (repeated 10 times). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int limit = argc > 1 ? atoi(argv[1]) : 20000000;
    unsigned char *composite = malloc(limit + 1);
    long long count = 0, sum = 0;
    for (int round = 0; round < 10; round++) {
        memset(composite, 0, limit + 1);
        count = 0; sum = 0;
        for (long long i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++; sum += i;
                for (long long j = i * i; j <= limit; j += i) composite[j] = 1;
            }
        }
    }
    printf("sieve %d: %lld primes, sum %lld\n", limit, count, sum);
    free(composite);
    return 0;
}
