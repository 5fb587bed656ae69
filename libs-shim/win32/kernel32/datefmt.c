/* datefmt.c — GetDateFormat(A/W/Ex) and GetTimeFormat(A/W/Ex): a date or
 * time expanded through a format picture (given, or the locale's short,
 * long or year-month date format, or its time format), as documented under
 * "Day, Month, Year, and Era Format Pictures" and "Hour, Minute, and Second
 * Format Pictures". Names and formats come from GetLocaleInfo, so the
 * output follows locale.c (English names for every locale). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../registry.h"
#include "../unicode.h"
#include "datefmt.h"
#include "k32.h"
#include "timeconv.h"

/* ---- the picture expander ---- */
struct obuf {
    char *p;
    size_t cap, len;
};

static void put(struct obuf *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->p[o->len] = s[i];
}

static void put_num(struct obuf *o, int v, int width)
{
    char b[16];
    int n = 0;
    do
        b[sizeof b - 1 - n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0 && n < 15);
    while (n < width && n < 15)
        b[sizeof b - 1 - n++] = '0';
    put(o, b + sizeof b - n, (size_t)n);
}

/* The first character (UTF-8 sequence) of S. */
static size_t first_char(const char *s)
{
    size_t n = *s ? 1 : 0;
    while (s[n] && ((unsigned char)s[n] & 0xc0) == 0x80)
        n++;
    return n;
}

/* One date field: C repeated N times. 0 when C is no date picture. */
static int date_field(struct obuf *o, char c, size_t n, const struct k32_datetime *t,
                      const struct k32_date_names *nm)
{
    const char *s = NULL;
    if (c == 'd' && n >= 3)
        s = n == 3 ? nm->abbr_day[(t->dow + 6) % 7] : nm->day[(t->dow + 6) % 7];
    else if (c == 'd')
        put_num(o, t->day, (int)n);
    else if (c == 'M' && n >= 3)
        s = n == 3 ? nm->abbr_month[t->month - 1] : nm->month[t->month - 1];
    else if (c == 'M')
        put_num(o, t->month, (int)n);
    else if (c == 'y' && n >= 3)
        put_num(o, t->year, 1);
    else if (c == 'y') /* "y": no leading zero for years ending 00-09 */
        put_num(o, t->year % 100, (int)n);
    else if (c == 'g')
        s = nm->era;
    else
        return 0;
    if (s)
        put(o, s, strlen(s));
    return 1;
}

/* One time field; -1 when FLAGS drop it, 0 when C is no time picture. */
static int time_field(struct obuf *o, char c, size_t n, const struct k32_datetime *t,
                      const struct k32_date_names *nm, unsigned flags)
{
    if (c == 'h' && (flags & TIME_FORCE24HOURFORMAT))
        c = 'H';
    if (c == 'h')
        put_num(o, t->hour % 12 ? t->hour % 12 : 12, n >= 2 ? 2 : 1);
    else if (c == 'H')
        put_num(o, t->hour, n >= 2 ? 2 : 1);
    else if (c == 'm' && (flags & TIME_NOMINUTESORSECONDS))
        return -1;
    else if (c == 'm')
        put_num(o, t->minute, n >= 2 ? 2 : 1);
    else if (c == 's' && (flags & (TIME_NOSECONDS | TIME_NOMINUTESORSECONDS)))
        return -1;
    else if (c == 's')
        put_num(o, t->second, n >= 2 ? 2 : 1);
    else if (c == 't' && (flags & TIME_NOTIMEMARKER))
        return -1;
    else if (c == 't') {
        const char *m = t->hour < 12 ? nm->am : nm->pm;
        put(o, m, n >= 2 ? strlen(m) : first_char(m));
    } else
        return 0;
    return 1;
}

/* Quoted text from P (after the opening quote): '' is one quote. */
static const char *quoted(struct obuf *o, const char *p, int emit)
{
    for (; *p; p++) {
        if (*p == '\'' && p[1] == '\'') {
            if (emit)
                put(o, "'", 1);
            p++;
        } else if (*p == '\'') {
            return p + 1;
        } else if (emit) {
            put(o, p, 1);
        }
    }
    return p;
}

/* A field dropped by TIME_* flags takes the separator before it along
 * (or, at the start, the one after it). */
