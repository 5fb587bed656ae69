/* strtod.c — text to floating point. long double is double on Windows,
 * so strtold/_strtold return double. The two CRTs accept different text
 * (Microsoft's atof/strtod documentation):
 *   msvcrt: [ws][sign][digits][.digits][{d|D|e|E}[sign]digits] — decimal
 *           only, with the Fortran-style d/D exponent;
 *   UCRT:   C99 — also hex floats, INF/INFINITY, NAN and NAN(chars), and
 *           no d/D exponent.
 * The accepted prefix is handed to the host's strtod. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crt.h"

/* Length of the msvcrt-style number at S (0: none), copied to OUT with
 * d/D exponents written as e. */
static size_t ms_prefix(const char *s, char *out, size_t cap)
{
    size_t i = 0, o = 0, digits = 0;
#define COPY(c) (o + 1 < cap ? (void)(out[o++] = (c)) : (void)0)
    while (s[i] == ' ' || (s[i] >= 9 && s[i] <= 13))
        i++;
    if (s[i] == '+' || s[i] == '-')
        COPY(s[i]), i++;
    for (; s[i] >= '0' && s[i] <= '9'; i++, digits++)
        COPY(s[i]);
    if (s[i] == '.')
        for (COPY('.'), i++; s[i] >= '0' && s[i] <= '9'; i++, digits++)
            COPY(s[i]);
    if (!digits)
        return 0;
    size_t mark = i, omark = o;
    if (strchr("dDeE", s[i]) && s[i]) {
        COPY('e'), i++;
        if (s[i] == '+' || s[i] == '-')
            COPY(s[i]), i++;
        if (s[i] >= '0' && s[i] <= '9') {
            for (; s[i] >= '0' && s[i] <= '9'; i++)
                COPY(s[i]);
        } else {
            i = mark, o = omark; /* "1e" is just 1 */
        }
    }
    out[o] = 0;
#undef COPY
    return i;
}

/* Convert with the host, mapping ERANGE. */
static double host_strtod(const char *s, char **end, int as_float, float *fout)
{
    int saved = errno;
    errno = 0;
    double d;
    if (as_float)
        d = *fout = strtof(s, end);
    else
        d = strtod(s, end);
    if (errno == ERANGE)
        crt_errno = MS_ERANGE;
    errno = saved;
    return d;
}

/* Parse S as the CRT in use does; *LEN gets the characters consumed. */
double crt_strtod(const char *s, size_t *len, int ucrt, int as_float, float *f)
{
    char *end;
    if (ucrt) {
        double d = host_strtod(s, &end, as_float, f);
        *len = (size_t)(end - s);
        return d;
    }
    char buf[512];
    size_t n = ms_prefix(s, buf, sizeof buf);
    *len = n;
    if (!n) {
        if (f)
            *f = 0;
        return 0;
    }
    return host_strtod(buf, &end, as_float, f);
}

static double conv(const char *s, char **end, int ucrt, const char *fn)
{
    size_t len = 0;
    if (!s) {
        crt_invalid(fn, MS_EINVAL);
        if (end)
            *end = NULL;
        return 0;
    }
    double d = crt_strtod(s, &len, ucrt, 0, NULL);
    if (end)
        *end = (char *)s + len;
    return d;
}

static float convf(const char *s, char **end, int ucrt, const char *fn)
{
    size_t len = 0;
    float f = 0;
    if (!s) {
        crt_invalid(fn, MS_EINVAL);
        return 0;
    }
    crt_strtod(s, &len, ucrt, 1, &f);
    if (end)
        *end = (char *)s + len;
    return f;
}

/* Wide text: the number is ASCII, so narrow the leading ASCII part. */
static char *narrow_prefix(const WCHAR *w)
{
    size_t n = 0;
    while (w[n] && w[n] < 0x80)
        n++;
    char *s = malloc(n + 1);
    for (size_t i = 0; s && i < n; i++)
        s[i] = (char)w[i];
    if (s)
        s[n] = 0;
    return s;
}

static double wconv(const WCHAR *w, WCHAR **end, int ucrt, int as_float, const char *fn)
{
    if (!w) {
        crt_invalid(fn, MS_EINVAL);
        return 0;
    }
    char *s = narrow_prefix(w);
    size_t len = 0;
    float f = 0;
    double d = s ? crt_strtod(s, &len, ucrt, as_float, &f) : 0;
    free(s);
    if (end)
        *end = (WCHAR *)w + len;
    return as_float ? f : d;
}

