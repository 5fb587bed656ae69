/* invarg.c — the invalid parameter handler of the Windows CRTs. Functions
 * that validate their arguments (the _s family, fopen, _close …) report a
 * bad one here: the thread-local handler if set, else the process-wide
 * one, else the default. The default differs: msvcrt.dll's returns, so the
 * function fails with EINVAL (what Wine models for msvcrt.dll); the UCRT's
 * ends the process through _invoke_watson, which on Windows 8 and later
 * is __fastfail(FAST_FAIL_INVALID_ARG): exit status 0xC0000409
 * (STATUS_STACK_BUFFER_OVERRUN). The release CRTs pass NULL/0 for the
 * expression, function, file and line, and so do we. */
#include <stdio.h>
#include <unistd.h>

#include "../process.h"
#include "crt.h"

#define STATUS_STACK_BUFFER_OVERRUN 0xC0000409u

typedef void (WINAPI *ipfn)(const WCHAR *expr, const WCHAR *func, const WCHAR *file,
                            unsigned line, uintptr_t reserved);

int crt_ucrt;
static ipfn global_handler;
static __thread ipfn thread_handler;

static void __attribute__((noreturn)) invoke_watson(const char *fn)
{
    char msg[160];
    int n = snprintf(msg, sizeof msg, "xeno: invalid parameter passed to C runtime function %s\n",
                     fn ? fn : "(unknown)");
    if (write(2, msg, (size_t)n) < 0)
        n = 0;
    w32_process_exit(STATUS_STACK_BUFFER_OVERRUN);
}

static void report(const char *fn)
{
    ipfn h = thread_handler ? thread_handler : __atomic_load_n(&global_handler, __ATOMIC_ACQUIRE);
    if (h)
        h(NULL, NULL, NULL, 0, 0);
    else if (crt_ucrt)
        invoke_watson(fn);
}

int crt_invalid(const char *fn, int err)
{
    report(fn);
    crt_errno = err;
    return err;
}

static ipfn WINAPI w32__set_invalid_parameter_handler(ipfn h)
{
    return __atomic_exchange_n(&global_handler, h, __ATOMIC_ACQ_REL);
}

static ipfn WINAPI w32__get_invalid_parameter_handler(void) { return global_handler; }

static ipfn WINAPI w32__set_thread_local_invalid_parameter_handler(ipfn h)
{
    ipfn old = thread_handler;
    thread_handler = h;
    return old;
}

static ipfn WINAPI w32__get_thread_local_invalid_parameter_handler(void) { return thread_handler; }

static void WINAPI w32__invalid_parameter(const WCHAR *e, const WCHAR *f, const WCHAR *file,
                                          unsigned line, uintptr_t r)
{
    ipfn h = thread_handler ? thread_handler : global_handler;
    if (h)
        h(e, f, file, line, r);
    else if (crt_ucrt)
        invoke_watson("_invalid_parameter");
}

static void WINAPI w32__invalid_parameter_noinfo(void) { report("_invalid_parameter_noinfo"); }

static void WINAPI w32__invalid_parameter_noinfo_noreturn(void)
{
    report("_invalid_parameter_noinfo_noreturn");
    invoke_watson("_invalid_parameter_noinfo_noreturn");
}

static void WINAPI w32__invoke_watson(const WCHAR *e, const WCHAR *f, const WCHAR *file,
                                      unsigned line, uintptr_t r)
{
    (void)e, (void)f, (void)file, (void)line, (void)r;
    invoke_watson("_invoke_watson");
}

#define INVARG_EXPORTS \
    EXPORT(_set_invalid_parameter_handler, "p:p"), EXPORT(_get_invalid_parameter_handler, ":p"), \
    EXPORT(_set_thread_local_invalid_parameter_handler, "p:p"), \
    EXPORT(_get_thread_local_invalid_parameter_handler, ":p"), \
    EXPORT(_invalid_parameter, "wwwuq:v"), EXPORT(_invalid_parameter_noinfo, ":v"), \
    EXPORT(_invalid_parameter_noinfo_noreturn, ":v"), EXPORT(_invoke_watson, "wwwuq:v")

W32_EXPORTS(msvcrt) = { INVARG_EXPORTS };
W32_EXPORTS(ucrtbase) = { INVARG_EXPORTS };
