/* strftime.c — strftime/wcsftime with Microsoft's conversions in the "C"
 * locale: %c is "%m/%d/%y %H:%M:%S", %x "%m/%d/%y", %X "%H:%M:%S"; the
 * '#' flag drops leading zeros (%#d) or selects the long forms (%#c is
 * "Tuesday, March 14, 1995, 12:41:29", %#x "Tuesday, March 14, 1995").
 * The UCRT adds C99's %C %D %e %F %g %G %h %n %r %R %t %T %u %V, reads
 * %z as the offset (+hhmm) and ignores the E and O modifiers; msvcrt.dll
 * knows only C89's set and writes the zone name for %z. An unknown
 * conversion is an invalid parameter; output that does not fit returns
 * 0 (ERANGE) with the buffer emptied. Also _strdate/_strtime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../unicode.h"
#include "crt.h"
#include "mstime.h"

struct out {
    char *buf;
    size_t cap, len;
};

static void put(struct out *o, const char *s)
{
    for (; *s; s++, o->len++)
        if (o->len < o->cap)
            o->buf[o->len] = *s;
}

static const char *const days[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                      "August", "September", "October", "November", "December" };

static int f_sec(const struct ms_tm *t) { return t->tm_sec; }
static int f_min(const struct ms_tm *t) { return t->tm_min; }
static int f_hour(const struct ms_tm *t) { return t->tm_hour; }
static int f_hour12(const struct ms_tm *t) { return t->tm_hour % 12 ? t->tm_hour % 12 : 12; }
static int f_mday(const struct ms_tm *t) { return t->tm_mday; }
static int f_mon(const struct ms_tm *t) { return t->tm_mon + 1; }
static int f_year(const struct ms_tm *t) { return t->tm_year + 1900; }
static int f_yy(const struct ms_tm *t) { return (t->tm_year + 1900) % 100; }
static int f_cent(const struct ms_tm *t) { return (t->tm_year + 1900) / 100; }
static int f_yday(const struct ms_tm *t) { return t->tm_yday + 1; }
static int f_wday(const struct ms_tm *t) { return t->tm_wday; }
static int f_uday(const struct ms_tm *t) { return t->tm_wday ? t->tm_wday : 7; }
static int f_weekU(const struct ms_tm *t) { return (t->tm_yday + 7 - t->tm_wday) / 7; }
static int f_weekW(const struct ms_tm *t) { return (t->tm_yday + 7 - (t->tm_wday + 6) % 7) / 7; }

/* ISO 8601 week and its year. */
static int iso_week(const struct ms_tm *t, int *year)
{
    int y = t->tm_year + 1900, wd = (t->tm_wday + 6) % 7; /* Monday 0 */
    int week = (t->tm_yday - wd + 10) / 7;
    if (week < 1) {
        int py = y - 1, plen = (py % 4 == 0 && (py % 100 || py % 400 == 0)) ? 366 : 365;
        struct ms_tm prev = *t;
        prev.tm_yday = t->tm_yday + plen, prev.tm_year--;
        return iso_week(&prev, year);
    }
    int len = (y % 4 == 0 && (y % 100 || y % 400 == 0)) ? 366 : 365;
    if (t->tm_yday - wd + 3 >= len) { /* the Thursday of this week is next year */
        *year = y + 1;
        return 1;
    }
    *year = y;
    return week;
}

static int f_isoweek(const struct ms_tm *t) { int y; return iso_week(t, &y); }
static int f_isoyear(const struct ms_tm *t) { int y; iso_week(t, &y); return y; }
static int f_isoyy(const struct ms_tm *t) { return f_isoyear(t) % 100; }

enum kind { NUM, SUB, TEXT };
struct conv {
    char c;
    char ucrt_only;
    enum kind k;
    int (*field)(const struct ms_tm *);
    int width;                /* NUM: digits; a negative width pads with spaces */
    const char *sub, *alt_sub;
};

