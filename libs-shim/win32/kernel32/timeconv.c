/* timeconv.c — calendar arithmetic for FILETIME and SYSTEMTIME: days
 * since 1601 from a Gregorian date and back (the "days from civil"
 * method on 400-year cycles), range checks as SystemTimeToFileTime makes
 * them, and the "n-th weekday of a month" rule of time-zone dates. */
#include "timeconv.h"

/* 1601-01-01 is day 0; the algorithm counts from 0000-03-01. */
#define DAYS_0000_03_01_TO_1601_01_01 584694

int64_t k32_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - DAYS_0000_03_01_TO_1601_01_01;
}

void k32_civil_from_days(int64_t days, int *y, int *m, int *d)
{
    int64_t z = days + DAYS_0000_03_01_TO_1601_01_01;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int k32_days_in_month(int y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dm[m - 1];
}

int k32_ft_to_civil(uint64_t ft, struct k32_civil *c)
{
    if (ft >= 0x8000000000000000ull)
        return 0;
    int64_t days = (int64_t)(ft / K32_TICKS_PER_DAY);
    uint64_t rest = ft % K32_TICKS_PER_DAY;
    k32_civil_from_days(days, &c->year, &c->month, &c->day);
    c->dow = (int)((days + 1) % 7); /* 1601-01-01 was a Monday */
    c->hour = (int)(rest / 36000000000ull);
    c->minute = (int)(rest / 600000000ull % 60);
    c->second = (int)(rest / 10000000ull % 60);
    c->ms = (int)(rest / 10000ull % 1000);
    return 1;
}

int k32_civil_to_ft(const struct k32_civil *c, uint64_t *ft)
{
    if (c->year < 1601 || c->year > 30827 || c->month < 1 || c->month > 12 || c->day < 1 ||
        c->day > k32_days_in_month(c->year, c->month) || c->hour < 0 || c->hour > 23 ||
        c->minute < 0 || c->minute > 59 || c->second < 0 || c->second > 59 || c->ms < 0 ||
        c->ms > 999)
        return 0;
    int64_t days = k32_days_from_civil(c->year, c->month, c->day);
    *ft = (uint64_t)days * K32_TICKS_PER_DAY + (uint64_t)c->hour * 36000000000ull +
          (uint64_t)c->minute * 600000000ull + (uint64_t)c->second * 10000000ull +
          (uint64_t)c->ms * 10000ull;
    return 1;
}

int k32_nth_weekday(int y, int m, int dow, int n)
{
    int first_dow = (int)((k32_days_from_civil(y, m, 1) + 1) % 7);
    int day = 1 + (dow - first_dow + 7) % 7 + 7 * (n - 1);
    while (day > k32_days_in_month(y, m))
        day -= 7;
    return day;
}
