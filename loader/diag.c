/* diag.c — the one place xeno's own diagnostics are formatted. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "xeno.h"

int xerr_set(struct xerr *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static void vwarn(const char *fmt, va_list ap)
{
    char line[1024];
    int n = snprintf(line, sizeof line, "xeno: ");
    vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    fflush(stdout);
    fprintf(stderr, "%s\n", line);
}

void xeno_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

void xeno_die(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
    exit(code);
}
