/* scanf.c — the scanf family: where input comes from (a string, a counted
 * string for _snscanf, a stream) and the exported functions — msvcrt's
 * sscanf/fscanf/scanf, wide, _s, _l and v- forms, and the UCRT's
 * __stdio_common_v*scanf, whose option bits select the secure form and
 * the width of %s in the wide functions. All end in crt_scan. */
#include "printf.h"
#include "stream.h"

struct str_src {
    struct scan_src s;
    const void *p;
    size_t pos, len;          /* len: (size_t)-1 for NUL-terminated */
};

static int str_get(struct scan_src *src)
{
    struct str_src *s = (struct str_src *)src;
    if (s->pos >= s->len)
        return -1;
    int c = s->s.wide ? ((const WCHAR *)s->p)[s->pos] : ((const unsigned char *)s->p)[s->pos];
    if (!c)
        return -1;
    s->pos++;
    return c;
}

static void str_unget(struct scan_src *src, int c)
{
    (void)c;
    ((struct str_src *)src)->pos--;
}

struct file_src {
    struct scan_src s;
    MS_FILE *f;
    struct xstream *x;
};

static int file_get(struct scan_src *src)
{
    struct file_src *s = (struct file_src *)src;
    int c = s->s.wide ? crt_getwc_locked(s->f, s->x) : crt_getc_locked(s->f, s->x);
    return c == (s->s.wide ? MS_WEOF : MS_EOF) ? -1 : c;
}

static void file_unget(struct scan_src *src, int c)
{
    struct file_src *s = (struct file_src *)src;
    if (s->s.wide)
        crt_ungetwc_locked(s->f, s->x, c);
    else
        crt_ungetc_locked(s->f, s->x, c);
}

static int scan_str(const void *str, size_t len, int wide, const void *fmt, ms_va_list va, int flags,
                    const char *fn)
{
    if (!str || !fmt)
        return crt_invalid(fn, MS_EINVAL), -1;
    struct str_src src = { { str_get, str_unget, wide }, str, 0, len };
    struct msargs a = { va };
    return crt_scan(&src.s, fmt, &a, flags | (wide ? SCAN_WIDE_FMT : 0));
}

static int scan_file(MS_FILE *f, int wide, const void *fmt, ms_va_list va, int flags, const char *fn)
{
    struct xstream *x = crt_x(f);
    if (!x || !fmt)
        return crt_invalid(fn, MS_EINVAL), -1;
    if (f == &crt_iob[0])
        crt_stream_end_call(&crt_iob[1]);
    struct file_src src = { { file_get, file_unget, wide }, f, x };
    struct msargs a = { va };
    pthread_mutex_lock(&x->lock);
    int r = crt_scan(&src.s, fmt, &a, flags | (wide ? SCAN_WIDE_FMT : 0));
    pthread_mutex_unlock(&x->lock);
    return r;
}

#define ALL ((size_t)-1)
#define IN (&crt_iob[0])
#define SEC SCAN_SECURE
#define WS SCAN_WIDE_STR
#define VA_CALL(last, call) \
    ms_va_list va; \
    __builtin_ms_va_start(va, last); \
    int r = call; \
    __builtin_ms_va_end(va); \
    return r

/* ---- msvcrt.dll: v- forms ---- */
static int WINAPI w32_vsscanf(const char *s, const char *f, ms_va_list va) { return scan_str(s, ALL, 0, f, va, 0, "vsscanf"); }
static int WINAPI w32_vfscanf(MS_FILE *fp, const char *f, ms_va_list va) { return scan_file(fp, 0, f, va, 0, "vfscanf"); }
static int WINAPI w32_vscanf(const char *f, ms_va_list va) { return scan_file(IN, 0, f, va, 0, "vscanf"); }
static int WINAPI w32_vswscanf(const WCHAR *s, const WCHAR *f, ms_va_list va) { return scan_str(s, ALL, 1, f, va, WS, "vswscanf"); }
static int WINAPI w32_vfwscanf(MS_FILE *fp, const WCHAR *f, ms_va_list va) { return scan_file(fp, 1, f, va, WS, "vfwscanf"); }
static int WINAPI w32_vwscanf(const WCHAR *f, ms_va_list va) { return scan_file(IN, 1, f, va, WS, "vwscanf"); }
static int WINAPI w32_vsscanf_s(const char *s, const char *f, ms_va_list va) { return scan_str(s, ALL, 0, f, va, SEC, "vsscanf_s"); }
static int WINAPI w32_vfscanf_s(MS_FILE *fp, const char *f, ms_va_list va) { return scan_file(fp, 0, f, va, SEC, "vfscanf_s"); }
static int WINAPI w32_vscanf_s(const char *f, ms_va_list va) { return scan_file(IN, 0, f, va, SEC, "vscanf_s"); }
static int WINAPI w32_vswscanf_s(const WCHAR *s, const WCHAR *f, ms_va_list va) { return scan_str(s, ALL, 1, f, va, WS | SEC, "vswscanf_s"); }
static int WINAPI w32_vfwscanf_s(MS_FILE *fp, const WCHAR *f, ms_va_list va) { return scan_file(fp, 1, f, va, WS | SEC, "vfwscanf_s"); }
static int WINAPI w32_vwscanf_s(const WCHAR *f, ms_va_list va) { return scan_file(IN, 1, f, va, WS | SEC, "vwscanf_s"); }

