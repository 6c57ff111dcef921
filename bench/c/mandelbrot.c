/* mandelbrot: escape-time iteration over a grid, bits packed into bytes and hashed. Argument: side. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 2000;
    unsigned hash = 2166136261u;
    long inside = 0;
    for (int y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        unsigned char bits = 0;
        for (int x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
            int i = 0;
            for (; i < 50 && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci; zr = tr - ti + cr;
                tr = zr * zr; ti = zi * zi;
            }
            bits = (unsigned char)((bits << 1) | (tr + ti <= 4.0));
            if (tr + ti <= 4.0) inside++;
            if ((x & 7) == 7 || x == n - 1) { hash = (hash ^ bits) * 16777619u; bits = 0; }
        }
    }
    printf("mandelbrot %d: %ld points inside, hash %08x\n", n, inside, hash);
    return 0;
}