static const struct conv convs[] = {
    { 'S', 0, NUM, f_sec, 2, 0, 0 }, { 'M', 0, NUM, f_min, 2, 0, 0 }, { 'H', 0, NUM, f_hour, 2, 0, 0 },
    { 'I', 0, NUM, f_hour12, 2, 0, 0 }, { 'd', 0, NUM, f_mday, 2, 0, 0 }, { 'm', 0, NUM, f_mon, 2, 0, 0 },
    { 'Y', 0, NUM, f_year, 1, 0, 0 }, { 'y', 0, NUM, f_yy, 2, 0, 0 }, { 'j', 0, NUM, f_yday, 3, 0, 0 },
    { 'w', 0, NUM, f_wday, 1, 0, 0 }, { 'U', 0, NUM, f_weekU, 2, 0, 0 }, { 'W', 0, NUM, f_weekW, 2, 0, 0 },
    { 'c', 0, SUB, 0, 0, "%m/%d/%y %H:%M:%S", "%A, %B %#d, %Y, %H:%M:%S" },
    { 'x', 0, SUB, 0, 0, "%m/%d/%y", "%A, %B %#d, %Y" }, { 'X', 0, SUB, 0, 0, "%H:%M:%S", "%H:%M:%S" },
    { 'a', 0, TEXT, 0, 0, 0, 0 }, { 'A', 0, TEXT, 0, 0, 0, 0 }, { 'b', 0, TEXT, 0, 0, 0, 0 },
    { 'B', 0, TEXT, 0, 0, 0, 0 }, { 'p', 0, TEXT, 0, 0, 0, 0 }, { 'Z', 0, TEXT, 0, 0, 0, 0 },
    { 'z', 0, TEXT, 0, 0, 0, 0 }, { '%', 0, TEXT, 0, 0, 0, 0 },
    { 'C', 1, NUM, f_cent, 2, 0, 0 }, { 'e', 1, NUM, f_mday, -2, 0, 0 }, { 'u', 1, NUM, f_uday, 1, 0, 0 },
    { 'V', 1, NUM, f_isoweek, 2, 0, 0 }, { 'G', 1, NUM, f_isoyear, 1, 0, 0 }, { 'g', 1, NUM, f_isoyy, 2, 0, 0 },
    { 'D', 1, SUB, 0, 0, "%m/%d/%y", "%m/%d/%y" }, { 'F', 1, SUB, 0, 0, "%Y-%m-%d", "%Y-%m-%d" },
    { 'r', 1, SUB, 0, 0, "%I:%M:%S %p", "%I:%M:%S %p" }, { 'R', 1, SUB, 0, 0, "%H:%M", "%H:%M" },
    { 'T', 1, SUB, 0, 0, "%H:%M:%S", "%H:%M:%S" }, { 'h', 1, TEXT, 0, 0, 0, 0 },
    { 'n', 1, TEXT, 0, 0, 0, 0 }, { 't', 1, TEXT, 0, 0, 0, 0 },
};

