/* ioctl.c — ioctlsocket and WSAIoctl: FIONBIO (the socket's blocking
 * mode; the host descriptor itself stays non-blocking), FIONREAD,
 * SIOCATMARK, SIO_GET_EXTENSION_FUNCTION_POINTER (AcceptEx, ConnectEx,
 * GetAcceptExSockaddrs, DisconnectEx, TransmitFile by their GUIDs), SIO_KEEPALIVE_VALS,
 * SIO_UDP_CONNRESET, SIO_BASE_HANDLE and its relatives (the socket is
 * its own base). Anything else fails with WSAEOPNOTSUPP and one line on
 * stderr naming the code. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "ws.h"

#define WS_FIONBIO 0x8004667eu
#define WS_FIONREAD 0x4004667fu
#define SIOCATMARK_W 0x40047307u
#define SIO_GET_EXTENSION_FUNCTION_POINTER 0xc8000006u
#define SIO_KEEPALIVE_VALS 0x98000004u
#define SIO_UDP_CONNRESET 0x9800000cu
#define SIO_LOOPBACK_FAST_PATH 0x98000010u
#define SIO_BASE_HANDLE 0x48000022u
#define SIO_BSP_HANDLE 0x4800001bu
#define SIO_BSP_HANDLE_SELECT 0x4800001cu
#define SIO_BSP_HANDLE_POLL 0x4800001du

static const struct { GUID id; void *fn; } extensions[] = {
    { { 0xb5367df1, 0xcbac, 0x11cf, { 0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } }, (void *)ws_AcceptEx },
    { { 0x25a207b9, 0xddf3, 0x4660, { 0x8e, 0xe9, 0x76, 0xe5, 0x8c, 0x74, 0x06, 0x3e } }, (void *)ws_ConnectEx },
    { { 0xb5367df2, 0xcbac, 0x11cf, { 0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } },
      (void *)ws_GetAcceptExSockaddrs },
    { { 0x7fda2e11, 0x8630, 0x436f, { 0xa0, 0x31, 0xf5, 0x36, 0xa6, 0xee, 0xc1, 0x57 } }, (void *)ws_DisconnectEx },
    { { 0xb5367df0, 0xcbac, 0x11cf, { 0x95, 0xca, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } }, (void *)ws_TransmitFile },
};

struct ioctl_args {
    struct ws_socket *s;
    SOCKET h;
    const void *in;
    DWORD inlen;
    void *out;
    DWORD outlen;
    DWORD ret;                  /* bytes written to OUT */
};

static int out_u32(struct ioctl_args *a, ULONG v)
{
    if (!a->out || a->outlen < sizeof v)
        return WSAEFAULT;
    memcpy(a->out, &v, sizeof v);
    a->ret = sizeof v;
    return 0;
}

static int in_u32(const struct ioctl_args *a, ULONG *v)
{
    if (!a->in || a->inlen < sizeof *v)
        return WSAEFAULT;
    memcpy(v, a->in, sizeof *v);
    return 0;
}

static int do_fionbio(struct ioctl_args *a)
{
    ULONG v;
    int e = in_u32(a, &v);
    if (!e)
        a->s->nonblocking = v != 0;
    return e;
}

static int do_fionread(struct ioctl_args *a)
{
    int n = 0;
    if (ioctl(a->s->f.fd, FIONREAD, &n) < 0)
        n = 0; /* a listening socket has nothing to read */
    return out_u32(a, (ULONG)n);
}

/* Windows answers TRUE when no urgent (out-of-band) data waits. */
static int do_atmark(struct ioctl_args *a)
{
    struct pollfd p = { a->s->f.fd, POLLPRI, 0 };
    int urgent = poll(&p, 1, 0) > 0 && (p.revents & POLLPRI);
    return out_u32(a, !urgent);
}

static int do_extension(struct ioctl_args *a)
{
    if (!a->in || a->inlen < sizeof(GUID) || !a->out || a->outlen < sizeof(void *))
        return WSAEFAULT;
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        if (!memcmp(&extensions[i].id, a->in, sizeof(GUID))) {
            memcpy(a->out, &extensions[i].fn, sizeof(void *));
            a->ret = sizeof(void *);
            return 0;
        }
    return WSAEINVAL;
}

