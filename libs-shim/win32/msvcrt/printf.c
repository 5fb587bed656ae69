/* printf.c — the printf family writing to streams, as msvcrt.dll exports
 * it (printf, fprintf, the v-, _s-, _l- and wide forms) and as the UCRT
 * does (__stdio_common_vfprintf and friends, whose option bits select
 * legacy behaviours). Buffer targets are in printf_buf.c; all end in
 * crt_format. Wide formats are converted to UTF-8, formatted, and the
 * text is written through the stream's wide-character path, so a stream
 * in _O_U16TEXT mode receives UTF-16. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "printf.h"
#include "stream.h"

int crt_printf_count_output; /* UCRT: %n allowed (_set_printf_count_output) */

int crt_print_stream(MS_FILE *f, const char *fmt, ms_va_list va, int flags, const char *fn)
{
    struct xstream *s = crt_x(f);
    if (!s || !fmt)
        return crt_invalid(fn, MS_EINVAL), -1;
    struct msargs a = { va };
    struct stream_sink ss;
    crt_stream_sink(&ss, f);
    pthread_mutex_lock(&s->lock);
    int r = crt_format(&ss.s, fmt, &a, flags);
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    return r < 0 ? crt_invalid(fn, MS_EINVAL), -1 : r;
}

struct wstream_sink {
    struct fmt_sink s;
    MS_FILE *f;
    size_t units;
};

/* UTF-8 pieces of formatted text → wide characters on the stream. */
static void wstream_put(struct fmt_sink *sk, const char *p, size_t n)
{
    struct wstream_sink *ws = (struct wstream_sink *)sk;
    WCHAR small[256], *w = small;
    size_t units = w32_utf8_to_utf16(p, (long)n, NULL, 0);
    if (units > 256 && !(w = malloc(units * sizeof *w)))
        return;
    w32_utf8_to_utf16(p, (long)n, w, units);
    for (size_t i = 0; i < units; i++)
        crt_putwc_locked(ws->f, crt_x(ws->f), w[i]);
    ws->units += units;
    if (w != small)
        free(w);
}

int crt_wprint_stream(MS_FILE *f, const WCHAR *wfmt, ms_va_list va, int flags, const char *fn)
{
    struct xstream *s = crt_x(f);
    if (!s || !wfmt)
        return crt_invalid(fn, MS_EINVAL), -1;
    char *fmt = w32_wide_to_utf8(wfmt);
    if (!fmt)
        return crt_fail(MS_ENOMEM);
    struct msargs a = { va };
    struct wstream_sink ws = { { wstream_put, 0 }, f, 0 };
    pthread_mutex_lock(&s->lock);
    int r = crt_format(&ws.s, fmt, &a, flags);
    pthread_mutex_unlock(&s->lock);
    crt_stream_end_call(f);
    free(fmt);
    return r < 0 ? crt_invalid(fn, MS_EINVAL), -1 : (int)ws.units; /* characters, not bytes */
}

/* ---- msvcrt.dll ---- */

#define OUT stdout_file()
static MS_FILE *stdout_file(void) { return &crt_iob[1]; }

#define VA_CALL(call) \
    ms_va_list va; \
    __builtin_ms_va_start(va, LAST); \
    int r = call; \
    __builtin_ms_va_end(va); \
    return r

