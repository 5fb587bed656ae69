/* socket.c — FreeBSD <-> Linux sockets: sockaddr with sa_len (length rules
 * of FreeBSD's getsockaddr/in_pcbbind/unp_bind, lengths reported as
 * MIN(buffer, sa_len) like kern_getsockname), msghdr, control messages,
 * and the tables for domains, types, levels, options, MSG_* flags.
 * FreeBSD numbers: sys/sys/socket.h, sys/netinet/in.h, sys/netinet/tcp.h,
 * sys/netinet6/in6.h, sys/sys/un.h. */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "fbsd_abi.h"

/* ------------------------------------------------------------ tables */

const struct fbsd_valmap fbsd_socket_domains[] = {
    {FBSD_AF_UNSPEC, AF_UNSPEC, "AF_UNSPEC", 0},
    {FBSD_AF_UNIX, AF_UNIX, "AF_UNIX", 0},
    {FBSD_AF_INET, AF_INET, "AF_INET", 0},
    {FBSD_AF_INET6, AF_INET6, "AF_INET6", 0},
    {FBSD_AF_ROUTE, FBSD_NOMAP, "AF_ROUTE", 0},
    {FBSD_AF_LINK, FBSD_NOMAP, "AF_LINK", 0},
    {32, FBSD_NOMAP, "AF_NETGRAPH", 0},
    {36, FBSD_NOMAP, "AF_BLUETOOTH", 0},
    {0, 0, NULL, 0},
};

const struct fbsd_valmap fbsd_socket_types[] = {
    {FBSD_SOCK_STREAM, SOCK_STREAM, "SOCK_STREAM", 0},
    {FBSD_SOCK_DGRAM, SOCK_DGRAM, "SOCK_DGRAM", 0},
    {FBSD_SOCK_RAW, SOCK_RAW, "SOCK_RAW", 0},
    {FBSD_SOCK_RDM, SOCK_RDM, "SOCK_RDM", 0},
    {FBSD_SOCK_SEQPACKET, SOCK_SEQPACKET, "SOCK_SEQPACKET", 0},
    {0, 0, NULL, 0},
};

const struct fbsd_flagmap fbsd_socket_type_flags[] = {
    {FBSD_SOCK_CLOEXEC, SOCK_CLOEXEC, "SOCK_CLOEXEC"},
    {FBSD_SOCK_NONBLOCK, SOCK_NONBLOCK, "SOCK_NONBLOCK"},
    {0, 0, NULL},
};

/* Levels with an option table. Level 0 on a FreeBSD AF_UNIX socket means
 * SOL_LOCAL (LOCAL_PEERCRED ...), not IPPROTO_IP: the caller decides. */
const struct fbsd_valmap fbsd_sockopt_levels[] = {
    {FBSD_SOL_SOCKET, SOL_SOCKET, "SOL_SOCKET", 0},
    {FBSD_IPPROTO_IP, IPPROTO_IP, "IPPROTO_IP", 0},
    {FBSD_IPPROTO_TCP, IPPROTO_TCP, "IPPROTO_TCP", 0},
    {FBSD_IPPROTO_IPV6, IPPROTO_IPV6, "IPPROTO_IPV6", 0},
    {0, 0, NULL, 0},
};

/* SOL_SOCKET options. SO_LINGER (two ints) and the SO_*TIMEO timevals have
 * the same layout. SO_NOSIGPIPE is emulated by the caller (MSG_NOSIGNAL). */