size_t k32_format_datetime(const char *pic, const struct k32_datetime *t,
                           const struct k32_date_names *nm, int time, unsigned flags,
                           char *out, size_t cap)
{
    struct obuf o = { out, cap, 0 };
    size_t field_end = 0;
    int any_field = 0, skip_sep = 0;
    for (const char *p = pic; *p;) {
        if (*p == '\'') {
            p = quoted(&o, p + 1, !skip_sep);
            continue;
        }
        size_t n = 1;
        while (p[n] == p[0])
            n++;
        int r = time ? time_field(&o, *p, n, t, nm, flags) : date_field(&o, *p, n, t, nm);
        if (r > 0) {
            field_end = o.len, any_field = 1, skip_sep = 0;
        } else if (r < 0) {
            o.len = field_end;
            skip_sep = !any_field;
        } else if (!skip_sep) {
            put(&o, p, n);
        }
        p += n;
    }
    if (cap)
        out[o.len < cap ? o.len : cap - 1] = 0;
    return o.len;
}

/* ---- the Windows functions ---- */
#define ERROR_INVALID_FLAGS_ 1004
#define DATE_SHORTDATE 0x1
#define DATE_LONGDATE 0x2
#define DATE_YEARMONTH 0x8
#define LOCALE_NOUSEROVERRIDE 0x80000000u
#define LOCALE_USE_CP_ACP 0x40000000u

typedef int (WINAPI *locale_info_fn)(DWORD lcid, DWORD type, LPSTR buf, int n);
typedef DWORD (WINAPI *name_to_lcid_fn)(LPCWSTR name, DWORD flags);

static void *k32_fn(const char *name)
{
    return w32_builtin_fn("kernel32.dll", name);
}

struct names_store {
    struct k32_date_names n;
    char buf[2048];
};

/* GetLocaleInfoA(LCID, TYPE) into the store; "" when unknown. */
static const char *linfo(struct names_store *s, size_t *used, DWORD lcid, DWORD type)
{
    locale_info_fn gli = (locale_info_fn)k32_fn("GetLocaleInfoA");
    char *dst = s->buf + *used;
    int r = gli(lcid, type, dst, (int)(sizeof s->buf - *used));
    if (r <= 0) {
        *dst = 0;
        r = 1;
    }
    *used += (size_t)r;
    return dst;
}

static void load_names(struct names_store *s, DWORD lcid)
{
    size_t used = 0;
    for (DWORD i = 0; i < 7; i++) {
        s->n.day[i] = linfo(s, &used, lcid, 0x2a + i);       /* LOCALE_SDAYNAME1 */
        s->n.abbr_day[i] = linfo(s, &used, lcid, 0x31 + i);  /* LOCALE_SABBREVDAYNAME1 */
    }
    for (DWORD i = 0; i < 12; i++) {
        s->n.month[i] = linfo(s, &used, lcid, 0x38 + i);     /* LOCALE_SMONTHNAME1 */
        s->n.abbr_month[i] = linfo(s, &used, lcid, 0x44 + i); /* LOCALE_SABBREVMONTHNAME1 */
    }
    s->n.am = linfo(s, &used, lcid, 0x28);  /* LOCALE_S1159 */
    s->n.pm = linfo(s, &used, lcid, 0x29);  /* LOCALE_S2359 */
    s->n.era = "A.D.";                      /* CAL_SERASTRING, Gregorian */
}

/* The time to format: *ST checked, or now (local). 0: invalid. */
static int get_time(const SYSTEMTIME *st, int is_time, struct k32_datetime *t)
{
    if (!st) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        *t = (struct k32_datetime){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_wday,
                                    tm.tm_hour, tm.tm_min, tm.tm_sec };
        return 1;
    }
    *t = (struct k32_datetime){ st->wYear, st->wMonth, st->wDay, 0, st->wHour, st->wMinute,
                                st->wSecond };
    if (is_time)
        return st->wHour < 24 && st->wMinute < 60 && st->wSecond < 60 && st->wMilliseconds < 1000;
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 ||
        st->wDay < 1 || st->wDay > k32_days_in_month(st->wYear, st->wMonth))
        return 0;
    t->dow = (int)((k32_days_from_civil(st->wYear, st->wMonth, st->wDay) + 1) % 7);
    return 1;
}

