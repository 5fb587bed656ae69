/* tz.c — time-zone information from the host's TZ rules:
 * GetTimeZoneInformation, GetDynamicTimeZoneInformation,
 * GetTimeZoneInformationForYear, SystemTimeToTzSpecificLocalTime and
 * TzSpecificLocalTimeToSystemTime. The year's two transitions are found
 * by scanning the host's localtime, then described as Windows rules
 * ("the n-th weekday of a month at hh:mm local time", occurrence 5 for
 * the last); bias = UTC - local in minutes. Names are the host's
 * abbreviations (e.g. "CET"/"CEST"), the key name its zone name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "timeconv.h"

#define TIME_ZONE_ID_UNKNOWN 0
#define TIME_ZONE_ID_STANDARD 1
#define TIME_ZONE_ID_DAYLIGHT 2
#define TIME_ZONE_ID_INVALID 0xffffffffu

typedef struct {
    LONG Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    LONG StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    LONG DaylightBias;
} TIME_ZONE_INFORMATION;

typedef struct {
    TIME_ZONE_INFORMATION tzi;
    WCHAR TimeZoneKeyName[128];
    BOOLEAN DynamicDaylightTimeDisabled;
} DYNAMIC_TIME_ZONE_INFORMATION;

static long gmtoff_at(time_t t, int *dst)
{
    struct tm tm;
    localtime_r(&t, &tm);
    if (dst)
        *dst = tm.tm_isdst > 0;
    return tm.tm_gmtoff;
}

/* The first second in (LO, HI] where the offset differs from LO's. */
static time_t find_change(time_t lo, time_t hi)
{
    long off = gmtoff_at(lo, NULL);
    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        if (gmtoff_at(mid, NULL) == off)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/* A transition at T described as a rule in the local time before it. */
static void rule_of(time_t t, long before, SYSTEMTIME *st)
{
    time_t local = t + before;
    struct tm tm;
    gmtime_r(&local, &tm);
    memset(st, 0, sizeof *st);
    st->wMonth = (WORD)(tm.tm_mon + 1);
    st->wDayOfWeek = (WORD)tm.tm_wday;
    int y = tm.tm_year + 1900;
    st->wDay = (WORD)(tm.tm_mday + 7 > k32_days_in_month(y, tm.tm_mon + 1) ? 5 : (tm.tm_mday - 1) / 7 + 1);
    st->wHour = (WORD)tm.tm_hour;
    st->wMinute = (WORD)tm.tm_min;
}

static void put_name(WCHAR *out, const char *s)
{
    w32_utf8_to_utf16(s ? s : "", -1, out, 32);
    out[31] = 0;
}

/* Fill TZI for YEAR from the host rules; returns whether it has DST. */
static int zone_for_year(int year, TIME_ZONE_INFORMATION *tzi)
{
    tzset();
    struct tm jan = { .tm_year = year - 1900, .tm_mday = 1, .tm_isdst = -1 };
    time_t start = timegm(&jan) - 14 * 3600, t = start;
    long std_off = gmtoff_at(start, NULL), dst_off = std_off;
    int has_dst = 0, dst;
    memset(tzi, 0, sizeof *tzi);
    for (int day = 0; day <= 366; day++, t += 86400) {
        long off = gmtoff_at(t + 86400, &dst), prev = gmtoff_at(t, NULL);
        if (!dst)
            std_off = off;
        else
            dst_off = off, has_dst = 1;
        if (off == prev)
            continue;
        time_t c = find_change(t, t + 86400);
        rule_of(c, prev, dst ? &tzi->DaylightDate : &tzi->StandardDate);
    }
    tzi->Bias = (LONG)(-std_off / 60);
    put_name(tzi->StandardName, tzname[0]);
    if (has_dst) {
        tzi->DaylightBias = (LONG)(-(dst_off - std_off) / 60);
        put_name(tzi->DaylightName, tzname[1]);
    } else {
        memset(&tzi->StandardDate, 0, sizeof tzi->StandardDate);
        memset(&tzi->DaylightDate, 0, sizeof tzi->DaylightDate);
        put_name(tzi->DaylightName, tzname[0]);
    }
    return has_dst;
}

static int this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

static DWORD WINAPI w32_GetTimeZoneInformation(TIME_ZONE_INFORMATION *tzi)
{
    TIME_ZONE_INFORMATION z;
    int has_dst = zone_for_year(this_year(), &z);
    if (!k32_copy_out(tzi, &z, sizeof z)) {
        w32_set_last_error(ERROR_NOACCESS);
        return TIME_ZONE_ID_INVALID;
    }
    int dst;
    gmtoff_at(time(NULL), &dst);
    return !has_dst ? TIME_ZONE_ID_UNKNOWN : dst ? TIME_ZONE_ID_DAYLIGHT : TIME_ZONE_ID_STANDARD;
}

/* The zone's name: $TZ, /etc/timezone, or where /etc/localtime points. */
static void zone_name(char *buf, size_t n)
{
    const char *tz = getenv("TZ");
    snprintf(buf, n, "UTC");
    if (tz && *tz) {
        snprintf(buf, n, "%s", tz[0] == ':' ? tz + 1 : tz);
        return;
    }
    FILE *f = fopen("/etc/timezone", "r");
    if (f) {
        if (fgets(buf, (int)n, f))
            buf[strcspn(buf, "\n")] = 0;
        fclose(f);
        return;
    }
    char link[256];
    ssize_t l = readlink("/etc/localtime", link, sizeof link - 1);
    if (l > 0) {
        link[l] = 0;
        const char *z = strstr(link, "zoneinfo/");
        snprintf(buf, n, "%s", z ? z + 9 : link);
    }
}

static DWORD WINAPI w32_GetDynamicTimeZoneInformation(DYNAMIC_TIME_ZONE_INFORMATION *d)
{
    DYNAMIC_TIME_ZONE_INFORMATION z;
    memset(&z, 0, sizeof z);
    DWORD r = w32_GetTimeZoneInformation(&z.tzi);
    char name[128];
    zone_name(name, sizeof name);
    w32_utf8_to_utf16(name, -1, z.TimeZoneKeyName, 128);
    z.TimeZoneKeyName[127] = 0;
    if (!k32_copy_out(d, &z, sizeof z)) {
        w32_set_last_error(ERROR_NOACCESS);
        return TIME_ZONE_ID_INVALID;
    }
    return r;
}

static BOOL WINAPI w32_GetTimeZoneInformationForYear(USHORT year, const void *dtzi,
                                                     TIME_ZONE_INFORMATION *tzi)
{
    (void)dtzi; /* only the host's own zone is known */
    zone_for_year(year, tzi);
    return TRUE;
}

/* ---- applying rules ---- */
static uint64_t st_ft(const SYSTEMTIME *st, int *ok)
{
    struct k32_civil c = { st->wYear, st->wMonth, st->wDay, st->wHour, st->wMinute, st->wSecond,
                           st->wMilliseconds, 0 };
    uint64_t v = 0;
    *ok = k32_civil_to_ft(&c, &v);
    return v;
}

/* A rule's moment in YEAR as a local FILETIME. */
static uint64_t rule_local(const SYSTEMTIME *r, int year)
{
    int y = r->wYear ? r->wYear : year;
    int day = r->wYear ? r->wDay : k32_nth_weekday(y, r->wMonth, r->wDayOfWeek, r->wDay);
    struct k32_civil c = { y, r->wMonth, day, r->wHour, r->wMinute, r->wSecond, 0, 0 };
    uint64_t v = 0;
    k32_civil_to_ft(&c, &v);
    return v;
}

/* Is local standard-time moment LOCAL_STD in daylight time under TZI? */
static int in_dst(const TIME_ZONE_INFORMATION *tzi, uint64_t local_std, int year)
{
    if (!tzi->DaylightDate.wMonth || !tzi->StandardDate.wMonth)
        return 0;
    uint64_t start = rule_local(&tzi->DaylightDate, year);
    /* StandardDate is given in daylight time: back to standard time */
    uint64_t end = rule_local(&tzi->StandardDate, year) +
                   (uint64_t)((int64_t)tzi->DaylightBias * 600000000LL);
    return start < end ? local_std >= start && local_std < end
                       : local_std >= start || local_std < end;
}

static int64_t minutes(LONG m) { return (int64_t)m * 600000000LL; }

static BOOL convert(const TIME_ZONE_INFORMATION *given, const SYSTEMTIME *in, SYSTEMTIME *out,
                    int to_local)
{
    TIME_ZONE_INFORMATION host;
    const TIME_ZONE_INFORMATION *tzi = given;
    int ok;
    uint64_t t = st_ft(in, &ok);
    if (!ok) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!tzi) {
        zone_for_year(in->wYear, &host);
        tzi = &host;
    }
    int64_t std = to_local ? (int64_t)t - minutes(tzi->Bias) : (int64_t)t; /* local standard */
    int dst = in_dst(tzi, (uint64_t)std, in->wYear);
    int64_t bias = minutes(tzi->Bias) + minutes(dst ? tzi->DaylightBias : tzi->StandardBias);
    uint64_t r = to_local ? t - (uint64_t)bias : t + (uint64_t)bias;
    struct k32_civil c;
    if (!k32_ft_to_civil(r, &c)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    out->wYear = (WORD)c.year, out->wMonth = (WORD)c.month, out->wDayOfWeek = (WORD)c.dow;
    out->wDay = (WORD)c.day, out->wHour = (WORD)c.hour, out->wMinute = (WORD)c.minute;
    out->wSecond = (WORD)c.second, out->wMilliseconds = (WORD)c.ms;
    return TRUE;
}

static BOOL WINAPI w32_SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tzi,
                                                       const SYSTEMTIME *utc, SYSTEMTIME *local)
{
    return convert(tzi, utc, local, 1);
}

static BOOL WINAPI w32_TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tzi,
                                                       const SYSTEMTIME *local, SYSTEMTIME *utc)
{
    return convert(tzi, local, utc, 0);
}

static BOOL WINAPI w32_SetTimeZoneInformation(const TIME_ZONE_INFORMATION *tzi)
{
    (void)tzi;
    w32_set_last_error(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetTimeZoneInformation, "p:u"),
    EXPORT(GetDynamicTimeZoneInformation, "p:u"),
    EXPORT(GetTimeZoneInformationForYear, "upp:i"),
    EXPORT(SystemTimeToTzSpecificLocalTime, "ppp:i"),
    EXPORT(TzSpecificLocalTimeToSystemTime, "ppp:i"),
    EXPORT(SetTimeZoneInformation, "p:i"),
};
