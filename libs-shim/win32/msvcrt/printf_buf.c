/* printf_buf.c — the printf family writing to buffers, each with its own
 * rule for output that does not fit:
 *   sprintf/swprintf(legacy)  no bound;
 *   _snprintf/_vsnwprintf     legacy: -1, and no terminator when the
 *                             output fills or overflows the buffer;
 *   snprintf/vsnprintf        C99: truncated, terminated, returns the
 *                             length the whole output needs;
 *   sprintf_s/swprintf_s      buffer emptied, invalid parameter (ERANGE);
 *   _snprintf_s(buf, size, count, …)  at most COUNT characters; with
 *                             _TRUNCATE, truncate and return -1.
 * Wide forms count UTF-16 units. The UCRT's __stdio_common_vs*printf*
 * choose among these with option bits. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "printf.h"

enum policy { P_UNBOUNDED, P_LEGACY, P_C99, P_SECURE, P_SNSECURE };

struct target {
    void *buf;
    size_t size;      /* in characters */
    size_t count;     /* P_SNSECURE: the count argument */
    int wide;
    enum policy pol;
    const char *fn;
};

static void put_chars(const struct target *t, const void *src, size_t n, int terminate)
{
    size_t unit = t->wide ? sizeof(WCHAR) : 1;
    if (!t->buf)
        return;
    memcpy(t->buf, src, n * unit);
    if (terminate) {
        if (t->wide)
            ((WCHAR *)t->buf)[n] = 0;
        else
            ((char *)t->buf)[n] = 0;
    }
}

static int secure_place(const struct target *t, const void *src, size_t len)
{
    size_t limit = t->size - 1;
    if (t->pol == P_SNSECURE && t->count != CRT_TRUNCATE && t->count < limit)
        limit = t->count;
    if (len <= limit) {
        put_chars(t, src, len, 1);
        return (int)len;
    }
    if (t->pol == P_SNSECURE && (t->count == CRT_TRUNCATE || t->count < t->size)) {
        put_chars(t, src, limit, 1);
        return -1;
    }
    put_chars(t, src, 0, 1);
    crt_invalid(t->fn, MS_ERANGE);
    return -1;
}

/* Store LEN characters at SRC in the target by its policy. */
static int place(const struct target *t, const void *src, size_t len)
{
    switch (t->pol) {
    case P_UNBOUNDED:
        put_chars(t, src, len, 1);
        return (int)len;
    case P_LEGACY:
        put_chars(t, src, len < t->size ? len : t->size, len < t->size);
        return len <= t->size ? (int)len : -1;
    case P_C99:
        if (t->size)
            put_chars(t, src, len < t->size - 1 ? len : t->size - 1, 1);
        return (int)len;
    default:
        return secure_place(t, src, len);
    }
}

static int target_ok(const struct target *t)
{
    if (t->pol == P_SECURE || t->pol == P_SNSECURE)
        return t->buf && t->size;
    if (t->pol == P_UNBOUNDED)
        return t->buf != NULL;
    return t->buf || !t->size;
}

/* Format, then place the result (converted to UTF-16 for wide targets). */
static int print_to(const struct target *t, const char *fmt, ms_va_list va, int flags)
{
    if (!fmt || !target_ok(t))
        return crt_invalid(t->fn, MS_EINVAL), -1;
    struct msargs a = { va };
    int len = crt_vsnprintf(NULL, 0, fmt, &a, flags);
    if (len < 0)
        return crt_invalid(t->fn, MS_EINVAL), -1;
    char *u = malloc((size_t)len + 1);
    if (!u)
        return crt_fail(MS_ENOMEM);
    a.p = va;
    crt_vsnprintf(u, (size_t)len + 1, fmt, &a, flags);
    int r;
    if (!t->wide) {
        r = place(t, u, (size_t)len);
    } else {
        size_t units = w32_utf8_to_utf16(u, len, NULL, 0);
        WCHAR *w = malloc((units + 1) * sizeof *w);
        r = w ? (w32_utf8_to_utf16(u, len, w, units + 1), place(t, w, units)) : crt_fail(MS_ENOMEM);
        free(w);
    }
    free(u);
    return r;
}

static int wprint_to(const struct target *t, const WCHAR *wfmt, ms_va_list va, int flags)
{
    char *fmt = wfmt ? w32_wide_to_utf8(wfmt) : NULL;
    int r = print_to(t, fmt, va, flags);
    free(fmt);
    return r;
}

#define T(b, n, c, w, p, f) (&(struct target){ (b), (n), (c), (w), (p), (f) })
#define VA_CALL(last, call) \
    ms_va_list va; \
    __builtin_ms_va_start(va, last); \
    int r = call; \
    __builtin_ms_va_end(va); \
    return r

