/* sockopt.c — setsockopt and getsockopt through the table in optmap.c.
 * Value shapes: BOOL/int options are 32-bit (a shorter BOOL is read from
 * its bytes); Windows' linger is two u_shorts; SO_RCVTIMEO/SO_SNDTIMEO
 * are DWORD milliseconds kept by xeno (blocking calls wait in poll);
 * SO_SNDBUF/SO_RCVBUF read back what was set (Linux doubles it).
 * SO_ERROR answers a Winsock code. Options Windows has and the host
 * lacks fail with WSAENOPROTOOPT and one line on stderr. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "ws.h"

#define SO_REUSEADDR_W 0x0004
#define SO_EXCLUSIVEADDRUSE_W ((int)~0x0004)
#define SO_DONTLINGER_W ((int)~0x0080)
#define SO_ACCEPTCONN_W 0x0002
#define SO_ERROR_W 0x1007
#define SO_TYPE_W 0x1008
#define SO_MAX_MSG_SIZE_W 0x2003
#define SO_PROTOCOL_INFOA_W 0x2004
#define SO_PROTOCOL_INFOW_W 0x2005
#define SO_UPDATE_ACCEPT_CONTEXT_W 0x700B
#define SO_CONNECT_TIME_W 0x700C

static int unsupported(int level, int opt)
{
    static int told_level, told_opt;
    if (told_level != level || told_opt != opt) {
        fprintf(stderr, "xeno: ws2_32: socket option level 0x%x option 0x%x is not supported\n",
                (unsigned)level, (unsigned)opt);
        told_level = level, told_opt = opt;
    }
    return WSAENOPROTOOPT;
}

static int read_int(const char *val, int len, int *out)
{
    if (!val || len < 1)
        return WSAEFAULT;
    unsigned v = 0;
    memcpy(&v, val, len < 4 ? (size_t)len : 4);
    *out = (int)v;
    return 0;
}

static int host_set(struct ws_socket *s, const struct ws_optmap *m, const void *v, socklen_t n)
{
    return setsockopt(s->f.fd, m->hlevel, m->hopt, v, n) < 0 ? ws_error_from_errno(errno) : 0;
}

/* SO_REUSEADDR and SO_EXCLUSIVEADDRUSE: Windows' plain bind already
 * behaves like the host's SO_REUSEADDR; asking for reuse adds
 * SO_REUSEPORT (binding over a socket in use), exclusive use takes both
 * away. The two cannot be on together (WSAEINVAL). */
static int set_reuse(struct ws_socket *s, int exclusive, int on)
{
    if (on && (exclusive ? s->reuse : s->exclusive))
        return WSAEINVAL;
    int fd = s->f.fd, def = s->type == SOCK_STREAM, v;
    if (exclusive) {
        s->exclusive = on;
        v = on ? 0 : def;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
    } else {
        s->reuse = on;
        v = on || def;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
        v = on;
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &v, sizeof v);
    }
    return 0;
}

#define SO_UPDATE_CONNECT_CONTEXT_W 0x7010

static int set_special(struct ws_socket *s, int opt, const char *val, int len)
{
    if (opt == SO_UPDATE_CONNECT_CONTEXT_W)
        return 0; /* takes no value: nothing to refresh here */
    int v = 0, e = read_int(val, len, &v);
    if (e)
        return e;
    if (opt == SO_REUSEADDR_W || opt == SO_EXCLUSIVEADDRUSE_W)
        return set_reuse(s, opt == SO_EXCLUSIVEADDRUSE_W, v != 0);
    if (opt == SO_DONTLINGER_W) {
        struct linger l = { !v, 0 };
        return setsockopt(s->f.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l) < 0 ? ws_error_from_errno(errno) : 0;
    }
    if (opt == SO_UPDATE_ACCEPT_CONTEXT_W) {
        struct ws_socket *l = ws_get((SOCKET)(len >= 8 ? *(const uint64_t *)val : (unsigned)v));
        if (!l)
            return WSAENOTSOCK;
        s->nonblocking = l->nonblocking;
        ws_put(l);
        return 0;
    }
    /* SO_CONDITIONAL_ACCEPT: nothing to do. */
    if (opt == SO_ERROR_W || opt == SO_TYPE_W || opt == SO_ACCEPTCONN_W || opt == SO_CONNECT_TIME_W ||
        opt == SO_MAX_MSG_SIZE_W || opt == SO_PROTOCOL_INFOA_W || opt == SO_PROTOCOL_INFOW_W)
        return WSAENOPROTOOPT; /* read-only */
    return 0;
}

static int set_value(struct ws_socket *s, const struct ws_optmap *m, const char *val, int len)
{
    int v = 0, e;
    if (m->kind == WS_OPT_RAW)
        return val ? host_set(s, m, val, (socklen_t)len) : WSAEFAULT;
    if (m->kind == WS_OPT_LINGER) {
        if (!val || len < 4)
            return WSAEFAULT;
        uint16_t w[2];
        memcpy(w, val, sizeof w);
        struct linger l = { w[0] != 0, w[1] };
        return host_set(s, m, &l, sizeof l);
    }
    if ((e = read_int(val, m->kind == WS_OPT_BOOL ? len : (len < 4 ? 0 : len), &v)))
        return e;
    if (m->kind == WS_OPT_MSEC) {
        *(m->wopt == 0x1005 ? &s->sndtimeo : &s->rcvtimeo) = (DWORD)v;
        return 0;
    }
    if (m->kind == WS_OPT_BOOL)
        v = v != 0;
    if (m->kind == WS_OPT_BUF)
        *(m->hopt == SO_SNDBUF ? &s->sndbuf : &s->rcvbuf) = v;
    return host_set(s, m, &v, sizeof v);
}

