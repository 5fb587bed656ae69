/* printf.c — the printf family as msvcrt.dll exports it (printf, fprintf,
 * sprintf, _snprintf, the v- forms and the wide forms) and as UCRT does
 * (__stdio_common_vfprintf and friends, whose option bits select legacy
 * behaviours). All of them end in crt_format. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "crt.h"

typedef __builtin_ms_va_list ms_va_list;
#define MS_VA_START(ap, last) __builtin_ms_va_start(ap, last)
#define MS_VA_END(ap) __builtin_ms_va_end(ap)

/* UCRT option bits (corecrt_stdio_config.h) */
#define UCRT_LEGACY_VSPRINTF_NULL_TERMINATION 0x1ull
#define UCRT_STANDARD_SNPRINTF_BEHAVIOR 0x2ull
#define UCRT_LEGACY_WIDE_SPECIFIERS 0x4ull
#define UCRT_LEGACY_MSVCRT_COMPATIBILITY 0x8ull
#define UCRT_LEGACY_THREE_DIGIT_EXPONENTS 0x10ull

static int to_stream(MS_FILE *f, const char *fmt, ms_va_list va, int flags)
{
    struct msargs a = { va };
    struct stream_sink ss;
    crt_stream_sink(&ss, f);
    crt_stream_lock(f);
    int r = crt_format(&ss.s, fmt, &a, flags);
    crt_stream_unlock(f);
    crt_stream_end_call(f);
    return r;
}

/* Legacy _snprintf: -1 and no terminator when the output does not fit. */
static int legacy_snprintf(char *buf, size_t n, const char *fmt, ms_va_list va, int flags)
{
    struct msargs a = { va };
    char *tmp = NULL;
    int need = crt_vsnprintf(NULL, 0, fmt, &a, flags);
    if (need < 0)
        return -1;
    a.p = va;
    if ((size_t)need < n)
        return crt_vsnprintf(buf, n, fmt, &a, flags);
    tmp = malloc((size_t)need + 1);
    if (!tmp)
        return -1;
    crt_vsnprintf(tmp, (size_t)need + 1, fmt, &a, flags);
    memcpy(buf, tmp, n);
    free(tmp);
    return (size_t)need == n ? need : -1;
}

static int WINAPI w32_vfprintf(MS_FILE *f, const char *fmt, ms_va_list va) { return to_stream(f, fmt, va, 0); }
static int WINAPI w32_vprintf(const char *fmt, ms_va_list va) { return to_stream(&crt_iob[1], fmt, va, 0); }

static int WINAPI_VA w32_fprintf(MS_FILE *f, const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = to_stream(f, fmt, va, 0);
    MS_VA_END(va);
    return r;
}

static int WINAPI_VA w32_printf(const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = to_stream(&crt_iob[1], fmt, va, 0);
    MS_VA_END(va);
    return r;
}

static int WINAPI w32_vsprintf(char *buf, const char *fmt, ms_va_list va)
{
    struct msargs a = { va };
    return crt_vsnprintf(buf, (size_t)-1 >> 1, fmt, &a, 0);
}

static int WINAPI_VA w32_sprintf(char *buf, const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = w32_vsprintf(buf, fmt, va);
    MS_VA_END(va);
    return r;
}

static int WINAPI w32__vsnprintf(char *buf, size_t n, const char *fmt, ms_va_list va)
{
    return legacy_snprintf(buf, n, fmt, va, 0);
}

static int WINAPI_VA w32__snprintf(char *buf, size_t n, const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = legacy_snprintf(buf, n, fmt, va, 0);
    MS_VA_END(va);
    return r;
}

/* C99 snprintf (exported by UCRT-era msvcrt too). */
static int WINAPI w32_vsnprintf(char *buf, size_t n, const char *fmt, ms_va_list va)
{
    struct msargs a = { va };
    return crt_vsnprintf(buf, n, fmt, &a, 0);
}

