/* timeconv.h — pure calendar arithmetic for FILETIME (100 ns units since
 * 1601-01-01 UTC) and SYSTEMTIME, shared by the time functions and unit
 * tests. No state, no errors set. */
#ifndef XENO_K32_TIMECONV_H
#define XENO_K32_TIMECONV_H

#include <stdint.h>

#define K32_EPOCH_DIFF 116444736000000000ull /* 1601 → 1970 in 100 ns units */
#define K32_TICKS_PER_DAY 864000000000ull

struct k32_civil {
    int year, month, day, hour, minute, second, ms, dow; /* dow: 0 Sunday */
};

/* Days since 1601-01-01 of a proleptic Gregorian date, and back. */
int64_t k32_days_from_civil(int y, int m, int d);
void k32_civil_from_days(int64_t days, int *y, int *m, int *d);
int k32_days_in_month(int y, int m);
/* FILETIME value → broken-down time; 0 if out of SYSTEMTIME's range. */
int k32_ft_to_civil(uint64_t ft, struct k32_civil *c);
/* Broken-down time → FILETIME value; 0 if a field is out of range. */
int k32_civil_to_ft(const struct k32_civil *c, uint64_t *ft);
/* The day of month of the N-th (1–4, 5 = last) weekday DOW of a month. */
int k32_nth_weekday(int y, int m, int dow, int n);

#endif
