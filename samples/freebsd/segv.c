/* segv.c — a deliberate SIGSEGV: a write to address 16 is caught by an
 * SA_SIGINFO handler, which reports the signal and the fault address
 * with write(2) and ends the process with _exit(0). Exit status 0 only
 * if the handler ran. Portable C. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
    if (write(1, s, strlen(s)) < 0)
        _exit(2);
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    say(sig == SIGSEGV ? "caught SIGSEGV\n" : "caught another signal\n");
    say(si->si_addr == (void *)16 ? "fault address is 16\n" : "fault address is wrong\n");
    _exit(0);
}

/* Kept in a volatile variable so the compiler cannot see the bad write. */
static volatile uintptr_t target = 16;

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    printf("about to write to address 16\n");
    fflush(stdout);
    *(volatile int *)target = 42;
    printf("the write did not fault\n");
    return 1;
}