/* The picture for FLAGS when the caller gave none, into BUF. 0: bad flags. */
static int default_picture(DWORD lcid, int time, DWORD flags, char *buf, int n)
{
    DWORD type = 0x1003; /* LOCALE_STIMEFORMAT */
    if (!time) {
        DWORD kind = flags & (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH);
        if (kind & (kind - 1))
            return 0;
        type = kind == DATE_LONGDATE ? 0x20 : kind == DATE_YEARMONTH ? 0x1006 : 0x1f;
    }
    if (((locale_info_fn)k32_fn("GetLocaleInfoA"))(lcid, type, buf, n) <= 0)
        strcpy(buf, type == 0x1006 ? "MMMM yyyy" : "M/d/yyyy");
    return 1;
}

/* Format into OUT (N units of UTF-16 when WIDE, else bytes); the Windows
 * result: units written with the NUL, or needed when N is 0. */
static int format_common(DWORD lcid, DWORD flags, const SYSTEMTIME *st, const char *pic,
                         void *out, int n, int wide, int time)
{
    struct k32_datetime t;
    char defpic[128], res[1024];
    struct names_store ns;
    if (n < 0 || (n && !out) ||
        ((locale_info_fn)k32_fn("GetLocaleInfoA"))(lcid, 0x1f, defpic, sizeof defpic) <= 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    flags &= ~(LOCALE_NOUSEROVERRIDE | LOCALE_USE_CP_ACP);
    if ((pic && !time && flags) || (!pic && !default_picture(lcid, time, flags, defpic, sizeof defpic))) {
        w32_set_last_error(ERROR_INVALID_FLAGS_);
        return 0;
    }
    if (!get_time(st, time, &t)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    load_names(&ns, lcid);
    k32_format_datetime(pic ? pic : defpic, &t, &ns.n, time, flags, res, sizeof res);
    return k32_ret_nls(res, out, n, wide);
}

static int format_w(DWORD lcid, DWORD flags, const SYSTEMTIME *st, LPCWSTR fmt, LPWSTR out,
                    int n, int time)
{
    char *pic = fmt ? w32_wide_to_utf8(fmt) : NULL;
    int r = format_common(lcid, flags, st, pic, out, n, 1, time);
    free(pic);
    return r;
}

static DWORD lcid_of(LPCWSTR name)
{
    return name ? ((name_to_lcid_fn)k32_fn("LocaleNameToLCID"))(name, 0) : 0x400;
}

static int WINAPI w32_GetDateFormatW(DWORD lcid, DWORD flags, const SYSTEMTIME *st, LPCWSTR fmt, LPWSTR out, int n)
{
    return format_w(lcid, flags, st, fmt, out, n, 0);
}

static int WINAPI w32_GetDateFormatA(DWORD lcid, DWORD flags, const SYSTEMTIME *st, LPCSTR fmt, LPSTR out, int n)
{
    return format_common(lcid, flags, st, fmt, out, n, 0, 0);
}

static int WINAPI w32_GetDateFormatEx(LPCWSTR loc, DWORD flags, const SYSTEMTIME *st, LPCWSTR fmt, LPWSTR out,
                                      int n, LPCWSTR calendar)
{
    (void)calendar;
    return format_w(lcid_of(loc), flags, st, fmt, out, n, 0);
}

static int WINAPI w32_GetTimeFormatW(DWORD lcid, DWORD flags, const SYSTEMTIME *st, LPCWSTR fmt, LPWSTR out, int n)
{
    return format_w(lcid, flags, st, fmt, out, n, 1);
}

static int WINAPI w32_GetTimeFormatA(DWORD lcid, DWORD flags, const SYSTEMTIME *st, LPCSTR fmt, LPSTR out, int n)
{
    return format_common(lcid, flags, st, fmt, out, n, 0, 1);
}

static int WINAPI w32_GetTimeFormatEx(LPCWSTR loc, DWORD flags, const SYSTEMTIME *st, LPCWSTR fmt, LPWSTR out, int n)
{
    return format_w(lcid_of(loc), flags, st, fmt, out, n, 1);
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetDateFormatW, "uupwpi:i"),
    EXPORT(GetDateFormatA, "uupspi:i"),
    EXPORT(GetDateFormatEx, "wupwpiw:i"),
    EXPORT(GetTimeFormatW, "uupwpi:i"),
    EXPORT(GetTimeFormatA, "uupspi:i"),
    EXPORT(GetTimeFormatEx, "wupwpi:i"),
};
