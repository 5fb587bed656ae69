/* stdio_io.c — reading from and writing to FILE streams. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "stdio_impl.h"

void __stdio_checktty(FILE *f)
{
    if (f->flags & F_CHECKTTY) {
        f->flags &= ~F_CHECKTTY;
        if (isatty(f->fd))
            f->bufmode = _IOLBF;
    }
}

static void start_writing(FILE *f)
{
    __stdio_checktty(f);
    if (f->state != 'w') {
        fflush(f);
        f->state = 'w';
    }
}

int __fputn(FILE *f, const char *s, size_t n)
{
    start_writing(f);
    int newline = f->bufmode == _IOLBF && memchr(s, '\n', n) != NULL;
    while (n) {
        if (f->len == sizeof f->buf && fflush(f) == EOF)
            return EOF;
        f->state = 'w';
        size_t chunk = sizeof f->buf - f->len;
        if (chunk > n)
            chunk = n;
        memcpy(f->buf + f->len, s, chunk);
        f->len += chunk;
        s += chunk;
        n -= chunk;
    }
    if (newline || f->bufmode == _IONBF)
        return fflush(f);
    return 0;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    if (!size || !n)
        return 0;
    return __fputn(f, p, size * n) == EOF ? 0 : n;
}

int fputc(int c, FILE *f)
{
    char ch = (char)c;
    return __fputn(f, &ch, 1) == EOF ? EOF : (unsigned char)c;
}

int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

int fputs(const char *s, FILE *f)
{
    return __fputn(f, s, strlen(s));
}

int puts(const char *s)
{
    if (__fputn(stdout, s, strlen(s)) == EOF)
        return EOF;
    return fputc('\n', stdout) == EOF ? EOF : 0;
}

static int refill(FILE *f)
{
    if (f->state == 'w')
        fflush(f);
    if (f == stdin)
        fflush(stdout);
    ssize_t n;
    do
        n = read(f->fd, f->buf, sizeof f->buf);
    while (n < 0 && errno == EINTR);
    f->pos = 0;
    f->len = n > 0 ? (size_t)n : 0;
    f->state = 'r';
    if (n <= 0)
        f->flags |= n == 0 ? F_EOF : F_ERR;
    return n > 0;
}

int fgetc(FILE *f)
{
    if ((f->state != 'r' || f->pos == f->len) && !refill(f))
        return EOF;
    return f->buf[f->pos++];
}

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }

size_t fread(void *p, size_t size, size_t n, FILE *f)
{
    unsigned char *d = p;
    size_t want = size * n, got = 0;
    while (got < want) {
        if ((f->state != 'r' || f->pos == f->len) && !refill(f))
            break;
        size_t chunk = f->len - f->pos;
        if (chunk > want - got)
            chunk = want - got;
        memcpy(d + got, f->buf + f->pos, chunk);
        f->pos += chunk;
        got += chunk;
    }
    return size ? got / size : 0;
}

char *fgets(char *s, int n, FILE *f)
{
    int i = 0;
    while (i < n - 1) {
        int c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0 || n <= 0)
        return NULL;
    s[i] = 0;
    return s;
}

int fseek(FILE *f, long off, int whence)
{
    if (whence == SEEK_CUR && f->state == 'r')
        off -= (long)(f->len - f->pos);
    if (f->state == 'w' && fflush(f) == EOF)
        return -1;
    f->pos = f->len = 0;
    f->state = 0;
    if (lseek(f->fd, off, whence) < 0)
        return -1;
    f->flags &= ~F_EOF;
    return 0;
}

long ftell(FILE *f)
{
    off_t off = lseek(f->fd, 0, SEEK_CUR);
    if (off < 0)
        return -1;
    if (f->state == 'r')
        off -= (off_t)(f->len - f->pos);
    else if (f->state == 'w')
        off += (off_t)f->len;
    return off;
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}

int feof(FILE *f) { return (f->flags & F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
int fileno(FILE *f) { return f->fd; }
