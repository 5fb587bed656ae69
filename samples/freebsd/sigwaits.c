/* sigwaits.c — taking signals synchronously: sigwait, sigwaitinfo and
 * sigtimedwait (a signal already pending, one sent by another process
 * while waiting, a timeout, an interruption by a handler's signal),
 * sigqueue's value reaching a waiter and a handler, a signal left to its
 * default action still killing a process that waits for another one, and
 * kill() to a process group (0 and -pgrp). Portable C: prints the same
 * natively on Linux and under xeno. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "names.h"

static const char *code_name(int c)
{
    return c == SI_USER ? "SI_USER" : c == SI_QUEUE ? "SI_QUEUE" : "other";
}

static sigset_t just(int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    return s;
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void pending_and_queued(void)
{
    sigset_t both = just(SIGUSR1), two = just(SIGUSR2);
    siginfo_t si;
    int sig = 0;
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, NULL);
    kill(getpid(), SIGUSR1);
    int r = sigwait(&both, &sig);
    printf("sigwait: %s (%d)\n", signame(sig), r);
    union sigval v;
    v.sival_int = 42;
    sigqueue(getpid(), SIGUSR2, v);
    memset(&si, 0, sizeof si);
    r = sigwaitinfo(&two, &si);
    printf("sigwaitinfo: %s code=%s value=%d from-self=%s\n", signame(r), code_name(si.si_code),
           si.si_value.sival_int, yesno(si.si_pid == getpid()));
}

static void timeout(void)
{
    sigset_t one = just(SIGUSR1), kill9 = just(SIGKILL);
    struct timespec t0, wait50 = { 0, 50000000 }, zero = { 0, 0 };
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int r = sigtimedwait(&one, NULL, &wait50);
    printf("sigtimedwait: %d %s after >= 40 ms: %s\n", r, errname(errno), yesno(ms_since(&t0) >= 40));
    r = sigtimedwait(&kill9, NULL, &zero);
    printf("sigtimedwait for SIGKILL: %d %s\n", r, errname(errno));
}

static void from_child(void)
{
    sigset_t one = just(SIGUSR1);
    siginfo_t si;
    pid_t c = fork();
    if (c == 0) {
        usleep(50000);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    memset(&si, 0, sizeof si);
    int r = sigwaitinfo(&one, &si);
    printf("from a child: %s code=%s pid-is-child=%s\n", signame(r), code_name(si.si_code),
           yesno(si.si_pid == c));
    waitpid(c, NULL, 0);
}

static volatile sig_atomic_t alarm_ran, queued_value, queued_code;

static void on_alarm(int sig) { (void)sig; alarm_ran = 1; }

static void on_queued(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    queued_value = si->si_value.sival_int;
    queued_code = si->si_code;
}

static void interrupted(void)
{
    sigset_t one = just(SIGUSR1), two = just(SIGUSR2);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 0, 0 }, { 0, 50000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    int r = sigwaitinfo(&one, NULL);
    printf("interrupted: %d %s handler-ran=%s\n", r, errname(errno), yesno(alarm_ran));
    sa.sa_handler = NULL;
    sa.sa_sigaction = on_queued;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    union sigval v;
    v.sival_int = 7;
    sigqueue(getpid(), SIGUSR2, v);
    sigprocmask(SIG_UNBLOCK, &two, NULL);
    printf("sigqueue to a handler: code=%s value=%d\n", code_name(queued_code), (int)queued_value);
}

static void default_action_while_waiting(void)
{
    int st = 0;
    pid_t c = fork();
    if (c == 0) {
        sigset_t one = just(SIGUSR1);
        int sig;
        sigprocmask(SIG_BLOCK, &one, NULL);
        sigwait(&one, &sig);
        _exit(0);
    }
    usleep(50000);
    kill(c, SIGTERM);
    waitpid(c, &st, 0);
    printf("SIGTERM while waiting for SIGUSR1: %s\n",
           WIFSIGNALED(st) ? signame(WTERMSIG(st)) : "not killed");
}

/* In a child that leads its own group: two members for each kill. */
static int group_kill(int sig, int by_pgrp)
{
    pid_t m[2];
    int killed = 0, st;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(sig, SIG_DFL); /* the members are born with the default action */
    for (int i = 0; i < 2; i++)
        if ((m[i] = fork()) == 0)
            for (;;)
                pause();
    signal(sig, SIG_IGN);
    usleep(20000);
    kill(by_pgrp ? -getpgrp() : 0, sig);
    for (int i = 0; i < 2; i++)
        if (waitpid(m[i], &st, 0) == m[i] && WIFSIGNALED(st) && WTERMSIG(st) == sig)
            killed++;
    return killed;
}

static void process_groups(void)
{
    int st = 0;
    pid_t c = fork();
    if (c == 0) {
        setpgid(0, 0);
        int a = group_kill(SIGUSR1, 0), b = group_kill(SIGUSR2, 1);
        _exit(a * 10 + b);
    }
    waitpid(c, &st, 0);
    int n = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    printf("kill(0, SIGUSR1): %d members killed; kill(-pgrp, SIGUSR2): %d\n", n / 10, n % 10);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    pending_and_queued();
    timeout();
    from_child();
    interrupted();
    default_action_while_waiting();
    process_groups();
    return 0;
}