static int WINAPI w32_vfprintf(MS_FILE *f, const char *fmt, ms_va_list va) { return crt_print_stream(f, fmt, va, 0, "vfprintf"); }
static int WINAPI w32_vprintf(const char *fmt, ms_va_list va) { return crt_print_stream(OUT, fmt, va, 0, "vprintf"); }
static int WINAPI w32_vfprintf_s(MS_FILE *f, const char *fmt, ms_va_list va) { return crt_print_stream(f, fmt, va, FMT_NO_N, "vfprintf_s"); }
static int WINAPI w32_vprintf_s(const char *fmt, ms_va_list va) { return crt_print_stream(OUT, fmt, va, FMT_NO_N, "vprintf_s"); }
static int WINAPI w32_vfwprintf(MS_FILE *f, const WCHAR *fmt, ms_va_list va) { return crt_wprint_stream(f, fmt, va, FMT_WIDE, "vfwprintf"); }
static int WINAPI w32_vwprintf(const WCHAR *fmt, ms_va_list va) { return crt_wprint_stream(OUT, fmt, va, FMT_WIDE, "vwprintf"); }
static int WINAPI w32_vfwprintf_s(MS_FILE *f, const WCHAR *fmt, ms_va_list va) { return crt_wprint_stream(f, fmt, va, FMT_WIDE | FMT_NO_N, "vfwprintf_s"); }
static int WINAPI w32_vwprintf_s(const WCHAR *fmt, ms_va_list va) { return crt_wprint_stream(OUT, fmt, va, FMT_WIDE | FMT_NO_N, "vwprintf_s"); }
static int WINAPI w32__vfprintf_l(MS_FILE *f, const char *fmt, void *l, ms_va_list va) { (void)l; return w32_vfprintf(f, fmt, va); }
static int WINAPI w32__vprintf_l(const char *fmt, void *l, ms_va_list va) { (void)l; return w32_vprintf(fmt, va); }
static int WINAPI w32__vfwprintf_l(MS_FILE *f, const WCHAR *fmt, void *l, ms_va_list va) { (void)l; return w32_vfwprintf(f, fmt, va); }
static int WINAPI w32__vwprintf_l(const WCHAR *fmt, void *l, ms_va_list va) { (void)l; return w32_vwprintf(fmt, va); }
static int WINAPI w32__vfprintf_p(MS_FILE *f, const char *fmt, ms_va_list va) { return crt_print_stream(f, fmt, va, FMT_POSITIONAL, "_vfprintf_p"); }
static int WINAPI w32__vprintf_p(const char *fmt, ms_va_list va) { return crt_print_stream(OUT, fmt, va, FMT_POSITIONAL, "_vprintf_p"); }

#define LAST fmt
static int WINAPI_VA w32_fprintf(MS_FILE *f, const char *fmt, ...) { VA_CALL(w32_vfprintf(f, fmt, va)); }
static int WINAPI_VA w32_printf(const char *fmt, ...) { VA_CALL(w32_vprintf(fmt, va)); }
static int WINAPI_VA w32_fprintf_s(MS_FILE *f, const char *fmt, ...) { VA_CALL(w32_vfprintf_s(f, fmt, va)); }
static int WINAPI_VA w32_printf_s(const char *fmt, ...) { VA_CALL(w32_vprintf_s(fmt, va)); }
static int WINAPI_VA w32_fwprintf(MS_FILE *f, const WCHAR *fmt, ...) { VA_CALL(w32_vfwprintf(f, fmt, va)); }
static int WINAPI_VA w32_wprintf(const WCHAR *fmt, ...) { VA_CALL(w32_vwprintf(fmt, va)); }
static int WINAPI_VA w32_fwprintf_s(MS_FILE *f, const WCHAR *fmt, ...) { VA_CALL(w32_vfwprintf_s(f, fmt, va)); }
static int WINAPI_VA w32_wprintf_s(const WCHAR *fmt, ...) { VA_CALL(w32_vwprintf_s(fmt, va)); }
static int WINAPI_VA w32__fprintf_p(MS_FILE *f, const char *fmt, ...) { VA_CALL(w32__vfprintf_p(f, fmt, va)); }
static int WINAPI_VA w32__printf_p(const char *fmt, ...) { VA_CALL(w32__vprintf_p(fmt, va)); }
#undef LAST
#define LAST loc
static int WINAPI_VA w32__fprintf_l(MS_FILE *f, const char *fmt, void *loc, ...) { VA_CALL(w32_vfprintf(f, fmt, va)); }
static int WINAPI_VA w32__printf_l(const char *fmt, void *loc, ...) { VA_CALL(w32_vprintf(fmt, va)); }
static int WINAPI_VA w32__fwprintf_l(MS_FILE *f, const WCHAR *fmt, void *loc, ...) { VA_CALL(w32_vfwprintf(f, fmt, va)); }
static int WINAPI_VA w32__wprintf_l(const WCHAR *fmt, void *loc, ...) { VA_CALL(w32_vwprintf(fmt, va)); }
#undef LAST

/* ---- UCRT ---- */

int crt_ucrt_flags(uint64_t opt, int wide)
{
    int fl = (opt & UCRT_LEGACY_THREE_DIGIT_EXPONENTS) ? 0 : FMT_UCRT;
    if (opt & UCRT_LEGACY_MSVCRT_COMPATIBILITY)
        fl |= FMT_MS_NONFINITE;
    if (wide && (opt & UCRT_LEGACY_WIDE_SPECIFIERS))
        fl |= FMT_WIDE;
    if (!crt_printf_count_output)
        fl |= FMT_NO_N;
    return fl;
}

/* In the wide entry points %s is a wide string only with the legacy
 * option (MSVC's default); without it %s is narrow, as ISO C says. */
static int wide_flags(uint64_t opt) { return crt_ucrt_flags(opt, 1); }

