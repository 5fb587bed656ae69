/* time.c — <time.h> of the Windows CRTs: time/_time32/_time64,
 * gmtime/localtime (and _s, 32- and 64-bit forms) into Windows' 36-byte
 * struct tm, mktime/_mkgmtime, difftime, ctime/asctime, clock and _ftime.
 * On x64 msvcrt.dll's plain names (time, gmtime …) take a 64-bit time_t.
 * Windows limits: no time before 1970-01-01 00:00:00 UTC (NULL/EINVAL or
 * -1), none after 3000-12-31 23:59:59 UTC (2038-01-19 03:14:07 for the
 * 32-bit forms). clock() is wall-clock time since the process started,
 * in milliseconds (CLOCKS_PER_SEC is 1000), as Microsoft documents. */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "crt.h"
#include "mstime.h"

#define MAX64 32536850399LL
#define MAX32 0x7fffffffLL

static __thread struct ms_tm tm_buf;
static __thread char text_buf[26];
static __thread WCHAR wtext_buf[26];
static struct timespec start_time;

void crt_clock_init(void) { clock_gettime(CLOCK_MONOTONIC, &start_time); }

void crt_tm_from_host(struct ms_tm *m, const struct tm *t)
{
    *m = (struct ms_tm){ t->tm_sec, t->tm_min, t->tm_hour, t->tm_mday, t->tm_mon,
                         t->tm_year, t->tm_wday, t->tm_yday, t->tm_isdst };
}

void crt_tm_to_host(struct tm *t, const struct ms_tm *m)
{
    memset(t, 0, sizeof *t);
    t->tm_sec = m->tm_sec, t->tm_min = m->tm_min, t->tm_hour = m->tm_hour;
    t->tm_mday = m->tm_mday, t->tm_mon = m->tm_mon, t->tm_year = m->tm_year;
    t->tm_wday = m->tm_wday, t->tm_yday = m->tm_yday, t->tm_isdst = m->tm_isdst;
}

static int64_t WINAPI w32__time64(int64_t *out)
{
    int64_t t = time(NULL);
    if (out)
        *out = t;
    return t;
}

static int32_t WINAPI w32__time32(int32_t *out)
{
    int32_t t = (int32_t)time(NULL);
    if (out)
        *out = t;
    return t;
}

/* Break T down (LOCAL: local time) into OUT; an errno value or 0. */
static int breakdown(int64_t t, int64_t max, int local, struct ms_tm *out)
{
    struct tm h;
    time_t tt = (time_t)t;
    if (t < 0 || t > max)
        return MS_EINVAL;
    if (local)
        tzset();
    if (!(local ? localtime_r(&tt, &h) : gmtime_r(&tt, &h)))
        return MS_EINVAL;
    crt_tm_from_host(out, &h);
    return 0;
}

static struct ms_tm *to_tm(const void *tp, int bits, int local, const char *fn)
{
    if (!tp)
        return crt_invalid(fn, MS_EINVAL), NULL;
    int64_t t = bits == 64 ? *(const int64_t *)tp : *(const int32_t *)tp;
    int e = breakdown(t, bits == 64 ? MAX64 : MAX32, local, &tm_buf);
    if (e)
        return crt_invalid(fn, e), NULL;
    return &tm_buf;
}

static int to_tm_s(struct ms_tm *out, const void *tp, int bits, int local, const char *fn)
{
    CRT_CHECK(out, fn, MS_EINVAL);
    memset(out, 0xff, sizeof *out);
    CRT_CHECK(tp, fn, MS_EINVAL);
    int64_t t = bits == 64 ? *(const int64_t *)tp : *(const int32_t *)tp;
    int e = breakdown(t, bits == 64 ? MAX64 : MAX32, local, out);
    return e ? crt_invalid(fn, e) : 0;
}

