/* signals.c — signal handling: sigaction handlers for SIGUSR1 sent with
 * kill and raise, SA_SIGINFO fields (si_signo, si_code SI_USER, si_pid),
 * the mask inside a handler (the signal itself and sa_mask), blocking
 * with sigprocmask and delivery on unblock (USR1 before USR2), SIG_IGN,
 * SA_RESETHAND, SIGALRM from setitimer awaited with sigsuspend, alarm,
 * EINVAL for SIGKILL, and a child killed by SIGUSR1 (wait status reports
 * the signal by name). Handlers only record; main prints. Exit status 0,
 * or 1 on a failed step. Portable C. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"

static volatile sig_atomic_t last_sig, count, order[4], norder;
static volatile sig_atomic_t self_blocked, usr2_blocked;
static volatile sig_atomic_t info_signo, info_code_user, info_pid_ok;

static void on_signal(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    self_blocked = sigismember(&cur, sig);
    usr2_blocked = sigismember(&cur, SIGUSR2);
    last_sig = sig;
    count++;
    if (norder < 4)
        order[norder++] = sig;
}

static void on_info(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    info_signo = si->si_signo == sig;
    info_code_user = si->si_code == SI_USER;
    info_pid_ok = si->si_pid == getpid();
    count++;
    if (norder < 4)
        order[norder++] = sig;
}

static int install(int sig, void (*fn)(int), int flags, int extra_mask)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (extra_mask)
        sigaddset(&sa.sa_mask, extra_mask);
    return sigaction(sig, &sa, NULL);
}

static void basics(void)
{
    printf("sigaction SIGUSR1: %s\n", install(SIGUSR1, on_signal, 0, SIGUSR2) ? errname(errno) : "ok");
    kill(getpid(), SIGUSR1);
    printf("after kill: handler ran %d time(s), signal %s\n", (int)count, signame(last_sig));
    printf("inside the handler: SIGUSR1 blocked %s, SIGUSR2 (sa_mask) blocked %s\n",
           yesno(self_blocked), yesno(usr2_blocked));
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("after the handler: SIGUSR1 blocked %s\n", yesno(sigismember(&cur, SIGUSR1)));
    raise(SIGUSR1);
    printf("after raise: handler ran %d time(s)\n", (int)count);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    kill(getpid(), SIGUSR2);
    printf("SA_SIGINFO: si_signo ok %s, si_code SI_USER %s, si_pid is ours %s\n",
           yesno(info_signo), yesno(info_code_user), yesno(info_pid_ok));
}

static void blocking(void)
{
    sigset_t set, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    count = 0;
    norder = 0;
    kill(getpid(), SIGUSR2);
    kill(getpid(), SIGUSR1);
    printf("while blocked: handler ran %d time(s)\n", (int)count);
    sigpending(&pending);
    printf("pending: SIGUSR1 %s, SIGUSR2 %s, SIGTERM %s\n", yesno(sigismember(&pending, SIGUSR1)),
           yesno(sigismember(&pending, SIGUSR2)), yesno(sigismember(&pending, SIGTERM)));
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    int ran = count;
    printf("after unblocking: handler ran %d time(s), order:", ran);
    for (int i = 0; i < norder; i++)
        printf(" %s", signame(order[i]));
    printf("\n");
}

static void dispositions(void)
{
    struct sigaction old;
    install(SIGUSR1, (void (*)(int))SIG_IGN, 0, 0);
    count = 0;
    kill(getpid(), SIGUSR1);
    printf("ignored SIGUSR1: still running, handler ran %d time(s)\n", (int)count);
    install(SIGUSR1, on_signal, SA_RESETHAND, 0);
    kill(getpid(), SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    printf("SA_RESETHAND: handler ran %d time(s), now SIG_DFL %s\n", (int)count,
           yesno(old.sa_handler == SIG_DFL));
    printf("sigaction SIGKILL: %s\n", install(SIGKILL, on_signal, 0, 0) ? errname(errno) : "ok");
    printf("kill(getpid(), 0): %s\n", kill(getpid(), 0) ? errname(errno) : "ok");
    sigset_t s;
    sigemptyset(&s);
    printf("sigaddset(0): %s\n", sigaddset(&s, 0) ? errname(errno) : "ok");
}

static void timers(void)
{
    sigset_t block, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigemptyset(&empty);
    install(SIGALRM, on_signal, 0, 0);
    sigprocmask(SIG_BLOCK, &block, NULL);
    struct itimerval it = { { 0, 0 }, { 0, 50000 } }, now;
    printf("setitimer 50ms: %s\n", setitimer(ITIMER_REAL, &it, NULL) ? errname(errno) : "ok");
    last_sig = 0;
    int r = sigsuspend(&empty);
    printf("sigsuspend returned %d (%s), got %s\n", r, errname(errno), signame(last_sig));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    getitimer(ITIMER_REAL, &now);
    printf("timer disarmed: %s\n", yesno(now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0));
    alarm(30);
    unsigned left = alarm(0);
    printf("alarm(0) after alarm(30) returns 29 or 30: %s\n", yesno(left == 29 || left == 30));
}

static void child_killed(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGUSR1, SIG_DFL);
        kill(getpid(), SIGUSR1);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child with default SIGUSR1: signaled %s, by %s\n", yesno(WIFSIGNALED(status)),
           signame(WTERMSIG(status)));
}

int main(void)
{
    basics();
    blocking();
    dispositions();
    timers();
    child_killed();
    return 0;
}
