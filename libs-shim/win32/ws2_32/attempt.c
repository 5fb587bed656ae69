/* attempt.c — one non-blocking try at a socket operation: receive,
 * send, AcceptEx's accept (and its wait for the first data), ConnectEx's
 * connect (and its optional send). The engine (async.c) calls it when
 * the descriptor is ready; synchronous calls loop on it around poll().
 * Streams send everything they were given before an overlapped send
 * completes, as Windows does. */
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "ws.h"

#define IOV_MAX_HOST 1024

/* OP's buffers from op->done on: how many entries went to OUT. */
static int rest(const struct ws_op *op, struct iovec *out)
{
    size_t skip = op->done;
    int k = 0;
    for (int i = 0; i < op->niov && k < IOV_MAX_HOST; i++) {
        size_t len = op->iov[i].iov_len;
        if (skip >= len) {
            skip -= len;
            continue;
        }
        out[k].iov_base = (char *)op->iov[i].iov_base + skip;
        out[k].iov_len = len - skip;
        skip = 0;
        k++;
    }
    return k;
}

static int socket_error(int fd)
{
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    return err;
}

/* A datagram socket's "connection refused" is an earlier datagram's
 * ICMP port unreachable, which Windows reports as WSAECONNRESET. */
static int datagram_error(struct ws_socket *s, int e)
{
    if (e == ECONNREFUSED && s->type != SOCK_STREAM)
        return WSAECONNRESET;
    return ws_error_from_errno(e);
}

/* A zero-byte receive on a stream finishes once data (or the end, or an
 * error) is there, leaving the data where it is. */
static int zero_recv(struct ws_socket *s, DWORD *bytes)
{
    struct pollfd p = { s->f.fd, POLLIN, 0 };
    if (poll(&p, 1, 0) <= 0)
        return WS_AGAIN;
    *bytes = 0;
    if (p.revents & POLLERR) {
        int e = socket_error(s->f.fd);
        return e ? ws_error_from_errno(e) : WSAECONNRESET;
    }
    return 0;
}

static int recv_attempt(struct ws_op *op, DWORD *bytes)
{
    struct ws_socket *s = op->sock;
    int stream = s->type == SOCK_STREAM;
    if (s->shut_recv)
        return WSAESHUTDOWN;
    if (op->total == 0 && stream)
        return zero_recv(s, bytes);
    for (;;) {
        struct iovec v[op->niov ? op->niov : 1];
        struct sockaddr_storage from;
        struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = v };
        m.msg_iovlen = (size_t)rest(op, v);
        ssize_t r = recvmsg(s->f.fd, &m, (op->hflags & ~MSG_WAITALL) | MSG_DONTWAIT);
        if (r < 0) {
            if (errno == EINTR || (errno == ECONNREFUSED && !stream && !s->udp_connreset))
                continue;
            if (errno == EAGAIN)
                return WS_AGAIN;
            if (op->done)
                break;
            return datagram_error(s, errno);
        }
        op->done += (size_t)r;
        if (!stream) {
            if (op->from && op->fromlen && m.msg_namelen)
                ws_sockaddr_from_host((struct sockaddr *)&from, m.msg_namelen, op->from, op->fromlen);
            *bytes = (DWORD)op->done;
            return m.msg_flags & MSG_TRUNC ? WSAEMSGSIZE : 0;
        }
        if (!(op->hflags & MSG_WAITALL) || r == 0 || op->done >= op->total)
            break;
    }
    *bytes = (DWORD)op->done;
    return 0;
}

