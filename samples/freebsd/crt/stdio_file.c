/* stdio_file.c — FILE streams: opening, buffering, reading and writing. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdio_impl.h"

static FILE std_files[3] = {
    { .fd = 0, .flags = F_READ, .bufmode = _IOFBF },
    { .fd = 1, .flags = F_WRITE | F_CHECKTTY, .bufmode = _IOFBF },
    { .fd = 2, .flags = F_WRITE, .bufmode = _IONBF },
};
FILE *stdin = &std_files[0], *stdout = &std_files[1], *stderr = &std_files[2];
static FILE *open_files;

static int mode_flags(const char *mode, int *oflags)
{
    int plus = strchr(mode, '+') != NULL;
    switch (mode[0]) {
    case 'r': *oflags = plus ? O_RDWR : O_RDONLY; break;
    case 'w': *oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC; break;
    case 'a': *oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND; break;
    default: errno = EINVAL; return -1;
    }
    return plus ? F_READ | F_WRITE : mode[0] == 'r' ? F_READ : F_WRITE;
}

FILE *fdopen(int fd, const char *mode)
{
    int oflags, flags = mode_flags(mode, &oflags);
    if (flags < 0)
        return NULL;
    FILE *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->fd = fd;
    f->flags = flags | F_ALLOC;
    f->bufmode = _IOFBF;
    f->next = open_files;
    open_files = f;
    return f;
}

FILE *fopen(const char *path, const char *mode)
{
    int oflags;
    if (mode_flags(mode, &oflags) < 0)
        return NULL;
    int fd = open(path, oflags | O_CLOEXEC, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, mode);
    if (!f)
        close(fd);
    else if (oflags & O_APPEND)
        lseek(fd, 0, SEEK_END);     /* so that ftell starts at the end */
    return f;
}

static int flush_out(FILE *f)
{
    size_t off = 0;
    while (off < f->len) {
        ssize_t n = write(f->fd, f->buf + off, f->len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            f->flags |= F_ERR;
            f->len = 0;
            return EOF;
        }
        off += (size_t)n;
    }
    f->len = 0;
    return 0;
}

/* Give back read-ahead so the descriptor's offset matches the stream's. */
static void drop_input(FILE *f)
{
    if (f->state == 'r' && f->pos < f->len)
        lseek(f->fd, -(off_t)(f->len - f->pos), SEEK_CUR);
    f->pos = f->len = 0;
    f->state = 0;
}

int fflush(FILE *f)
{
    if (!f) {
        __stdio_exit();
        return 0;
    }
    if (f->state == 'w') {
        f->state = 0;
        return flush_out(f);
    }
    if (f->state == 'r')
        drop_input(f);
    return 0;
}

void __stdio_exit(void)
{
    for (FILE *f = open_files; f; f = f->next)
        fflush(f);
    fflush(stdout);
    fflush(stderr);
}

int fclose(FILE *f)
{
    int r = fflush(f);
    if (close(f->fd) < 0)
        r = EOF;
    for (FILE **p = &open_files; *p; p = &(*p)->next)
        if (*p == f) {
            *p = f->next;
            break;
        }
    if (f->flags & F_ALLOC)
        free(f);
    return r;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    (void)buf, (void)size;
    f->bufmode = mode;
    f->flags &= ~F_CHECKTTY;
    return 0;
}
