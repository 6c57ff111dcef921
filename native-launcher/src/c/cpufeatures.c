/* CPU feature detection for SubstrateVM on Linux x86-64 (see amd64cpufeatures.h). */
#include "amd64cpufeatures.h"

#include <cpuid.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BIT(reg, n) (((reg) >> (n)) & 1u)

/* XCR0 state components: the OS must save these registers on context switches. */
#define XCR0_SSE 0x2u
#define XCR0_AVX 0x4u
#define XCR0_OPMASK_ZMM 0xe0u
#define XCR0_APX (1u << 19)

static void cpuid(unsigned leaf, unsigned subleaf, unsigned r[4]) {
    __cpuid_count(leaf, subleaf, r[0], r[1], r[2], r[3]);
}

static unsigned long long xgetbv0(void) {
    unsigned eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long) edx << 32) | eax;
}

void determineCPUFeatures(CPUFeatures *f) {
    unsigned r[4], l1[4] = {0}, l7[4] = {0}, l71[4] = {0}, e1[4] = {0}, e7[4] = {0};
    memset(f, 0, sizeof(*f));
    cpuid(0, 0, r);
    unsigned max_leaf = r[0];
    /* Vendor string order is EBX, EDX, ECX. */
    int intel = r[1] == 0x756e6547 && r[3] == 0x49656e69 && r[2] == 0x6c65746e;
    int amd = (r[1] == 0x68747541 && r[3] == 0x69746e65 && r[2] == 0x444d4163)
        || (r[1] == 0x6f677948 && r[3] == 0x6e65476e && r[2] == 0x656e6975); /* AMD, Hygon */
    if (max_leaf >= 1) cpuid(1, 0, l1);
    if (max_leaf >= 7) {
        cpuid(7, 0, l7);
        if (l7[0] >= 1) cpuid(7, 1, l71);
    }
    cpuid(0x80000000u, 0, r);
    unsigned max_ext = r[0];
    if (max_ext >= 0x80000001u) cpuid(0x80000001u, 0, e1);
    if (max_ext >= 0x80000007u) cpuid(0x80000007u, 0, e7);

    unsigned ecx1 = l1[2], edx1 = l1[3];
    unsigned ebx7 = l7[1], ecx7 = l7[2], edx7 = l7[3];
    unsigned eax71 = l71[0], edx71 = l71[3];

    f->fCX8 = BIT(edx1, 8);
    f->fCMOV = BIT(edx1, 15);
    f->fFLUSH = BIT(edx1, 19);
    f->fMMX = BIT(edx1, 23);
    f->fFXSR = BIT(edx1, 24);
    f->fSSE = BIT(edx1, 25);
    f->fSSE2 = BIT(edx1, 26);
    f->fTSC = BIT(edx1, 4);
    /* Hyper-threading: the HTT flag and more than one logical processor per package. */
    f->fHT = BIT(edx1, 28) && ((l1[1] >> 16) & 0xff) > 1;
    f->fSSE3 = BIT(ecx1, 0);
    f->fCLMUL = BIT(ecx1, 1);
    f->fSSSE3 = BIT(ecx1, 9);
    f->fFMA = BIT(ecx1, 12);
    f->fSSE4_1 = BIT(ecx1, 19);
    f->fSSE4_2 = BIT(ecx1, 20);
    f->fPOPCNT = BIT(ecx1, 23);
    f->fAES = BIT(ecx1, 25);
    f->fF16C = BIT(ecx1, 29);
    f->fHV = BIT(ecx1, 31);

    f->fBMI1 = BIT(ebx7, 3);
    f->fBMI2 = BIT(ebx7, 8);
    f->fERMS = BIT(ebx7, 9);
    f->fRTM = BIT(ebx7, 11);
    f->fADX = BIT(ebx7, 19);
    f->fFLUSHOPT = BIT(ebx7, 23);
    f->fCLWB = BIT(ebx7, 24);
    f->fSHA = BIT(ebx7, 29);
    f->fPKU = BIT(ecx7, 3);
    f->fOSPKE = BIT(ecx7, 4);
    f->fCET_SS = BIT(ecx7, 7);
    f->fGFNI = BIT(ecx7, 8);
    f->fRDPID = BIT(ecx7, 22);
    f->fFSRM = BIT(edx7, 4);
    f->fSERIALIZE = BIT(edx7, 14);
    f->fCET_IBT = BIT(edx7, 20);
    f->fSHA512 = BIT(eax71, 0);

    f->fLZCNT = BIT(e1[2], 5);
    f->fSSE4A = BIT(e1[2], 6);
    f->fAMD_3DNOW_PREFETCH = BIT(e1[2], 8);
    f->fRDTSCP = BIT(e1[3], 27);
    f->fTSCINV_BIT = BIT(e7[3], 8);
    /* Invariant TSC is only trusted on vendors known to implement it consistently across cores. */
    f->fTSCINV = f->fTSCINV_BIT && (intel || amd);

    /* Vector extensions need the OS to save their registers (OSXSAVE and the XCR0 components). */
    unsigned long long xcr0 = BIT(ecx1, 27) ? xgetbv0() : 0;
    int os_avx = (xcr0 & (XCR0_SSE | XCR0_AVX)) == (XCR0_SSE | XCR0_AVX);
    int os_avx512 = os_avx && (xcr0 & XCR0_OPMASK_ZMM) == XCR0_OPMASK_ZMM;
    if (os_avx && BIT(ecx1, 28)) {
        f->fAVX = 1;
        f->fVZEROUPPER = 1;
        f->fAVX2 = BIT(ebx7, 5);
        f->fAVX_IFMA = BIT(eax71, 23);
    } else {
        /* FMA and F16C operate on YMM registers as well. */
        f->fFMA = 0;
        f->fF16C = 0;
    }
    if (os_avx512 && BIT(ebx7, 16)) {
        f->fAVX512F = 1;
        f->fAVX512DQ = BIT(ebx7, 17);
        f->fAVX512_IFMA = BIT(ebx7, 21);
        f->fAVX512PF = BIT(ebx7, 26);
        f->fAVX512ER = BIT(ebx7, 27);
        f->fAVX512CD = BIT(ebx7, 28);
        f->fAVX512BW = BIT(ebx7, 30);
        f->fAVX512VL = BIT(ebx7, 31);
        f->fAVX512_VBMI = BIT(ecx7, 1);
        f->fAVX512_VBMI2 = BIT(ecx7, 6);
        f->fAVX512_VAES = BIT(ecx7, 9);
        f->fAVX512_VPCLMULQDQ = BIT(ecx7, 10);
        f->fAVX512_VNNI = BIT(ecx7, 11);
        f->fAVX512_BITALG = BIT(ecx7, 12);
        f->fAVX512_VPOPCNTDQ = BIT(ecx7, 14);
        f->fAVX512_FP16 = BIT(edx7, 23);
    }
    if (os_avx512 && BIT(edx71, 19) && max_leaf >= 0x24) {
        cpuid(0x24, 0, r);
        unsigned version = r[1] & 0xff;
        f->fAVX10_1 = version >= 1;
        f->fAVX10_2 = version >= 2;
    }
    f->fAPX_F = BIT(edx71, 21) && (xcr0 & XCR0_APX) != 0;
}

int checkCPUFeatures(uint8_t *buildtime) {
    CPUFeatures now;
    determineCPUFeatures(&now);
    const uint8_t *have = (const uint8_t *) &now;
    /* The builder's mask has one byte per struct field: 0xFE when the image needs the feature,
     * 0xFF when it does not (so OR-ing a present feature's byte 1 in gives all ones). */
    for (size_t i = 0; i < sizeof(now); i++) {
        if ((uint8_t) (buildtime[i] | (have[i] ? 1 : 0)) != 0xFF) return -1;
    }
    return 0;
}

int checkCPUFeaturesOrExit(uint8_t *buildtime, const char *errorMessage) {
    int result = checkCPUFeatures(buildtime);
    if (result != 0) {
        fputs(errorMessage, stderr);
        fputc('\n', stderr);
        exit(1);
    }
    return result;
}