const struct fbsd_valmap fbsd_so_options[] = {
    {0x0001, SO_DEBUG, "SO_DEBUG", 0},
    {0x0002, SO_ACCEPTCONN, "SO_ACCEPTCONN", 0},
    {0x0004, SO_REUSEADDR, "SO_REUSEADDR", 0},
    {0x0008, SO_KEEPALIVE, "SO_KEEPALIVE", 0},
    {0x0010, SO_DONTROUTE, "SO_DONTROUTE", 0},
    {0x0020, SO_BROADCAST, "SO_BROADCAST", 0},
    {0x0040, FBSD_NOMAP, "SO_USELOOPBACK", 0},
    {0x0080, SO_LINGER, "SO_LINGER", 0},
    {0x0100, SO_OOBINLINE, "SO_OOBINLINE", 0},
    {0x0200, SO_REUSEPORT, "SO_REUSEPORT", 0},
    {0x0400, SO_TIMESTAMP, "SO_TIMESTAMP", 0},
    {0x0800, FBSD_NOMAP, "SO_NOSIGPIPE", FBSD_CONV_SPECIAL},
    {0x1000, FBSD_NOMAP, "SO_ACCEPTFILTER", 0},
    {0x2000, FBSD_NOMAP, "SO_BINTIME", 0},
    {0x4000, FBSD_NOMAP, "SO_NO_OFFLOAD", 0},
    {0x8000, FBSD_NOMAP, "SO_NO_DDP", 0},
    {0x1001, SO_SNDBUF, "SO_SNDBUF", 0},
    {0x1002, SO_RCVBUF, "SO_RCVBUF", 0},
    {0x1003, SO_SNDLOWAT, "SO_SNDLOWAT", 0},
    {0x1004, SO_RCVLOWAT, "SO_RCVLOWAT", 0},
    {0x1005, SO_SNDTIMEO, "SO_SNDTIMEO", 0},
    {0x1006, SO_RCVTIMEO, "SO_RCVTIMEO", 0},
    {0x1007, SO_ERROR, "SO_ERROR", FBSD_CONV_ERRNO},
    {0x1008, SO_TYPE, "SO_TYPE", 0},
    {0x1009, FBSD_NOMAP, "SO_LABEL", 0},
    {0x1010, FBSD_NOMAP, "SO_PEERLABEL", 0},
    {0x1011, FBSD_NOMAP, "SO_LISTENQLIMIT", 0},
    {0x1012, FBSD_NOMAP, "SO_LISTENQLEN", 0},
    {0x1013, FBSD_NOMAP, "SO_LISTENINCQLEN", 0},
    {0x1014, FBSD_NOMAP, "SO_SETFIB", 0},
    {0x1015, FBSD_NOMAP, "SO_USER_COOKIE", 0},
    {0x1016, SO_PROTOCOL, "SO_PROTOCOL", 0},
    {0x1017, FBSD_NOMAP, "SO_TS_CLOCK", 0},
    {0x1018, SO_MAX_PACING_RATE, "SO_MAX_PACING_RATE", 0},
    {0x1019, SO_DOMAIN, "SO_DOMAIN", FBSD_CONV_DOMAIN},
    {0x10000, SO_REUSEPORT, "SO_REUSEPORT_LB", 0},
    {0, 0, NULL, 0},
};

/* IPPROTO_IP options. SPECIAL: IP_DONTFRAG is IP_MTU_DISCOVER with
 * IP_PMTUDISC_DO/DONT; the source-membership and (UN)BLOCK_SOURCE structs order
 * their addresses differently (FreeBSD: group, source, interface). */
