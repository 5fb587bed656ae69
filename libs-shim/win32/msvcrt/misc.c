/* misc.c — small parts of the CRT: _getpid, the program's path
 * (_pgmptr/_wpgmptr and their getters), _set_error_mode, _assert/_wassert
 * (the message "Assertion failed: EXPR, file FILE, line N" on stderr,
 * then abort), _purecall and its handler, _sleep, setjmp/longjmp
 * (setjmp.S), and the debugger hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../process.h"
#include "../unicode.h"
#include "crt.h"

typedef void (WINAPI *vfn)(void);

/* setjmp.S, with the Microsoft calling convention. */
extern int WINAPI crt_setjmp(void *buf, void *frame) __attribute__((returns_twice));
extern void WINAPI crt_longjmp(void *buf, int v) __attribute__((noreturn));

static char *pgmptr;
static double huge_val = __builtin_inf();
/* What GetVersion reports to a program without a manifest (Windows 8). */
static unsigned osver = 9200, winver = 0x0602, winmajor = 6, winminor = 2;
static WCHAR *wpgmptr;

void crt_misc_init(void)
{
    pgmptr = w32_proc.exe_path_a;
    wpgmptr = w32_proc.exe_path_w;
}

static int WINAPI w32__getpid(void) { return (int)getpid(); }
static char **WINAPI w32___p__pgmptr(void) { return &pgmptr; }
static WCHAR **WINAPI w32___p__wpgmptr(void) { return &wpgmptr; }

static int WINAPI w32__get_pgmptr(char **p)
{
    CRT_CHECK(p, "_get_pgmptr", MS_EINVAL);
    *p = pgmptr;
    return 0;
}

static int WINAPI w32__get_wpgmptr(WCHAR **p)
{
    CRT_CHECK(p, "_get_wpgmptr", MS_EINVAL);
    *p = wpgmptr;
    return 0;
}

/* _OUT_TO_DEFAULT 0, _OUT_TO_STDERR 1, _OUT_TO_MSGBOX 2, _REPORT_ERRMODE 3 */
static int error_mode;

static int WINAPI w32__set_error_mode(int m)
{
    int old = error_mode;
    if (m == 3)
        return old;
    if (m < 0 || m > 2)
        return crt_invalid("_set_error_mode", MS_EINVAL), -1;
    error_mode = m;
    return old;
}

static void assert_fail(const char *expr, const char *file, unsigned line)
{
    char msg[1024];
    int n = snprintf(msg, sizeof msg, "Assertion failed: %s, file %s, line %u\n", expr, file, line);
    crt_fflush_all();
    if (write(2, msg, (size_t)(n < (int)sizeof msg ? n : (int)sizeof msg - 1)) < 0)
        n = 0;
    crt_abort();
}

static void WINAPI w32__assert(const char *expr, const char *file, unsigned line)
{
    assert_fail(expr ? expr : "", file ? file : "", line);
}

static void WINAPI w32__wassert(const WCHAR *expr, const WCHAR *file, unsigned line)
{
    char *e = w32_wide_to_utf8(expr), *f = w32_wide_to_utf8(file);
    assert_fail(e ? e : "", f ? f : "", line);
}

static vfn purecall_handler;

static vfn WINAPI w32__set_purecall_handler(vfn h)
{
    return __atomic_exchange_n(&purecall_handler, h, __ATOMIC_ACQ_REL);
}

static vfn WINAPI w32__get_purecall_handler(void) { return purecall_handler; }

/* A pure virtual function was called: the handler, else runtime error
 * R6025 and abort. */
static void WINAPI w32__purecall(void)
{
    static const char msg[] = "\nR6025\n- pure virtual function call\n";
    vfn h = purecall_handler;
    if (h)
        h();
    if (write(2, msg, sizeof msg - 1) < 0)
        h = NULL;
    crt_abort();
}

static void WINAPI w32__sleep(uint32_t ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    while (nanosleep(&ts, &ts) < 0)
        ;
}

static void WINAPI w32___crt_debugger_hook(int reserved) { (void)reserved; }

/* A /GS stack cookie check failed: fail fast, as Windows does. */
static void WINAPI w32___report_gsfailure(uintptr_t cookie)
{
    (void)cookie;
    static const char msg[] = "xeno: stack buffer overrun detected (__report_gsfailure)\n";
    if (write(2, msg, sizeof msg - 1) < 0)
        cookie = 0;
    w32_process_exit(0xC0000409u);
}

#define MISC_EXPORTS \
    EXPORT(_getpid, ":i"), EXPORT(__p__pgmptr, ":p"), EXPORT(__p__wpgmptr, ":p"), \
    EXPORT(_get_pgmptr, "p:i"), EXPORT(_get_wpgmptr, "p:i"), EXPORT(_set_error_mode, "i:i"), \
    EXPORT(_assert, "ssu:v"), EXPORT(_wassert, "wwu:v"), EXPORT(_set_purecall_handler, "p:p"), \
    EXPORT(_get_purecall_handler, ":p"), EXPORT(_purecall, ":v"), \
    EXPORT_AS("_setjmp", crt_setjmp, "pp:i"), EXPORT_AS("_setjmpex", crt_setjmp, "pp:i"), \
    EXPORT_AS("longjmp", crt_longjmp, "pi:v"), EXPORT(__crt_debugger_hook, "i:v"), \
    EXPORT_AS("_crt_debugger_hook", w32___crt_debugger_hook, "i:v")

W32_EXPORTS(msvcrt) = {
    MISC_EXPORTS, EXPORT_DATA(_pgmptr, pgmptr), EXPORT_DATA(_wpgmptr, wpgmptr),
    EXPORT(_sleep, "u:v"), EXPORT_AS("getpid", w32__getpid, ":i"), EXPORT_DATA(_HUGE, huge_val),
    EXPORT_DATA(_osver, osver), EXPORT_DATA(_winver, winver), EXPORT_DATA(_winmajor, winmajor),
    EXPORT_DATA(_winminor, winminor),
};
W32_EXPORTS(ucrtbase) = {
    MISC_EXPORTS, EXPORT(_sleep, "u:v"), EXPORT(__report_gsfailure, "p:v"),
    EXPORT_AS("__intrinsic_setjmp", crt_setjmp, "pp:i"), EXPORT_AS("__intrinsic_setjmpex", crt_setjmp, "pp:i"),
};
