/* timing.c — clocks and sleeps, printing only facts that hold on any
 * machine: CLOCK_MONOTONIC never goes back, nanosleep/usleep sleep at
 * least as asked, CLOCK_REALTIME, time() and gettimeofday agree,
 * resolutions are sane, CPU time advances, and invalid requests give
 * EINVAL. Exit status 0, or 1 if a check failed. Portable C. */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "names.h"

static int failed;

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, yesno(ok));
    failed |= !ok;
}

static long long ns(const struct timespec *t)
{
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static long long mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return ns(&t);
}

int main(void)
{
    long long prev = mono(), start = prev;
    int steady = 1;
    for (int i = 0; i < 1000; i++) {
        long long now = mono();
        steady &= now >= prev;
        prev = now;
    }
    check("CLOCK_MONOTONIC never goes back over 1000 reads", steady);
    struct timespec req = { 0, 10000000 };
    start = mono();
    check("nanosleep(10ms) returns 0", nanosleep(&req, NULL) == 0);
    check("nanosleep(10ms) slept at least 10ms", mono() - start >= 10000000);
    start = mono();
    usleep(20000);
    check("usleep(20000) slept at least 20ms", mono() - start >= 20000000);
    check("sleep(0) returns 0", sleep(0) == 0);

    struct timespec rt;
    /* time() first: glibc reads a coarse clock that may lag CLOCK_REALTIME
     * by a tick, so only "not after" holds in the other order */
    time_t t = time(NULL);
    clock_gettime(CLOCK_REALTIME, &rt);
    check("CLOCK_REALTIME is after 2020", rt.tv_sec > 1577836800);
    check("tv_nsec is in [0, 1e9)", rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000);
    check("time() agrees with CLOCK_REALTIME", rt.tv_sec - t >= 0 && rt.tv_sec - t <= 2);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    check("gettimeofday agrees with CLOCK_REALTIME", tv.tv_sec - rt.tv_sec >= 0 && tv.tv_sec - rt.tv_sec <= 2);
    check("tv_usec is in [0, 1e6)", tv.tv_usec >= 0 && tv.tv_usec < 1000000);

    struct timespec res;
    clock_getres(CLOCK_MONOTONIC, &res);
    check("CLOCK_MONOTONIC resolution is at most 10ms", ns(&res) > 0 && ns(&res) <= 10000000);
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    volatile unsigned long spin = 0;
    for (long i = 0; i < 20000000; i++)
        spin += (unsigned long)i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    check("process CPU time advances while spinning", ns(&c1) > ns(&c0) && spin > 0);

    struct timespec bad = { 0, 1000000000 };
    printf("nanosleep with tv_nsec = 1e9: %s\n", nanosleep(&bad, NULL) < 0 ? errname(errno) : "ok");
    printf("clock_gettime of clock 12345: %s\n", clock_gettime(12345, &rt) < 0 ? errname(errno) : "ok");
    return failed;
}