const struct fbsd_valmap fbsd_ip_options[] = {
    {1, IP_OPTIONS, "IP_OPTIONS", 0},
    {2, IP_HDRINCL, "IP_HDRINCL", 0},
    {3, IP_TOS, "IP_TOS", 0},
    {4, IP_TTL, "IP_TTL", 0},
    {5, IP_RECVOPTS, "IP_RECVOPTS", 0},
    {8, IP_RETOPTS, "IP_RETOPTS", 0},
    {6, IP_RETOPTS, "IP_RECVRETOPTS", 0},
    {7, FBSD_NOMAP, "IP_RECVDSTADDR", 0},
    {9, IP_MULTICAST_IF, "IP_MULTICAST_IF", 0},
    {10, IP_MULTICAST_TTL, "IP_MULTICAST_TTL", 0},
    {11, IP_MULTICAST_LOOP, "IP_MULTICAST_LOOP", 0},
    {12, IP_ADD_MEMBERSHIP, "IP_ADD_MEMBERSHIP", 0},
    {13, IP_DROP_MEMBERSHIP, "IP_DROP_MEMBERSHIP", 0},
    {14, FBSD_NOMAP, "IP_MULTICAST_VIF", 0},
    {19, FBSD_NOMAP, "IP_PORTRANGE", 0},
    {20, FBSD_NOMAP, "IP_RECVIF", 0},
    {21, FBSD_NOMAP, "IP_IPSEC_POLICY", 0},
    {23, FBSD_NOMAP, "IP_ONESBCAST", 0},
    {24, IP_FREEBIND, "IP_BINDANY", 0},
    {65, IP_RECVTTL, "IP_RECVTTL", 0},
    {66, IP_MINTTL, "IP_MINTTL", 0},
    {67, IP_MTU_DISCOVER, "IP_DONTFRAG", FBSD_CONV_SPECIAL},
    {68, IP_RECVTOS, "IP_RECVTOS", 0},
    {70, IP_ADD_SOURCE_MEMBERSHIP, "IP_ADD_SOURCE_MEMBERSHIP", FBSD_CONV_SPECIAL},
    {71, IP_DROP_SOURCE_MEMBERSHIP, "IP_DROP_SOURCE_MEMBERSHIP", FBSD_CONV_SPECIAL},
    {72, IP_BLOCK_SOURCE, "IP_BLOCK_SOURCE", FBSD_CONV_SPECIAL},
    {73, IP_UNBLOCK_SOURCE, "IP_UNBLOCK_SOURCE", FBSD_CONV_SPECIAL},
    {74, FBSD_NOMAP, "IP_MSFILTER", 0},
    {0, 0, NULL, 0},
};

/* IPPROTO_IPV6 options (sys/netinet6/in6.h). SPECIAL: IPV6_PATHMTU and
 * IPV6_NEXTHOP carry a sockaddr_in6 (sin6_len). */
