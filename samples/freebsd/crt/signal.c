/* signal.c — signal actions, masks and sending. The kernel calls a
 * handler and returns from it through its own signal trampoline, so
 * sigaction(416) passes FreeBSD's struct sigaction unchanged: there is
 * no restorer field to fill. raise() is thr_kill(thr_self()). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "syscall.h"

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    return (int)__sc3(SYS_sigaction, sig, act, old);
}

sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    if (sigaction(sig, &sa, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    return (int)__sc3(SYS_sigprocmask, how, set, old);
}

int sigpending(sigset_t *set) { return (int)__sc1(SYS_sigpending, set); }
int sigsuspend(const sigset_t *mask) { return (int)__sc1(SYS_sigsuspend, mask); }

int sigaltstack(const stack_t *ss, stack_t *old)
{
    return (int)__sc2(SYS_sigaltstack, ss, old);
}

int pause(void)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigsuspend(&cur);
}

static int bad_signal(int sig)
{
    if (sig > 0 && sig <= 128)
        return 0;
    errno = EINVAL;
    return 1;
}

int sigemptyset(sigset_t *set) { memset(set, 0, sizeof *set); return 0; }
int sigfillset(sigset_t *set) { memset(set, 0xff, sizeof *set); return 0; }

int sigaddset(sigset_t *set, int sig)
{
    if (bad_signal(sig))
        return -1;
    set->__bits[(sig - 1) >> 5] |= 1u << ((sig - 1) & 31);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (bad_signal(sig))
        return -1;
    set->__bits[(sig - 1) >> 5] &= ~(1u << ((sig - 1) & 31));
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (bad_signal(sig))
        return -1;
    return (set->__bits[(sig - 1) >> 5] >> ((sig - 1) & 31)) & 1;
}

int kill(pid_t pid, int sig) { return (int)__sc2(SYS_kill, pid, sig); }

int raise(int sig)
{
    long tid = 0;
    __sys1(SYS_thr_self, &tid);
    return (int)__sc2(SYS_thr_kill, tid, sig);
}
