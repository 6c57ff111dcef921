/* Container (cgroup v1 and v2) resource limits for SubstrateVM (com.oracle.svm.core.container.ContainerLibrary).
 * Memory values are bytes; -1 means unlimited or not available, -2 an error reading the value. */
#ifndef SVM_CONTAINER_H
#define SVM_CONTAINER_H

#include <stddef.h>

#define SVM_CONTAINER_VERSION 240100
#define SVM_CONTAINER_NOT_CONTAINERIZED 0
#define SVM_CONTAINER_CONTAINERIZED 1
#define SVM_CONTAINER_TOO_OLD 2
#define SVM_CONTAINER_TOO_NEW 3

int svm_container_initialize(int version);
size_t svm_container_physical_memory(void);
long long svm_container_memory_limit_in_bytes(void);
long long svm_container_memory_and_swap_limit_in_bytes(void);
long long svm_container_memory_soft_limit_in_bytes(void);
long long svm_container_memory_usage_in_bytes(void);
long long svm_container_memory_max_usage_in_bytes(void);
long long svm_container_rss_usage_in_bytes(void);
long long svm_container_cache_usage_in_bytes(void);
int svm_container_active_processor_count(void);

/* Reads the cgroup setup from another root (proc_root replaces /proc, fs_root prefixes the mount
 * points): for the tests. Returns what svm_container_initialize returns. */
int svm_container_initialize_at(const char *proc_root, const char *fs_root);

#endif
