/* loop.c — the per-call overhead benchmark: N getppid() calls, timed with
 * the monotonic clock; prints nanoseconds per call. Portable: built
 * natively and for FreeBSD (with the samples' C runtime). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    struct timespec a, b;
    long sum = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++)
        sum += getppid();
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    printf("%ld.%01ld ns/call (%s)\n", ns / n, (ns * 10 / n) % 10, sum > 0 ? "ok" : "bad");
    return sum > 0 ? 0 : 1;
}