static int WINAPI_VA w32_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = w32_vsnprintf(buf, n, fmt, va);
    MS_VA_END(va);
    return r;
}

static int WINAPI w32__vscprintf(const char *fmt, ms_va_list va)
{
    struct msargs a = { va };
    return crt_vsnprintf(NULL, 0, fmt, &a, 0);
}

static int WINAPI_VA w32__scprintf(const char *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = w32__vscprintf(fmt, va);
    MS_VA_END(va);
    return r;
}

/* ---- wide forms: the format is converted to UTF-8, the output back ---- */

static int wide_to_stream(MS_FILE *f, const WCHAR *wfmt, ms_va_list va, int flags)
{
    char *fmt = w32_wide_to_utf8(wfmt);
    int r = fmt ? to_stream(f, fmt, va, flags | FMT_WIDE) : -1;
    free(fmt);
    return r;
}

/* Format into a wide buffer of N units; *NEED gets the units required. */
static int wide_to_buf(WCHAR *buf, size_t n, const WCHAR *wfmt, ms_va_list va, int flags,
                       size_t *need)
{
    char *fmt = w32_wide_to_utf8(wfmt);
    struct msargs a = { va };
    int len = fmt ? crt_vsnprintf(NULL, 0, fmt, &a, flags | FMT_WIDE) : -1;
    char *u = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (!u) {
        free(fmt);
        return -1;
    }
    a.p = va;
    crt_vsnprintf(u, (size_t)len + 1, fmt, &a, flags | FMT_WIDE);
    *need = w32_utf8_to_utf16(u, len, NULL, 0);
    if (buf && n)
        w32_utf8_to_utf16(u, len, buf, n);
    free(u);
    free(fmt);
    return 0;
}

static int WINAPI w32_vfwprintf(MS_FILE *f, const WCHAR *fmt, ms_va_list va) { return wide_to_stream(f, fmt, va, 0); }
static int WINAPI w32_vwprintf(const WCHAR *fmt, ms_va_list va) { return wide_to_stream(&crt_iob[1], fmt, va, 0); }

static int WINAPI_VA w32_fwprintf(MS_FILE *f, const WCHAR *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = wide_to_stream(f, fmt, va, 0);
    MS_VA_END(va);
    return r;
}

static int WINAPI_VA w32_wprintf(const WCHAR *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = wide_to_stream(&crt_iob[1], fmt, va, 0);
    MS_VA_END(va);
    return r;
}

/* _vsnwprintf: legacy (-1, no terminator when truncated). */
static int WINAPI w32__vsnwprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ms_va_list va)
{
    size_t need;
    if (wide_to_buf(buf, n, fmt, va, 0, &need) < 0)
        return -1;
    if (need < n)
        buf[need] = 0;
    return need <= n ? (int)need : -1;
}

static int WINAPI_VA w32__snwprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = w32__vsnwprintf(buf, n, fmt, va);
    MS_VA_END(va);
    return r;
}

/* ISO swprintf(buf, n, fmt, ...): -1 when it does not fit. */
static int WINAPI w32_vswprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ms_va_list va)
{
    size_t need;
    if (wide_to_buf(buf, n, fmt, va, 0, &need) < 0 || !n)
        return -1;
    if (need >= n) {
        buf[n - 1] = 0;
        return -1;
    }
    buf[need] = 0;
    return (int)need;
}

static int WINAPI_VA w32_swprintf(WCHAR *buf, size_t n, const WCHAR *fmt, ...)
{
    ms_va_list va;
    MS_VA_START(va, fmt);
    int r = w32_vswprintf(buf, n, fmt, va);
    MS_VA_END(va);
    return r;
}

/* ---- UCRT entry points ---- */

static int ucrt_flags(uint64_t opt, int wide)
{
    int fl = (opt & UCRT_LEGACY_THREE_DIGIT_EXPONENTS) ? 0 : FMT_UCRT;
    if (wide && (opt & UCRT_LEGACY_WIDE_SPECIFIERS))
        fl |= FMT_WIDE;
    return fl;
}

