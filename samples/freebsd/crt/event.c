/* event.c — kqueue(362), kevent(560) and getrandom(563). */
#include <sys/event.h>
#include <sys/random.h>

#include "syscall.h"

int kqueue(void) { return (int)__sc0(SYS_kqueue); }

int kevent(int kq, const struct kevent *changes, int nchanges,
           struct kevent *events, int nevents, const struct timespec *timeout)
{
    return (int)__sc6(SYS_kevent, kq, changes, nchanges, events, nevents, timeout);
}

ssize_t getrandom(void *buf, size_t n, unsigned flags)
{
    return __sc3(SYS_getrandom, buf, n, flags);
}
