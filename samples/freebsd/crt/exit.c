/* exit.c — process exit with atexit handlers and stdio flushing, abort,
 * and the assert() failure path. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "stdio_impl.h"
#include "syscall.h"

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

void _Exit(int status)
{
    _exit(status);
}

void exit(int status)
{
    while (nhandlers > 0)
        handlers[--nhandlers]();
    __stdio_exit();
    _exit(status);
}

void abort(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    _exit(127);
}

void __assert(const char *func, const char *file, int line, const char *expr)
{
    fprintf(stderr, "Assertion failed: (%s), function %s, file %s, line %d.\n",
            expr, func, file, line);
    abort();
}
