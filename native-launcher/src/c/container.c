/* cgroup v1 and v2 limits (see svm_container.h). The process's cgroup is found from /proc/self/cgroup
 * and the cgroup mounts from /proc/self/mountinfo, as a container-aware JVM does. */
#define _GNU_SOURCE
#include "svm_container.h"

#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define UNLIMITED (-1LL)
#define ERROR (-2LL)

static int version;              /* 0: none found, 1 or 2 */
static int read_only_mount;      /* containers usually mount cgroupfs read-only */
static char memory_dir[PATH_MAX];
static char cpu_dir[PATH_MAX];

/* The folder of the process's cgroup within a mount: mount point + (cgroup path relative to mount root). */
static void join_cgroup_dir(char *out, const char *fs_root, const char *mount_point, const char *mount_root,
                            const char *cgroup_path) {
    const char *rel = cgroup_path;
    size_t root_len = strlen(mount_root);
    if (strcmp(mount_root, "/") != 0 && strncmp(cgroup_path, mount_root, root_len) == 0) rel = cgroup_path + root_len;
    else if (strcmp(mount_root, "/") != 0) rel = "";   /* inside a container: the mount root is our cgroup */
    snprintf(out, PATH_MAX, "%s%s%s", fs_root, mount_point, strcmp(rel, "/") == 0 ? "" : rel);
}

static int has_option(const char *list, const char *word) {
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
        if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0' || p[n] == ' ' || p[n] == '\n')) return 1;
    }
    return 0;
}

int svm_container_initialize_at(const char *proc_root, const char *fs_root) {
    char path[PATH_MAX], line[4096];
    char v1_memory[PATH_MAX] = "", v1_cpu[PATH_MAX] = "", v2_path[PATH_MAX] = "";
    int have_v2_entry = 0;
    version = 0;
    read_only_mount = 0;
    memory_dir[0] = cpu_dir[0] = '\0';

    snprintf(path, sizeof(path), "%s/self/cgroup", proc_root);
    FILE *f = fopen(path, "r");
    if (f == NULL) return SVM_CONTAINER_NOT_CONTAINERIZED;
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (c2 == NULL) continue;
        *c1 = *c2 = '\0';
        const char *controllers = c1 + 1, *cg = c2 + 1;
        if (strcmp(line, "0") == 0 && *controllers == '\0') { snprintf(v2_path, sizeof(v2_path), "%s", cg); have_v2_entry = 1; }
        if (has_option(controllers, "memory")) snprintf(v1_memory, sizeof(v1_memory), "%s", cg);
        if (has_option(controllers, "cpu")) snprintf(v1_cpu, sizeof(v1_cpu), "%s", cg);
    }
    fclose(f);

    snprintf(path, sizeof(path), "%s/self/mountinfo", proc_root);
    f = fopen(path, "r");
    if (f == NULL) return SVM_CONTAINER_NOT_CONTAINERIZED;
    char v2_mount[PATH_MAX] = "", v2_root[PATH_MAX] = "";
    int v2_ro = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        /* id parent major:minor root mount-point options [optional...] - fstype source super-options */
        char root[PATH_MAX], mount_point[PATH_MAX], options[1024];
        if (sscanf(line, "%*d %*d %*s %4095s %4095s %1023s", root, mount_point, options) != 3) continue;
        char *sep = strstr(line, " - ");
        if (sep == NULL) continue;
        char fstype[64], source[256], super[1024] = "";
        if (sscanf(sep + 3, "%63s %255s %1023s", fstype, source, super) < 2) continue;
        int ro = has_option(options, "ro");
        if (strcmp(fstype, "cgroup2") == 0 && have_v2_entry) {
            snprintf(v2_mount, sizeof(v2_mount), "%s", mount_point);
            snprintf(v2_root, sizeof(v2_root), "%s", root);
            v2_ro = ro;
        } else if (strcmp(fstype, "cgroup") == 0) {
            if (has_option(super, "memory") && v1_memory[0]) {
                join_cgroup_dir(memory_dir, fs_root, mount_point, root, v1_memory);
                read_only_mount |= ro;
            }
            if (has_option(super, "cpu") && v1_cpu[0]) {
                join_cgroup_dir(cpu_dir, fs_root, mount_point, root, v1_cpu);
                read_only_mount |= ro;
            }
        }
    }
    fclose(f);
    if (memory_dir[0] || cpu_dir[0]) {
        version = 1;
    } else if (v2_mount[0]) {
        version = 2;
        read_only_mount = v2_ro;
        join_cgroup_dir(memory_dir, fs_root, v2_mount, v2_root, v2_path);
        snprintf(cpu_dir, sizeof(cpu_dir), "%s", memory_dir);
    } else {
        return SVM_CONTAINER_NOT_CONTAINERIZED;
    }
    /* Containerized: the cgroup filesystem is read-only (the container runtimes' default) or a limit is set. */
    int limited = svm_container_memory_limit_in_bytes() > 0 || svm_container_active_processor_count() < sysconf(_SC_NPROCESSORS_ONLN);
    return (read_only_mount || limited) ? SVM_CONTAINER_CONTAINERIZED : SVM_CONTAINER_NOT_CONTAINERIZED;
}