/* ---- narrow ---- */
static int WINAPI w32_vsprintf(char *b, const char *f, ms_va_list va) { return print_to(T(b, 0, 0, 0, P_UNBOUNDED, "vsprintf"), f, va, 0); }
static int WINAPI w32__vsnprintf(char *b, size_t n, const char *f, ms_va_list va) { return print_to(T(b, n, 0, 0, P_LEGACY, "_vsnprintf"), f, va, 0); }
static int WINAPI w32_vsnprintf(char *b, size_t n, const char *f, ms_va_list va) { return print_to(T(b, n, 0, 0, P_C99, "vsnprintf"), f, va, 0); }
static int WINAPI w32_vsprintf_s(char *b, size_t n, const char *f, ms_va_list va) { return print_to(T(b, n, 0, 0, P_SECURE, "vsprintf_s"), f, va, FMT_NO_N); }
static int WINAPI w32__vsnprintf_s(char *b, size_t n, size_t c, const char *f, ms_va_list va) { return print_to(T(b, n, c, 0, P_SNSECURE, "_vsnprintf_s"), f, va, FMT_NO_N); }
static int WINAPI w32__vscprintf(const char *f, ms_va_list va) { return print_to(T(NULL, 0, 0, 0, P_C99, "_vscprintf"), f, va, 0); }
static int WINAPI w32__vsprintf_p(char *b, size_t n, const char *f, ms_va_list va) { return print_to(T(b, n, 0, 0, P_SECURE, "_vsprintf_p"), f, va, FMT_POSITIONAL); }
static int WINAPI w32__vsnprintf_l(char *b, size_t n, const char *f, void *l, ms_va_list va) { (void)l; return w32__vsnprintf(b, n, f, va); }
static int WINAPI w32__vsprintf_l(char *b, const char *f, void *l, ms_va_list va) { (void)l; return w32_vsprintf(b, f, va); }
static int WINAPI w32__vscprintf_l(const char *f, void *l, ms_va_list va) { (void)l; return w32__vscprintf(f, va); }
static int WINAPI w32__vsprintf_s_l(char *b, size_t n, const char *f, void *l, ms_va_list va) { (void)l; return w32_vsprintf_s(b, n, f, va); }
static int WINAPI w32__vsnprintf_s_l(char *b, size_t n, size_t c, const char *f, void *l, ms_va_list va) { (void)l; return w32__vsnprintf_s(b, n, c, f, va); }

static int WINAPI_VA w32_sprintf(char *b, const char *f, ...) { VA_CALL(f, w32_vsprintf(b, f, va)); }
static int WINAPI_VA w32__snprintf(char *b, size_t n, const char *f, ...) { VA_CALL(f, w32__vsnprintf(b, n, f, va)); }
static int WINAPI_VA w32_snprintf(char *b, size_t n, const char *f, ...) { VA_CALL(f, w32_vsnprintf(b, n, f, va)); }
static int WINAPI_VA w32_sprintf_s(char *b, size_t n, const char *f, ...) { VA_CALL(f, w32_vsprintf_s(b, n, f, va)); }
static int WINAPI_VA w32__snprintf_s(char *b, size_t n, size_t c, const char *f, ...) { VA_CALL(f, w32__vsnprintf_s(b, n, c, f, va)); }
static int WINAPI_VA w32__scprintf(const char *f, ...) { VA_CALL(f, w32__vscprintf(f, va)); }
static int WINAPI_VA w32__sprintf_p(char *b, size_t n, const char *f, ...) { VA_CALL(f, w32__vsprintf_p(b, n, f, va)); }
static int WINAPI_VA w32__sprintf_l(char *b, const char *f, void *l, ...) { VA_CALL(l, w32_vsprintf(b, f, va)); }
static int WINAPI_VA w32__snprintf_l(char *b, size_t n, const char *f, void *l, ...) { VA_CALL(l, w32__vsnprintf(b, n, f, va)); }
static int WINAPI_VA w32__scprintf_l(const char *f, void *l, ...) { VA_CALL(l, w32__vscprintf(f, va)); }