static int WINAPI w32___stdio_common_vfprintf(uint64_t opt, MS_FILE *f, const char *fmt,
                                              void *loc, ms_va_list va)
{
    (void)loc;
    return to_stream(f, fmt, va, ucrt_flags(opt, 0));
}

static int WINAPI w32___stdio_common_vsprintf(uint64_t opt, char *buf, size_t n, const char *fmt,
                                              void *loc, ms_va_list va)
{
    (void)loc;
    struct msargs a = { va };
    int fl = ucrt_flags(opt, 0);
    if (opt & UCRT_STANDARD_SNPRINTF_BEHAVIOR)
        return crt_vsnprintf(buf, n, fmt, &a, fl);
    if (!buf && !n)
        return crt_vsnprintf(NULL, 0, fmt, &a, fl);
    int r = legacy_snprintf(buf, n, fmt, va, fl);
    if (r < 0 && n && (opt & UCRT_LEGACY_VSPRINTF_NULL_TERMINATION))
        buf[n - 1] = 0;
    return r < 0 ? -1 : r;
}

static int WINAPI w32___stdio_common_vfwprintf(uint64_t opt, MS_FILE *f, const WCHAR *fmt,
                                               void *loc, ms_va_list va)
{
    (void)loc;
    char *u = w32_wide_to_utf8(fmt);
    int r = u ? to_stream(f, u, va, ucrt_flags(opt, 1) | (opt & UCRT_LEGACY_WIDE_SPECIFIERS ? FMT_WIDE : 0)) : -1;
    free(u);
    return r;
}

static int WINAPI w32___stdio_common_vswprintf(uint64_t opt, WCHAR *buf, size_t n,
                                               const WCHAR *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    size_t need;
    int fl = ucrt_flags(opt, 1) & ~FMT_WIDE;
    if (wide_to_buf(buf, n, fmt, va, fl & FMT_UCRT, &need) < 0)
        return -1;
    if (!buf && !n)
        return (int)need;
    if (need < n) {
        buf[need] = 0;
        return (int)need;
    }
    if (n && ((opt & UCRT_STANDARD_SNPRINTF_BEHAVIOR) || (opt & UCRT_LEGACY_VSPRINTF_NULL_TERMINATION)))
        buf[n - 1] = 0;
    return (opt & UCRT_STANDARD_SNPRINTF_BEHAVIOR) ? (int)need : -1;
}

W32_EXPORTS(msvcrt) = {
    EXPORT(printf, "s.:i"), EXPORT(fprintf, "ps.:i"), EXPORT(vprintf, "sp:i"),
    EXPORT(vfprintf, "psp:i"), EXPORT(sprintf, "ps.:i"), EXPORT(vsprintf, "psp:i"),
    EXPORT(_snprintf, "pqs.:i"), EXPORT(_vsnprintf, "pqsp:i"), EXPORT(snprintf, "pqs.:i"),
    EXPORT(vsnprintf, "pqsp:i"), EXPORT(_scprintf, "s.:i"), EXPORT(_vscprintf, "sp:i"),
    EXPORT(wprintf, "w.:i"), EXPORT(fwprintf, "pw.:i"), EXPORT(vwprintf, "wp:i"),
    EXPORT(vfwprintf, "pwp:i"), EXPORT(_snwprintf, "pqw.:i"), EXPORT(_vsnwprintf, "pqwp:i"),
    EXPORT(swprintf, "pqw.:i"), EXPORT(vswprintf, "pqwp:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__stdio_common_vfprintf, "qpspp:i"), EXPORT(__stdio_common_vsprintf, "qpqspp:i"),
    EXPORT(__stdio_common_vfwprintf, "qpwpp:i"), EXPORT(__stdio_common_vswprintf, "qpqwpp:i"),
};
