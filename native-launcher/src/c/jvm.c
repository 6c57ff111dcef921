/* The part of HotSpot's JVM_* interface that the JDK's static libraries (libjava.a, libnio.a, ...)
 * call and SubstrateVM does not implement itself in Java: real implementations on Linux. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "svm_container.h"

/* Called once by SubstrateVM at start-up (com.oracle.svm.core.jdk.Jvm.initialize). */
void initialize(void) {
}

int JVM_ActiveProcessorCount(void) {
    svm_container_initialize(SVM_CONTAINER_VERSION);
    return svm_container_active_processor_count();
}

/* Raw monitors: recursive mutexes (the JDK's native code may re-enter them on one thread). */
void *JVM_RawMonitorCreate(void) {
    pthread_mutex_t *m = malloc(sizeof(*m));
    if (m == NULL) return NULL;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    if (pthread_mutex_init(m, &attr) != 0) { free(m); m = NULL; }
    pthread_mutexattr_destroy(&attr);
    return m;
}

void JVM_RawMonitorDestroy(void *mon) {
    if (mon == NULL) return;
    pthread_mutex_destroy((pthread_mutex_t *) mon);
    free(mon);
}

int JVM_RawMonitorEnter(void *mon) {
    return pthread_mutex_lock((pthread_mutex_t *) mon) == 0 ? 0 : -1;
}

void JVM_RawMonitorExit(void *mon) {
    pthread_mutex_unlock((pthread_mutex_t *) mon);
}

/* Removes redundant slashes in place, as HotSpot's os::native_path does on Unix ("a//b/" -> "a/b"). */
char *JVM_NativePath(char *path) {
    char *src = path, *dst = path;
    while (*src) {
        *dst++ = *src;
        if (*src == '/') while (src[1] == '/') src++;
        src++;
    }
    if (dst > path + 1 && dst[-1] == '/') dst--;
    *dst = '\0';
    return path;
}

int jio_vsnprintf(char *str, size_t count, const char *fmt, va_list args) {
    if ((intptr_t) count <= 0) return -1;
    int result = vsnprintf(str, count, fmt, args);
    /* HotSpot's contract: -1 on truncation, with the buffer still terminated. */
    if (result < 0 || (size_t) result >= count) { str[count - 1] = '\0'; return -1; }
    return result;
}

int jio_snprintf(char *str, size_t count, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = jio_vsnprintf(str, count, fmt, ap);
    va_end(ap);
    return r;
}

int jio_vfprintf(FILE *f, const char *fmt, va_list args) {
    return vfprintf(f, fmt, args);
}

int jio_fprintf(FILE *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

/* The text of the last error (errno), copied into buf; its length, 0 when there is none. */
int JVM_GetLastErrorString(char *buf, int len) {
    if (errno == 0 || len <= 0) return 0;
    const char *s = strerror(errno);
    size_t n = strlen(s);
    if (n >= (size_t) len) n = (size_t) len - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return (int) n;
}

long long JVM_CurrentTimeMillis(void *env, void *ignored) {
    (void) env; (void) ignored;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long JVM_NanoTime(void *env, void *ignored) {
    (void) env; (void) ignored;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void *JVM_FindLibraryEntry(void *handle, const char *name) {
    return dlsym(handle, name);
}

int JVM_IsSupportedJNIVersion(int version) {
    /* JNI 1.1 .. 24 (0x00010001 .. 0x00180000) */
    return version == 0x00010001 || version == 0x00010002 || version == 0x00010004 || version == 0x00010006
        || version == 0x00010008 || version == 0x00090000 || version == 0x000a0000 || version == 0x00130000
        || version == 0x00140000 || version == 0x00150000 || version == 0x00180000;
}

int JVM_GetInterfaceVersion(void) {
    return 6;   /* JVM_INTERFACE_VERSION of JDK 25 */
}

/* Called by libjava's Shutdown natives; SubstrateVM shuts down in Java, so only exiting is left. */
void JVM_BeforeHalt(void) {
}

void JVM_Halt(int code) {
    exit(code);
}

/* Asked for by jdk.management's libmanagement_ext (its JNI_OnLoad) for HotSpot's JMM interface, which
 * SubstrateVM does not have: NULL makes that library report "Unsupported Management version" rather
 * than call into a table that does not exist. Linked because OperatingSystemImpl's natives share an
 * object file's helpers with that JNI_OnLoad. */
void *JVM_GetManagement(int version) {
    (void) version;
    return NULL;
}
