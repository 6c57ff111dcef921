/* matmul: dense double matrix multiply (i-k-j order) and a checksum. Argument: n. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 500;
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n), *c = calloc((size_t)n * n, sizeof(double));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) { a[i * n + j] = (double)((i * 7 + j * 3) % 17) / 17.0; b[i * n + j] = (double)((i * 5 + j * 11) % 13) / 13.0; }
    for (int rep = 0; rep < 3; rep++)
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
    double sum = 0, diag = 0;
    for (int i = 0; i < n; i++) { diag += c[i * n + i]; for (int j = 0; j < n; j++) sum += c[i * n + j]; }
    printf("matmul %d: sum %.6f, trace %.6f\n", n, sum, diag);
    free(a); free(b); free(c);
    return 0;
}