const struct fbsd_valmap fbsd_ipv6_options[] = {
    {4, IPV6_UNICAST_HOPS, "IPV6_UNICAST_HOPS", 0},
    {9, IPV6_MULTICAST_IF, "IPV6_MULTICAST_IF", 0},
    {10, IPV6_MULTICAST_HOPS, "IPV6_MULTICAST_HOPS", 0},
    {11, IPV6_MULTICAST_LOOP, "IPV6_MULTICAST_LOOP", 0},
    {12, IPV6_JOIN_GROUP, "IPV6_JOIN_GROUP", 0},
    {13, IPV6_LEAVE_GROUP, "IPV6_LEAVE_GROUP", 0},
    {14, FBSD_NOMAP, "IPV6_PORTRANGE", 0},
    {26, IPV6_CHECKSUM, "IPV6_CHECKSUM", 0},
    {27, IPV6_V6ONLY, "IPV6_V6ONLY", 0},
    {28, FBSD_NOMAP, "IPV6_IPSEC_POLICY", 0},
    {35, IPV6_RTHDRDSTOPTS, "IPV6_RTHDRDSTOPTS", 0},
    {36, IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 0},
    {37, IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT", 0},
    {38, IPV6_RECVRTHDR, "IPV6_RECVRTHDR", 0},
    {39, IPV6_RECVHOPOPTS, "IPV6_RECVHOPOPTS", 0},
    {40, IPV6_RECVDSTOPTS, "IPV6_RECVDSTOPTS", 0},
    {42, FBSD_NOMAP, "IPV6_USE_MIN_MTU", 0},
    {43, IPV6_RECVPATHMTU, "IPV6_RECVPATHMTU", 0},
    {44, IPV6_PATHMTU, "IPV6_PATHMTU", FBSD_CONV_SPECIAL},
    {46, IPV6_PKTINFO, "IPV6_PKTINFO", 0},
    {47, IPV6_HOPLIMIT, "IPV6_HOPLIMIT", 0},
    {48, IPV6_NEXTHOP, "IPV6_NEXTHOP", FBSD_CONV_SPECIAL},
    {49, IPV6_HOPOPTS, "IPV6_HOPOPTS", 0},
    {50, IPV6_DSTOPTS, "IPV6_DSTOPTS", 0},
    {51, IPV6_RTHDR, "IPV6_RTHDR", 0},
    {57, IPV6_RECVTCLASS, "IPV6_RECVTCLASS", 0},
    {59, IPV6_AUTOFLOWLABEL, "IPV6_AUTOFLOWLABEL", 0},
    {61, IPV6_TCLASS, "IPV6_TCLASS", 0},
    {62, IPV6_DONTFRAG, "IPV6_DONTFRAG", 0},
    {63, FBSD_NOMAP, "IPV6_PREFER_TEMPADDR", 0},
    {64, IPV6_FREEBIND, "IPV6_BINDANY", 0},
    {74, FBSD_NOMAP, "IPV6_MSFILTER", 0},
    {0, 0, NULL, 0},
};

/* IPPROTO_TCP options (sys/netinet/tcp.h). TCP_NOPUSH is Linux's TCP_CORK.
 * SPECIAL: TCP_INFO and TCP_MD5SIG structs differ. */
const struct fbsd_valmap fbsd_tcp_options[] = {
    {0x01, TCP_NODELAY, "TCP_NODELAY", 0},
    {0x02, TCP_MAXSEG, "TCP_MAXSEG", 0},
    {0x04, TCP_CORK, "TCP_NOPUSH", 0},
    {0x08, FBSD_NOMAP, "TCP_NOOPT", 0},
    {0x10, TCP_MD5SIG, "TCP_MD5SIG", FBSD_CONV_SPECIAL},
    {0x20, TCP_INFO, "TCP_INFO", FBSD_CONV_SPECIAL},
    {0x40, TCP_CONGESTION, "TCP_CONGESTION", 0},
    {0x80, FBSD_NOMAP, "TCP_KEEPINIT", 0},
    {0x100, TCP_KEEPIDLE, "TCP_KEEPIDLE", 0},
    {0x200, TCP_KEEPINTVL, "TCP_KEEPINTVL", 0},
    {0x400, TCP_KEEPCNT, "TCP_KEEPCNT", 0},
    {0, 0, NULL, 0},
};

/* SOL_SOCKET control message types. SPECIAL: SCM_CREDS carries struct
 * cmsgcred, Linux SCM_CREDENTIALS a struct ucred. */
const struct fbsd_valmap fbsd_scm_types[] = {
    {FBSD_SCM_RIGHTS, SCM_RIGHTS, "SCM_RIGHTS", 0},
    {FBSD_SCM_TIMESTAMP, SCM_TIMESTAMP, "SCM_TIMESTAMP", 0},
    {FBSD_SCM_CREDS, SCM_CREDENTIALS, "SCM_CREDS", FBSD_CONV_SPECIAL},
    {FBSD_SCM_BINTIME, FBSD_NOMAP, "SCM_BINTIME", 0},
    {0, 0, NULL, 0},
};

/* MSG_* (sys/sys/socket.h). MSG_EOF (send then shut down) is left to the
 * caller; MSG_NBIO/MSG_COMPAT are kernel-internal. */
const struct fbsd_flagmap fbsd_msg_flags[] = {
    {0x00001, MSG_OOB, "MSG_OOB"},
    {0x00002, MSG_PEEK, "MSG_PEEK"},
    {0x00004, MSG_DONTROUTE, "MSG_DONTROUTE"},
    {0x00008, MSG_EOR, "MSG_EOR"},
    {0x00010, MSG_TRUNC, "MSG_TRUNC"},
    {0x00020, MSG_CTRUNC, "MSG_CTRUNC"},
    {0x00040, MSG_WAITALL, "MSG_WAITALL"},
    {0x00080, MSG_DONTWAIT, "MSG_DONTWAIT"},
    {0x00100, 0, "MSG_EOF"},
    {0x02000, 0, "MSG_NOTIFICATION"},
    {0x04000, 0, "MSG_NBIO"},
    {0x08000, 0, "MSG_COMPAT"},
    {0x20000, MSG_NOSIGNAL, "MSG_NOSIGNAL"},
    {0x40000, MSG_CMSG_CLOEXEC, "MSG_CMSG_CLOEXEC"},
    {0x80000, MSG_WAITFORONE, "MSG_WAITFORONE"},
    {0, 0, NULL},
};

const struct fbsd_valmap fbsd_shutdown_hows[] = {
    {0, SHUT_RD, "SHUT_RD", 0},
    {1, SHUT_WR, "SHUT_WR", 0},
    {2, SHUT_RDWR, "SHUT_RDWR", 0},
    {0, 0, NULL, 0},
};

/* ------------------------------------------------------------ sockaddr */

#define SUN_PATH_OFF offsetof(struct fbsd_sockaddr_un, sun_path)

static int inet_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                         uint32_t *llen)
{
    struct fbsd_sockaddr_in f;
    struct sockaddr_in *l = (struct sockaddr_in *)lsa;
    if (flen != sizeof f)
        return FBSD_EINVAL; /* in_pcbbind/in_pcbconnect insist on sizeof(sockaddr_in) */
    memcpy(&f, fsa, sizeof f);
    l->sin_family = AF_INET;
    l->sin_port = f.sin_port;
    l->sin_addr.s_addr = f.sin_addr;
    *llen = sizeof *l;
    return 0;
}