static int send_attempt(struct ws_op *op, DWORD *bytes)
{
    struct ws_socket *s = op->sock;
    for (;;) {
        struct iovec v[op->niov ? op->niov : 1];
        struct msghdr m = { .msg_iov = v };
        m.msg_iovlen = (size_t)rest(op, v);
        if (op->addrlen && op->kind == WS_OP_SEND)
            m.msg_name = &op->addr, m.msg_namelen = op->addrlen;
        ssize_t r = sendmsg(s->f.fd, &m, op->hflags | MSG_DONTWAIT | MSG_NOSIGNAL);
        if (r < 0) {
            if (errno == EINTR || (errno == ECONNREFUSED && s->type == SOCK_DGRAM && !s->udp_connreset))
                continue;
            if (errno == EAGAIN)
                return WS_AGAIN;
            if (errno == EPIPE)
                return s->shut_send ? WSAESHUTDOWN : WSAECONNRESET;
            return datagram_error(s, errno);
        }
        op->done += (size_t)r;
        if (op->done >= op->total || s->type != SOCK_STREAM)
            break;
    }
    *bytes = (DWORD)op->done;
    return 0;
}

static uint64_t now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec;
}

/* AcceptEx: take a connection into the accepting socket; with a receive
 * buffer, then wait (on that socket) for the first data. */
static int accept_attempt(struct ws_op *op, DWORD *bytes)
{
    if (op->phase == 1) {
        ssize_t r = recv(op->sock->f.fd, op->abuf, op->arecv, MSG_DONTWAIT);
        if (r < 0 && (errno == EAGAIN || errno == EINTR))
            return WS_AGAIN;
        if (r < 0)
            return ws_error_from_errno(errno);
        ws_accept_addresses(op);
        *bytes = (DWORD)r;
        return 0;
    }
    for (;;) {
        int nfd = accept4(op->sock->f.fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (nfd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue; /* a connection reset before it was taken: the next one */
            return errno == EAGAIN ? WS_AGAIN : ws_error_from_errno(errno);
        }
        int e = ws_accept_into(op, nfd);
        if (e)
            return e;
        break;
    }
    op->accept->connect_time = now_seconds();
    if (op->arecv) {
        op->phase = 1;
        op->sock = op->accept;
        ws_enqueue_locked(op);
        return WS_MOVED;
    }
    ws_accept_addresses(op);
    *bytes = 0;
    return 0;
}

/* ConnectEx: phase 0 starts the connection, 1 waits for it, 2 sends the
 * optional first data. */
static int connect_attempt(struct ws_op *op, DWORD *bytes)
{
    struct ws_socket *s = op->sock;
    if (op->phase == 0) {
        if (connect(s->f.fd, (struct sockaddr *)&op->addr, op->addrlen) == 0)
            op->phase = 2;
        else if (errno == EINPROGRESS || errno == EAGAIN || errno == EINTR)
            return op->phase = 1, WS_AGAIN; /* as on Windows, even on loopback */
        else
            return ws_error_from_errno(errno);
    }
    if (op->phase == 1) {
        struct pollfd p = { s->f.fd, POLLOUT, 0 };
        if (poll(&p, 1, 0) <= 0)
            return WS_AGAIN;
        int e = socket_error(s->f.fd);
        if (e)
            return ws_error_from_errno(e);
        op->phase = 2;
    }
    if (!s->connected) {
        s->connected = 1;
        s->connect_time = now_seconds();
    }
    if (op->total == 0) {
        *bytes = 0;
        return 0;
    }
    return send_attempt(op, bytes);
}

static int (*const attempts[])(struct ws_op *, DWORD *) = {
    [WS_OP_RECV] = recv_attempt, [WS_OP_SEND] = send_attempt,
    [WS_OP_ACCEPT] = accept_attempt, [WS_OP_CONNECT] = connect_attempt,
    [WS_OP_TRANSMIT] = ws_transmit_attempt,
};

int ws_attempt(struct ws_op *op, DWORD *bytes)
{
    return attempts[op->kind](op, bytes);
}

uint32_t ws_op_events(const struct ws_op *op)
{
    if (op->kind == WS_OP_RECV && (op->hflags & MSG_OOB))
        return EPOLLPRI;
    return op->kind == WS_OP_RECV || op->kind == WS_OP_ACCEPT ? EPOLLIN : EPOLLOUT;
}
