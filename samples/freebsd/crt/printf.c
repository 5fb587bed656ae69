/* printf.c — the printf family, all on top of vsnprintf and vfprintf. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdio_impl.h"

int vsprintf(char *buf, const char *fmt, va_list ap)
{
    return vsnprintf(buf, INT_MAX, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return -1;
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    ssize_t w = write(fd, buf, (size_t)n);
    free(buf);
    return w < 0 ? -1 : n;
}

#define VA_WRAP(call)          \
    va_list ap;                \
    va_start(ap, fmt);         \
    int r = call;              \
    va_end(ap);                \
    return r

int printf(const char *fmt, ...) { VA_WRAP(vfprintf(stdout, fmt, ap)); }
int fprintf(FILE *f, const char *fmt, ...) { VA_WRAP(vfprintf(f, fmt, ap)); }
int dprintf(int fd, const char *fmt, ...) { VA_WRAP(vdprintf(fd, fmt, ap)); }
int sprintf(char *buf, const char *fmt, ...) { VA_WRAP(vsprintf(buf, fmt, ap)); }
int snprintf(char *buf, size_t n, const char *fmt, ...)
{
    VA_WRAP(vsnprintf(buf, n, fmt, ap));
}
