// Tries to read and to create a file in the preopened directory; prints the errno of each.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int main(void) {
    int fd = open("/dir/secret.txt", O_RDONLY);
    printf("read:%d errno:%d\n", fd >= 0, fd >= 0 ? 0 : errno);
    fd = open("/dir/new.txt", O_CREAT | O_WRONLY, 0644);
    printf("create:%d errno:%d\n", fd >= 0, fd >= 0 ? 0 : errno);
    return 0;
}
