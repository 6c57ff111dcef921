/*
 * CPU features of Linux x86-64 as SubstrateVM reads them (struct CPUFeatures of
 * com.oracle.svm.core.amd64.AMD64LibCHelper; the field names are the ones that class declares).
 * One byte per feature: 1 when the processor and the operating system both support it.
 */
#ifndef AMD64CPUFEATURES_H
#define AMD64CPUFEATURES_H

#include <stdint.h>

typedef struct CPUFeatures {
    uint8_t fCX8;
    uint8_t fCMOV;
    uint8_t fFXSR;
    uint8_t fHT;
    uint8_t fMMX;
    uint8_t fAMD_3DNOW_PREFETCH;
    uint8_t fSSE;
    uint8_t fSSE2;
    uint8_t fSSE3;
    uint8_t fSSSE3;
    uint8_t fSSE4A;
    uint8_t fSSE4_1;
    uint8_t fSSE4_2;
    uint8_t fPOPCNT;
    uint8_t fLZCNT;
    uint8_t fTSC;
    uint8_t fTSCINV;
    uint8_t fTSCINV_BIT;
    uint8_t fAVX;
    uint8_t fAVX2;
    uint8_t fAES;
    uint8_t fERMS;
    uint8_t fCLMUL;
    uint8_t fBMI1;
    uint8_t fBMI2;
    uint8_t fRTM;
    uint8_t fADX;
    uint8_t fAVX512F;
    uint8_t fAVX512DQ;
    uint8_t fAVX512PF;
    uint8_t fAVX512ER;
    uint8_t fAVX512CD;
    uint8_t fAVX512BW;
    uint8_t fAVX512VL;
    uint8_t fSHA;
    uint8_t fFMA;
    uint8_t fVZEROUPPER;
    uint8_t fAVX512_VPOPCNTDQ;
    uint8_t fAVX512_VPCLMULQDQ;
    uint8_t fAVX512_VAES;
    uint8_t fAVX512_VNNI;
    uint8_t fFLUSH;
    uint8_t fFLUSHOPT;
    uint8_t fCLWB;
    uint8_t fAVX512_VBMI2;
    uint8_t fAVX512_VBMI;
    uint8_t fHV;
    uint8_t fSERIALIZE;
    uint8_t fRDTSCP;
    uint8_t fRDPID;
    uint8_t fFSRM;
    uint8_t fGFNI;
    uint8_t fAVX512_BITALG;
    uint8_t fPKU;
    uint8_t fOSPKE;
    uint8_t fCET_IBT;
    uint8_t fCET_SS;
    uint8_t fF16C;
    uint8_t fAVX512_IFMA;
    uint8_t fAVX_IFMA;
    uint8_t fAPX_F;
    uint8_t fSHA512;
    uint8_t fAVX512_FP16;
    uint8_t fAVX10_1;
    uint8_t fAVX10_2;
} CPUFeatures;

/* Fills *features from CPUID and XGETBV. */
void determineCPUFeatures(CPUFeatures *features);
/* 0 when every feature the builder's mask requires (byte 0xFE; 0xFF = not needed; one byte per field
 * of CPUFeatures) is present on this machine, else -1. */
int checkCPUFeatures(uint8_t *buildtime);
/* As checkCPUFeatures, but prints errorMessage to stderr and exits with status 1 on a mismatch. */
int checkCPUFeaturesOrExit(uint8_t *buildtime, const char *errorMessage);

#endif
