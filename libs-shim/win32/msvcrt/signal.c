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

/* The floating-point error code and exception pointers a SIGFPE handler
 * may read (per thread). */
static __thread int fpecode;
static __thread void *xcptinfo;
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
    /* The default action of a raised signal: exit status 3, no clean-up
     * (Microsoft's raise documentation). */
    w32_process_exit(3);
}

/* An exception reached the CRT's filter (_XcptFilter, _seh_filter_exe):
 * run the program's handler for the matching signal. Returns -1
 * (EXCEPTION_CONTINUE_EXECUTION) when a handler took it or it is
 * ignored, 0 (EXCEPTION_CONTINUE_SEARCH) when the default applies. */
int crt_signal_exception(int ms, int fpe_code)
{
    ms_handler h = ms > 0 && ms < MS_NSIG ? handlers[ms] : MS_SIG_DFL;
    if (h == MS_SIG_DFL)
        return 0;
    if (h == MS_SIG_IGN)
        return -1;
    handlers[ms] = MS_SIG_DFL;
    if (ms == MS_SIGFPE) { /* SIGFPE handlers get the _FPE_ code too */
        fpecode = fpe_code;
        void (WINAPI *fpe)(int, int);
        void *raw = (void *)h;
        memcpy(&fpe, &raw, sizeof fpe);
        fpe(ms, fpe_code);
    } else {
        h(ms);
    }
    return -1;
}

void crt_raise_abort(void)
{
    ms_handler h = handlers[MS_SIGABRT];
    if (h && h != MS_SIG_IGN) {
        handlers[MS_SIGABRT] = MS_SIG_DFL;
        h(MS_SIGABRT);
    }
}

static int *WINAPI w32___fpecode(void) { return &fpecode; }
static void **WINAPI w32___pxcptinfoptrs(void) { return &xcptinfo; }

#define SIGNAL_EXPORTS \
    EXPORT(signal, "ip:p"), EXPORT(raise, "i:i"), EXPORT(__fpecode, ":p"), EXPORT(__pxcptinfoptrs, ":p")

W32_EXPORTS(msvcrt) = { SIGNAL_EXPORTS };
W32_EXPORTS(ucrtbase) = { SIGNAL_EXPORTS };
