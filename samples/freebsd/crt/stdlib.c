/* stdlib.c — exit with atexit handlers, environment lookup, numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syscall.h"

extern char **environ;
int errno;

static void (*handlers[32])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
    if (nhandlers == 32)
        return -1;
    handlers[nhandlers++] = fn;
    return 0;
}

void _exit(int status)
{
    for (;;)
        __sys1(SYS_exit, status);
}

void exit(int status)
{
    while (nhandlers > 0)
        handlers[--nhandlers]();
    fflush(stdout);
    fflush(stderr);
    _exit(status);
}

void abort(void)
{
    fflush(stdout);
    __sys2(SYS_kill, __sys0(SYS_getpid), 6);
    _exit(127);
}

char *getenv(const char *name)
{
    size_t n = strlen(name);
    for (char **e = environ; e && *e; e++)
        if (!strncmp(*e, name, n) && (*e)[n] == '=')
            return *e + n + 1;
    return 0;
}

int atoi(const char *s)
{
    int neg = 0, v = 0;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return neg ? -v : v;
}
