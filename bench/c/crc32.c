/* crc32: table-driven CRC-32 (IEEE) over a generated buffer, byte loads and shifts. Argument: megabytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int mb = argc > 1 ? atoi(argv[1]) : 200;
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    size_t size = 1 << 20;
    unsigned char *buf = malloc(size);
    uint32_t seed = 12345;
    for (size_t i = 0; i < size; i++) { seed = seed * 1103515245u + 12345u; buf[i] = (unsigned char)(seed >> 16); }
    uint32_t crc = 0xFFFFFFFFu;
    for (int m = 0; m < mb; m++)
        for (size_t i = 0; i < size; i++) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
    printf("crc32 %d MB: %08x\n", mb, crc ^ 0xFFFFFFFFu);
    free(buf);
    return 0;
}