int svm_container_initialize(int requested_version) {
    if (requested_version < SVM_CONTAINER_VERSION) return SVM_CONTAINER_TOO_NEW;
    if (requested_version > SVM_CONTAINER_VERSION) return SVM_CONTAINER_TOO_OLD;
    return svm_container_initialize_at("/proc", "");
}

/* First line of dir/name as a number: "max" is UNLIMITED, unreadable is ERROR. */
static long long read_value(const char *dir, const char *name) {
    char path[PATH_MAX], buf[128];
    if (dir[0] == '\0') return ERROR;
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) return ERROR;
    char *ok = fgets(buf, sizeof(buf), f);
    fclose(f);
    if (ok == NULL) return ERROR;
    if (strncmp(buf, "max", 3) == 0) return UNLIMITED;
    char *end;
    long long v = strtoll(buf, &end, 10);
    return end == buf ? ERROR : v;
}

/* The value of key in a "key value" file such as memory.stat. */
static long long read_key(const char *dir, const char *name, const char *key) {
    char path[PATH_MAX], k[128];
    long long v;
    if (dir[0] == '\0') return ERROR;
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) return ERROR;
    long long result = ERROR;
    while (fscanf(f, "%127s %lld", k, &v) == 2) {
        if (strcmp(k, key) == 0) { result = v; break; }
    }
    fclose(f);
    return result;
}

size_t svm_container_physical_memory(void) {
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? (size_t) pages * (size_t) size : 0;
}

/* cgroup v1 reports "no limit" as a huge page-aligned number: anything beyond physical memory. */
static long long v1_limit(long long v) {
    if (v < 0) return v;
    return (unsigned long long) v >= svm_container_physical_memory() ? UNLIMITED : v;
}

long long svm_container_memory_limit_in_bytes(void) {
    if (version == 2) return read_value(memory_dir, "memory.max");
    if (version == 1) return v1_limit(read_value(memory_dir, "memory.limit_in_bytes"));
    return UNLIMITED;
}

long long svm_container_memory_and_swap_limit_in_bytes(void) {
    long long memory = svm_container_memory_limit_in_bytes();
    if (memory < 0) return memory;
    if (version == 2) {
        long long swap = read_value(memory_dir, "memory.swap.max");
        if (swap == UNLIMITED) return UNLIMITED;
        return swap < 0 ? memory : memory + swap;   /* no swap accounting: memory only */
    }
    if (version == 1) {
        long long both = read_value(memory_dir, "memory.memsw.limit_in_bytes");
        return both == ERROR ? memory : v1_limit(both);
    }
    return UNLIMITED;
}

long long svm_container_memory_soft_limit_in_bytes(void) {
    if (version == 2) {
        long long low = read_value(memory_dir, "memory.low");
        return low == 0 ? UNLIMITED : low;
    }
    if (version == 1) return v1_limit(read_value(memory_dir, "memory.soft_limit_in_bytes"));
    return UNLIMITED;
}

long long svm_container_memory_usage_in_bytes(void) {
    if (version == 2) return read_value(memory_dir, "memory.current");
    if (version == 1) return read_value(memory_dir, "memory.usage_in_bytes");
    return UNLIMITED;
}

long long svm_container_memory_max_usage_in_bytes(void) {
    if (version == 2) return read_value(memory_dir, "memory.peak");
    if (version == 1) return read_value(memory_dir, "memory.max_usage_in_bytes");
    return UNLIMITED;
}

long long svm_container_rss_usage_in_bytes(void) {
    if (version == 2) return read_key(memory_dir, "memory.stat", "anon");
    if (version == 1) return read_key(memory_dir, "memory.stat", "total_rss");
    return UNLIMITED;
}

long long svm_container_cache_usage_in_bytes(void) {
    if (version == 2) return read_key(memory_dir, "memory.stat", "file");
    if (version == 1) return read_key(memory_dir, "memory.stat", "total_cache");
    return UNLIMITED;
}

/* Processors usable by this process: the affinity mask, reduced by a CPU quota (rounded up). */
int svm_container_active_processor_count(void) {
    int cpus = (int) sysconf(_SC_NPROCESSORS_ONLN);
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0) cpus = CPU_COUNT(&set);
    long long quota = -1, period = -1;
    if (version == 2 && cpu_dir[0]) {
        char path[PATH_MAX], q[64];
        snprintf(path, sizeof(path), "%s/cpu.max", cpu_dir);
        FILE *f = fopen(path, "r");
        if (f != NULL) {
            if (fscanf(f, "%63s %lld", q, &period) == 2 && strcmp(q, "max") != 0) quota = atoll(q);
            fclose(f);
        }
    } else if (version == 1) {
        quota = read_value(cpu_dir, "cpu.cfs_quota_us");
        period = read_value(cpu_dir, "cpu.cfs_period_us");
    }
    if (quota > 0 && period > 0) {
        long long limit = (quota + period - 1) / period;
        if (limit < cpus) cpus = (int) limit;
    }
    return cpus < 1 ? 1 : cpus;
}
