/* tz.c — the CRT's time-zone variables (_tzset, _timezone, _daylight,
 * _dstbias, _tzname) and their getters, from the TZ variable as the
 * host's time functions read it (the CRT's _putenv keeps the host
 * environment's TZ current). _timezone is a 32-bit long of seconds west
 * of UTC, as on Windows. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crt.h"

static int32_t ms_timezone, ms_dstbias = -3600;
static int ms_daylight;
static char tzname0[64], tzname1[64];
static char *ms_tzname[2] = { tzname0, tzname1 };

static void WINAPI w32__tzset(void)
{
    tzset();
    ms_timezone = (int32_t)timezone;
    ms_daylight = daylight;
    snprintf(tzname0, sizeof tzname0, "%s", tzname[0] ? tzname[0] : "");
    snprintf(tzname1, sizeof tzname1, "%s", tzname[1] ? tzname[1] : "");
}

void crt_tz_init(void) { w32__tzset(); }

static int32_t *WINAPI w32___timezone(void) { return &ms_timezone; }
static int *WINAPI w32___daylight(void) { return &ms_daylight; }
static int32_t *WINAPI w32___dstbias(void) { return &ms_dstbias; }
static char **WINAPI w32___tzname(void) { return ms_tzname; }

static int WINAPI w32__get_timezone(int32_t *v) { CRT_CHECK(v, "_get_timezone", MS_EINVAL); *v = ms_timezone; return 0; }
static int WINAPI w32__get_daylight(int *v) { CRT_CHECK(v, "_get_daylight", MS_EINVAL); *v = ms_daylight; return 0; }
static int WINAPI w32__get_dstbias(int32_t *v) { CRT_CHECK(v, "_get_dstbias", MS_EINVAL); *v = ms_dstbias; return 0; }

/* _get_tzname(&len, buf, size, index): index 0 standard, 1 daylight. */
static int WINAPI w32__get_tzname(size_t *len, char *buf, size_t size, int index)
{
    CRT_CHECK(len && (index == 0 || index == 1) && (buf || !size), "_get_tzname", MS_EINVAL);
    const char *n = ms_tzname[index];
    *len = strlen(n) + 1;
    if (!buf)
        return 0;
    CRT_CHECK(*len <= size, "_get_tzname", MS_ERANGE);
    memcpy(buf, n, *len);
    return 0;
}

#define TZ_EXPORTS \
    EXPORT(_tzset, ":v"), EXPORT(__timezone, ":p"), EXPORT(__daylight, ":p"), EXPORT(__dstbias, ":p"), \
    EXPORT(__tzname, ":p"), EXPORT(_get_timezone, "p:i"), EXPORT(_get_daylight, "p:i"), \
    EXPORT(_get_dstbias, "p:i"), EXPORT(_get_tzname, "ppqi:i")

W32_EXPORTS(msvcrt) = {
    TZ_EXPORTS, EXPORT_DATA(_timezone, ms_timezone), EXPORT_DATA(_daylight, ms_daylight),
    EXPORT_DATA(_dstbias, ms_dstbias), EXPORT_DATA(_tzname, ms_tzname),
};
W32_EXPORTS(ucrtbase) = { TZ_EXPORTS };
