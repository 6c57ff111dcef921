// Exercises file operations in the preopened directory "/sandbox" and reports each result.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) { printf("FAILED %s (line %d, errno %d)\n", #x, __LINE__, errno); exit(1); } } while (0)

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    // create, write, seek, read
    int fd = open("/sandbox/a.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello world", 11) == 11);
    CHECK(lseek(fd, 6, SEEK_SET) == 6);
    char buf[32] = {0};
    CHECK(read(fd, buf, sizeof buf) == 5);
    printf("read:%s\n", buf);
    CHECK(pwrite(fd, "W", 1, 6) == 1);
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 5, 6) == 5);
    printf("pread:%s\n", buf);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("size:%lld regular:%d nlink:%llu ino>0:%d\n", (long long)st.st_size, S_ISREG(st.st_mode), (unsigned long long)st.st_nlink, st.st_ino > 0);
    CHECK(ftruncate(fd, 5) == 0);
    CHECK(fstat(fd, &st) == 0);
    printf("truncated:%lld\n", (long long)st.st_size);
    CHECK(close(fd) == 0);

    // append
    fd = open("/sandbox/a.txt", O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK(write(fd, "!", 1) == 1);
    close(fd);
    FILE *f = fopen("/sandbox/a.txt", "r");
    CHECK(f != NULL);
    memset(buf, 0, sizeof buf);
    fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("appended:%s\n", buf);

    // exclusive create of an existing file
    CHECK(open("/sandbox/a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) < 0);
    printf("excl errno:%d\n", errno);

    // directories, rename, link, symlink, readlink, unlink
    CHECK(mkdir("/sandbox/dir", 0755) == 0);
    CHECK(mkdir("/sandbox/dir", 0755) < 0 && errno == EEXIST);
    CHECK(rename("/sandbox/a.txt", "/sandbox/dir/b.txt") == 0);
    CHECK(access("/sandbox/a.txt", F_OK) < 0 && errno == ENOENT);
    CHECK(link("/sandbox/dir/b.txt", "/sandbox/hard.txt") == 0);
    CHECK(stat("/sandbox/hard.txt", &st) == 0);
    printf("nlink after link:%llu\n", (unsigned long long)st.st_nlink);
    CHECK(symlink("dir/b.txt", "/sandbox/sym") == 0);
    char target[64] = {0};
    CHECK(readlink("/sandbox/sym", target, sizeof target - 1) == 9);
    printf("readlink:%s\n", target);
    CHECK(lstat("/sandbox/sym", &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(stat("/sandbox/sym", &st) == 0 && S_ISREG(st.st_mode));
    f = fopen("/sandbox/sym", "r");
    CHECK(f != NULL);
    memset(buf, 0, sizeof buf);
    fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    printf("through symlink:%s\n", buf);

    // readdir
    DIR *d = opendir("/sandbox");
    CHECK(d != NULL);
    char *names[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 16) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("readdir:");
    for (int i = 0; i < n; i++) printf(" %s", names[i]);
    printf("\n");

    CHECK(rmdir("/sandbox/dir") < 0 && errno == ENOTEMPTY);
    CHECK(unlink("/sandbox/sym") == 0);
    CHECK(unlink("/sandbox/hard.txt") == 0);
    CHECK(unlink("/sandbox/dir") < 0);
    printf("unlink dir errno:%d\n", errno);
    CHECK(unlink("/sandbox/dir/b.txt") == 0);
    CHECK(rmdir("/sandbox/dir") == 0);
    printf("done\n");
    return 0;
}
