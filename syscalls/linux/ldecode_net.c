/* ldecode_net.c — Linux sockets in a trace: socket types, socket options
 * by level, socket addresses (AF_INET, AF_INET6, AF_UNIX, AF_NETLINK) and
 * msghdr. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "ldecode.h"

#define FLAG(v, name) { (v), (v), name }

static const struct tflag sock_types[] = {
    { 0xf, 1, "SOCK_STREAM" }, { 0xf, 2, "SOCK_DGRAM" }, { 0xf, 3, "SOCK_RAW" },
    { 0xf, 4, "SOCK_RDM" }, { 0xf, 5, "SOCK_SEQPACKET" }, { 0xf, 6, "SOCK_DCCP" },
    { 0xf, 10, "SOCK_PACKET" }, FLAG(02000000, "SOCK_CLOEXEC"), FLAG(04000, "SOCK_NONBLOCK"),
    { 0, 0, NULL },
};

void ld_socktype(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)c, (void)p;
    tdec_flags(l, sock_types, (uint32_t)v, NULL);
}

static const struct tval so_opts[] = {
    { 1, "SO_DEBUG" }, { 2, "SO_REUSEADDR" }, { 3, "SO_TYPE" }, { 4, "SO_ERROR" },
    { 5, "SO_DONTROUTE" }, { 6, "SO_BROADCAST" }, { 7, "SO_SNDBUF" }, { 8, "SO_RCVBUF" },
    { 9, "SO_KEEPALIVE" }, { 10, "SO_OOBINLINE" }, { 11, "SO_NO_CHECK" }, { 12, "SO_PRIORITY" },
    { 13, "SO_LINGER" }, { 14, "SO_BSDCOMPAT" }, { 15, "SO_REUSEPORT" }, { 16, "SO_PASSCRED" },
    { 17, "SO_PEERCRED" }, { 18, "SO_RCVLOWAT" }, { 19, "SO_SNDLOWAT" },
    { 20, "SO_RCVTIMEO_OLD" }, { 21, "SO_SNDTIMEO_OLD" }, { 25, "SO_BINDTODEVICE" },
    { 29, "SO_TIMESTAMP_OLD" }, { 30, "SO_ACCEPTCONN" }, { 31, "SO_PEERSEC" },
    { 32, "SO_SNDBUFFORCE" }, { 33, "SO_RCVBUFFORCE" }, { 34, "SO_PASSSEC" }, { 36, "SO_MARK" },
    { 38, "SO_PROTOCOL" }, { 39, "SO_DOMAIN" }, { 0, NULL },
};
static const struct tval tcp_opts[] = {
    { 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" }, { 4, "TCP_KEEPIDLE" },
    { 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" }, { 7, "TCP_SYNCNT" }, { 8, "TCP_LINGER2" },
    { 9, "TCP_DEFER_ACCEPT" }, { 10, "TCP_WINDOW_CLAMP" }, { 11, "TCP_INFO" },
    { 12, "TCP_QUICKACK" }, { 13, "TCP_CONGESTION" }, { 18, "TCP_USER_TIMEOUT" },
    { 23, "TCP_FASTOPEN" }, { 0, NULL },
};
static const struct tval ip_opts[] = {
    { 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" }, { 4, "IP_OPTIONS" },
    { 8, "IP_RECVOPTS" }, { 10, "IP_MTU_DISCOVER" }, { 11, "IP_RECVERR" }, { 12, "IP_RECVTTL" },
    { 13, "IP_RECVTOS" }, { 14, "IP_MTU" }, { 32, "IP_MULTICAST_IF" },
    { 33, "IP_MULTICAST_TTL" }, { 34, "IP_MULTICAST_LOOP" }, { 35, "IP_ADD_MEMBERSHIP" },
    { 36, "IP_DROP_MEMBERSHIP" }, { 0, NULL },
};
static const struct tval ipv6_opts[] = {
    { 16, "IPV6_UNICAST_HOPS" }, { 17, "IPV6_MULTICAST_IF" }, { 18, "IPV6_MULTICAST_HOPS" },
    { 19, "IPV6_MULTICAST_LOOP" }, { 20, "IPV6_ADD_MEMBERSHIP" },
    { 21, "IPV6_DROP_MEMBERSHIP" }, { 25, "IPV6_RECVERR" }, { 26, "IPV6_V6ONLY" },
    { 0, NULL },
};

/* The option's meaning depends on the level, the argument before it. */
void ld_sockopt(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    static const struct { int level; const struct tval *opts; } levels[] = {
        { 1, so_opts }, { 6, tcp_opts }, { 0, ip_opts }, { 41, ipv6_opts },
    };
    (void)p;
    int level = c->idx > 0 ? (int)c->args[c->idx - 1] : -1;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (levels[i].level == level) {
            tdec_val(l, levels[i].opts, (int)v);
            return;
        }
    tl_printf(l, "%d", (int)v);
}

