/* poll.c — poll(209). */
#include <poll.h>

#include "syscall.h"

int poll(struct pollfd *fds, nfds_t n, int timeout)
{
    return (int)__sc3(SYS_poll, fds, n, timeout);
}