static int inet6_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                          uint32_t *llen)
{
    struct fbsd_sockaddr_in6 f;
    struct sockaddr_in6 *l = (struct sockaddr_in6 *)lsa;
    if (flen != sizeof f)
        return FBSD_EINVAL;
    memcpy(&f, fsa, sizeof f);
    l->sin6_family = AF_INET6;
    l->sin6_port = f.sin6_port;
    l->sin6_flowinfo = f.sin6_flowinfo;
    memcpy(&l->sin6_addr, f.sin6_addr, sizeof f.sin6_addr);
    l->sin6_scope_id = f.sin6_scope_id;
    *llen = sizeof *l;
    return 0;
}

/* unp_bind/unp_connect: 1..104 path bytes, NUL-terminated at the length.
 * An empty path names nothing (FreeBSD's namei fails with ENOENT); it must
 * not become a Linux abstract or autobind address. */
static int unix_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                         uint32_t *llen)
{
    struct sockaddr_un *l = (struct sockaddr_un *)lsa;
    size_t plen;
    if (flen <= SUN_PATH_OFF || flen > sizeof(struct fbsd_sockaddr_un))
        return FBSD_EINVAL;
    plen = strnlen((const char *)fsa + SUN_PATH_OFF, flen - SUN_PATH_OFF);
    if (plen == 0)
        return FBSD_ENOENT;
    l->sun_family = AF_UNIX;
    memcpy(l->sun_path, (const char *)fsa + SUN_PATH_OFF, plen);
    l->sun_path[plen] = '\0';
    *llen = (uint32_t)(offsetof(struct sockaddr_un, sun_path) + plen + 1);
    return 0;
}

/* connect(AF_UNSPEC) dissolves a datagram association */
static int unspec_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                           uint32_t *llen)
{
    size_t data = flen - 2;
    if (data > sizeof *lsa - sizeof lsa->ss_family)
        data = sizeof *lsa - sizeof lsa->ss_family;
    lsa->ss_family = AF_UNSPEC;
    memcpy((char *)lsa + sizeof lsa->ss_family, (const char *)fsa + 2, data);
    *llen = (uint32_t)(sizeof lsa->ss_family + data);
    return 0;
}

static const struct {
    int family;
    int (*conv)(const void *, size_t, struct sockaddr_storage *, uint32_t *);
} sa_to_linux[] = {
    {FBSD_AF_INET, inet_to_linux},
    {FBSD_AF_INET6, inet6_to_linux},
    {FBSD_AF_UNIX, unix_to_linux},
    {FBSD_AF_UNSPEC, unspec_to_linux},
};

int fbsd_sockaddr_to_linux(const void *fsa, size_t flen, struct sockaddr_storage *lsa,
                           uint32_t *llen)
{
    int family;
    if (flen > FBSD_SOCK_MAXADDRLEN)
        return FBSD_ENAMETOOLONG;
    if (flen < 2)
        return FBSD_EINVAL;
    family = ((const uint8_t *)fsa)[1];
    memset(lsa, 0, sizeof *lsa);
    for (size_t i = 0; i < sizeof sa_to_linux / sizeof sa_to_linux[0]; i++)
        if (sa_to_linux[i].family == family)
            return sa_to_linux[i].conv(fsa, flen, lsa, llen);
    return FBSD_EAFNOSUPPORT;
}

