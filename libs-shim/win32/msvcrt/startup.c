/* startup.c — what a CRT start-up routine asks of msvcrt.dll / ucrtbase.dll:
 * argc/argv/environment (narrow and wide), initializer tables, atexit and
 * onexit tables, exit/abort, the CRT locks, and the variables programs
 * import as data (__initenv, _acmdln, __argc …). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../process.h"
#include "../unicode.h"
#include "crt.h"

typedef void (WINAPI *vfn)(void);
typedef int (WINAPI *ifn)(void);

static int crt_argc;
static char **crt_argv;
static WCHAR **crt_wargv;
static char *crt_acmdln;
static WCHAR *crt_wcmdln;
static int crt_app_type;

static WCHAR **widen_all(char **v, int n)
{
    WCHAR **w = calloc((size_t)n + 1, sizeof *w);
    for (int i = 0; w && i < n; i++)
        w[i] = w32_utf8_to_wide(v[i]);
    return w;
}

static int guest_argc;
static char **guest_argv;

static void ensure_argv(void)
{
    if (crt_argv)
        return;
    int ac = guest_argc;
    char **av = guest_argv;
    crt_argc = ac;
    crt_argv = calloc((size_t)ac + 1, sizeof *crt_argv);
    for (int i = 0; crt_argv && i < ac; i++)
        crt_argv[i] = av[i];
    crt_wargv = widen_all(crt_argv, ac);
    crt_acmdln = w32_proc.cmdline_a;
    crt_wcmdln = w32_proc.cmdline_w;
}

static void locks_init(void);

/* The C runtime's process state: tables, locks, the standard streams, the
 * clock and the time zone. Run once, when a Windows program starts (and
 * by unit tests), not by constructors on every xeno start. */
void crt_process_init(void)
{
    locks_init();
    crt_ctype_init();
    crt_wctype_init();
    crt_mbctype_init();
    crt_std_streams_init();
    crt_env_host_init();
    crt_clock_init();
    crt_tz_init();
}

/* Called before the program starts: the data exports must be valid when
 * its start-up code reads them. */
void crt_init(int argc, char **argv)
{
    const struct pe_file *pe = w32_proc.pe;
    crt_process_init();
    for (size_t i = 0; pe && i < pe->nimports; i++)
        if (!strncasecmp(pe->imports[i].name, "api-ms-win-crt-", 15) ||
            !strncasecmp(pe->imports[i].name, "ucrtbase", 8))
            crt_ucrt = 1;
    guest_argc = argc;
    guest_argv = argv;
    ensure_argv();
    crt_env_init();
    crt_misc_init();
}

static int WINAPI w32___getmainargs(int *argc, char ***argv, char ***env, int glob, void *si)
{
    (void)glob, (void)si;
    ensure_argv();
    *argc = crt_argc;
    *argv = crt_argv;
    *env = crt_environ;
    return 0;
}

static int WINAPI w32___wgetmainargs(int *argc, WCHAR ***argv, WCHAR ***env, int glob, void *si)
{
    (void)glob, (void)si;
    ensure_argv();
    *argc = crt_argc;
    *argv = crt_wargv;
    *env = crt_wenviron;
    return 0;
}

static void WINAPI w32___set_app_type(int t) { crt_app_type = t; }
static void WINAPI w32___setusermatherr(void *fn) { (void)fn; }

static void WINAPI w32__initterm(vfn *a, vfn *b)
{
    for (; a < b; a++)
        if (*a)
            (*a)();
}

static int WINAPI w32__initterm_e(ifn *a, ifn *b)
{
    for (; a < b; a++)
        if (*a) {
            int r = (*a)();
            if (r)
                return r;
        }
    return 0;
}

/* ---- atexit / onexit ---- */

static vfn *exit_fns;
static size_t nexit, capexit;
static pthread_mutex_t exit_lock = PTHREAD_MUTEX_INITIALIZER;

static int add_exit(vfn f)
{
    pthread_mutex_lock(&exit_lock);
    if (nexit == capexit) {
        size_t nc = capexit ? capexit * 2 : 32;
        vfn *n = realloc(exit_fns, nc * sizeof *n);
        if (!n) {
            pthread_mutex_unlock(&exit_lock);
            return -1;
        }
        exit_fns = n, capexit = nc;
    }
    exit_fns[nexit++] = f;
    pthread_mutex_unlock(&exit_lock);
    return 0;
}

void crt_run_atexit(void)
{
    for (;;) {
        pthread_mutex_lock(&exit_lock);
        vfn f = nexit ? exit_fns[--nexit] : NULL;
        pthread_mutex_unlock(&exit_lock);
        if (!f)
            break;
        f();
    }
}

void crt_exit(int code)
{
    crt_run_atexit();
    crt_fflush_all();
    w32_process_exit((UINT)code);
}

