/*
 * CPU features of riscv64 as SubstrateVM declares them (struct CPUFeatures of
 * com.oracle.svm.core.riscv64.*LibCHelper). The builder resolves this header on every platform;
 * the toolchain only implements Linux x86-64, so no functions for riscv64 are provided.
 */
#ifndef RISCV64CPUFEATURES_H
#define RISCV64CPUFEATURES_H

#include <stdint.h>

typedef struct CPUFeatures {
    uint8_t fI;
    uint8_t fM;
    uint8_t fA;
    uint8_t fF;
    uint8_t fD;
    uint8_t fC;
    uint8_t fV;
} CPUFeatures;

#endif