static size_t inet_from_linux(const struct sockaddr_storage *l, uint32_t llen,
                              unsigned char *out)
{
    const struct sockaddr_in *in = (const struct sockaddr_in *)l;
    struct fbsd_sockaddr_in f = {sizeof f, FBSD_AF_INET, in->sin_port, in->sin_addr.s_addr, {0}};
    (void)llen;
    memcpy(out, &f, sizeof f);
    return sizeof f;
}

static size_t inet6_from_linux(const struct sockaddr_storage *l, uint32_t llen,
                               unsigned char *out)
{
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)l;
    struct fbsd_sockaddr_in6 f = {sizeof f, FBSD_AF_INET6, in6->sin6_port, in6->sin6_flowinfo,
                                  {0}, in6->sin6_scope_id};
    (void)llen;
    memcpy(f.sin6_addr, &in6->sin6_addr, sizeof f.sin6_addr);
    memcpy(out, &f, sizeof f);
    return sizeof f;
}

/* Unnamed sockets (and Linux abstract names) report FreeBSD's sun_noname, a
 * bare 16-byte struct sockaddr. Named ones report the path and its NUL:
 * FreeBSD returns the length the binder used, which Linux does not keep. */
static size_t unix_from_linux(const struct sockaddr_storage *l, uint32_t llen,
                              unsigned char *out)
{
    const struct sockaddr_un *un = (const struct sockaddr_un *)l;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    size_t max = llen > off ? llen - off : 0;
    if (max > sizeof un->sun_path)
        max = sizeof un->sun_path;
    size_t plen = un->sun_path[0] ? strnlen(un->sun_path, max) : 0;
    struct fbsd_sockaddr_un f;
    memset(&f, 0, sizeof f);
    f.sun_family = FBSD_AF_UNIX;
    if (plen > sizeof f.sun_path)
        plen = sizeof f.sun_path;
    memcpy(f.sun_path, un->sun_path, plen);
    f.sun_len = (uint8_t)(plen == 0                   ? sizeof(struct fbsd_sockaddr)
                          : plen < sizeof f.sun_path ? SUN_PATH_OFF + plen + 1
                                                     : sizeof f);
    memcpy(out, &f, f.sun_len);
    return f.sun_len;
}

static const struct {
    int family;
    size_t (*build)(const struct sockaddr_storage *, uint32_t, unsigned char *);
} sa_from_linux[] = {
    {AF_INET, inet_from_linux},
    {AF_INET6, inet6_from_linux},
    {AF_UNIX, unix_from_linux},
};

int fbsd_sockaddr_from_linux(const struct sockaddr *lsa, uint32_t llen, void *fbuf,
                             uint32_t fcap, uint32_t *flen)
{
    unsigned char tmp[sizeof(struct fbsd_sockaddr_storage)];
    struct sockaddr_storage l;
    size_t full = 0;
    if (llen < sizeof(sa_family_t))
        return FBSD_EAFNOSUPPORT;
    memset(&l, 0, sizeof l);
    memcpy(&l, lsa, llen < sizeof l ? llen : sizeof l);
    for (size_t i = 0; i < sizeof sa_from_linux / sizeof sa_from_linux[0]; i++)
        if (sa_from_linux[i].family == l.ss_family)
            full = sa_from_linux[i].build(&l, llen, tmp);
    if (!full)
        return FBSD_EAFNOSUPPORT;
    *flen = (uint32_t)(full < fcap ? full : fcap);
    memcpy(fbuf, tmp, *flen);
    return 0;
}

int fbsd_socket_type_to_linux(int ftype)
{
    uint64_t unknown;
    int64_t base;
    uint32_t t = (uint32_t)ftype;
    uint32_t flags = t & (FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);
    if (fbsd_val_to_linux(fbsd_socket_types, t & ~flags, &base) != FBSD_VAL_OK)
        return -1;
    uint64_t lflags = fbsd_flags_to_linux(fbsd_socket_type_flags, flags, &unknown);
    return (int)(base | (int64_t)lflags);
}

