/*
 * CPU features of aarch64 as SubstrateVM declares them (struct CPUFeatures of
 * com.oracle.svm.core.aarch64.*LibCHelper). The builder resolves this header on every platform;
 * the toolchain only implements Linux x86-64, so no functions for aarch64 are provided.
 */
#ifndef AARCH64CPUFEATURES_H
#define AARCH64CPUFEATURES_H

#include <stdint.h>

typedef struct CPUFeatures {
    uint8_t fFP;
    uint8_t fASIMD;
    uint8_t fEVTSTRM;
    uint8_t fAES;
    uint8_t fPMULL;
    uint8_t fSHA1;
    uint8_t fSHA2;
    uint8_t fCRC32;
    uint8_t fLSE;
    uint8_t fDCPOP;
    uint8_t fSHA3;
    uint8_t fSHA512;
    uint8_t fSVE;
    uint8_t fSVE2;
    uint8_t fSTXR_PREFETCH;
    uint8_t fA53MAC;
    uint8_t fDMB_ATOMICS;
    uint8_t fPACA;
    uint8_t fSVEBITPERM;
    uint8_t fFPHP;
    uint8_t fASIMDHP;
} CPUFeatures;

#endif
