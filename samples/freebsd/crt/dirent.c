/* dirent.c — directory streams over getdirentries(554). Records with
 * d_fileno 0 (deleted entries) are skipped, as FreeBSD's libc does. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "syscall.h"

struct __crt_dir {
    int fd;
    size_t pos, len;
    off_t base;
    char buf[8192];
};

ssize_t getdirentries(int fd, char *buf, size_t n, off_t *base)
{
    return __sc4(SYS_getdirentries, fd, buf, n, base);
}

DIR *fdopendir(int fd)
{
    DIR *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    d->fd = fd;
    d->pos = d->len = 0;
    d->base = 0;
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d)
        close(fd);
    return d;
}

struct dirent *readdir(DIR *d)
{
    for (;;) {
        if (d->pos >= d->len) {
            ssize_t n = getdirentries(d->fd, d->buf, sizeof d->buf, &d->base);
            if (n <= 0)
                return NULL;
            d->len = (size_t)n;
            d->pos = 0;
        }
        struct dirent *e = (struct dirent *)(d->buf + d->pos);
        if (e->d_reclen == 0) {
            d->pos = d->len;
            continue;
        }
        d->pos += e->d_reclen;
        if (e->d_fileno != 0)
            return e;
    }
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->pos = d->len = 0;
}

int dirfd(DIR *d) { return d->fd; }

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}