static int WINAPI w32___stdio_common_vfprintf(uint64_t opt, MS_FILE *f, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_print_stream(f, fmt, va, crt_ucrt_flags(opt, 0), "__stdio_common_vfprintf");
}

static int WINAPI w32___stdio_common_vfprintf_s(uint64_t opt, MS_FILE *f, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_print_stream(f, fmt, va, crt_ucrt_flags(opt, 0) | FMT_NO_N, "__stdio_common_vfprintf_s");
}

static int WINAPI w32___stdio_common_vfprintf_p(uint64_t opt, MS_FILE *f, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_print_stream(f, fmt, va, crt_ucrt_flags(opt, 0) | FMT_POSITIONAL, "__stdio_common_vfprintf_p");
}

static int WINAPI w32___stdio_common_vfwprintf(uint64_t opt, MS_FILE *f, const WCHAR *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_wprint_stream(f, fmt, va, wide_flags(opt), "__stdio_common_vfwprintf");
}

static int WINAPI w32___stdio_common_vfwprintf_s(uint64_t opt, MS_FILE *f, const WCHAR *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_wprint_stream(f, fmt, va, wide_flags(opt) | FMT_NO_N, "__stdio_common_vfwprintf_s");
}

static int WINAPI w32___stdio_common_vfwprintf_p(uint64_t opt, MS_FILE *f, const WCHAR *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_wprint_stream(f, fmt, va, wide_flags(opt) | FMT_POSITIONAL, "__stdio_common_vfwprintf_p");
}

static int WINAPI w32__set_printf_count_output(int on)
{
    int old = crt_printf_count_output;
    crt_printf_count_output = on != 0;
    return old;
}

static int WINAPI w32__get_printf_count_output(void) { return crt_printf_count_output; }

/* msvcrt: _TWO_DIGIT_EXPONENT (1) selects C99's two-digit exponents. */
extern int crt_two_digit_exponent;

static unsigned WINAPI w32__set_output_format(unsigned f)
{
    unsigned old = crt_two_digit_exponent ? 1 : 0;
    crt_two_digit_exponent = f & 1;
    return old;
}

static unsigned WINAPI w32__get_output_format(void) { return crt_two_digit_exponent ? 1 : 0; }

W32_EXPORTS(msvcrt) = {
    EXPORT(printf, "s.:i"), EXPORT(fprintf, "ps.:i"), EXPORT(vprintf, "sp:i"), EXPORT(vfprintf, "psp:i"),
    EXPORT(printf_s, "s.:i"), EXPORT(fprintf_s, "ps.:i"), EXPORT(vprintf_s, "sp:i"),
    EXPORT(vfprintf_s, "psp:i"), EXPORT(wprintf, "w.:i"), EXPORT(fwprintf, "pw.:i"),
    EXPORT(vwprintf, "wp:i"), EXPORT(vfwprintf, "pwp:i"), EXPORT(wprintf_s, "w.:i"),
    EXPORT(fwprintf_s, "pw.:i"), EXPORT(vwprintf_s, "wp:i"), EXPORT(vfwprintf_s, "pwp:i"),
    EXPORT(_printf_l, "sp.:i"), EXPORT(_fprintf_l, "psp.:i"), EXPORT(_vprintf_l, "spp:i"),
    EXPORT(_vfprintf_l, "pspp:i"), EXPORT(_wprintf_l, "wp.:i"), EXPORT(_fwprintf_l, "pwp.:i"),
    EXPORT(_vwprintf_l, "wpp:i"), EXPORT(_vfwprintf_l, "pwpp:i"), EXPORT(_printf_p, "s.:i"),
    EXPORT(_fprintf_p, "ps.:i"), EXPORT(_vprintf_p, "sp:i"), EXPORT(_vfprintf_p, "psp:i"),
    EXPORT(_set_printf_count_output, "i:i"), EXPORT(_get_printf_count_output, ":i"),
    EXPORT(_set_output_format, "u:u"), EXPORT(_get_output_format, ":u"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__stdio_common_vfprintf, "qpspp:i"), EXPORT(__stdio_common_vfprintf_s, "qpspp:i"),
    EXPORT(__stdio_common_vfprintf_p, "qpspp:i"), EXPORT(__stdio_common_vfwprintf, "qpwpp:i"),
    EXPORT(__stdio_common_vfwprintf_s, "qpwpp:i"), EXPORT(__stdio_common_vfwprintf_p, "qpwpp:i"),
    EXPORT(_set_printf_count_output, "i:i"), EXPORT(_get_printf_count_output, ":i"),
};
