/* file.c — opening and mapping the files xeno is asked to inspect or run. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

/* Larger images than this are refused as implausible rather than mapped. */
#define XFILE_MAX_SIZE ((size_t)4 << 30)

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m)) return "is a directory";
    if (S_ISFIFO(m)) return "is a FIFO, not a program file";
    if (S_ISSOCK(m)) return "is a socket, not a program file";
    if (S_ISCHR(m) || S_ISBLK(m)) return "is a device, not a program file";
    return "is not a regular file";
}

static int fail(struct xfile *f, struct xerr *e, const char *msg)
{
    close(f->fd);
    f->fd = -1;
    return xerr_set(e, "%s", msg);
}

int xfile_open(struct xfile *f, const char *path, struct xerr *e)
{
    struct stat st;
    memset(f, 0, sizeof *f);
    f->path = path;
    f->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (f->fd < 0)
        return xerr_set(e, "%s", strerror(errno));
    if (fstat(f->fd, &st) < 0)
        return fail(f, e, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fail(f, e, kind_of(st.st_mode));
    if (st.st_size == 0)
        return fail(f, e, "empty file");
    if ((size_t)st.st_size > XFILE_MAX_SIZE)
        return fail(f, e, "file too large");
    f->size = (size_t)st.st_size;
    void *p = mmap(NULL, f->size, PROT_READ | PROT_WRITE, MAP_PRIVATE, f->fd, 0);
    if (p == MAP_FAILED)
        return fail(f, e, strerror(errno));
    f->data = p;
    return 0;
}

void xfile_close(struct xfile *f)
{
    if (f->data)
        munmap(f->data, f->size);
    if (f->fd > 0)
        close(f->fd);
    f->data = NULL;
    f->fd = -1;
}