/* struct tcp_keepalive { ULONG onoff, keepalivetime, keepaliveinterval; }, milliseconds. */
static int do_keepalive(struct ioctl_args *a)
{
    ULONG v[3];
    if (!a->in || a->inlen < sizeof v)
        return WSAEFAULT;
    memcpy(v, a->in, sizeof v);
    int on = v[0] != 0, idle = (int)((v[1] + 999) / 1000), intvl = (int)((v[2] + 999) / 1000);
    int fd = a->s->f.fd;
    if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) < 0)
        return ws_error_from_errno(errno);
    if (on && idle > 0)
        setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    if (on && intvl > 0)
        setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
    return 0;
}

static int do_connreset(struct ioctl_args *a)
{
    ULONG v;
    int e = in_u32(a, &v);
    if (!e)
        a->s->udp_connreset = v != 0;
    return e;
}

static int do_base_handle(struct ioctl_args *a)
{
    if (!a->out || a->outlen < sizeof(SOCKET))
        return WSAEFAULT;
    memcpy(a->out, &a->h, sizeof(SOCKET));
    a->ret = sizeof(SOCKET);
    return 0;
}

static int do_nothing(struct ioctl_args *a)
{
    (void)a;
    return 0;
}

static const struct { DWORD code; int (*fn)(struct ioctl_args *); } ioctls[] = {
    { WS_FIONBIO, do_fionbio }, { WS_FIONREAD, do_fionread }, { SIOCATMARK_W, do_atmark },
    { SIO_GET_EXTENSION_FUNCTION_POINTER, do_extension }, { SIO_KEEPALIVE_VALS, do_keepalive },
    { SIO_UDP_CONNRESET, do_connreset }, { SIO_LOOPBACK_FAST_PATH, do_nothing },
    { SIO_BASE_HANDLE, do_base_handle }, { SIO_BSP_HANDLE, do_base_handle },
    { SIO_BSP_HANDLE_SELECT, do_base_handle }, { SIO_BSP_HANDLE_POLL, do_base_handle },
};

static int run_ioctl(DWORD code, struct ioctl_args *a)
{
    for (size_t i = 0; i < sizeof ioctls / sizeof ioctls[0]; i++)
        if (ioctls[i].code == code)
            return ioctls[i].fn(a);
    static DWORD told;
    if (__atomic_exchange_n(&told, code, __ATOMIC_RELAXED) != code)
        fprintf(stderr, "xeno: ws2_32: socket ioctl 0x%08x is not supported\n", code);
    return WSAEOPNOTSUPP;
}

static int WINAPI w32_ioctlsocket(SOCKET h, LONG cmd, ULONG *arg)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct ioctl_args a = { s, h, arg, sizeof *arg, arg, sizeof *arg, 0 };
    int e = arg ? run_ioctl((DWORD)cmd, &a) : WSAEFAULT;
    ws_put(s);
    return e ? ws_fail(e) : 0;
}

/* Every code here completes at once; an OVERLAPPED gets that result. */
static int WINAPI w32_WSAIoctl(SOCKET h, DWORD code, void *in, DWORD inlen, void *out, DWORD outlen,
                               DWORD *ret, OVERLAPPED *ovl, ws_completion_fn fn)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    struct ioctl_args a = { s, h, in, inlen, out, outlen, 0 };
    int e = run_ioctl(code, &a);
    if (ret)
        *ret = a.ret;
    if (!e && (ovl || fn)) {
        struct ws_op *op = ws_op_new(s, WS_OP_RECV, ovl, fn);
        if (op && ovl) {
            op->moved = a.ret;
            ovl->Internal = 0x103; /* STATUS_PENDING until delivered */
            ws_deliver(op, 1);
        } else {
            ws_op_free(op);
        }
    }
    ws_put(s);
    return e ? ws_fail(e) : 0;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(ioctlsocket, "qip:i"),
    EXPORT(WSAIoctl, "qupupuppp:i"),
};
