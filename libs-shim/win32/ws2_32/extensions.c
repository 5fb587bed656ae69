/* extensions.c — the Microsoft extension functions programs get from
 * WSAIoctl(SIO_GET_EXTENSION_FUNCTION_POINTER) or import from
 * mswsock.dll: AcceptEx, GetAcceptExSockaddrs, ConnectEx, DisconnectEx.
 * AcceptEx's buffer holds the first data received, then a local and a
 * remote address area; each area holds a 32-bit length and then the
 * Windows sockaddr (the layout Wine also uses), and GetAcceptExSockaddrs
 * answers pointers into them. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "ws.h"

#define TF_REUSE_SOCKET 0x02

/* The accepted descriptor takes the accepting socket's place: dup3
 * replaces the unconnected one atomically, the handle stays the same. */
int ws_accept_into(struct ws_op *op, int nfd)
{
    struct ws_socket *a = op->accept;
    if (dup3(nfd, a->f.fd, O_CLOEXEC) < 0) {
        int e = errno;
        close(nfd);
        return ws_error_from_errno(e);
    }
    close(nfd);
    a->armed = 0; /* the old descriptor's registration went with it */
    a->connected = 1;
    a->nonblocking = op->owner->nonblocking;
    return 0;
}

static void put_address(int fd, int peer, char *area, DWORD size)
{
    struct sockaddr_storage h;
    socklen_t hlen = sizeof h;
    int r = peer ? getpeername(fd, (struct sockaddr *)&h, &hlen) : getsockname(fd, (struct sockaddr *)&h, &hlen);
    int len = (int)size - (int)sizeof(int);
    if (r != 0 || ws_sockaddr_from_host((struct sockaddr *)&h, hlen, area + sizeof(int), &len) != 0)
        len = 0;
    memcpy(area, &len, sizeof len);
}

void ws_accept_addresses(struct ws_op *op)
{
    int fd = op->accept->f.fd;
    put_address(fd, 0, op->abuf + op->arecv, op->alocal);
    put_address(fd, 1, op->abuf + op->arecv + op->alocal, op->aremote);
}

static BOOL fail(int e)
{
    ws_fail(e);
    return FALSE;
}

static int check_accept(struct ws_socket *l, struct ws_socket *a, PVOID buf, DWORD locallen,
                        DWORD remotelen, OVERLAPPED *ovl)
{
    int need = ws_sockaddr_size(l->family) + (int)sizeof(int);
    if (!ovl)
        return WSAEINVAL;
    if (!l->listening || a->connected || a->listening || a->family != l->family)
        return WSAEINVAL;
    if (!buf || locallen < (DWORD)need || remotelen < (DWORD)need)
        return WSAEFAULT;
    return 0;
}

BOOL WINAPI ws_AcceptEx(SOCKET ls, SOCKET as, PVOID buf, DWORD recvlen, DWORD locallen,
                        DWORD remotelen, DWORD *bytes, OVERLAPPED *ovl)
{
    struct ws_socket *l = ws_get(ls);
    if (!l)
        return FALSE;
    struct ws_socket *a = ws_get(as);
    if (!a) {
        ws_put(l);
        return FALSE;
    }
    int e = check_accept(l, a, buf, locallen, remotelen, ovl);
    struct ws_op *op = e ? NULL : ws_op_new(l, WS_OP_ACCEPT, ovl, NULL);
    if (!op) {
        ws_put(a);
        ws_put(l);
        return fail(e ? e : WSAENOBUFS);
    }
    op->accept = a; /* the operation keeps this reference */
    op->abuf = buf, op->arecv = recvlen, op->alocal = locallen, op->aremote = remotelen;
    DWORD n = 0;
    e = ws_start(op, &n);
    ws_put(l);
    if (e)
        return fail(e);
    if (bytes)
        *bytes = n;
    return TRUE;
}

static void *area_address(char *area, int *len)
{
    memcpy(len, area, sizeof *len);
    return area + sizeof(int);
}

void WINAPI ws_GetAcceptExSockaddrs(PVOID buf, DWORD recvlen, DWORD locallen, DWORD remotelen,
                                    void **local, int *locallen_out, void **remote, int *remotelen_out)
{
    (void)remotelen;
    char *b = buf;
    int l = 0, r = 0;
    void *lp = area_address(b + recvlen, &l), *rp = area_address(b + recvlen + locallen, &r);
    if (local)
        *local = lp;
    if (locallen_out)
        *locallen_out = l;
    if (remote)
        *remote = rp;
    if (remotelen_out)
        *remotelen_out = r;
}

/* ConnectEx wants a bound, unconnected stream socket. */
BOOL WINAPI ws_ConnectEx(SOCKET h, const void *name, int namelen, PVOID buf, DWORD len,
                         DWORD *sent, OVERLAPPED *ovl)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return FALSE;
    struct sockaddr_storage local;
    socklen_t llen = sizeof local;
    int e = 0;
    if (!ovl)
        e = WSAEINVAL;
    else if (s->connected)
        e = WSAEISCONN;
    else if (s->type != SOCK_STREAM || s->listening)
        e = WSAEINVAL;
    else if (getsockname(s->f.fd, (struct sockaddr *)&local, &llen) < 0 ||
             (local.ss_family == AF_INET && !((struct sockaddr_in *)&local)->sin_port) ||
             (local.ss_family == AF_INET6 && !((struct sockaddr_in6 *)&local)->sin6_port))
        e = WSAEINVAL; /* not bound */
    struct ws_op *op = e ? NULL : ws_op_new(s, WS_OP_CONNECT, ovl, NULL);
    if (op) {
        WSABUF b = { len, buf };
        e = ws_sockaddr_to_host(name, namelen, &op->addr, &op->addrlen);
        if (!e)
            e = ws_op_bufs(op, &b, buf ? 1 : 0);
        if (e)
            ws_op_free(op);
    } else if (!e) {
        e = WSAENOBUFS;
    }
    DWORD n = 0;
    if (!e)
        e = ws_start(op, &n);
    ws_put(s);
    if (e)
        return fail(e);
    if (sent)
        *sent = n;
    return TRUE;
}

/* DisconnectEx: a graceful close of the sending side, done at once.
 * Reusing the socket afterwards (TF_REUSE_SOCKET) is not supported. */
BOOL WINAPI ws_DisconnectEx(SOCKET h, OVERLAPPED *ovl, DWORD flags, DWORD reserved)
{
    (void)reserved;
    struct ws_socket *s = ws_get(h);
    if (!s)
        return FALSE;
    int e = flags & TF_REUSE_SOCKET ? WSAEOPNOTSUPP : 0;
    if (!e && shutdown(s->f.fd, SHUT_WR) < 0)
        e = ws_error_from_errno(errno);
    if (!e) {
        s->shut_send = 1;
        struct ws_op *op = ovl ? ws_op_new(s, WS_OP_SEND, ovl, NULL) : NULL;
        if (op)
            ws_deliver(op, 1);
    }
    ws_put(s);
    return e ? fail(e) : TRUE;
}
