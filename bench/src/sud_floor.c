/* sud_floor.c — what merely arming Syscall User Dispatch costs a native
 * getppid loop that is never trapped (the selector always says "allow").
 * Mode "inrange": the loop's own code is the range SUD always allows, as
 * xeno's gate and fast arena are; the kernel still takes its slower
 * syscall-entry path for every call. Mode "selector": the loop is outside
 * the allowed range, so the kernel also reads the selector byte each call.
 * These are floors no rewritten call in an armed process can go below.
 * Mode "off" runs the same loop without arming anything.
 * Prints nanoseconds per call. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_ON 1
#endif

extern char __executable_start[], etext[];
static volatile char selector; /* 0: allow */

static long raw_getppid(void)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
    return r;
}

static void unrelated(void) {}

int main(int argc, char **argv)
{
    int inrange = argc > 1 && !strcmp(argv[1], "inrange");
    long n = argc > 2 ? atol(argv[2]) : 1000000, sum = 0;
    unsigned long lo = inrange ? (unsigned long)__executable_start : (unsigned long)unrelated;
    unsigned long len = inrange ? (unsigned long)(etext - __executable_start) : 1;
    struct timespec a, b;
    if (strcmp(argv[1 < argc ? 1 : 0], "off") &&
        prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, lo, len, &selector) != 0) {
        perror("prctl(PR_SET_SYSCALL_USER_DISPATCH)");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++)
        sum += raw_getppid();
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    printf("%ld.%01ld ns/call (%s)\n", ns / n, (ns * 10 / n) % 10, sum > 0 ? "ok" : "bad");
    return 0;
}
