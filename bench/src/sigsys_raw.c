/* sigsys_raw.c — the floor for a trapped system call on this machine: a
 * getppid loop under Syscall User Dispatch whose SIGSYS handler answers
 * immediately (no translation, no gate). Prints nanoseconds per call. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile char selector;

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig, (void)si;
    selector = 0; /* so that sigreturn itself is not trapped */
    uc->uc_mcontext.gregs[REG_RAX] = 1; /* "the parent is init" */
}

static long trapped_getppid(void)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
    return r;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 200000, sum = 0;
    struct sigaction sa = { 0 };
    struct timespec a, b;
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSYS, &sa, NULL);
    if (prctl(59, 1, 0, 0, &selector) != 0) {
        perror("prctl(PR_SET_SYSCALL_USER_DISPATCH)");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < n; i++) {
        selector = 1;
        sum += trapped_getppid();
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    printf("%ld.%01ld ns/call (%s)\n", ns / n, (ns * 10 / n) % 10, sum == n ? "ok" : "bad");
    return 0;
}