static int WINAPI w32_atexit(vfn f) { return add_exit(f); }
static vfn WINAPI w32__onexit(vfn f) { return add_exit(f) == 0 ? f : NULL; }
static int WINAPI w32__crt_atexit(vfn f) { return add_exit(f); }

static vfn WINAPI w32___dllonexit(vfn f, vfn **start, vfn **end)
{
    (void)start, (void)end;
    return add_exit(f) == 0 ? f : NULL;
}

/* UCRT's onexit tables: { first, last, end } of a function array. */
typedef struct { vfn *first, *last, *end; } onexit_table;

static int WINAPI w32__initialize_onexit_table(onexit_table *t)
{
    t->first = t->last = t->end = NULL;
    return 0;
}

static int WINAPI w32__register_onexit_function(onexit_table *t, vfn f)
{
    if (t->last == t->end) {
        size_t n = (size_t)(t->end - t->first), nc = n ? n * 2 : 32;
        vfn *p = realloc(t->first, nc * sizeof *p);
        if (!p)
            return -1;
        t->last = p + n, t->first = p, t->end = p + nc;
    }
    *t->last++ = f;
    return 0;
}

static int WINAPI w32__execute_onexit_table(onexit_table *t)
{
    vfn *first = t->first, *last = t->last;
    t->first = t->last = t->end = NULL;
    while (last > first)
        if (*--last)
            (*last)();
    free(first);
    return 0;
}

/* exit and _cexit run the atexit functions and flush the streams; _exit,
 * _Exit and _c_exit do neither (Microsoft's exit/_exit and _cexit/_c_exit
 * documentation); quick_exit runs only the at_quick_exit functions. */
static void WINAPI w32_exit(int code) { crt_exit(code); }

/* What the CRT DLLs do when the process detaches them (ExitProcess called
 * directly): flush the streams, without the atexit functions. For
 * kernel32's ExitProcess to call. */
void crt_process_detach(void) { crt_fflush_all(); }
static void WINAPI w32__cexit(void) { crt_run_atexit(); crt_fflush_all(); }
static void WINAPI w32__c_exit(void) { }
static void WINAPI w32__exit(int code) { w32_process_exit((UINT)code); }

static vfn quick_fns[32];
static int nquick;

static int WINAPI w32__crt_at_quick_exit(vfn f)
{
    int i = __atomic_fetch_add(&nquick, 1, __ATOMIC_ACQ_REL);
    if (i >= 32)
        return -1;
    quick_fns[i] = f;
    return 0;
}

static void WINAPI w32_quick_exit(int code)
{
    for (int i = (nquick < 32 ? nquick : 32) - 1; i >= 0; i--)
        if (quick_fns[i])
            quick_fns[i]();
    w32_process_exit((UINT)code);
}

/* abort: the message (msvcrt.dll writes it by default, the release UCRT
 * does not), raise(SIGABRT) if the program handles it, then exit status 3
 * without flushing streams or running atexit functions (Microsoft's abort
 * documentation). _set_abort_behavior's _WRITE_ABORT_MSG (1) controls the
 * message. */
static unsigned abort_behavior = 3; /* _WRITE_ABORT_MSG | _CALL_REPORTFAULT */

void crt_abort(void)
{
    static const char msg[] = "\nThis application has requested the Runtime to terminate it "
                              "in an unusual way.\nPlease contact the application's support "
                              "team for more information.\n";
    if ((abort_behavior & 1) && !crt_ucrt && write(2, msg, sizeof msg - 1) < 0)
        abort_behavior = 0;
    crt_raise_abort();
    w32_process_exit(3);
}

static void WINAPI w32_abort(void) { crt_abort(); }

static unsigned WINAPI w32__set_abort_behavior(unsigned flags, unsigned mask)
{
    unsigned old = abort_behavior;
    abort_behavior = (abort_behavior & ~mask) | (flags & mask);
    return old;
}

static void WINAPI w32__amsg_exit(int n)
{
    char msg[64];
    int len = snprintf(msg, sizeof msg, "runtime error R60%02d\n", n);
    if (write(2, msg, (size_t)len) < 0)
        _exit(255);
    w32_process_exit(255);
}

/* ---- CRT locks (_lock/_unlock) ---- */

static pthread_mutex_t locks[64];

static void locks_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    for (int i = 0; i < 64; i++)
        pthread_mutex_init(&locks[i], &a);
}

static void WINAPI w32__lock(int n) { pthread_mutex_lock(&locks[n & 63]); }
static void WINAPI w32__unlock(int n) { pthread_mutex_unlock(&locks[n & 63]); }

/* ---- UCRT start-up helpers ---- */

