/* runtime.c — entry points only the Universal CRT (and the MSVC start-up
 * code that uses it, and vcruntime140, which the registry maps here) has:
 * the exception filters of the start-up code (_seh_filter_exe/_dll, and
 * msvcrt's older _XcptFilter), thread-local atexit callbacks, the WinMain
 * command line, terminate, __std_exception_copy/destroy, the stream
 * buffer accessor, and the app-type queries. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../msvcrt/stream.h"
#include "../process.h"

typedef struct {
    DWORD ExceptionCode, ExceptionFlags;
    void *ExceptionRecord, *ExceptionAddress;
    DWORD NumberParameters;
    ULONG_PTR ExceptionInformation[15];
} ms_exception_record;
typedef struct { ms_exception_record *rec; void *ctx; } ms_exception_pointers;

/* Exception → CRT signal (and the _FPE_ code for SIGFPE). */
static const struct { DWORD code; int sig, fpe; } exc_sig[] = {
    { 0xC0000005, 11, 0 },    /* access violation: SIGSEGV */
    { 0xC000001D, 4, 0 },     /* illegal instruction: SIGILL */
    { 0xC0000096, 4, 0 },     /* privileged instruction */
    { 0xC000008D, 8, 0x82 },  /* float denormal operand: _FPE_DENORMAL */
    { 0xC000008E, 8, 0x83 },  /* float divide by zero: _FPE_ZERODIVIDE */
    { 0xC000008F, 8, 0x86 },  /* float inexact result: _FPE_INEXACT */
    { 0xC0000090, 8, 0x81 },  /* float invalid operation: _FPE_INVALID */
    { 0xC0000091, 8, 0x84 },  /* float overflow: _FPE_OVERFLOW */
    { 0xC0000092, 8, 0x8a },  /* float stack check: _FPE_STACKOVERFLOW */
    { 0xC0000093, 8, 0x85 },  /* float underflow: _FPE_UNDERFLOW */
    { 0xC00002B4, 8, 0x8d },  /* multiple faults: _FPE_MULTIPLE_FAULTS */
    { 0xC00002B5, 8, 0x8e },  /* multiple traps: _FPE_MULTIPLE_TRAPS */
};

static int WINAPI w32__seh_filter_exe(DWORD code, ms_exception_pointers *ep)
{
    (void)ep;
    for (size_t i = 0; i < sizeof exc_sig / sizeof exc_sig[0]; i++)
        if (exc_sig[i].code == code)
            return crt_signal_exception(exc_sig[i].sig, exc_sig[i].fpe);
    return 0; /* EXCEPTION_CONTINUE_SEARCH */
}

static int WINAPI w32__seh_filter_dll(DWORD code, ms_exception_pointers *ep) { return w32__seh_filter_exe(code, ep); }

/* TLS destructors of thread_local objects in the executable. */
typedef void (WINAPI *tls_cb)(void *, DWORD, void *);
static tls_cb exe_tls_cb;

static void WINAPI w32__register_thread_local_exe_atexit_callback(tls_cb cb) { exe_tls_cb = cb; }

/* The command line after the program name, as WinMain gets it. */
static const char *after_program(const char *c)
{
    int quoted = 0;
    for (; *c && (quoted || (*c != ' ' && *c != '\t')); c++)
        if (*c == '"')
            quoted = !quoted;
    while (*c == ' ' || *c == '\t')
        c++;
    return c;
}

static char *WINAPI w32__get_narrow_winmain_command_line(void)
{
    return (char *)after_program(w32_proc.cmdline_a ? w32_proc.cmdline_a : "");
}

static WCHAR *WINAPI w32__get_wide_winmain_command_line(void)
{
    static const WCHAR empty[1];
    const WCHAR *c = w32_proc.cmdline_w ? w32_proc.cmdline_w : empty;
    int quoted = 0;
    for (; *c && (quoted || (*c != ' ' && *c != '\t')); c++)
        if (*c == '"')
            quoted = !quoted;
    while (*c == ' ' || *c == '\t')
        c++;
    return (WCHAR *)c;
}

/* std::terminate/unexpected handlers: terminate runs the handler, then
 * aborts. */
typedef void (WINAPI *term_fn)(void);
static term_fn term_handler, unexpected_handler;

static term_fn WINAPI w32_set_terminate(term_fn f) { return __atomic_exchange_n(&term_handler, f, __ATOMIC_ACQ_REL); }
static term_fn WINAPI w32__get_terminate(void) { return term_handler; }
static term_fn WINAPI w32_set_unexpected(term_fn f) { return __atomic_exchange_n(&unexpected_handler, f, __ATOMIC_ACQ_REL); }
static term_fn WINAPI w32__get_unexpected(void) { return unexpected_handler; }

static void WINAPI w32_terminate(void)
{
    term_fn h = term_handler;
    if (h)
        h();
    crt_abort();
}

static void WINAPI w32_unexpected(void)
{
    term_fn h = unexpected_handler;
    if (h)
        h();
    w32_terminate();
}

/* std::exception's what string: copied (when DoFree) or shared. */
struct std_exception_data { const char *what; char do_free; };

static void WINAPI w32___std_exception_copy(const struct std_exception_data *from, struct std_exception_data *to)
{
    if (from->do_free && from->what) {
        to->what = strdup(from->what);
        to->do_free = to->what != NULL;
    } else {
        *to = *from;
    }
}

static void WINAPI w32___std_exception_destroy(struct std_exception_data *d)
{
    if (d->do_free)
        free((void *)d->what);
    d->what = NULL;
    d->do_free = 0;
}

/* The FILE's buffer fields; they stay empty here (see stream.h). */
static int WINAPI w32__get_stream_buffer_pointers(MS_FILE *f, char ***base, char ***ptr, int **cnt)
{
    CRT_CHECK(crt_x(f), "_get_stream_buffer_pointers", MS_EINVAL);
    if (base)
        *base = &f->_base;
    if (ptr)
        *ptr = &f->_ptr;
    if (cnt)
        *cnt = &f->_cnt;
    return 0;
}

static int app_type = 1; /* _crt_console_app */
static int WINAPI w32__query_app_type(void) { return app_type; }

W32_EXPORTS(ucrtbase) = {
    EXPORT(_seh_filter_exe, "up:i"), EXPORT(_seh_filter_dll, "up:i"),
    EXPORT(_register_thread_local_exe_atexit_callback, "p:v"),
    EXPORT(_get_narrow_winmain_command_line, ":s"), EXPORT(_get_wide_winmain_command_line, ":w"),
    EXPORT(terminate, ":v"), EXPORT(__std_exception_copy, "pp:v"), EXPORT(__std_exception_destroy, "p:v"),
    EXPORT(_get_stream_buffer_pointers, "pppp:i"), EXPORT(_query_app_type, ":i"),
    EXPORT(set_terminate, "p:p"), EXPORT(_get_terminate, ":p"), EXPORT(set_unexpected, "p:p"),
    EXPORT(_get_unexpected, ":p"), EXPORT(unexpected, ":v"),
};
W32_EXPORTS(msvcrt) = {
    EXPORT_AS("_XcptFilter", w32__seh_filter_exe, "up:i"), EXPORT(terminate, ":v"),
    EXPORT(set_terminate, "p:p"), EXPORT(set_unexpected, "p:p"), EXPORT(unexpected, ":v"),
};