static int WINAPI w32_setsockopt(SOCKET h, int level, int opt, const char *val, int len)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    const struct ws_optmap *m = ws_opt_find(level, opt);
    int e = !m ? unsupported(level, opt)
          : m->kind == WS_OPT_SPECIAL ? set_special(s, opt, val, len)
          : set_value(s, m, val, len);
    ws_put(s);
    return e ? ws_fail(e) : 0;
}

static int put_int(char *val, int *len, int v, int is_bool)
{
    if (!val || !len)
        return WSAEFAULT;
    if (*len < 4 && !(is_bool && *len >= 1))
        return WSAEFAULT;
    int n = *len < 4 ? *len : 4;
    memcpy(val, &v, (size_t)n);
    *len = n;
    return 0;
}

/* SO_CONNECT_TIME: seconds since the connection was made, or -1. */
static int connect_seconds(struct ws_socket *s)
{
    struct timespec t;
    if (!s->connected)
        return -1;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int)((uint64_t)t.tv_sec - s->connect_time);
}

/* The read-only and xeno-kept SOL_SOCKET options: their value, and
 * whether it is a BOOL (which may be read into fewer than 4 bytes). */
static int so_error(struct ws_socket *s)
{
    int err = s->pending_error, e = 0;
    socklen_t n = sizeof e;
    if (!err) {
        getsockopt(s->f.fd, SOL_SOCKET, SO_ERROR, &e, &n);
        err = e ? ws_error_from_errno(e) : 0;
    }
    s->pending_error = 0;
    return err;
}

static int so_dontlinger(struct ws_socket *s)
{
    struct linger l = { 0, 0 };
    socklen_t n = sizeof l;
    getsockopt(s->f.fd, SOL_SOCKET, SO_LINGER, &l, &n);
    return !l.l_onoff;
}

static int so_reuse(struct ws_socket *s) { return s->reuse; }
static int so_exclusive(struct ws_socket *s) { return s->exclusive; }
static int so_acceptconn(struct ws_socket *s) { return s->listening; }
static int so_type(struct ws_socket *s) { return s->type; }
static int so_max_msg(struct ws_socket *s) { return s->type == SOCK_DGRAM ? 65507 : -1; }

static const struct { int opt; int (*get)(struct ws_socket *); int is_bool; } getters[] = {
    { SO_REUSEADDR_W, so_reuse, 1 }, { SO_EXCLUSIVEADDRUSE_W, so_exclusive, 1 },
    { SO_ACCEPTCONN_W, so_acceptconn, 1 }, { SO_DONTLINGER_W, so_dontlinger, 1 },
    { SO_TYPE_W, so_type, 0 }, { SO_ERROR_W, so_error, 0 },
    { SO_CONNECT_TIME_W, connect_seconds, 0 }, { SO_MAX_MSG_SIZE_W, so_max_msg, 0 },
};

static int get_special(struct ws_socket *s, int opt, char *val, int *len)
{
    if (opt == SO_PROTOCOL_INFOA_W || opt == SO_PROTOCOL_INFOW_W)
        return ws_protocol_info(s, val, len, opt == SO_PROTOCOL_INFOW_W);
    for (size_t i = 0; i < sizeof getters / sizeof getters[0]; i++)
        if (getters[i].opt == opt)
            return put_int(val, len, getters[i].get(s), getters[i].is_bool);
    return WSAENOPROTOOPT; /* write-only: SO_UPDATE_*_CONTEXT, SO_CONDITIONAL_ACCEPT */
}

static int get_value(struct ws_socket *s, const struct ws_optmap *m, char *val, int *len)
{
    if (m->kind == WS_OPT_MSEC)
        return put_int(val, len, (int)(m->wopt == 0x1005 ? s->sndtimeo : s->rcvtimeo), 0);
    if (m->kind == WS_OPT_RAW) {
        socklen_t n = len ? (socklen_t)*len : 0;
        if (!val || !len)
            return WSAEFAULT;
        if (getsockopt(s->f.fd, m->hlevel, m->hopt, val, &n) < 0)
            return ws_error_from_errno(errno);
        *len = (int)n;
        return 0;
    }
    if (m->kind == WS_OPT_LINGER) {
        struct linger l = { 0, 0 };
        socklen_t n = sizeof l;
        if (!val || !len || *len < 4)
            return WSAEFAULT;
        if (getsockopt(s->f.fd, m->hlevel, m->hopt, &l, &n) < 0)
            return ws_error_from_errno(errno);
        uint16_t w[2] = { (uint16_t)(l.l_onoff != 0), (uint16_t)l.l_linger };
        memcpy(val, w, sizeof w);
        *len = 4;
        return 0;
    }
    int v = 0;
    socklen_t n = sizeof v;
    if (getsockopt(s->f.fd, m->hlevel, m->hopt, &v, &n) < 0)
        return ws_error_from_errno(errno);
    if (m->kind == WS_OPT_BUF) {
        int set = m->hopt == SO_SNDBUF ? s->sndbuf : s->rcvbuf;
        v = set ? set : v / 2;
    }
    return put_int(val, len, m->kind == WS_OPT_BOOL ? v != 0 : v, m->kind == WS_OPT_BOOL);
}

static int WINAPI w32_getsockopt(SOCKET h, int level, int opt, char *val, int *len)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    const struct ws_optmap *m = ws_opt_find(level, opt);
    int e = !m ? unsupported(level, opt)
          : m->kind == WS_OPT_SPECIAL ? get_special(s, opt, val, len)
          : get_value(s, m, val, len);
    ws_put(s);
    return e ? ws_fail(e) : 0;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(setsockopt, "qiipi:i"),
    EXPORT(getsockopt, "qiipp:i"),
};
