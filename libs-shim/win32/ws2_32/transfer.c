/* transfer.c — sending and receiving: send, recv, sendto, recvfrom,
 * WSASend, WSARecv, WSASendTo, WSARecvFrom. Each builds one operation;
 * with an OVERLAPPED (or a completion routine) it is started on the
 * engine and may finish later (WSA_IO_PENDING), otherwise it runs to
 * its end here, waiting in blocking mode. */
#include "ws.h"

struct xfer {
    enum ws_opkind kind;
    const WSABUF *bufs;
    DWORD nbufs;
    DWORD flags;
    const void *to;              /* SEND: destination, or NULL */
    int tolen;
    void *from;                  /* RECV: where the sender goes, or NULL */
    int *fromlen;
    OVERLAPPED *ovl;
    ws_completion_fn fn;
};

static int prepare(struct ws_op *op, const struct xfer *x)
{
    int e = ws_msg_to_host(x->flags, &op->hflags);
    if (!e)
        e = ws_op_bufs(op, x->bufs, x->nbufs);
    if (!e && x->to)
        e = ws_sockaddr_to_host(x->to, x->tolen, &op->addr, &op->addrlen);
    if (!e && x->from) {
        if (!x->fromlen || *x->fromlen < ws_sockaddr_size(op->sock->family))
            e = WSAEFAULT;
        op->from = x->from, op->fromlen = x->fromlen;
    }
    return e;
}

/* 0 or a WSA error (WSA_IO_PENDING included); *COUNT the bytes moved. */
static int transfer(SOCKET h, const struct xfer *x, DWORD *count)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return WSAENOTSOCK;
    struct ws_op *op = ws_op_new(s, x->kind, x->ovl, x->fn);
    int e = op ? prepare(op, x) : WSAENOBUFS;
    DWORD n = 0;
    if (e)
        ws_op_free(op);
    else if (x->ovl)
        e = ws_start(op, &n);
    else
        e = ws_run(op, &n);
    ws_put(s);
    if (count && (e == 0 || e == WSAEMSGSIZE))
        *count = n;
    return e;
}

static int plain(SOCKET h, struct xfer *x, char *buf, int len)
{
    if (len < 0)
        return ws_fail(WSAEINVAL);
    WSABUF b = { (ULONG)len, buf };
    x->bufs = &b, x->nbufs = 1;
    DWORD n = 0;
    int e = transfer(h, x, &n);
    return e ? ws_fail(e) : (int)n;
}

static int WINAPI w32_send(SOCKET h, const char *buf, int len, int flags)
{
    struct xfer x = { .kind = WS_OP_SEND, .flags = (DWORD)flags };
    return plain(h, &x, (char *)buf, len);
}

static int WINAPI w32_sendto(SOCKET h, const char *buf, int len, int flags, const void *to, int tolen)
{
    struct xfer x = { .kind = WS_OP_SEND, .flags = (DWORD)flags, .to = to, .tolen = tolen };
    return plain(h, &x, (char *)buf, len);
}

static int WINAPI w32_recv(SOCKET h, char *buf, int len, int flags)
{
    struct xfer x = { .kind = WS_OP_RECV, .flags = (DWORD)flags };
    return plain(h, &x, buf, len);
}

static int WINAPI w32_recvfrom(SOCKET h, char *buf, int len, int flags, void *from, int *fromlen)
{
    struct xfer x = { .kind = WS_OP_RECV, .flags = (DWORD)flags, .from = from, .fromlen = fromlen };
    return plain(h, &x, buf, len);
}

static int wsa(SOCKET h, struct xfer *x, DWORD *count, DWORD *flags_out)
{
    if (x->fn && !x->ovl)
        return ws_fail(WSAEINVAL);
    int e = transfer(h, x, count);
    if (flags_out && e == 0)
        *flags_out = 0;
    return e ? ws_fail(e) : 0;
}

static int WINAPI w32_WSASend(SOCKET h, WSABUF *bufs, DWORD n, DWORD *sent, DWORD flags,
                              OVERLAPPED *ovl, ws_completion_fn fn)
{
    struct xfer x = { WS_OP_SEND, bufs, n, flags, NULL, 0, NULL, NULL, ovl, fn };
    return wsa(h, &x, sent, NULL);
}

static int WINAPI w32_WSASendTo(SOCKET h, WSABUF *bufs, DWORD n, DWORD *sent, DWORD flags,
                                const void *to, int tolen, OVERLAPPED *ovl, ws_completion_fn fn)
{
    struct xfer x = { WS_OP_SEND, bufs, n, flags, to, tolen, NULL, NULL, ovl, fn };
    return wsa(h, &x, sent, NULL);
}

static int WINAPI w32_WSARecv(SOCKET h, WSABUF *bufs, DWORD n, DWORD *got, DWORD *flags,
                              OVERLAPPED *ovl, ws_completion_fn fn)
{
    if (!flags)
        return ws_fail(WSAEFAULT);
    struct xfer x = { WS_OP_RECV, bufs, n, *flags, NULL, 0, NULL, NULL, ovl, fn };
    return wsa(h, &x, got, flags);
}

static int WINAPI w32_WSARecvFrom(SOCKET h, WSABUF *bufs, DWORD n, DWORD *got, DWORD *flags,
                                  void *from, int *fromlen, OVERLAPPED *ovl, ws_completion_fn fn)
{
    if (!flags)
        return ws_fail(WSAEFAULT);
    struct xfer x = { WS_OP_RECV, bufs, n, *flags, NULL, 0, from, fromlen, ovl, fn };
    return wsa(h, &x, got, flags);
}

W32_EXPORTS(ws2_32) = {
    EXPORT(send, "qpii:i"),
    EXPORT(sendto, "qpiipi:i"),
    EXPORT(recv, "qpii:i"),
    EXPORT(recvfrom, "qpiipp:i"),
    EXPORT(WSASend, "qpupupp:i"),
    EXPORT(WSASendTo, "qpupupipp:i"),
    EXPORT(WSARecv, "qpupppp:i"),
    EXPORT(WSARecvFrom, "qpupppppp:i"),
};