static int WINAPI w32__configure_narrow_argv(int mode) { (void)mode; ensure_argv(); return 0; }
static int WINAPI w32__initialize_narrow_environment(void) { return 0; }
static int *WINAPI w32___p___argc(void) { ensure_argv(); return &crt_argc; }
static char ***WINAPI w32___p___argv(void) { ensure_argv(); return &crt_argv; }
static WCHAR ***WINAPI w32___p___wargv(void) { ensure_argv(); return &crt_wargv; }
static char ***WINAPI w32___p__environ(void) { return &crt_environ; }
static WCHAR ***WINAPI w32___p__wenviron(void) { return &crt_wenviron; }
static char **WINAPI w32___p__acmdln(void) { ensure_argv(); return &crt_acmdln; }
static WCHAR **WINAPI w32___p__wcmdln(void) { ensure_argv(); return &crt_wcmdln; }
static char **WINAPI w32__get_initial_narrow_environment(void) { return crt_initenv; }
static WCHAR **WINAPI w32__get_initial_wide_environment(void) { return crt_winitenv; }
static void WINAPI w32__set_app_type(int t) { crt_app_type = t; }
static int WINAPI w32__configthreadlocale(int m) { (void)m; return 1; }

W32_EXPORTS(msvcrt) = {
    EXPORT(__getmainargs, "ppppp:i"), EXPORT(__wgetmainargs, "ppppp:i"),
    EXPORT(__set_app_type, "i:v"), EXPORT(__setusermatherr, "p:v"), EXPORT(_initterm, "pp:v"),
    EXPORT(_initterm_e, "pp:i"), EXPORT(atexit, "p:i"), EXPORT(_onexit, "p:p"),
    EXPORT(__dllonexit, "ppp:p"), EXPORT(exit, "i:v"), EXPORT(_exit, "i:v"),
    EXPORT_AS("_Exit", w32__exit, "i:v"), EXPORT(_cexit, ":v"), EXPORT(_c_exit, ":v"),
    EXPORT(abort, ":v"), EXPORT(_amsg_exit, "i:v"), EXPORT(_lock, "i:v"), EXPORT(_unlock, "i:v"),
    EXPORT(_set_abort_behavior, "uu:u"),
    EXPORT_DATA(__initenv, crt_initenv), EXPORT_DATA(__winitenv, crt_winitenv),
    EXPORT_DATA(_acmdln, crt_acmdln), EXPORT_DATA(_wcmdln, crt_wcmdln),
    EXPORT_DATA(__argc, crt_argc), EXPORT_DATA(__argv, crt_argv),
    EXPORT_DATA(__wargv, crt_wargv), EXPORT_DATA(_environ, crt_environ),
    EXPORT_DATA(_wenviron, crt_wenviron), EXPORT(__p___argc, ":p"), EXPORT(__p___argv, ":p"),
    EXPORT(__p___wargv, ":p"), EXPORT(__p__environ, ":p"), EXPORT(__p__wenviron, ":p"),
    EXPORT(__p__acmdln, ":p"), EXPORT(__p__wcmdln, ":p"),
    EXPORT(_configthreadlocale, "i:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(_initterm, "pp:v"), EXPORT(_initterm_e, "pp:i"), EXPORT(atexit, "p:i"),
    EXPORT(_onexit, "p:p"), EXPORT(_crt_atexit, "p:i"),
    EXPORT(_crt_at_quick_exit, "p:i"), EXPORT_AS("at_quick_exit", w32__crt_at_quick_exit, "p:i"),
    EXPORT(_initialize_onexit_table, "p:i"), EXPORT(_register_onexit_function, "pp:i"),
    EXPORT(_execute_onexit_table, "p:i"), EXPORT(exit, "i:v"), EXPORT(_exit, "i:v"),
    EXPORT_AS("_Exit", w32__exit, "i:v"), EXPORT(quick_exit, "i:v"),
    EXPORT(_cexit, ":v"), EXPORT(_c_exit, ":v"), EXPORT(abort, ":v"), EXPORT(_set_abort_behavior, "uu:u"),
    EXPORT(_configure_narrow_argv, "i:i"), EXPORT(__set_app_type, "i:v"), EXPORT_AS("_configure_wide_argv", w32__configure_narrow_argv, "i:i"),
    EXPORT(_initialize_narrow_environment, ":i"),
    EXPORT_AS("_initialize_wide_environment", w32__initialize_narrow_environment, ":i"),
    EXPORT(__p___argc, ":p"), EXPORT(__p___argv, ":p"), EXPORT(__p___wargv, ":p"),
    EXPORT(__p__environ, ":p"), EXPORT(__p__wenviron, ":p"), EXPORT(__p__acmdln, ":p"),
    EXPORT(__p__wcmdln, ":p"), EXPORT(_get_initial_narrow_environment, ":p"),
    EXPORT(_get_initial_wide_environment, ":p"), EXPORT(_set_app_type, "i:v"),

    EXPORT(__setusermatherr, "p:v"), EXPORT(_configthreadlocale, "i:i"),
    EXPORT(_lock, "i:v"), EXPORT(_unlock, "i:v"),
};
