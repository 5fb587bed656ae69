/* time.c — clocks, sleeping and interval timers. */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "syscall.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
    return (int)__sc2(SYS_clock_gettime, clock, ts);
}

int clock_getres(clockid_t clock, struct timespec *ts)
{
    return (int)__sc2(SYS_clock_getres, clock, ts);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)__sc2(SYS_nanosleep, req, rem);
}

time_t time(time_t *t)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (t)
        *t = ts.tv_sec;
    return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
    return (int)__sc2(SYS_gettimeofday, tv, tz);
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
    return (int)__sc3(SYS_setitimer, which, value, old);
}

int getitimer(int which, struct itimerval *value)
{
    return (int)__sc2(SYS_getitimer, which, value);
}

unsigned alarm(unsigned seconds)
{
    struct itimerval it = { { 0, 0 }, { seconds, 0 } }, old;
    if (setitimer(ITIMER_REAL, &it, &old) < 0)
        return 0;
    return (unsigned)(old.it_value.tv_sec + (old.it_value.tv_usec >= 500000));
}

unsigned sleep(unsigned seconds)
{
    struct timespec ts = { seconds, 0 };
    if (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        return (unsigned)ts.tv_sec + (ts.tv_nsec > 0);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec ts = { usec / 1000000, (long)(usec % 1000000) * 1000 };
    return nanosleep(&ts, NULL);
}