/* ------------------------------------------------------------ sockopts */

static const struct {
    int level;
    const struct fbsd_valmap *t;
} opt_tables[] = {
    {FBSD_SOL_SOCKET, fbsd_so_options},
    {FBSD_IPPROTO_IP, fbsd_ip_options},
    {FBSD_IPPROTO_TCP, fbsd_tcp_options},
    {FBSD_IPPROTO_IPV6, fbsd_ipv6_options},
};

static const struct fbsd_valmap *opt_table(int flevel)
{
    for (size_t i = 0; i < sizeof opt_tables / sizeof opt_tables[0]; i++)
        if (opt_tables[i].level == flevel)
            return opt_tables[i].t;
    return NULL;
}

int fbsd_sockopt_to_linux(int flevel, int fname, int *llevel, int *lname, unsigned *conv)
{
    const struct fbsd_valmap *t = opt_table(flevel), *e;
    int64_t lv;
    if (!t || fbsd_val_to_linux(fbsd_sockopt_levels, flevel, &lv) != FBSD_VAL_OK)
        return FBSD_ENOPROTOOPT;
    e = fbsd_val_lookup(t, fname);
    if (!e || e->lnx == FBSD_NOMAP)
        return FBSD_ENOPROTOOPT;
    *llevel = (int)lv;
    *lname = (int)e->lnx;
    *conv = e->conv;
    return 0;
}

const char *fbsd_sockopt_name(int flevel, int fname)
{
    const struct fbsd_valmap *t = opt_table(flevel);
    return t ? fbsd_val_name(t, fname) : NULL;
}

/* ------------------------------------------------------------ msghdr */

#define FBSD_UIO_MAXIOV 1024

int fbsd_msghdr_to_linux(const struct fbsd_msghdr *f, struct msghdr *l)
{
    if (f->msg_iovlen < 0 || f->msg_iovlen > FBSD_UIO_MAXIOV)
        return FBSD_EMSGSIZE;
    memset(l, 0, sizeof *l);
    l->msg_name = (void *)(uintptr_t)f->msg_name;
    l->msg_namelen = f->msg_namelen;
    l->msg_iov = (struct iovec *)(uintptr_t)f->msg_iov; /* same iovec layout */
    l->msg_iovlen = (size_t)f->msg_iovlen;
    l->msg_control = (void *)(uintptr_t)f->msg_control;
    l->msg_controllen = f->msg_controllen;
    l->msg_flags = (int)fbsd_flags_to_linux(fbsd_msg_flags, (uint32_t)f->msg_flags, NULL);
    return 0;
}

void fbsd_msghdr_update_from_linux(const struct msghdr *l, struct fbsd_msghdr *f)
{
    f->msg_namelen = l->msg_namelen;
    f->msg_controllen = (uint32_t)l->msg_controllen;
    f->msg_flags = (int32_t)fbsd_flags_from_linux(fbsd_msg_flags, (uint32_t)l->msg_flags, NULL);
}

/* ------------------------------------------------------------ cmsg */

/* Control messages supported in both directions: SOL_SOCKET (SCM_RIGHTS,
 * SCM_TIMESTAMP) and IPPROTO_IPV6 options whose data has the same layout.
 * Headers differ (FreeBSD: u32 len, level, type, pad to 16; Linux: u64
 * len, level, type), but CMSG_LEN/CMSG_SPACE are equal on amd64. */
static const struct fbsd_valmap *cmsg_table(int flevel)
{
    if (flevel == FBSD_SOL_SOCKET)
        return fbsd_scm_types;
    if (flevel == FBSD_IPPROTO_IPV6)
        return fbsd_ipv6_options;
    return NULL;
}

static int cmsg_map(int flevel, int ftype, int *llevel, int *ltype)
{
    const struct fbsd_valmap *t = cmsg_table(flevel), *e;
    int64_t lv;
    if (!t || fbsd_val_to_linux(fbsd_sockopt_levels, flevel, &lv) != FBSD_VAL_OK)
        return -1;
    e = fbsd_val_lookup(t, ftype);
    if (!e || e->lnx == FBSD_NOMAP || e->conv != FBSD_CONV_NONE)
        return -1;
    *llevel = (int)lv;
    *ltype = (int)e->lnx;
    return 0;
}