/* msvcrt.dll forms */
static double WINAPI ms_strtod(const char *s, char **e) { return conv(s, e, 0, "strtod"); }
static double WINAPI ms_strtod_l(const char *s, char **e, void *l) { (void)l; return conv(s, e, 0, "_strtod_l"); }
static float WINAPI ms_strtof(const char *s, char **e) { return convf(s, e, 0, "strtof"); }
static double WINAPI ms_atof(const char *s) { return conv(s, NULL, 0, "atof"); }
static double WINAPI ms_atof_l(const char *s, void *l) { (void)l; return conv(s, NULL, 0, "_atof_l"); }
static double WINAPI ms_wcstod(const WCHAR *s, WCHAR **e) { return wconv(s, e, 0, 0, "wcstod"); }
static double WINAPI ms_wtof(const WCHAR *s) { return wconv(s, NULL, 0, 0, "_wtof"); }
/* UCRT forms */
static double WINAPI uc_strtod(const char *s, char **e) { return conv(s, e, 1, "strtod"); }
static double WINAPI uc_strtod_l(const char *s, char **e, void *l) { (void)l; return conv(s, e, 1, "_strtod_l"); }
static float WINAPI uc_strtof(const char *s, char **e) { return convf(s, e, 1, "strtof"); }
static float WINAPI uc_strtof_l(const char *s, char **e, void *l) { (void)l; return convf(s, e, 1, "_strtof_l"); }
static double WINAPI uc_atof(const char *s) { return conv(s, NULL, 1, "atof"); }
static double WINAPI uc_atof_l(const char *s, void *l) { (void)l; return conv(s, NULL, 1, "_atof_l"); }
static double WINAPI uc_wcstod(const WCHAR *s, WCHAR **e) { return wconv(s, e, 1, 0, "wcstod"); }
static float WINAPI uc_wcstof(const WCHAR *s, WCHAR **e) { return (float)wconv(s, e, 1, 1, "wcstof"); }
static double WINAPI uc_wtof(const WCHAR *s) { return wconv(s, NULL, 1, 0, "_wtof"); }

/* _atodbl/_atoflt: store into a struct, return 0 or _OVERFLOW (3) /
 * _UNDERFLOW (4). */
static int WINAPI ms_atodbl(double *out, char *s)
{
    crt_errno = 0;
    *out = conv(s, NULL, crt_ucrt, "_atodbl");
    return crt_errno != MS_ERANGE ? 0 : fabs(*out) > 1 ? 3 : 4;
}

static int WINAPI ms_atoflt(float *out, const char *s)
{
    crt_errno = 0;
    *out = convf(s, NULL, crt_ucrt, "_atoflt");
    return crt_errno != MS_ERANGE ? 0 : fabsf(*out) > 1 ? 3 : 4;
}

W32_EXPORTS(msvcrt) = {
    EXPORT_AS("strtod", ms_strtod, "sp:f"), EXPORT_AS("_strtod_l", ms_strtod_l, "spp:f"),
    EXPORT_AS("strtof", ms_strtof, "sp:f"), EXPORT_AS("strtold", ms_strtod, "sp:f"),
    EXPORT_AS("atof", ms_atof, "s:f"), EXPORT_AS("_atof_l", ms_atof_l, "sp:f"),
    EXPORT_AS("wcstod", ms_wcstod, "wp:f"), EXPORT_AS("_wtof", ms_wtof, "w:f"),
    EXPORT_AS("_atodbl", ms_atodbl, "ps:i"), EXPORT_AS("_atoflt", ms_atoflt, "ps:i"),
    EXPORT_AS("_atoldbl", ms_atodbl, "ps:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT_AS("strtod", uc_strtod, "sp:f"), EXPORT_AS("_strtod_l", uc_strtod_l, "spp:f"),
    EXPORT_AS("strtof", uc_strtof, "sp:f"), EXPORT_AS("_strtof_l", uc_strtof_l, "spp:f"),
    EXPORT_AS("strtold", uc_strtod, "sp:f"), EXPORT_AS("_strtold_l", uc_strtod_l, "spp:f"),
    EXPORT_AS("atof", uc_atof, "s:f"), EXPORT_AS("_atof_l", uc_atof_l, "sp:f"),
    EXPORT_AS("wcstod", uc_wcstod, "wp:f"), EXPORT_AS("wcstof", uc_wcstof, "wp:f"),
    EXPORT_AS("wcstold", uc_wcstod, "wp:f"), EXPORT_AS("_wtof", uc_wtof, "w:f"),
    EXPORT_AS("_atodbl", ms_atodbl, "ps:i"), EXPORT_AS("_atoflt", ms_atoflt, "ps:i"),
    EXPORT_AS("_atoldbl", ms_atodbl, "ps:i"),
};
