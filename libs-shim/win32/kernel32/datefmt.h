/* datefmt.h — the date and time format pictures of GetDateFormat and
 * GetTimeFormat ("dddd, MMMM d, yyyy", "h:mm:ss tt"), expanded in UTF-8:
 * pure, for datefmt.c and the unit tests. */
#ifndef XENO_K32_DATEFMT_H
#define XENO_K32_DATEFMT_H

#include <stddef.h>

#define TIME_NOMINUTESORSECONDS 0x1
#define TIME_NOSECONDS 0x2
#define TIME_NOTIMEMARKER 0x4
#define TIME_FORCE24HOURFORMAT 0x8

/* Names of a locale: days from Monday (LOCALE_SDAYNAME1 order). */
struct k32_date_names {
    const char *day[7], *abbr_day[7], *month[12], *abbr_month[12];
    const char *am, *pm, *era;
};

struct k32_datetime {
    int year, month, day, dow; /* dow: 0 Sunday */
    int hour, minute, second;
};

/* Expand PIC into OUT (CAP bytes, always NUL-terminated when CAP > 0).
 * TIME selects the time pictures (h H m s t) and TIME_* FLAGS, else the
 * date pictures (d M y g). Returns the length the full result needs,
 * without the NUL. */
size_t k32_format_datetime(const char *pic, const struct k32_datetime *t,
                           const struct k32_date_names *names, int time, unsigned flags,
                           char *out, size_t cap);

#endif
