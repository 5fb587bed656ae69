/* timefn.c — <time.h> facts that do not depend on when or where it runs:
 * gmtime and strftime of fixed epoch values, mktime of a fixed date after
 * forcing TZ=UTC0 (tzset), mktime normalizing out-of-range fields, difftime,
 * localtime under UTC, and sanity of time() and clock().  Portable C.
 * Exit status: 0. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void show_gm(long long t)
{
    time_t v = (time_t)t;
    struct tm *g = gmtime(&v);
    char buf[80];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B yday %j", g);
    printf("gmtime(%lld) = %s wday %d isdst %d\n", t, buf, g->tm_wday, g->tm_isdst);
}

int main(void)
{
#ifdef _WIN32
    _putenv("TZ=UTC0");
    _tzset();
#else
    putenv("TZ=UTC0");
    tzset();
#endif
    show_gm(0);
    show_gm(951782400);          /* 2000-02-29 */
    show_gm(1234567890);
    show_gm(2147483647);
    show_gm(4102444800LL);        /* 2100-01-01, past 2038 */

    struct tm t = { 0 };
    t.tm_year = 2024 - 1900;
    t.tm_mon = 6;
    t.tm_mday = 4;
    t.tm_hour = 12;
    t.tm_min = 30;
    t.tm_isdst = 0;
    time_t m = mktime(&t);
    printf("mktime(2024-07-04 12:30:00) = %lld, wday %d, yday %d\n", (long long)m, t.tm_wday, t.tm_yday);

    struct tm o = { 0 };
    o.tm_year = 2023 - 1900;
    o.tm_mon = 11;
    o.tm_mday = 32;               /* Dec 32 -> Jan 1 */
    o.tm_hour = 25;               /* +1 day, 1:00 */
    o.tm_min = -30;
    o.tm_isdst = 0;
    time_t m2 = mktime(&o);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &o);
    printf("normalized: %s (%lld)\n", buf, (long long)m2);
    printf("difftime: %.1f seconds = %.3f days\n", difftime(m, m2), difftime(m, m2) / 86400.0);

    time_t fixed = 1700000000;
    struct tm *l = localtime(&fixed);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", l);
    printf("localtime under UTC: %s\n", buf);
    strftime(buf, sizeof buf, "%d/%m/%y %I:%M %p, %%", l);
    printf("strftime more: %s\n", buf);

    time_t now = time(NULL);
    printf("time() after 2020: %s\n", now > 1577836800 ? "yes" : "no");
    printf("clock() not negative: %s\n", clock() >= 0 ? "yes" : "no");
    return 0;
}
