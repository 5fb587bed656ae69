/* connect.c — naming and connecting sockets: bind, listen, accept,
 * WSAAccept, connect, WSAConnect, getsockname, getpeername, shutdown.
 * Where Windows and the host differ it follows Windows: listen and
 * getsockname need a bound socket (WSAEINVAL), a non-blocking connect
 * answers WSAEWOULDBLOCK (not "in progress"), accepted sockets inherit
 * the listening socket's blocking mode. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/un.h>
#include <time.h>

#include "ws.h"

static int done(struct ws_socket *s, int err)
{
    ws_put(s);
    return err ? ws_fail(err) : 0;
}

/* Bound: an address family's port or path has been given (or chosen). */
static int is_bound(struct ws_socket *s)
{
    struct sockaddr_storage a;
    socklen_t len = sizeof a;
    if (getsockname(s->f.fd, (struct sockaddr *)&a, &len) < 0)
        return 0;
    if (a.ss_family == AF_INET)
        return ((struct sockaddr_in *)&a)->sin_port != 0;
    if (a.ss_family == AF_INET6)
        return ((struct sockaddr_in6 *)&a)->sin6_port != 0;
    return len > sizeof(sa_family_t);
}

static int WINAPI w32_bind(SOCKET h, const void *name, int len)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage a;
    socklen_t alen;
    int e = ws_sockaddr_to_host(name, len, &a, &alen);
    if (!e && a.ss_family != ws_family_to_host(s->family))
        e = WSAEFAULT;
    if (!e && bind(s->f.fd, (struct sockaddr *)&a, alen) < 0)
        e = errno == EINVAL && is_bound(s) ? WSAEINVAL : ws_error_from_errno(errno);
    return done(s, e);
}

static int WINAPI w32_listen(SOCKET h, int backlog)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    int e = 0;
    if (s->type != SOCK_STREAM && s->type != SOCK_SEQPACKET)
        e = WSAEOPNOTSUPP;
    else if (s->connected)
        e = WSAEISCONN;
    else if (!is_bound(s))
        e = WSAEINVAL;
    else if (listen(s->f.fd, backlog < 0 ? -backlog : backlog > 65535 ? 65535 : backlog) < 0)
        e = ws_error_from_errno(errno);
    else
        s->listening = 1;
    return done(s, e);
}

static uint64_t now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec;
}

/* The next connection on listening socket S (waiting unless it is
 * non-blocking): its descriptor, or -1 with *ERR. */
static int take_connection(struct ws_socket *s, struct sockaddr_storage *a, socklen_t *alen, int *err)
{
    if (!s->listening) {
        *err = WSAEINVAL;
        return -1;
    }
    for (;;) {
        *alen = sizeof *a;
        int fd = accept4(s->f.fd, (struct sockaddr *)a, alen, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0)
            return fd;
        if (errno == EINTR || errno == ECONNABORTED)
            continue;
        if (errno != EAGAIN) {
            *err = ws_error_from_errno(errno);
            return -1;
        }
        if (s->nonblocking) {
            *err = WSAEWOULDBLOCK;
            return -1;
        }
        ws_wait_fd(s, POLLIN, 0);
    }
}

static SOCKET WINAPI w32_accept(SOCKET h, void *addr, int *addrlen)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return INVALID_SOCKET;
    if (addr && (!addrlen || *addrlen < ws_sockaddr_size(s->family))) {
        done(s, WSAEFAULT);
        return INVALID_SOCKET;
    }
    struct sockaddr_storage a;
    socklen_t alen;
    int e = 0;
    int fd = take_connection(s, &a, &alen, &e);
    if (fd < 0) {
        done(s, e);
        return INVALID_SOCKET;
    }
    DWORD flags = s->f.flags ? WSA_FLAG_OVERLAPPED : 0;
    SOCKET n = ws_socket_new(fd, s->family, s->type, s->protocol, flags);
    struct ws_socket *ns = n == INVALID_SOCKET ? NULL : ws_get(n);
    if (ns) {
        ns->nonblocking = s->nonblocking;
        ns->connected = 1;
        ns->connect_time = now_seconds();
        ws_put(ns);
        if (addr)
            ws_sockaddr_from_host((struct sockaddr *)&a, alen, addr, addrlen);
    }
    ws_put(s);
    return n;
}

