/* time.c — clocks and time conversions: GetSystemTime(AsFileTime,
 * PreciseAsFileTime), GetLocalTime, GetTickCount(64),
 * QueryPerformanceCounter/Frequency (10 MHz, as Windows 10 reports),
 * FileTimeToSystemTime/SystemTimeToFileTime, FileTimeToLocalFileTime/
 * LocalFileTimeToFileTime (with the current bias, as documented),
 * CompareFileTime, DOS dates, and NT timeouts for the waits. */
#include <string.h>
#include <time.h>

#include "k32.h"
#include "timeconv.h"

#define QPC_FREQ 10000000

uint64_t k32_timespec_to_100ns(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * 10000000ull + (uint64_t)ts->tv_nsec / 100 + K32_EPOCH_DIFF;
}

uint64_t k32_now_100ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return k32_timespec_to_100ns(&ts);
}

const struct timespec *k32_nt_deadline(const LARGE_INTEGER *t, struct timespec *buf)
{
    if (!t)
        return NULL;
    int64_t v = t->QuadPart;
    if (v > 0) { /* absolute system time */
        int64_t now = (int64_t)k32_now_100ns();
        v = v > now ? now - v : 0;
    }
    uint64_t rel = (uint64_t)-v; /* 100 ns units from now */
    clock_gettime(CLOCK_MONOTONIC, buf);
    buf->tv_sec += (time_t)(rel / 10000000u);
    buf->tv_nsec += (long)(rel % 10000000u) * 100;
    if (buf->tv_nsec >= 1000000000L)
        buf->tv_sec++, buf->tv_nsec -= 1000000000L;
    return buf;
}

static void put_ft(FILETIME *f, uint64_t v)
{
    f->dwLowDateTime = (DWORD)v;
    f->dwHighDateTime = (DWORD)(v >> 32);
}

static uint64_t get_ft(const FILETIME *f)
{
    return (uint64_t)f->dwHighDateTime << 32 | f->dwLowDateTime;
}

static void to_systemtime(const struct k32_civil *c, SYSTEMTIME *st)
{
    st->wYear = (WORD)c->year, st->wMonth = (WORD)c->month, st->wDayOfWeek = (WORD)c->dow;
    st->wDay = (WORD)c->day, st->wHour = (WORD)c->hour, st->wMinute = (WORD)c->minute;
    st->wSecond = (WORD)c->second, st->wMilliseconds = (WORD)c->ms;
}

static void WINAPI w32_GetSystemTimeAsFileTime(FILETIME *f)
{
    put_ft(f, k32_now_100ns());
}

static void WINAPI w32_GetSystemTime(SYSTEMTIME *st)
{
    struct k32_civil c;
    k32_ft_to_civil(k32_now_100ns(), &c);
    to_systemtime(&c, st);
}

static void WINAPI w32_GetLocalTime(SYSTEMTIME *st)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    localtime_r(&ts.tv_sec, &tm);
    st->wYear = (WORD)(tm.tm_year + 1900), st->wMonth = (WORD)(tm.tm_mon + 1);
    st->wDayOfWeek = (WORD)tm.tm_wday, st->wDay = (WORD)tm.tm_mday;
    st->wHour = (WORD)tm.tm_hour, st->wMinute = (WORD)tm.tm_min, st->wSecond = (WORD)tm.tm_sec;
    st->wMilliseconds = (WORD)(ts.tv_nsec / 1000000);
}

static BOOL WINAPI w32_SetSystemTime(const SYSTEMTIME *st)
{
    (void)st;
    w32_set_last_error(ERROR_PRIVILEGE_NOT_HELD); /* the host clock is not the program's */
    return FALSE;
}

static BOOL WINAPI w32_FileTimeToSystemTime(const FILETIME *f, SYSTEMTIME *st)
{
    struct k32_civil c;
    if (!k32_ft_to_civil(get_ft(f), &c)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    to_systemtime(&c, st);
    return TRUE;
}

static BOOL WINAPI w32_SystemTimeToFileTime(const SYSTEMTIME *st, FILETIME *f)
{
    struct k32_civil c = { st->wYear, st->wMonth, st->wDay, st->wHour, st->wMinute, st->wSecond,
                           st->wMilliseconds, 0 };
    uint64_t v;
    if (!k32_civil_to_ft(&c, &v)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    put_ft(f, v);
    return TRUE;
}

/* The current offset of local time from UTC, in 100 ns units. */
static int64_t local_offset(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return (int64_t)tm.tm_gmtoff * 10000000;
}

static BOOL WINAPI w32_FileTimeToLocalFileTime(const FILETIME *utc, FILETIME *local)
{
    put_ft(local, get_ft(utc) + (uint64_t)local_offset());
    return TRUE;
}

static BOOL WINAPI w32_LocalFileTimeToFileTime(const FILETIME *local, FILETIME *utc)
{
    put_ft(utc, get_ft(local) - (uint64_t)local_offset());
    return TRUE;
}

static LONG WINAPI w32_CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    uint64_t x = get_ft(a), y = get_ft(b);
    return x < y ? -1 : x > y;
}

static uint64_t boot_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static DWORD WINAPI w32_GetTickCount(void) { return (DWORD)boot_ms(); }
static ULONGLONG WINAPI w32_GetTickCount64(void) { return boot_ms(); }

static BOOL WINAPI w32_QueryPerformanceCounter(LARGE_INTEGER *c)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    c->QuadPart = (LONGLONG)ts.tv_sec * QPC_FREQ + ts.tv_nsec / (1000000000 / QPC_FREQ);
    return TRUE;
}