/* ---- wide ---- */
static int WINAPI w32__vswprintf(WCHAR *b, const WCHAR *f, ms_va_list va) { return wprint_to(T(b, 0, 0, 1, P_UNBOUNDED, "_vswprintf"), f, va, FMT_WIDE); }
static int WINAPI w32__vsnwprintf(WCHAR *b, size_t n, const WCHAR *f, ms_va_list va) { return wprint_to(T(b, n, 0, 1, P_LEGACY, "_vsnwprintf"), f, va, FMT_WIDE); }
static int WINAPI w32_vswprintf_s(WCHAR *b, size_t n, const WCHAR *f, ms_va_list va) { return wprint_to(T(b, n, 0, 1, P_SECURE, "vswprintf_s"), f, va, FMT_WIDE | FMT_NO_N); }
static int WINAPI w32__vsnwprintf_s(WCHAR *b, size_t n, size_t c, const WCHAR *f, ms_va_list va) { return wprint_to(T(b, n, c, 1, P_SNSECURE, "_vsnwprintf_s"), f, va, FMT_WIDE | FMT_NO_N); }
static int WINAPI w32__vscwprintf(const WCHAR *f, ms_va_list va) { return wprint_to(T(NULL, 0, 0, 1, P_C99, "_vscwprintf"), f, va, FMT_WIDE); }
static int WINAPI w32__vsnwprintf_l(WCHAR *b, size_t n, const WCHAR *f, void *l, ms_va_list va) { (void)l; return w32__vsnwprintf(b, n, f, va); }
/* ISO vswprintf(buf, n, fmt, va): -1 when the output does not fit. */
static int WINAPI w32__vswprintf_c(WCHAR *b, size_t n, const WCHAR *f, ms_va_list va)
{
    int r = wprint_to(T(b, n, 0, 1, P_C99, "vswprintf"), f, va, FMT_WIDE);
    return r >= 0 && (size_t)r >= n ? -1 : r;
}

static int WINAPI_VA w32__swprintf(WCHAR *b, const WCHAR *f, ...) { VA_CALL(f, w32__vswprintf(b, f, va)); }
static int WINAPI_VA w32__snwprintf(WCHAR *b, size_t n, const WCHAR *f, ...) { VA_CALL(f, w32__vsnwprintf(b, n, f, va)); }
static int WINAPI_VA w32_swprintf_s(WCHAR *b, size_t n, const WCHAR *f, ...) { VA_CALL(f, w32_vswprintf_s(b, n, f, va)); }
static int WINAPI_VA w32__snwprintf_s(WCHAR *b, size_t n, size_t c, const WCHAR *f, ...) { VA_CALL(f, w32__vsnwprintf_s(b, n, c, f, va)); }
static int WINAPI_VA w32__scwprintf(const WCHAR *f, ...) { VA_CALL(f, w32__vscwprintf(f, va)); }
static int WINAPI_VA w32__swprintf_c(WCHAR *b, size_t n, const WCHAR *f, ...) { VA_CALL(f, w32__vswprintf_c(b, n, f, va)); }
static int WINAPI_VA w32__snwprintf_l(WCHAR *b, size_t n, const WCHAR *f, void *l, ...) { VA_CALL(l, w32__vsnwprintf(b, n, f, va)); }

/* ---- UCRT ---- */

static int WINAPI w32___stdio_common_vsprintf(uint64_t opt, char *b, size_t n, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    int fl = crt_ucrt_flags(opt, 0);
    if ((opt & UCRT_STANDARD_SNPRINTF_BEHAVIOR) || (!b && !n))
        return print_to(T(b, n, 0, 0, P_C99, "__stdio_common_vsprintf"), f, va, fl);
    int r = print_to(T(b, n, 0, 0, P_LEGACY, "__stdio_common_vsprintf"), f, va, fl);
    if (r < 0 && b && n && (opt & UCRT_LEGACY_VSPRINTF_NULL_TERMINATION))
        b[n - 1] = 0;
    return r;
}

static int WINAPI w32___stdio_common_vswprintf(uint64_t opt, WCHAR *b, size_t n, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    int fl = crt_ucrt_flags(opt, 1);
    if ((opt & UCRT_STANDARD_SNPRINTF_BEHAVIOR) || (!b && !n))
        return wprint_to(T(b, n, 0, 1, P_C99, "__stdio_common_vswprintf"), f, va, fl);
    int r = wprint_to(T(b, n, 0, 1, P_LEGACY, "__stdio_common_vswprintf"), f, va, fl);
    if (r < 0 && b && n && (opt & UCRT_LEGACY_VSPRINTF_NULL_TERMINATION))
        b[n - 1] = 0;
    return r;
}

static int WINAPI w32___stdio_common_vsprintf_s(uint64_t opt, char *b, size_t n, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    return print_to(T(b, n, 0, 0, P_SECURE, "__stdio_common_vsprintf_s"), f, va, crt_ucrt_flags(opt, 0) | FMT_NO_N);
}

static int WINAPI w32___stdio_common_vsnprintf_s(uint64_t opt, char *b, size_t n, size_t c, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    return print_to(T(b, n, c, 0, P_SNSECURE, "__stdio_common_vsnprintf_s"), f, va, crt_ucrt_flags(opt, 0) | FMT_NO_N);
}