/* WSAAccept without a condition function is accept. */
static SOCKET WINAPI w32_WSAAccept(SOCKET h, void *addr, int *addrlen, void *condition, ULONG_PTR data)
{
    (void)data;
    if (condition) {
        ws_fail(WSAEOPNOTSUPP);
        return INVALID_SOCKET;
    }
    return w32_accept(h, addr, addrlen);
}

/* A blocking connect waits for the outcome; a non-blocking one reports
 * WSAEWOULDBLOCK and leaves it to select/WSAPoll/SO_ERROR. */
static int start_connect(struct ws_socket *s, const struct sockaddr_storage *a, socklen_t alen)
{
    if (s->connecting)
        return WSAEALREADY;
    if (connect(s->f.fd, (const struct sockaddr *)a, alen) == 0)
        goto connected;
    if (errno != EINPROGRESS && errno != EAGAIN)
        return ws_error_from_errno(errno);
    if (s->nonblocking) {
        s->connecting = 1;
        s->pending_error = 0;
        return WSAEWOULDBLOCK;
    }
    ws_wait_fd(s, POLLOUT, 0);
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(s->f.fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err)
        return ws_error_from_errno(err);
connected:
    s->connected = 1;
    s->connect_time = now_seconds();
    return 0;
}

static int WINAPI w32_connect(SOCKET h, const void *name, int len)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage a;
    socklen_t alen;
    int e = ws_sockaddr_to_host(name, len, &a, &alen);
    if (!e && s->listening)
        e = WSAEINVAL;
    if (!e)
        e = start_connect(s, &a, alen);
    return done(s, e);
}

static int WINAPI w32_WSAConnect(SOCKET h, const void *name, int len, void *caller_data, void *callee_data,
                                 void *sqos, void *gqos)
{
    (void)caller_data, (void)callee_data, (void)sqos, (void)gqos;
    return w32_connect(h, name, len);
}

static int name_of(SOCKET h, void *name, int *len, int peer)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct sockaddr_storage a;
    socklen_t alen = sizeof a;
    int r = peer ? getpeername(s->f.fd, (struct sockaddr *)&a, &alen)
                 : getsockname(s->f.fd, (struct sockaddr *)&a, &alen);
    int e = 0;
    if (r < 0)
        e = ws_error_from_errno(errno);
    else if (!peer && !s->connected && !is_bound(s))
        e = WSAEINVAL; /* Windows: not bound yet */
    else if (!name || !len)
        e = WSAEFAULT;
    else
        e = ws_sockaddr_from_host((struct sockaddr *)&a, alen, name, len);
    return done(s, e);
}

static int WINAPI w32_getsockname(SOCKET h, void *name, int *len)
{
    return name_of(h, name, len, 0);
}

static int WINAPI w32_getpeername(SOCKET h, void *name, int *len)
{
    return name_of(h, name, len, 1);
}

/* SD_RECEIVE 0, SD_SEND 1, SD_BOTH 2: the host's SHUT_* values. */
static int WINAPI w32_shutdown(SOCKET h, int how)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    int e = 0;
    if (how < 0 || how > 2)
        e = WSAEINVAL;
    else if (shutdown(s->f.fd, how) < 0)
        e = ws_error_from_errno(errno);
    else {
        s->shut_recv |= how != 1;
        s->shut_send |= how != 0;
    }
    return done(s, e);
}

W32_EXPORTS(ws2_32) = {
    EXPORT(bind, "qpi:i"),
    EXPORT(listen, "qi:i"),
    EXPORT(accept, "qpp:q"),
    EXPORT(WSAAccept, "qpppq:q"),
    EXPORT(connect, "qpi:i"),
    EXPORT(WSAConnect, "qpipppp:i"),
    EXPORT(getsockname, "qpp:i"),
    EXPORT(getpeername, "qpp:i"),
    EXPORT(shutdown, "qi:i"),
};