/* ---- msvcrt.dll: varargs forms ---- */
static int WINAPI_VA w32_sscanf(const char *s, const char *f, ...) { VA_CALL(f, w32_vsscanf(s, f, va)); }
static int WINAPI_VA w32_fscanf(MS_FILE *fp, const char *f, ...) { VA_CALL(f, w32_vfscanf(fp, f, va)); }
static int WINAPI_VA w32_scanf(const char *f, ...) { VA_CALL(f, w32_vscanf(f, va)); }
static int WINAPI_VA w32_swscanf(const WCHAR *s, const WCHAR *f, ...) { VA_CALL(f, w32_vswscanf(s, f, va)); }
static int WINAPI_VA w32_fwscanf(MS_FILE *fp, const WCHAR *f, ...) { VA_CALL(f, w32_vfwscanf(fp, f, va)); }
static int WINAPI_VA w32_wscanf(const WCHAR *f, ...) { VA_CALL(f, w32_vwscanf(f, va)); }
static int WINAPI_VA w32_sscanf_s(const char *s, const char *f, ...) { VA_CALL(f, w32_vsscanf_s(s, f, va)); }
static int WINAPI_VA w32_fscanf_s(MS_FILE *fp, const char *f, ...) { VA_CALL(f, w32_vfscanf_s(fp, f, va)); }
static int WINAPI_VA w32_scanf_s(const char *f, ...) { VA_CALL(f, w32_vscanf_s(f, va)); }
static int WINAPI_VA w32_swscanf_s(const WCHAR *s, const WCHAR *f, ...) { VA_CALL(f, w32_vswscanf_s(s, f, va)); }
static int WINAPI_VA w32_fwscanf_s(MS_FILE *fp, const WCHAR *f, ...) { VA_CALL(f, w32_vfwscanf_s(fp, f, va)); }
static int WINAPI_VA w32_wscanf_s(const WCHAR *f, ...) { VA_CALL(f, w32_vwscanf_s(f, va)); }
static int WINAPI_VA w32__snscanf(const char *s, size_t n, const char *f, ...) { VA_CALL(f, scan_str(s, n, 0, f, va, 0, "_snscanf")); }
static int WINAPI_VA w32__snscanf_s(const char *s, size_t n, const char *f, ...) { VA_CALL(f, scan_str(s, n, 0, f, va, SEC, "_snscanf_s")); }
static int WINAPI_VA w32__snwscanf(const WCHAR *s, size_t n, const WCHAR *f, ...) { VA_CALL(f, scan_str(s, n, 1, f, va, WS, "_snwscanf")); }
static int WINAPI_VA w32__snwscanf_s(const WCHAR *s, size_t n, const WCHAR *f, ...) { VA_CALL(f, scan_str(s, n, 1, f, va, WS | SEC, "_snwscanf_s")); }
/* _l forms: the locale argument follows the format. */
static int WINAPI_VA w32__sscanf_l(const char *s, const char *f, void *l, ...) { VA_CALL(l, w32_vsscanf(s, f, va)); }
static int WINAPI_VA w32__fscanf_l(MS_FILE *fp, const char *f, void *l, ...) { VA_CALL(l, w32_vfscanf(fp, f, va)); }
static int WINAPI_VA w32__scanf_l(const char *f, void *l, ...) { VA_CALL(l, w32_vscanf(f, va)); }
static int WINAPI_VA w32__swscanf_l(const WCHAR *s, const WCHAR *f, void *l, ...) { VA_CALL(l, w32_vswscanf(s, f, va)); }
static int WINAPI_VA w32__sscanf_s_l(const char *s, const char *f, void *l, ...) { VA_CALL(l, w32_vsscanf_s(s, f, va)); }
static int WINAPI_VA w32__swscanf_s_l(const WCHAR *s, const WCHAR *f, void *l, ...) { VA_CALL(l, w32_vswscanf_s(s, f, va)); }