/* struct sockaddr of LEN bytes at V. */
static void sockaddr_at(struct tline *l, uint64_t v, long len)
{
    uint8_t sa[128];
    if (len <= 0 || !v) {
        trace_put_ptr(l, v);
        return;
    }
    size_t n = (size_t)len < sizeof sa ? (size_t)len : sizeof sa;
    if (trace_peek(sa, v, n) != n || n < 2) {
        trace_put_ptr(l, v);
        return;
    }
    int fam = sa[0] | sa[1] << 8;
    char famname[32];
    const char *name = tdec_val_name(ld_af_names, fam);
    if (!name) {
        snprintf(famname, sizeof famname, "%d", fam);
        name = famname;
    }
    if (fam == 2)
        tdec_sockaddr_in(l, name, sa, n);
    else if (fam == 10)
        tdec_sockaddr_in6(l, name, sa, n);
    else if (fam == 1)
        tdec_sockaddr_un(l, name, (const char *)sa + 2, n - 2);
    else if (fam == 16 && n >= 12)
        tl_printf(l, "{sa_family=%s, nl_pid=%u, nl_groups=%08x}", name,
                  *(uint32_t *)(sa + 4), *(uint32_t *)(sa + 8));
    else
        tl_printf(l, "{sa_family=%s, sa_data=...}", name);
}

void ld_sockaddr_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    sockaddr_at(l, v, (long)(uint32_t)c->args[p]);
}

void ld_sockaddr_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    uint32_t len = 0;
    if (!c->done || !v || trace_peek(&len, c->args[p], 4) != 4) {
        trace_put_ptr(l, v);
        return;
    }
    sockaddr_at(l, v, (long)len);
}

static void msghdr_at(struct tline *l, const struct tctx *c, uint64_t v, int out)
{
    struct msghdr m;
    if (!trace_read_struct(l, v, &m, sizeof m))
        return;
    tl_puts(l, "{msg_name=");
    if (out && !c->done)
        trace_put_ptr(l, (uint64_t)m.msg_name);
    else
        sockaddr_at(l, (uint64_t)m.msg_name, m.msg_namelen);
    tl_printf(l, ", msg_namelen=%u, msg_iov=", m.msg_namelen);
    tdec_iovec(l, c, (uint64_t)m.msg_iov, (long)m.msg_iovlen, out);
    tl_printf(l, ", msg_iovlen=%zu, msg_control=", m.msg_iovlen);
    trace_put_ptr(l, (uint64_t)m.msg_control);
    tl_printf(l, ", msg_controllen=%zu, msg_flags=", m.msg_controllen);
    linux_trace_abi.decode[K_MSGFLAGS](l, c, (uint32_t)m.msg_flags, 0);
    tl_putc(l, '}');
}

void ld_msghdr_in(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    msghdr_at(l, c, v, 0);
}

void ld_msghdr_out(struct tline *l, const struct tctx *c, uint64_t v, int p)
{
    (void)p;
    msghdr_at(l, c, v, 1);
}
