/* mstime.h — Windows' struct tm (nine ints, 36 bytes; the host's has
 * more fields) and its conversions, shared by time.c and strftime.c. */
#ifndef XENO_CRT_MSTIME_H
#define XENO_CRT_MSTIME_H

#include <time.h>

struct ms_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
};
_Static_assert(sizeof(struct ms_tm) == 36, "Windows struct tm");

void crt_tm_from_host(struct ms_tm *m, const struct tm *t);
void crt_tm_to_host(struct tm *t, const struct ms_tm *m);
/* strftime with Microsoft's conversions (UCRT 1: the UCRT's set). */
size_t crt_strftime(char *buf, size_t n, const char *fmt, const struct ms_tm *t, int ucrt, const char *fn);

#endif