static struct ms_tm *WINAPI w32__gmtime64(const int64_t *t) { return to_tm(t, 64, 0, "_gmtime64"); }
static struct ms_tm *WINAPI w32__gmtime32(const int32_t *t) { return to_tm(t, 32, 0, "_gmtime32"); }
static struct ms_tm *WINAPI w32__localtime64(const int64_t *t) { return to_tm(t, 64, 1, "_localtime64"); }
static struct ms_tm *WINAPI w32__localtime32(const int32_t *t) { return to_tm(t, 32, 1, "_localtime32"); }
static int WINAPI w32__gmtime64_s(struct ms_tm *o, const int64_t *t) { return to_tm_s(o, t, 64, 0, "_gmtime64_s"); }
static int WINAPI w32__gmtime32_s(struct ms_tm *o, const int32_t *t) { return to_tm_s(o, t, 32, 0, "_gmtime32_s"); }
static int WINAPI w32__localtime64_s(struct ms_tm *o, const int64_t *t) { return to_tm_s(o, t, 64, 1, "_localtime64_s"); }
static int WINAPI w32__localtime32_s(struct ms_tm *o, const int32_t *t) { return to_tm_s(o, t, 32, 1, "_localtime32_s"); }

/* mktime normalizes the fields in place; -1 outside Windows' range. */
static int64_t make(struct ms_tm *m, int local, int64_t max)
{
    if (!m)
        return crt_invalid("mktime", MS_EINVAL), -1;
    struct tm h;
    crt_tm_to_host(&h, m);
    if (local)
        tzset();
    time_t t = local ? mktime(&h) : timegm(&h);
    if (t == (time_t)-1 || t < 0 || t > max) {
        crt_errno = MS_EINVAL;
        return -1;
    }
    crt_tm_from_host(m, &h);
    return t;
}

static int64_t WINAPI w32__mktime64(struct ms_tm *m) { return make(m, 1, MAX64); }
static int32_t WINAPI w32__mktime32(struct ms_tm *m) { return (int32_t)make(m, 1, MAX32); }
static int64_t WINAPI w32__mkgmtime64(struct ms_tm *m) { return make(m, 0, MAX64); }
static int32_t WINAPI w32__mkgmtime32(struct ms_tm *m) { return (int32_t)make(m, 0, MAX32); }
static double WINAPI w32__difftime64(int64_t a, int64_t b) { return (double)(a - b); }
static double WINAPI w32__difftime32(int32_t a, int32_t b) { return (double)a - (double)b; }

static int32_t WINAPI w32_clock(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int32_t)((now.tv_sec - start_time.tv_sec) * 1000 + (now.tv_nsec - start_time.tv_nsec) / 1000000);
}