static BOOL WINAPI w32_QueryPerformanceFrequency(LARGE_INTEGER *f)
{
    f->QuadPart = QPC_FREQ;
    return TRUE;
}

static BOOL WINAPI w32_QueryUnbiasedInterruptTime(ULONGLONG *t)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    *t = (ULONGLONG)ts.tv_sec * 10000000u + (ULONGLONG)ts.tv_nsec / 100;
    return TRUE;
}

static void WINAPI w32_QueryInterruptTime(ULONGLONG *t)
{
    struct timespec ts;
    clock_gettime(CLOCK_BOOTTIME, &ts);
    *t = (ULONGLONG)ts.tv_sec * 10000000u + (ULONGLONG)ts.tv_nsec / 100;
}

/* DOS dates: bits 15-9 year since 1980, 8-5 month, 4-0 day; times:
 * 15-11 hours, 10-5 minutes, 4-0 seconds / 2. */
static BOOL WINAPI w32_FileTimeToDosDateTime(const FILETIME *f, WORD *date, WORD *tm)
{
    struct k32_civil c;
    if (!k32_ft_to_civil(get_ft(f), &c) || c.year < 1980 || c.year > 2107) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *date = (WORD)((c.year - 1980) << 9 | c.month << 5 | c.day);
    *tm = (WORD)(c.hour << 11 | c.minute << 5 | c.second / 2);
    return TRUE;
}

static BOOL WINAPI w32_DosDateTimeToFileTime(WORD date, WORD tm, FILETIME *f)
{
    struct k32_civil c = { 1980 + (date >> 9), (date >> 5) & 15, date & 31, tm >> 11,
                           (tm >> 5) & 63, (tm & 31) * 2, 0, 0 };
    uint64_t v;
    if (!k32_civil_to_ft(&c, &v)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    put_ft(f, v);
    return TRUE;
}

static BOOL WINAPI w32_GetSystemTimes(FILETIME *idle, FILETIME *kernel, FILETIME *user)
{
    FILETIME z = { 0, 0 };
    if (idle) *idle = z;
    if (kernel) *kernel = z;
    if (user) *user = z;
    return TRUE;
}

static NTSTATUS WINAPI w32_NtQuerySystemTime(LARGE_INTEGER *t)
{
    t->QuadPart = (LONGLONG)k32_now_100ns();
    return 0;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetSystemTimeAsFileTime, "p:v"),
    EXPORT_AS("GetSystemTimePreciseAsFileTime", w32_GetSystemTimeAsFileTime, "p:v"),
    EXPORT(GetSystemTime, "p:v"),
    EXPORT(GetLocalTime, "p:v"),
    EXPORT(SetSystemTime, "p:i"),
    EXPORT_AS("SetLocalTime", w32_SetSystemTime, "p:i"),
    EXPORT(FileTimeToSystemTime, "pp:i"),
    EXPORT(SystemTimeToFileTime, "pp:i"),
    EXPORT(FileTimeToLocalFileTime, "pp:i"),
    EXPORT(LocalFileTimeToFileTime, "pp:i"),
    EXPORT(CompareFileTime, "pp:i"),
    EXPORT(GetTickCount, ":u"),
    EXPORT(GetTickCount64, ":q"),
    EXPORT(QueryPerformanceCounter, "p:i"),
    EXPORT(QueryPerformanceFrequency, "p:i"),
    EXPORT(QueryUnbiasedInterruptTime, "p:i"),
    EXPORT(QueryInterruptTime, "p:v"),
    EXPORT_AS("QueryInterruptTimePrecise", w32_QueryInterruptTime, "p:v"),
    EXPORT(FileTimeToDosDateTime, "ppp:i"),
    EXPORT(DosDateTimeToFileTime, "uup:i"),
    EXPORT(GetSystemTimes, "ppp:i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(NtQuerySystemTime, "p:u"),
};