static void zone_offset(struct out *o, const struct ms_tm *t)
{
    tzset();
    long off = -timezone + (t->tm_isdst > 0 ? 3600 : 0);
    char b[16];
    snprintf(b, sizeof b, "%c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600, labs(off) % 3600 / 60);
    put(o, b);
}

static void text(struct out *o, char c, const struct ms_tm *t, int ucrt)
{
    char b[16];
    switch (c) {
    case 'a': snprintf(b, sizeof b, "%.3s", days[t->tm_wday]); put(o, b); break;
    case 'A': put(o, days[t->tm_wday]); break;
    case 'b': case 'h': snprintf(b, sizeof b, "%.3s", months[t->tm_mon]); put(o, b); break;
    case 'B': put(o, months[t->tm_mon]); break;
    case 'p': put(o, t->tm_hour < 12 ? "AM" : "PM"); break;
    case 'n': put(o, "\n"); break;
    case 't': put(o, "\t"); break;
    case '%': put(o, "%"); break;
    case 'z':
        if (ucrt) {
            zone_offset(o, t);
            break;
        }
        __attribute__((fallthrough)); /* msvcrt writes the zone name */
    default:
        tzset();
        put(o, tzname[t->tm_isdst > 0]);
    }
}

static int valid(const struct ms_tm *t)
{
    return t->tm_sec >= 0 && t->tm_sec <= 60 && t->tm_min >= 0 && t->tm_min <= 59 &&
           t->tm_hour >= 0 && t->tm_hour <= 23 && t->tm_mday >= 1 && t->tm_mday <= 31 &&
           t->tm_mon >= 0 && t->tm_mon <= 11 && t->tm_year >= -1900 && t->tm_year <= 8099 &&
           t->tm_wday >= 0 && t->tm_wday <= 6 && t->tm_yday >= 0 && t->tm_yday <= 365;
}

static int format(struct out *o, const char *f, const struct ms_tm *t, int ucrt);

static int one(struct out *o, const struct conv *cv, int alt, const struct ms_tm *t, int ucrt)
{
    char b[24];
    if (cv->k == SUB)
        return format(o, alt ? cv->alt_sub : cv->sub, t, ucrt);
    if (cv->k == TEXT) {
        text(o, cv->c, t, ucrt);
        return 0;
    }
    int v = cv->field(t);
    if (alt)
        snprintf(b, sizeof b, "%d", v);
    else if (cv->width < 0)
        snprintf(b, sizeof b, "%*d", -cv->width, v);
    else
        snprintf(b, sizeof b, "%0*d", cv->width, v);
    put(o, b);
    return 0;
}

static const struct conv *lookup(char c, int ucrt)
{
    for (size_t i = 0; i < sizeof convs / sizeof convs[0]; i++)
        if (convs[i].c == c && (ucrt || !convs[i].ucrt_only))
            return &convs[i];
    return NULL;
}

static int format(struct out *o, const char *f, const struct ms_tm *t, int ucrt)
{
    for (; *f; f++) {
        if (*f != '%') {
            char s[2] = { *f, 0 };
            put(o, s);
            continue;
        }
        int alt = f[1] == '#';
        f += 1 + alt;
        if (ucrt && (*f == 'E' || *f == 'O'))
            f++;
        const struct conv *cv = *f ? lookup(*f, ucrt) : NULL;
        if (!cv || one(o, cv, alt, t, ucrt) < 0)
            return -1;
    }
    return 0;
}

size_t crt_strftime(char *buf, size_t n, const char *fmt, const struct ms_tm *t, int ucrt, const char *fn)
{
    if (!buf || !n || !fmt || !t)
        return crt_invalid(fn, MS_EINVAL), 0;
    buf[0] = 0;
    if (!valid(t))
        return crt_invalid(fn, MS_EINVAL), 0;
    struct out o = { buf, n, 0 };
    if (format(&o, fmt, t, ucrt) < 0) {
        buf[0] = 0;
        return crt_invalid(fn, MS_EINVAL), 0;
    }
    if (o.len >= n) {
        buf[0] = 0;
        crt_errno = MS_ERANGE;
        return 0;
    }
    buf[o.len] = 0;
    return o.len;
}

static size_t wide_ftime(WCHAR *buf, size_t n, const WCHAR *wfmt, const struct ms_tm *t, int ucrt)
{
    if (!buf || !n || !wfmt)
        return crt_invalid("wcsftime", MS_EINVAL), 0;
    char *fmt = w32_wide_to_utf8(wfmt), out[1024];
    size_t len = fmt ? crt_strftime(out, sizeof out, fmt, t, ucrt, "wcsftime") : 0;
    free(fmt);
    size_t units = len ? w32_utf8_to_utf16(out, (long)len, NULL, 0) : 0;
    buf[0] = 0;
    if (!len || units >= n)
        return 0;
    w32_utf8_to_utf16(out, (long)len, buf, n);
    return units;
}

static size_t WINAPI ms_strftime(char *b, size_t n, const char *f, const struct ms_tm *t) { return crt_strftime(b, n, f, t, 0, "strftime"); }
static size_t WINAPI uc_strftime(char *b, size_t n, const char *f, const struct ms_tm *t) { return crt_strftime(b, n, f, t, 1, "strftime"); }
static size_t WINAPI ms_strftime_l(char *b, size_t n, const char *f, const struct ms_tm *t, void *l) { (void)l; return ms_strftime(b, n, f, t); }
static size_t WINAPI uc_strftime_l(char *b, size_t n, const char *f, const struct ms_tm *t, void *l) { (void)l; return uc_strftime(b, n, f, t); }
static size_t WINAPI ms_wcsftime(WCHAR *b, size_t n, const WCHAR *f, const struct ms_tm *t) { return wide_ftime(b, n, f, t, 0); }
static size_t WINAPI uc_wcsftime(WCHAR *b, size_t n, const WCHAR *f, const struct ms_tm *t) { return wide_ftime(b, n, f, t, 1); }
static size_t WINAPI ms_wcsftime_l(WCHAR *b, size_t n, const WCHAR *f, const struct ms_tm *t, void *l) { (void)l; return ms_wcsftime(b, n, f, t); }
static size_t WINAPI uc_wcsftime_l(WCHAR *b, size_t n, const WCHAR *f, const struct ms_tm *t, void *l) { (void)l; return uc_wcsftime(b, n, f, t); }

/* _strdate "MM/DD/YY", _strtime "HH:MM:SS" (local time). */
static int now_text(char *buf, size_t n, const char *fmt, const char *fn)
{
    time_t now = time(NULL);
    struct tm h;
    struct ms_tm m;
    CRT_CHECK(buf && n, fn, MS_EINVAL);
    buf[0] = 0;
    CRT_CHECK(n >= 9, fn, MS_ERANGE);
    tzset();
    localtime_r(&now, &h);
    crt_tm_from_host(&m, &h);
    crt_strftime(buf, n, fmt, &m, 0, fn);
    return 0;
}

static char *WINAPI w32__strdate(char *b) { now_text(b, 9, "%m/%d/%y", "_strdate"); return b; }
static char *WINAPI w32__strtime(char *b) { now_text(b, 9, "%H:%M:%S", "_strtime"); return b; }
static int WINAPI w32__strdate_s(char *b, size_t n) { return now_text(b, n, "%m/%d/%y", "_strdate_s"); }
static int WINAPI w32__strtime_s(char *b, size_t n) { return now_text(b, n, "%H:%M:%S", "_strtime_s"); }

static WCHAR *wnow(WCHAR *w, const char *fmt, const char *fn)
{
    char b[9];
    if (now_text(b, sizeof b, fmt, fn) == 0)
        for (int i = 0; i < 9; i++)
            w[i] = (WCHAR)b[i];
    return w;
}

static WCHAR *WINAPI w32__wstrdate(WCHAR *w) { return wnow(w, "%m/%d/%y", "_wstrdate"); }
static WCHAR *WINAPI w32__wstrtime(WCHAR *w) { return wnow(w, "%H:%M:%S", "_wstrtime"); }

/* For MSVC's C++ library: ":Sun:Sunday:Mon:Monday…" and the months, and
 * strftime with an (ignored) locale time data argument. */
static char *names(const char *const *full, int n)
{
    char *s = malloc(256), *p = s;
    for (int i = 0; s && i < n; i++)
        p += sprintf(p, ":%.3s:%s", full[i], full[i]);
    return s;
}

static char *WINAPI w32__Getdays(void) { return names(days, 7); }
static char *WINAPI w32__Getmonths(void) { return names(months, 12); }

static WCHAR *WINAPI w32__W_Getdays(void)
{
    char *s = names(days, 7);
    WCHAR *w = w32_utf8_to_wide(s);
    free(s);
    return w;
}

static WCHAR *WINAPI w32__W_Getmonths(void)
{
    char *s = names(months, 12);
    WCHAR *w = w32_utf8_to_wide(s);
    free(s);
    return w;
}

static size_t WINAPI w32__Strftime(char *b, size_t n, const char *f, const struct ms_tm *t, void *lc)
{
    (void)lc;
    return crt_strftime(b, n, f, t, 1, "_Strftime");
}

static size_t WINAPI w32__Wcsftime(WCHAR *b, size_t n, const WCHAR *f, const struct ms_tm *t, void *lc)
{
    (void)lc;
    return wide_ftime(b, n, f, t, 1);
}

#define DATE_EXPORTS \
    EXPORT(_strdate, "p:p"), EXPORT(_strtime, "p:p"), EXPORT(_strdate_s, "pq:i"), \
    EXPORT(_strtime_s, "pq:i"), EXPORT(_wstrdate, "p:p"), EXPORT(_wstrtime, "p:p")

W32_EXPORTS(msvcrt) = {
    EXPORT(_Getdays, ":s"), EXPORT(_Getmonths, ":s"), EXPORT(_Strftime, "pqspp:q"),
    EXPORT_AS("strftime", ms_strftime, "pqsp:q"), EXPORT_AS("_strftime_l", ms_strftime_l, "pqspp:q"),
    EXPORT_AS("wcsftime", ms_wcsftime, "pqwp:q"), EXPORT_AS("_wcsftime_l", ms_wcsftime_l, "pqwpp:q"),
    DATE_EXPORTS,
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(_Getdays, ":s"), EXPORT(_Getmonths, ":s"), EXPORT(_W_Getdays, ":w"), EXPORT(_W_Getmonths, ":w"),
    EXPORT(_Strftime, "pqspp:q"), EXPORT(_Wcsftime, "pqwpp:q"),
    EXPORT_AS("strftime", uc_strftime, "pqsp:q"), EXPORT_AS("_strftime_l", uc_strftime_l, "pqspp:q"),
    EXPORT_AS("wcsftime", uc_wcsftime, "pqwp:q"), EXPORT_AS("_wcsftime_l", uc_wcsftime_l, "pqwpp:q"),
    DATE_EXPORTS,
};
