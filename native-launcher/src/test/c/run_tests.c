/* Tests of the SubstrateVM C support libraries (native-launcher/src/c). Usage: run-tests FIXTURES_DIR */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "amd64cpufeatures.h"
#include "svm_container.h"
#include "svm_locale.h"

char *svm_find_time_zone(const char *root);
char *SVM_FindJavaTZmd(const char *tzmappings, int length);
int getThreadId(void);
long long getThreadUserTimeSlow(int tid);
char *JVM_NativePath(char *path);
int jio_snprintf(char *str, size_t count, const char *fmt, ...);
void *JVM_RawMonitorCreate(void);
int JVM_RawMonitorEnter(void *);
void JVM_RawMonitorExit(void *);
void JVM_RawMonitorDestroy(void *);
int cSunMiscSignal_open(void);
int cSunMiscSignal_checkPendingSignal(void);
int cSunMiscSignal_awaitSemaphore(void);
void *cSunMiscSignal_signalHandlerFunctionPointer(void);

static int failures, checks;
#define CHECK(cond) do { checks++; if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); checks++; \
    if ((a_ == NULL) != (b_ == NULL) || (a_ && strcmp(a_, b_) != 0)) { failures++; \
    fprintf(stderr, "FAIL %s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)

/* The kernel's view of the CPU flags, from /proc/cpuinfo. */
static int cpuinfo_has(const char *flag) {
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[8192];
    int found = 0;
    while (f && !found && fgets(line, sizeof(line), f)) {
        if (strncmp(line, "flags", 5) != 0) continue;
        for (char *t = strtok(strchr(line, ':') + 1, " \n"); t; t = strtok(NULL, " \n")) if (strcmp(t, flag) == 0) found = 1;
        break;
    }
    if (f) fclose(f);
    return found;
}

/* Whether LZCNT executes as such: its encoding (F3 0F BD) runs as BSR on a CPU without it, which gives 0 for 1, not
 * 63. Kernels do not all list it in /proc/cpuinfo (as "abm"), so the instruction itself is asked. */
static int lzcnt_works(void) {
    unsigned long long in = 1, out;
    __asm__ volatile ("lzcnt %1, %0" : "=r"(out) : "r"(in));
    return out == 63;
}

static void test_cpu_features(void) {
    CPUFeatures f;
    determineCPUFeatures(&f);
    /* The kernel hides features the OS does not enable, so its flags must agree with ours. */
    CHECK(f.fSSE2 == cpuinfo_has("sse2"));
    CHECK(f.fSSE4_2 == cpuinfo_has("sse4_2"));
    CHECK(f.fPOPCNT == cpuinfo_has("popcnt"));
    CHECK(f.fAVX == cpuinfo_has("avx"));
    CHECK(f.fAVX2 == cpuinfo_has("avx2"));
    CHECK(f.fBMI2 == cpuinfo_has("bmi2"));
    CHECK(f.fAVX512F == cpuinfo_has("avx512f"));
    CHECK(f.fLZCNT == lzcnt_works());
    CHECK(f.fHV == cpuinfo_has("hypervisor"));
    /* The builder's mask: 0xFE for a feature the image needs, 0xFF for one it does not. */
    uint8_t mask[sizeof(f) + 8];
    const uint8_t *have = (const uint8_t *) &f;
    memset(mask, 0xFF, sizeof(mask));
    CHECK(checkCPUFeatures(mask) == 0);
    for (size_t i = 0; i < sizeof(f); i++) if (have[i]) mask[i] = 0xFE;
    CHECK(checkCPUFeatures(mask) == 0);
    /* An image that needs a feature this machine lacks is refused. */
    for (size_t i = 0; i < sizeof(f); i++) {
        if (!have[i]) {
            mask[i] = 0xFE;
            CHECK(checkCPUFeatures(mask) == -1);
            break;
        }
    }
}

static void test_container(const char *fixtures) {
    char proc[512], root[512];
    snprintf(proc, sizeof(proc), "%s/v2/proc", fixtures);
    snprintf(root, sizeof(root), "%s/v2", fixtures);
    CHECK(svm_container_initialize_at(proc, root) == SVM_CONTAINER_CONTAINERIZED);
    CHECK(svm_container_memory_limit_in_bytes() == 536870912LL);
    CHECK(svm_container_memory_and_swap_limit_in_bytes() == -1);
    CHECK(svm_container_memory_soft_limit_in_bytes() == -1);
    CHECK(svm_container_memory_usage_in_bytes() == 1048576);
    CHECK(svm_container_memory_max_usage_in_bytes() == 2097152);
    CHECK(svm_container_rss_usage_in_bytes() == 4096);
    CHECK(svm_container_cache_usage_in_bytes() == 8192);
    int online = (int) sysconf(_SC_NPROCESSORS_ONLN);
    CHECK(svm_container_active_processor_count() == (online < 2 ? online : 2));   /* quota 1.5 CPUs rounds up */

    snprintf(proc, sizeof(proc), "%s/v1/proc", fixtures);
    snprintf(root, sizeof(root), "%s/v1", fixtures);
    CHECK(svm_container_initialize_at(proc, root) == SVM_CONTAINER_CONTAINERIZED);
    CHECK(svm_container_memory_limit_in_bytes() == 268435456LL);
    CHECK(svm_container_memory_and_swap_limit_in_bytes() == -1);
    CHECK(svm_container_memory_soft_limit_in_bytes() == -1);
    CHECK(svm_container_memory_usage_in_bytes() == 1000);
    CHECK(svm_container_memory_max_usage_in_bytes() == 2000);
    CHECK(svm_container_rss_usage_in_bytes() == 400);
    CHECK(svm_container_cache_usage_in_bytes() == 300);
    CHECK(svm_container_active_processor_count() == 1);

    CHECK(svm_container_initialize(SVM_CONTAINER_VERSION + 1) == SVM_CONTAINER_TOO_OLD);
    CHECK(svm_container_initialize(SVM_CONTAINER_VERSION - 1) == SVM_CONTAINER_TOO_NEW);
    int r = svm_container_initialize(SVM_CONTAINER_VERSION);
    CHECK(r == SVM_CONTAINER_CONTAINERIZED || r == SVM_CONTAINER_NOT_CONTAINERIZED);
    CHECK(svm_container_physical_memory() > 0);
    CHECK(svm_container_active_processor_count() >= 1);
}

static void test_time_zone(const char *fixtures) {
    char root[512];
    snprintf(root, sizeof(root), "%s/tz", fixtures);
    setenv("TZ", ":America/New_York", 1);
    CHECK_STR(svm_find_time_zone(root), "America/New_York");
    setenv("TZ", "/usr/share/zoneinfo/Asia/Tokyo", 1);
    CHECK_STR(svm_find_time_zone(root), "Asia/Tokyo");
    unsetenv("TZ");
    /* /etc/localtime is a copy of Europe/Berlin: found by contents. */
    CHECK_STR(svm_find_time_zone(root), "Europe/Berlin");
    setenv("TZ", "UTC", 1);
    CHECK_STR(SVM_FindJavaTZmd(NULL, 0), "UTC");
    unsetenv("TZ");
}

static void test_locale(void) {
    char *l, *s, *c, *v;
    CHECK(svm_parse_locale("de_CH.UTF-8", &l, &s, &c, &v) == 0);
    CHECK_STR(l, "de"); CHECK_STR(c, "CH"); CHECK_STR(s, NULL); CHECK_STR(v, NULL);
    CHECK(svm_parse_locale("sr_RS.UTF-8@latin", &l, &s, &c, &v) == 0);
    CHECK_STR(l, "sr"); CHECK_STR(s, "Latn"); CHECK_STR(c, "RS");
    CHECK(svm_parse_locale("he_IL", &l, &s, &c, &v) == 0);
    CHECK_STR(l, "iw");
    CHECK(svm_parse_locale("C", &l, &s, &c, &v) == 0);
    CHECK_STR(l, "en"); CHECK_STR(c, "US");
    CHECK(svm_initialize_locale() == SVM_LOCALE_INITIALIZATION_SUCCEEDED);
    CHECK(svm_get_locale()->format_language != NULL);
    CHECK(svm_get_locale()->display_language != NULL);
}

static void test_threads_and_jvm(void) {
    CHECK(getThreadId() == getpid());   /* the main thread's id is the process id */
    volatile double x = 0;
    for (int i = 0; i < 20000000; i++) x += i;   /* spend some user time */
    CHECK(getThreadUserTimeSlow(getThreadId()) >= 0);
    CHECK(getThreadUserTimeSlow(999999999) == -1);
    char p[] = "//usr//lib///jvm/";
    CHECK_STR(JVM_NativePath(p), "/usr/lib/jvm");
    char small[4];
    CHECK(jio_snprintf(small, sizeof(small), "%s", "abcdef") == -1);
    CHECK_STR(small, "abc");
    void *m = JVM_RawMonitorCreate();
    CHECK(m != NULL);
    CHECK(JVM_RawMonitorEnter(m) == 0);
    CHECK(JVM_RawMonitorEnter(m) == 0);   /* re-entrant */
    JVM_RawMonitorExit(m);
    JVM_RawMonitorExit(m);
    JVM_RawMonitorDestroy(m);
}

static void test_signals(void) {
    CHECK(cSunMiscSignal_open() == 0);
    CHECK(cSunMiscSignal_checkPendingSignal() == -1);
    signal(SIGUSR1, (void (*)(int)) cSunMiscSignal_signalHandlerFunctionPointer());
    raise(SIGUSR1);
    raise(SIGUSR1);
    CHECK(cSunMiscSignal_awaitSemaphore() == 0);
    CHECK(cSunMiscSignal_checkPendingSignal() == SIGUSR1);
    CHECK(cSunMiscSignal_checkPendingSignal() == SIGUSR1);
    CHECK(cSunMiscSignal_checkPendingSignal() == -1);
}

int main(int argc, char **argv) {
    const char *fixtures = argc > 1 ? argv[1] : "fixtures";
    test_cpu_features();
    test_container(fixtures);
    test_time_zone(fixtures);
    test_locale();
    test_threads_and_jvm();
    test_signals();
    printf("C support library tests: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
