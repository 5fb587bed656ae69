/* select.c — select (Windows fd_set: a 32-bit count, then that many
 * SOCKETs, which are handles, not small integers; nfds is ignored),
 * __WSAFDIsSet (what FD_ISSET calls) and WSAPoll, both on poll(). A
 * non-blocking connect that failed is reported in exceptfds, not
 * writefds, with its error kept for SO_ERROR, as Windows does. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>

#include "ws.h"

typedef struct { UINT fd_count; SOCKET fd_array[1]; } ws_fd_set;
struct ws_timeval { LONG tv_sec, tv_usec; };

enum { SEL_READ, SEL_WRITE, SEL_EXCEPT };

struct entry {
    struct ws_socket *s;
    int set;
};

/* A connecting socket's outcome, once poll says there is one. */
static void settle_connect(struct ws_socket *s, short revents)
{
    if (!s->connecting || !(revents & (POLLOUT | POLLERR | POLLHUP)))
        return;
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(s->f.fd, SOL_SOCKET, SO_ERROR, &err, &len);
    s->connecting = 0;
    if (err)
        s->pending_error = ws_error_from_errno(err);
    else
        s->connected = 1;
}

static int ready(struct ws_socket *s, int set, short rev)
{
    if (set == SEL_READ)
        return (rev & POLLIN) || ((rev & (POLLERR | POLLHUP)) && s->connected);
    if (set == SEL_WRITE)
        return (rev & POLLOUT) && !s->pending_error && !s->connecting;
    return (rev & POLLPRI) || (s->pending_error && !s->connected);
}

static int collect(ws_fd_set *set, int kind, struct entry *e, struct pollfd *p, int n)
{
    static const short want[] = { POLLIN, POLLOUT, POLLPRI };
    for (UINT i = 0; set && i < set->fd_count; i++) {
        struct ws_socket *s = ws_get(set->fd_array[i]);
        if (!s)
            return -1;
        e[n].s = s, e[n].set = kind;
        p[n].fd = s->f.fd, p[n].events = want[kind], p[n].revents = 0;
        n++;
    }
    return n;
}

static int timeout_ms(const struct ws_timeval *t)
{
    if (!t)
        return -1;
    long long ms = (long long)t->tv_sec * 1000 + (t->tv_usec + 999) / 1000;
    return ms < 0 ? 0 : ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

static int poll_all(struct pollfd *p, int n, int ms)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int r = poll(p, (nfds_t)n, ms);
        if (r >= 0 || errno != EINTR)
            return r;
        if (ms > 0) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            long el = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
            ms = el >= ms ? 0 : ms - (int)el;
        }
    }
}

/* Keep in each set only the sockets found ready; return how many. The
 * entries are in set order, as collect() made them. */
static int rewrite(ws_fd_set *sets[3], struct entry *e, struct pollfd *p)
{
    int total = 0, k = 0;
    for (int set = 0; set < 3; set++) {
        if (!sets[set])
            continue;
        UINT kept = 0;
        for (UINT i = 0; i < sets[set]->fd_count; i++, k++) {
            settle_connect(e[k].s, p[k].revents);
            if (ready(e[k].s, set, p[k].revents))
                sets[set]->fd_array[kept++] = sets[set]->fd_array[i];
        }
        sets[set]->fd_count = kept;
        total += (int)kept;
    }
    return total;
}

static int WINAPI w32_select(int nfds, ws_fd_set *rd, ws_fd_set *wr, ws_fd_set *ex, const struct ws_timeval *t)
{
    (void)nfds;
    ws_fd_set *sets[3] = { rd, wr, ex };
    size_t max = (rd ? rd->fd_count : 0) + (wr ? wr->fd_count : 0) + (ex ? ex->fd_count : 0);
    if (max == 0)
        return ws_fail(WSAEINVAL);
    struct entry *e = calloc(max, sizeof *e);
    struct pollfd *p = calloc(max, sizeof *p);
    int n = 0, r = SOCKET_ERROR;
    if (!e || !p) {
        ws_fail(WSAENOBUFS);
        goto out;
    }
    for (int set = 0; set < 3 && n >= 0; set++)
        n = collect(sets[set], set, e, p, n);
    if (n < 0) {
        ws_fail(WSAENOTSOCK);
        goto out;
    }
    if (poll_all(p, n, timeout_ms(t)) < 0)
        ws_fail(ws_error_from_errno(errno));
    else
        r = rewrite(sets, e, p);
out:
    for (size_t i = 0; e && i < max && e[i].s; i++)
        ws_put(e[i].s);
    free(e);
    free(p);
    return r;
}

static int WINAPI w32___WSAFDIsSet(SOCKET s, ws_fd_set *set)
{
    for (UINT i = 0; set && i < set->fd_count; i++)
        if (set->fd_array[i] == s)
            return 1;
    return 0;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(select, "ipppp:i"),
    EXPORT(__WSAFDIsSet, "qp:i"),
};