static int cmsg_unmap(int llevel, int ltype, int *flevel, int *ftype)
{
    const struct fbsd_valmap *t, *e;
    int64_t fv;
    if (fbsd_val_from_linux(fbsd_sockopt_levels, llevel, &fv) != FBSD_VAL_OK)
        return -1;
    t = cmsg_table((int)fv);
    e = t ? fbsd_val_lookup_linux(t, ltype) : NULL;
    if (!e || e->conv != FBSD_CONV_NONE)
        return -1;
    *flevel = (int)fv;
    *ftype = (int)e->fbsd;
    return 0;
}

int fbsd_cmsg_to_linux(const void *fbuf, size_t flen, void *lbuf, size_t lcap, size_t *llen)
{
    const unsigned char *in = fbuf;
    unsigned char *out = lbuf;
    size_t pos = 0, opos = 0;
    *llen = 0;
    while (flen - pos >= sizeof(struct fbsd_cmsghdr)) {
        struct fbsd_cmsghdr fh;
        struct cmsghdr lh;
        memcpy(&fh, in + pos, sizeof fh);
        if (fh.cmsg_len < FBSD_CMSG_HDRLEN || fh.cmsg_len > flen - pos)
            return FBSD_EINVAL;
        size_t dlen = fh.cmsg_len - FBSD_CMSG_HDRLEN;
        memset(&lh, 0, sizeof lh);
        if (cmsg_map(fh.cmsg_level, fh.cmsg_type, &lh.cmsg_level, &lh.cmsg_type))
            return FBSD_EINVAL;
        if (CMSG_SPACE(dlen) > lcap - opos)
            return FBSD_ENOBUFS;
        lh.cmsg_len = CMSG_LEN(dlen);
        memset(out + opos, 0, CMSG_SPACE(dlen));
        memcpy(out + opos, &lh, sizeof lh);
        memcpy(out + opos + CMSG_LEN(0), in + pos + FBSD_CMSG_HDRLEN, dlen);
        opos += CMSG_SPACE(dlen);
        pos += FBSD_CMSG_ALIGN(fh.cmsg_len);
        if (pos > flen)
            break;
    }
    *llen = opos;
    return 0;
}

int fbsd_cmsg_from_linux(const void *lbuf, size_t llen, void *fbuf, size_t fcap, size_t *flen,
                         int *ctrunc)
{
    const unsigned char *in = lbuf;
    unsigned char *out = fbuf;
    size_t pos = 0, opos = 0;
    *ctrunc = 0;
    while (llen - pos >= sizeof(struct cmsghdr)) {
        struct cmsghdr lh;
        struct fbsd_cmsghdr fh;
        memcpy(&lh, in + pos, sizeof lh);
        if (lh.cmsg_len < CMSG_LEN(0) || lh.cmsg_len > llen - pos)
            break;
        size_t dlen = lh.cmsg_len - CMSG_LEN(0);
        if (cmsg_unmap(lh.cmsg_level, lh.cmsg_type, &fh.cmsg_level, &fh.cmsg_type) ||
            FBSD_CMSG_LEN(dlen) > fcap - opos) {
            *ctrunc = 1; /* dropped: the caller closes fds of a lost SCM_RIGHTS */
        } else {
            size_t space = FBSD_CMSG_SPACE(dlen) < fcap - opos ? FBSD_CMSG_SPACE(dlen)
                                                                 : fcap - opos;
            fh.cmsg_len = (uint32_t)FBSD_CMSG_LEN(dlen);
            memset(out + opos, 0, space);
            memcpy(out + opos, &fh, sizeof fh);
            memcpy(out + opos + FBSD_CMSG_HDRLEN, in + pos + CMSG_LEN(0), dlen);
            opos += space;
        }
        pos += CMSG_ALIGN(lh.cmsg_len);
        if (pos > llen)
            break;
    }
    *flen = opos;
    return 0;
}
