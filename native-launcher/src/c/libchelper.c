/* Small helpers SubstrateVM calls on Linux (com.oracle.svm.core.LibCHelper, LinuxLibCHelper,
 * CodeSynchronizationOperations): environment, thread ids and times, the platform time zone. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

char **getEnviron(void) {
    return environ;
}

int getThreadId(void) {
    return (int) syscall(SYS_gettid);
}

/* User-mode CPU time of thread tid in nanoseconds, from /proc (field 14 of stat); -1 on failure. */
long long getThreadUserTimeSlow(int tid) {
    char path[64], buf[2048];
    snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    /* The command name may contain spaces and parentheses: fields resume after the last ')'. */
    char *p = strrchr(buf, ')');
    if (p == NULL) return -1;
    p++;
    unsigned long long utime = 0;
    /* After ')': state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14). */
    if (sscanf(p, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu", &utime) != 1) return -1;
    long ticks = sysconf(_SC_CLK_TCK);
    if (ticks <= 0) return -1;
    return (long long) (utime * (1000000000ULL / (unsigned long long) ticks));
}

/* x86-64 keeps instruction and data caches coherent: nothing to flush. */
void clearCache(void *start, void *end) {
    (void) start;
    (void) end;
}

#define ZONEINFO "/usr/share/zoneinfo"

/* The zone id of path if it lies under the zoneinfo folder ("Europe/Paris"), else NULL. */
static char *zone_of_path(const char *path) {
    const char *z = strstr(path, "zoneinfo/");
    if (z == NULL) return NULL;
    z += strlen("zoneinfo/");
    /* posix/ and right/ hold the same zones with other leap second handling. */
    if (strncmp(z, "posix/", 6) == 0) z += 6;
    else if (strncmp(z, "right/", 6) == 0) z += 6;
    return *z ? strdup(z) : NULL;
}

static int same_contents(const char *a, const unsigned char *data, size_t size) {
    struct stat st;
    if (stat(a, &st) != 0 || !S_ISREG(st.st_mode) || (size_t) st.st_size != size) return 0;
    FILE *f = fopen(a, "rb");
    if (f == NULL) return 0;
    int same = 1;
    unsigned char buf[4096];
    size_t off = 0, n;
    while (same && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
        if (off + n > size || memcmp(buf, data + off, n) != 0) same = 0;
        off += n;
    }
    fclose(f);
    return same && off == size;
}

/* Depth-first search of the zoneinfo tree for a file equal to data. */
static char *find_zone_file(const char *dir, const unsigned char *data, size_t size) {
    DIR *d = opendir(dir);
    if (d == NULL) return NULL;
    char *found = NULL;
    struct dirent *e;
    while (found == NULL && (e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (n[0] == '.' || strcmp(n, "posix") == 0 || strcmp(n, "right") == 0
            || strcmp(n, "posixrules") == 0 || strcmp(n, "localtime") == 0 || strcmp(n, "Factory") == 0) {
            continue;
        }
        char path[PATH_MAX];
        if (snprintf(path, sizeof(path), "%s/%s", dir, n) >= (int) sizeof(path)) continue;
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            found = find_zone_file(path, data, size);
        } else if (S_ISREG(st.st_mode) && same_contents(path, data, size)) {
            found = zone_of_path(path);
        }
    }
    closedir(d);
    return found;
}

static char *zone_of_localtime(const char *localtime, const char *zoneinfo) {
    struct stat st;
    if (lstat(localtime, &st) != 0) return NULL;
    if (S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(localtime, target, sizeof(target) - 1);
        if (n > 0) {
            target[n] = '\0';
            char *zone = zone_of_path(target);
            if (zone != NULL) return zone;
        }
    }
    /* A copy of a zone file: find the zone with the same contents. */
    FILE *f = fopen(localtime, "rb");
    if (f == NULL) return NULL;
    if (stat(localtime, &st) != 0 || st.st_size <= 0 || st.st_size > (1 << 20)) { fclose(f); return NULL; }
    unsigned char *data = malloc((size_t) st.st_size);
    char *zone = NULL;
    if (data != NULL && fread(data, 1, (size_t) st.st_size, f) == (size_t) st.st_size) {
        zone = find_zone_file(zoneinfo, data, (size_t) st.st_size);
    }
    free(data);
    fclose(f);
    return zone;
}

/* The platform's time zone, looked up below root ("" for the real system); exposed for the tests. */
char *svm_find_time_zone(const char *root) {
    const char *tz = getenv("TZ");
    if (tz != NULL && *tz != '\0') {
        if (*tz == ':') tz++;
        if (strncmp(tz, ZONEINFO "/", sizeof(ZONEINFO)) == 0) tz += sizeof(ZONEINFO);
        if (*tz != '\0' && strcmp(tz, "localtime") != 0) return strdup(tz);
    }
    char path[PATH_MAX], zoneinfo[PATH_MAX];
    snprintf(zoneinfo, sizeof(zoneinfo), "%s" ZONEINFO, root);
    /* Debian and Ubuntu name the zone in /etc/timezone. */
    snprintf(path, sizeof(path), "%s/etc/timezone", root);
    FILE *f = fopen(path, "r");
    if (f != NULL) {
        char line[256];
        char *zone = NULL;
        if (fgets(line, sizeof(line), f) != NULL) {
            line[strcspn(line, " \t\r\n")] = '\0';
            if (line[0] != '\0') zone = strdup(line);
        }
        fclose(f);
        if (zone != NULL) return zone;
    }
    snprintf(path, sizeof(path), "%s/etc/localtime", root);
    return zone_of_localtime(path, zoneinfo);
}

/* SubstrateVM passes the JDK's tzmappings (used on Windows only); the result is malloc'ed or NULL. */
char *SVM_FindJavaTZmd(const char *tzmappings, int length) {
    (void) tzmappings;
    (void) length;
    return svm_find_time_zone("");
}
