/* tz.c — the CRT's time-zone variables (_tzset, _timezone, _daylight,
 * _tzname) from the host's TZ settings. */
#include <time.h>

#include "crt.h"

static long ms_timezone;
static int ms_daylight;
static char *ms_tzname[2];

static void WINAPI w32__tzset(void)
{
    tzset();
    ms_timezone = timezone;
    ms_daylight = daylight;
    ms_tzname[0] = tzname[0];
    ms_tzname[1] = tzname[1];
}

__attribute__((constructor)) static void tz_init(void) { w32__tzset(); }

static long *WINAPI w32___timezone(void) { return &ms_timezone; }
static int *WINAPI w32___daylight(void) { return &ms_daylight; }
static char **WINAPI w32___tzname(void) { return ms_tzname; }

W32_EXPORTS(msvcrt) = {
    EXPORT(_tzset, ":v"), EXPORT(__timezone, ":p"), EXPORT(__daylight, ":p"),
    EXPORT(__tzname, ":p"), EXPORT_DATA(_timezone, ms_timezone),
    EXPORT_DATA(_daylight, ms_daylight), EXPORT_DATA(_tzname, ms_tzname),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(_tzset, ":v"), EXPORT(__timezone, ":p"), EXPORT(__daylight, ":p"),
    EXPORT(__tzname, ":p"),
};
