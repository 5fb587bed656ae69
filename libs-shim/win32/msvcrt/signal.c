/* signal.c — the CRT's signal() and raise(): SIGINT, SIGILL, SIGFPE,
 * SIGSEGV, SIGTERM, SIGBREAK and SIGABRT with Microsoft numbers. A
 * handler for SIGINT/SIGTERM/SIGBREAK also runs when the host delivers
 * the matching signal. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "../process.h"
#include "crt.h"

enum { MS_SIGINT = 2, MS_SIGILL = 4, MS_SIGFPE = 8, MS_SIGSEGV = 11, MS_SIGTERM = 15,
       MS_SIGBREAK = 21, MS_SIGABRT = 22, MS_NSIG = 23 };
#define MS_SIG_DFL ((void *)0)
#define MS_SIG_IGN ((void *)1)
#define MS_SIG_ERR ((void *)-1)

typedef void (WINAPI *ms_handler)(int);
static ms_handler handlers[MS_NSIG];

static int host_of(int ms)
{
    switch (ms) {
    case MS_SIGINT: return SIGINT;
    case MS_SIGTERM: return SIGTERM;
    case MS_SIGBREAK: return SIGQUIT;
    default: return 0;
    }
}

static int valid(int s)
{
    return s == MS_SIGINT || s == MS_SIGILL || s == MS_SIGFPE || s == MS_SIGSEGV ||
           s == MS_SIGTERM || s == MS_SIGBREAK || s == MS_SIGABRT;
}

/* The host delivered SIGINT/SIGTERM/SIGQUIT: run the program's handler
 * (reset to the default first, as the CRT does). */
static void host_handler(int hs)
{
    int ms = hs == SIGINT ? MS_SIGINT : hs == SIGTERM ? MS_SIGTERM : MS_SIGBREAK;
    ms_handler h = handlers[ms];
    handlers[ms] = MS_SIG_DFL;
    signal(hs, SIG_DFL);
    if (h && h != MS_SIG_IGN)
        h(ms);
}

static void *WINAPI w32_signal(int s, void *h)
{
    if (!valid(s)) {
        crt_errno = MS_EINVAL;
        return MS_SIG_ERR;
    }
    void *old = (void *)handlers[s];
    handlers[s] = (ms_handler)h;
    int hs = host_of(s);
    if (hs)
        signal(hs, h == MS_SIG_DFL ? SIG_DFL : h == MS_SIG_IGN ? SIG_IGN : host_handler);
    return old;
}

static int WINAPI w32_raise(int s)
{
    if (!valid(s)) {
        crt_errno = MS_EINVAL;
        return -1;
    }
    ms_handler h = handlers[s];
    if (h == MS_SIG_IGN)
        return 0;
    if (h) {
        handlers[s] = MS_SIG_DFL;
        h(s);
        return 0;
    }
    crt_fflush_all();
    w32_process_exit(s == MS_SIGABRT ? 3 : s == MS_SIGINT ? 0xC000013A : 3);
}

W32_EXPORTS(msvcrt) = { EXPORT(signal, "ip:p"), EXPORT(raise, "i:i") };
W32_EXPORTS(ucrtbase) = { EXPORT(signal, "ip:p"), EXPORT(raise, "i:i") };