/* ---- UCRT ---- */

static int ucrt_scan_flags(uint64_t opt, int wide)
{
    int fl = opt & UCRT_SCANF_SECURECRT ? SCAN_SECURE : 0;
    if (wide && (opt & UCRT_SCANF_LEGACY_WIDE_SPECIFIERS))
        fl |= SCAN_WIDE_STR;
    if (!(opt & UCRT_SCANF_LEGACY_MSVCRT_COMPATIBILITY))
        fl |= SCAN_UCRT;
    return fl;
}

static int WINAPI w32___stdio_common_vsscanf(uint64_t opt, const char *s, size_t n, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    return scan_str(s, n, 0, f, va, ucrt_scan_flags(opt, 0), "__stdio_common_vsscanf");
}

static int WINAPI w32___stdio_common_vswscanf(uint64_t opt, const WCHAR *s, size_t n, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    return scan_str(s, n, 1, f, va, ucrt_scan_flags(opt, 1), "__stdio_common_vswscanf");
}

static int WINAPI w32___stdio_common_vfscanf(uint64_t opt, MS_FILE *fp, const char *f, void *loc, ms_va_list va)
{
    (void)loc;
    return scan_file(fp, 0, f, va, ucrt_scan_flags(opt, 0), "__stdio_common_vfscanf");
}

static int WINAPI w32___stdio_common_vfwscanf(uint64_t opt, MS_FILE *fp, const WCHAR *f, void *loc, ms_va_list va)
{
    (void)loc;
    return scan_file(fp, 1, f, va, ucrt_scan_flags(opt, 1), "__stdio_common_vfwscanf");
}

W32_EXPORTS(msvcrt) = {
    EXPORT(sscanf, "ss.:i"), EXPORT(fscanf, "ps.:i"), EXPORT(scanf, "s.:i"), EXPORT(swscanf, "ww.:i"),
    EXPORT(fwscanf, "pw.:i"), EXPORT(wscanf, "w.:i"), EXPORT(sscanf_s, "ss.:i"), EXPORT(fscanf_s, "ps.:i"),
    EXPORT(scanf_s, "s.:i"), EXPORT(swscanf_s, "ww.:i"), EXPORT(fwscanf_s, "pw.:i"), EXPORT(wscanf_s, "w.:i"),
    EXPORT(vsscanf, "ssp:i"), EXPORT(vfscanf, "psp:i"), EXPORT(vscanf, "sp:i"), EXPORT(vswscanf, "wwp:i"),
    EXPORT(vfwscanf, "pwp:i"), EXPORT(vwscanf, "wp:i"), EXPORT(vsscanf_s, "ssp:i"),
    EXPORT(vfscanf_s, "psp:i"), EXPORT(vscanf_s, "sp:i"), EXPORT(vswscanf_s, "wwp:i"),
    EXPORT(vfwscanf_s, "pwp:i"), EXPORT(vwscanf_s, "wp:i"), EXPORT(_snscanf, "sqs.:i"),
    EXPORT(_snscanf_s, "sqs.:i"), EXPORT(_snwscanf, "wqw.:i"), EXPORT(_snwscanf_s, "wqw.:i"),
    EXPORT(_sscanf_l, "ssp.:i"), EXPORT(_fscanf_l, "psp.:i"), EXPORT(_scanf_l, "sp.:i"),
    EXPORT(_swscanf_l, "wwp.:i"), EXPORT(_sscanf_s_l, "ssp.:i"), EXPORT(_swscanf_s_l, "wwp.:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__stdio_common_vsscanf, "qsqspp:i"), EXPORT(__stdio_common_vswscanf, "qwqwpp:i"),
    EXPORT(__stdio_common_vfscanf, "qpspp:i"), EXPORT(__stdio_common_vfwscanf, "qpwpp:i"),
};