static int WINAPI w32___stdio_common_vsprintf_p(uint64_t opt, char *b, size_t n, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    return print_to(T(b, n, 0, 0, P_SECURE, "__stdio_common_vsprintf_p"), f, va, crt_ucrt_flags(opt, 0) | FMT_POSITIONAL);
}

static int WINAPI w32___stdio_common_vswprintf_s(uint64_t opt, WCHAR *b, size_t n, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    return wprint_to(T(b, n, 0, 1, P_SECURE, "__stdio_common_vswprintf_s"), f, va, crt_ucrt_flags(opt, 1) | FMT_NO_N);
}

static int WINAPI w32___stdio_common_vsnwprintf_s(uint64_t opt, WCHAR *b, size_t n, size_t c, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    return wprint_to(T(b, n, c, 1, P_SNSECURE, "__stdio_common_vsnwprintf_s"), f, va, crt_ucrt_flags(opt, 1) | FMT_NO_N);
}

static int WINAPI w32___stdio_common_vswprintf_p(uint64_t opt, WCHAR *b, size_t n, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    return wprint_to(T(b, n, 0, 1, P_SECURE, "__stdio_common_vswprintf_p"), f, va, crt_ucrt_flags(opt, 1) | FMT_POSITIONAL);
}

/* msvcrt.dll's swprintf/vswprintf are the pre-ISO forms without a count
 * (what _swprintf is); _snwprintf takes the count. */
W32_EXPORTS(msvcrt) = {
    EXPORT(sprintf, "ps.:i"), EXPORT(vsprintf, "psp:i"), EXPORT(_snprintf, "pqs.:i"),
    EXPORT(_vsnprintf, "pqsp:i"), EXPORT(snprintf, "pqs.:i"), EXPORT(vsnprintf, "pqsp:i"),
    EXPORT(sprintf_s, "pqs.:i"), EXPORT(vsprintf_s, "pqsp:i"), EXPORT(_snprintf_s, "pqqs.:i"),
    EXPORT(_vsnprintf_s, "pqqsp:i"), EXPORT_AS("vsnprintf_s", w32__vsnprintf_s, "pqqsp:i"),
    EXPORT(_scprintf, "s.:i"), EXPORT(_vscprintf, "sp:i"), EXPORT(_sprintf_p, "pqs.:i"),
    EXPORT(_vsprintf_p, "pqsp:i"), EXPORT(_sprintf_l, "psp.:i"), EXPORT(_vsprintf_l, "pspp:i"),
    EXPORT(_snprintf_l, "pqsp.:i"), EXPORT(_vsnprintf_l, "pqspp:i"), EXPORT(_scprintf_l, "sp.:i"),
    EXPORT(_vscprintf_l, "spp:i"), EXPORT(_vsprintf_s_l, "pqspp:i"), EXPORT(_vsnprintf_s_l, "pqqspp:i"),
    EXPORT_AS("swprintf", w32__swprintf, "pw.:i"), EXPORT_AS("vswprintf", w32__vswprintf, "pwp:i"),
    EXPORT(_swprintf, "pw.:i"), EXPORT(_vswprintf, "pwp:i"), EXPORT(_snwprintf, "pqw.:i"),
    EXPORT(_vsnwprintf, "pqwp:i"), EXPORT(swprintf_s, "pqw.:i"), EXPORT(vswprintf_s, "pqwp:i"),
    EXPORT(_snwprintf_s, "pqqw.:i"), EXPORT(_vsnwprintf_s, "pqqwp:i"), EXPORT(_scwprintf, "w.:i"),
    EXPORT(_vscwprintf, "wp:i"), EXPORT(_swprintf_c, "pqw.:i"), EXPORT(_vswprintf_c, "pqwp:i"),
    EXPORT(_snwprintf_l, "pqwp.:i"), EXPORT(_vsnwprintf_l, "pqwpp:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__stdio_common_vsprintf, "qpqspp:i"), EXPORT(__stdio_common_vswprintf, "qpqwpp:i"),
    EXPORT(__stdio_common_vsprintf_s, "qpqspp:i"), EXPORT(__stdio_common_vsnprintf_s, "qpqqspp:i"),
    EXPORT(__stdio_common_vsprintf_p, "qpqspp:i"), EXPORT(__stdio_common_vswprintf_s, "qpqwpp:i"),
    EXPORT(__stdio_common_vsnwprintf_s, "qpqqwpp:i"), EXPORT(__stdio_common_vswprintf_p, "qpqwpp:i"),
};
