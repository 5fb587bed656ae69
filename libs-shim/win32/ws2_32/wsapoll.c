/* wsapoll.c — WSAPoll: poll() with Windows' WSAPOLLFD (a SOCKET, then
 * 16-bit events and revents) and its POLL* values (POLLRDNORM 0x100,
 * POLLRDBAND 0x200, POLLPRI 0x400, POLLWRNORM 0x10, POLLWRBAND 0x20,
 * POLLERR 1, POLLHUP 2, POLLNVAL 4). A negative (INVALID_SOCKET) entry
 * is skipped; one that is not a socket reports POLLNVAL. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>

#include "ws.h"

typedef struct { SOCKET fd; SHORT events, revents; } WSAPOLLFD;

static const struct { SHORT win; short host; } pollmap[] = {
    { 0x0100, POLLIN }, { 0x0200, POLLPRI }, { 0x0400, POLLPRI },
    { 0x0010, POLLOUT }, { 0x0020, POLLWRBAND },
    { 0x0001, POLLERR }, { 0x0002, POLLHUP }, { 0x0004, POLLNVAL },
};
#define NPOLL (sizeof pollmap / sizeof pollmap[0])

short ws_poll_to_host(SHORT w)
{
    short h = 0;
    for (size_t i = 0; i < NPOLL; i++)
        if (w & pollmap[i].win)
            h |= pollmap[i].host;
    return h;
}

/* Host revents → Windows, answering only what was asked for (and the
 * three conditions always reported). */
SHORT ws_poll_from_host(short h, SHORT asked)
{
    SHORT w = 0;
    for (size_t i = 0; i < NPOLL; i++)
        if ((h & pollmap[i].host) && ((asked & pollmap[i].win) || pollmap[i].win <= 4))
            w |= pollmap[i].win;
    return w;
}

static int WINAPI w32_WSAPoll(WSAPOLLFD *fds, ULONG n, INT timeout)
{
    if (!fds || !n)
        return ws_fail(WSAEINVAL);
    struct pollfd *p = calloc(n, sizeof *p);
    struct ws_socket **s = calloc(n, sizeof *s);
    int r = SOCKET_ERROR;
    if (!p || !s) {
        ws_fail(WSAENOBUFS);
        goto out;
    }
    for (ULONG i = 0; i < n; i++) {
        p[i].fd = -1;
        fds[i].revents = 0;
        if ((intptr_t)fds[i].fd < 0)
            continue;
        if (!(s[i] = ws_get(fds[i].fd)))
            continue;
        p[i].fd = s[i]->f.fd;
        p[i].events = ws_poll_to_host(fds[i].events);
    }
    do
        r = poll(p, n, timeout < 0 ? -1 : timeout);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        ws_fail(ws_error_from_errno(errno));
        goto out;
    }
    r = 0;
    for (ULONG i = 0; i < n; i++) {
        if ((intptr_t)fds[i].fd >= 0 && !s[i])
            fds[i].revents = 0x0004; /* POLLNVAL */
        else if (s[i])
            fds[i].revents = ws_poll_from_host(p[i].revents, fds[i].events);
        r += fds[i].revents != 0;
    }
out:
    for (ULONG i = 0; s && i < n; i++)
        if (s[i])
            ws_put(s[i]);
    free(p);
    free(s);
    return r;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(WSAPoll, "pui:i"),
};
