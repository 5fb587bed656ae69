/* sigwait.c — waiting for signals synchronously and queueing them with a
 * value: sigwait(429) returns its error number as the value, and POSIX
 * says sigwait never fails with EINTR, so it is retried;
 * sigwaitinfo(346) and sigtimedwait(345) return the signal number;
 * sigqueue(456) passes the sigval as a pointer-sized word. */
#include <errno.h>
#include <signal.h>
#include <time.h>

#include "syscall.h"

enum { SYS_sigtimedwait_ = 345, SYS_sigwaitinfo_ = 346, SYS_sigwait_ = 429, SYS_sigqueue_ = 456 };

int sigwait(const sigset_t *set, int *sig)
{
    long r;
    do
        r = __sys2(SYS_sigwait_, set, sig);
    while (r == EINTR);
    return (int)r;
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
    return (int)__sc2(SYS_sigwaitinfo_, set, info);
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    return (int)__sc3(SYS_sigtimedwait_, set, info, timeout);
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
    return (int)__sc3(SYS_sigqueue_, pid, sig, value.sival_ptr);
}
