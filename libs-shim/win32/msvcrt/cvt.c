/* cvt.c — floating point to digit strings: _ecvt (COUNT significant
 * digits), _fcvt (COUNT digits after the point), each with the decimal
 * point's position and the sign returned apart and the digits in a
 * per-thread buffer, their _s forms, and _gcvt (%g-style text that keeps
 * the decimal point of a whole number: "2."; exponents as the CRT prints
 * them). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crt.h"

#define CVT_MAX 350

static __thread char cvt_buf[CVT_MAX + 2];

/* Digits of |V| with COUNT significant digits; *DEC the point's place. */
static void ecvt_into(char *out, size_t cap, double v, int count, int *dec, int *sign)
{
    char tmp[CVT_MAX + 32];
    *sign = signbit(v) != 0;
    if (count < 1)
        count = 1;
    if (count > CVT_MAX)
        count = CVT_MAX;
    snprintf(tmp, sizeof tmp, "%.*e", count - 1, fabs(v));
    char *e = strchr(tmp, 'e');
    int exp = e ? atoi(e + 1) : 0;
    size_t o = 0;
    for (char *p = tmp; p < (e ? e : tmp + strlen(tmp)) && o + 1 < cap; p++)
        if (*p >= '0' && *p <= '9')
            out[o++] = *p;
    out[o] = 0;
    *dec = v == 0 ? 0 : exp + 1;
}

/* Digits of |V| with COUNT digits after the point, leading zeros dropped. */
static void fcvt_into(char *out, size_t cap, double v, int count, int *dec, int *sign)
{
    char tmp[CVT_MAX + 340];
    *sign = signbit(v) != 0;
    if (count < 0)
        count = 0;
    if (count > CVT_MAX)
        count = CVT_MAX;
    snprintf(tmp, sizeof tmp, "%.*f", count, fabs(v));
    char *dot = strchr(tmp, '.');
    int d = (int)(dot ? (size_t)(dot - tmp) : strlen(tmp));
    size_t o = 0;
    int leading = 1;
    for (char *p = tmp; *p && o + 1 < cap; p++) {
        if (*p == '.')
            continue;
        if (leading && *p == '0' && p[1]) {
            d--;
            continue;
        }
        leading = 0;
        out[o++] = *p;
    }
    out[o] = 0;
    *dec = d;
}

static char *WINAPI w32__ecvt(double v, int count, int *dec, int *sign)
{
    if (!dec || !sign)
        return crt_invalid("_ecvt", MS_EINVAL), NULL;
    ecvt_into(cvt_buf, sizeof cvt_buf, v, count, dec, sign);
    return cvt_buf;
}

static char *WINAPI w32__fcvt(double v, int count, int *dec, int *sign)
{
    if (!dec || !sign)
        return crt_invalid("_fcvt", MS_EINVAL), NULL;
    fcvt_into(cvt_buf, sizeof cvt_buf, v, count, dec, sign);
    return cvt_buf;
}

static int cvt_s(char *buf, size_t n, double v, int count, int *dec, int *sign, int f, const char *fn)
{
    CRT_CHECK(buf && n && dec && sign, fn, MS_EINVAL);
    char tmp[CVT_MAX + 2];
    if (f)
        fcvt_into(tmp, sizeof tmp, v, count, dec, sign);
    else
        ecvt_into(tmp, sizeof tmp, v, count, dec, sign);
    if (strlen(tmp) >= n) {
        buf[0] = 0;
        return crt_invalid(fn, MS_ERANGE);
    }
    strcpy(buf, tmp);
    return 0;
}

static int WINAPI w32__ecvt_s(char *b, size_t n, double v, int c, int *d, int *s) { return cvt_s(b, n, v, c, d, s, 0, "_ecvt_s"); }
static int WINAPI w32__fcvt_s(char *b, size_t n, double v, int c, int *d, int *s) { return cvt_s(b, n, v, c, d, s, 1, "_fcvt_s"); }

static size_t gcvt_into(char *out, size_t cap, double v, int digits)
{
    uint64_t slot[1];
    memcpy(slot, &v, 8);
    struct msargs a = { (const char *)slot };
    char f[16];
    snprintf(f, sizeof f, "%%.%dg", digits < 1 ? 1 : digits > 340 ? 340 : digits);
    int n = crt_vsnprintf(out, cap, f, &a, crt_ucrt ? FMT_UCRT : 0);
    if (n >= 0 && (size_t)n + 1 < cap && isfinite(v) && !strpbrk(out, ".e")) {
        out[n++] = '.';
        out[n] = 0;
    }
    return n < 0 ? 0 : (size_t)n;
}

static char *WINAPI w32__gcvt(double v, int digits, char *buf)
{
    if (!buf)
        return crt_invalid("_gcvt", MS_EINVAL), NULL;
    gcvt_into(buf, (size_t)(digits > 0 ? digits : 1) + 16, v, digits);
    return buf;
}

static int WINAPI w32__gcvt_s(char *buf, size_t n, double v, int digits)
{
    char tmp[400];
    CRT_CHECK(buf && n, "_gcvt_s", MS_EINVAL);
    size_t len = gcvt_into(tmp, sizeof tmp, v, digits);
    if (len >= n) {
        buf[0] = 0;
        return crt_invalid("_gcvt_s", MS_ERANGE);
    }
    memcpy(buf, tmp, len + 1);
    return 0;
}

#define CVT_EXPORTS \
    EXPORT(_ecvt, "fipp:s"), EXPORT(_fcvt, "fipp:s"), EXPORT(_ecvt_s, "pqfipp:i"), \
    EXPORT(_fcvt_s, "pqfipp:i"), EXPORT(_gcvt, "fip:s"), EXPORT(_gcvt_s, "pqfi:i")

W32_EXPORTS(msvcrt) = { CVT_EXPORTS };
W32_EXPORTS(ucrtbase) = { CVT_EXPORTS };