/* asctime's fixed form: "Wed Jan 02 02:03:55 1980\n". */
static int asc(const struct ms_tm *m, char *out)
{
    static const char days[] = "SunMonTueWedThuFriSat", mons[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (!m || m->tm_wday < 0 || m->tm_wday > 6 || m->tm_mon < 0 || m->tm_mon > 11 ||
        m->tm_mday < 1 || m->tm_mday > 31 || m->tm_hour < 0 || m->tm_hour > 23 ||
        m->tm_min < 0 || m->tm_min > 59 || m->tm_sec < 0 || m->tm_sec > 59 || m->tm_year < 0)
        return MS_EINVAL;
    snprintf(out, 26, "%.3s %.3s %02d %02d:%02d:%02d %4d\n", days + m->tm_wday * 3,
             mons + m->tm_mon * 3, m->tm_mday, m->tm_hour, m->tm_min, m->tm_sec, m->tm_year + 1900);
    return 0;
}

static char *WINAPI w32_asctime(const struct ms_tm *m)
{
    return asc(m, text_buf) ? crt_invalid("asctime", MS_EINVAL), NULL : text_buf;
}

static int WINAPI w32_asctime_s(char *buf, size_t n, const struct ms_tm *m)
{
    CRT_CHECK(buf && n, "asctime_s", MS_EINVAL);
    buf[0] = 0;
    CRT_CHECK(n >= 26, "asctime_s", MS_EINVAL);
    return asc(m, buf) ? crt_invalid("asctime_s", MS_EINVAL) : 0;
}

static WCHAR *widen(const char *s, WCHAR *w)
{
    for (size_t i = 0; i < 26; i++)
        w[i] = (WCHAR)s[i];
    return w;
}

static WCHAR *WINAPI w32__wasctime(const struct ms_tm *m)
{
    return w32_asctime(m) ? widen(text_buf, wtext_buf) : NULL;
}

static char *ctime_of(const void *t, int bits)
{
    struct ms_tm *m = to_tm(t, bits, 1, "ctime");
    return m && !asc(m, text_buf) ? text_buf : NULL;
}

static char *WINAPI w32__ctime64(const int64_t *t) { return ctime_of(t, 64); }
static char *WINAPI w32__ctime32(const int32_t *t) { return ctime_of(t, 32); }
static WCHAR *WINAPI w32__wctime64(const int64_t *t) { return ctime_of(t, 64) ? widen(text_buf, wtext_buf) : NULL; }
static WCHAR *WINAPI w32__wctime32(const int32_t *t) { return ctime_of(t, 32) ? widen(text_buf, wtext_buf) : NULL; }

static int ctime_s(char *buf, size_t n, const void *t, int bits, const char *fn)
{
    struct ms_tm m;
    CRT_CHECK(buf && n, fn, MS_EINVAL);
    buf[0] = 0;
    CRT_CHECK(n >= 26 && t, fn, MS_EINVAL);
    int e = to_tm_s(&m, t, bits, 1, fn);
    return e ? e : asc(&m, buf);
}

static int WINAPI w32__ctime64_s(char *b, size_t n, const int64_t *t) { return ctime_s(b, n, t, 64, "_ctime64_s"); }
static int WINAPI w32__ctime32_s(char *b, size_t n, const int32_t *t) { return ctime_s(b, n, t, 32, "_ctime32_s"); }

/* _ftime: seconds, milliseconds, minutes west of UTC, DST flag. */
struct timeb64 { int64_t time; uint16_t millitm; int16_t timezone, dstflag; };
struct timeb32 { int32_t time; uint16_t millitm; int16_t timezone, dstflag; };

static void ftime_fill(int64_t *sec, uint16_t *ms, int16_t *tz, int16_t *dst)
{
    struct timeval tv;
    struct tm h;
    gettimeofday(&tv, NULL);
    tzset();
    time_t t = tv.tv_sec;
    localtime_r(&t, &h);
    *sec = tv.tv_sec, *ms = (uint16_t)(tv.tv_usec / 1000);
    *tz = (int16_t)(timezone / 60), *dst = (int16_t)(h.tm_isdst > 0);
}

static void WINAPI w32__ftime64(struct timeb64 *b)
{
    if (b)
        ftime_fill(&b->time, &b->millitm, &b->timezone, &b->dstflag);
}

static void WINAPI w32__ftime32(struct timeb32 *b)
{
    int64_t s;
    if (b) {
        ftime_fill(&s, &b->millitm, &b->timezone, &b->dstflag);
        b->time = (int32_t)s;
    }
}

static int WINAPI w32__ftime64_s(struct timeb64 *b) { CRT_CHECK(b, "_ftime64_s", MS_EINVAL); w32__ftime64(b); return 0; }
static int WINAPI w32__ftime32_s(struct timeb32 *b) { CRT_CHECK(b, "_ftime32_s", MS_EINVAL); w32__ftime32(b); return 0; }

/* timespec_get(ts, TIME_UTC = 1): seconds and nanoseconds; returns the base. */
struct timespec64_ms { int64_t sec; int32_t nsec; };
struct timespec32_ms { int32_t sec; int32_t nsec; };

static int WINAPI w32__timespec64_get(struct timespec64_ms *ts, int base)
{
    struct timespec now;
    if (!ts)
        return crt_invalid("timespec_get", MS_EINVAL), 0;
    if (base != 1)
        return 0;
    clock_gettime(CLOCK_REALTIME, &now);
    ts->sec = now.tv_sec, ts->nsec = (int32_t)now.tv_nsec;
    return base;
}

static int WINAPI w32__timespec32_get(struct timespec32_ms *ts, int base)
{
    struct timespec64_ms t;
    int r = w32__timespec64_get(&t, base);
    if (r && ts)
        ts->sec = (int32_t)t.sec, ts->nsec = t.nsec;
    return r;
}

static int wtext_s(WCHAR *buf, size_t n, const char *text, int r)
{
    for (size_t i = 0; !r && i < 26 && i < n; i++)
        buf[i] = (WCHAR)text[i];
    return r;
}

static int WINAPI w32__wasctime_s(WCHAR *buf, size_t n, const struct ms_tm *m)
{
    char t[26];
    return wtext_s(buf, n, t, w32_asctime_s(t, n < 26 ? n : 26, m));
}

static int WINAPI w32__wctime64_s(WCHAR *buf, size_t n, const int64_t *tp)
{
    char t[26];
    return wtext_s(buf, n, t, w32__ctime64_s(t, n < 26 ? n : 26, tp));
}

static int WINAPI w32__wctime32_s(WCHAR *buf, size_t n, const int32_t *tp)
{
    char t[26];
    return wtext_s(buf, n, t, w32__ctime32_s(t, n < 26 ? n : 26, tp));
}

#define TIME_EXPORTS \
    EXPORT(_timespec64_get, "pi:i"), EXPORT(_timespec32_get, "pi:i"), \
    EXPORT_AS("timespec_get", w32__timespec64_get, "pi:i"), EXPORT(_wasctime_s, "pqp:i"), \
    EXPORT(_wctime64_s, "pqp:i"), EXPORT(_wctime32_s, "pqp:i"), \
    EXPORT(_time64, "p:q"), EXPORT(_time32, "p:i"), EXPORT(_gmtime64, "p:p"), EXPORT(_gmtime32, "p:p"), \
    EXPORT(_localtime64, "p:p"), EXPORT(_localtime32, "p:p"), EXPORT(_gmtime64_s, "pp:i"), \
    EXPORT(_gmtime32_s, "pp:i"), EXPORT(_localtime64_s, "pp:i"), EXPORT(_localtime32_s, "pp:i"), \
    EXPORT(_mktime64, "p:q"), EXPORT(_mktime32, "p:i"), EXPORT(_mkgmtime64, "p:q"), \
    EXPORT(_mkgmtime32, "p:i"), EXPORT(_difftime64, "qq:f"), EXPORT(_difftime32, "ii:f"), \
    EXPORT(clock, ":i"), EXPORT(asctime, "p:s"), EXPORT(asctime_s, "pqp:i"), EXPORT(_wasctime, "p:w"), \
    EXPORT(_ctime64, "p:s"), EXPORT(_ctime32, "p:s"), EXPORT(_wctime64, "p:w"), EXPORT(_wctime32, "p:w"), \
    EXPORT(_ctime64_s, "pqp:i"), EXPORT(_ctime32_s, "pqp:i"), EXPORT(_ftime64, "p:v"), \
    EXPORT(_ftime32, "p:v"), EXPORT(_ftime64_s, "p:i"), EXPORT(_ftime32_s, "p:i")

/* x64 msvcrt.dll: the unsuffixed names are the 64-bit ones. */
W32_EXPORTS(msvcrt) = {
    TIME_EXPORTS, EXPORT_AS("time", w32__time64, "p:q"), EXPORT_AS("gmtime", w32__gmtime64, "p:p"),
    EXPORT_AS("localtime", w32__localtime64, "p:p"), EXPORT_AS("mktime", w32__mktime64, "p:q"),
    EXPORT_AS("_mkgmtime", w32__mkgmtime64, "p:q"), EXPORT_AS("difftime", w32__difftime64, "qq:f"),
    EXPORT_AS("ctime", w32__ctime64, "p:s"), EXPORT_AS("_wctime", w32__wctime64, "p:w"),
    EXPORT_AS("_ftime", w32__ftime64, "p:v"), EXPORT_AS("gmtime_s", w32__gmtime64_s, "pp:i"),
    EXPORT_AS("localtime_s", w32__localtime64_s, "pp:i"), EXPORT_AS("ctime_s", w32__ctime64_s, "pqp:i"),
    EXPORT_AS("_ftime_s", w32__ftime64_s, "p:i"),
};
W32_EXPORTS(ucrtbase) = { TIME_EXPORTS, EXPORT_AS("_ftime", w32__ftime64, "p:v") };
