/* test_fbsd_net.c — FreeBSD sockaddr (sa_len, lengths FreeBSD accepts and
 * reports), socket types, sockopt/MSG tables, msghdr and control messages,
 * including a real SCM_RIGHTS round trip through a socketpair. */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "freebsd/fbsd_abi.h"
#include "suites.h"

START_TEST(sockaddr_inet_to_linux)
{
    /* sys/netinet/in.h: sockaddr_in {u8 len, u8 family, port, addr, zero[8]} = 16 */
    struct fbsd_sockaddr_in f = {0 /* ignored */, FBSD_AF_INET, htons(8080),
                                 htonl(0x7f000001), {0}};
    struct sockaddr_storage ss;
    uint32_t len = 0;
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, sizeof f, &ss, &len), 0);
    const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
    ck_assert_uint_eq(len, sizeof(struct sockaddr_in));
    ck_assert_int_eq(in->sin_family, AF_INET);
    ck_assert_uint_eq(ntohs(in->sin_port), 8080);
    ck_assert_uint_eq(ntohl(in->sin_addr.s_addr), 0x7f000001);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 15, &ss, &len), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 1, &ss, &len), FBSD_EINVAL);
    unsigned char big[300] = {0, FBSD_AF_INET};
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 256, &ss, &len), FBSD_ENAMETOOLONG);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 17, &ss, &len), FBSD_EINVAL);
    big[1] = 99;
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 16, &ss, &len), FBSD_EAFNOSUPPORT);
    big[1] = FBSD_AF_UNSPEC; /* connect(AF_UNSPEC) disconnects */
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 16, &ss, &len), 0);
    ck_assert_int_eq(ss.ss_family, AF_UNSPEC);
    ck_assert_uint_eq(len, 16);
}
END_TEST

START_TEST(sockaddr_inet6_to_linux)
{
    /* sys/netinet6/in6.h: sockaddr_in6 = 28 bytes, AF_INET6 = 28 */
    ck_assert_int_eq(FBSD_AF_INET6, 28);
    struct fbsd_sockaddr_in6 f;
    memset(&f, 0, sizeof f);
    f.sin6_len = sizeof f;
    f.sin6_family = 28;
    f.sin6_port = htons(443);
    f.sin6_flowinfo = htonl(5);
    f.sin6_addr[15] = 1;
    f.sin6_scope_id = 3;
    struct sockaddr_storage ss;
    uint32_t len;
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, sizeof f, &ss, &len), 0);
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
    ck_assert_uint_eq(len, 28);
    ck_assert_int_eq(in6->sin6_family, AF_INET6);
    ck_assert_uint_eq(ntohs(in6->sin6_port), 443);
    ck_assert_uint_eq(ntohl(in6->sin6_flowinfo), 5);
    ck_assert(IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr));
    ck_assert_uint_eq(in6->sin6_scope_id, 3);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 24, &ss, &len), FBSD_EINVAL);
}
END_TEST

START_TEST(sockaddr_unix_to_linux)
{
    /* sys/sys/un.h: sun_len, sun_family, sun_path[104] */
    struct fbsd_sockaddr_un f;
    memset(&f, 0, sizeof f);
    f.sun_family = FBSD_AF_UNIX;
    memcpy(f.sun_path, "/tmp/sock", 9);
    struct sockaddr_storage ss;
    uint32_t len;
    /* SUN_LEN: no terminating NUL counted */
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 2 + 9, &ss, &len), 0);
    const struct sockaddr_un *un = (const struct sockaddr_un *)&ss;
    ck_assert_int_eq(un->sun_family, AF_UNIX);
    ck_assert_str_eq(un->sun_path, "/tmp/sock");
    ck_assert_uint_eq(len, 2 + 9 + 1);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, sizeof f, &ss, &len), 0);
    ck_assert_str_eq(un->sun_path, "/tmp/sock");
    /* the length cuts the path */
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 2 + 4, &ss, &len), 0);
    ck_assert_str_eq(un->sun_path, "/tmp");
    memset(f.sun_path, 'a', sizeof f.sun_path); /* 104 bytes, no NUL */
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, sizeof f, &ss, &len), 0);
    ck_assert_uint_eq(strlen(un->sun_path), 104);
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, 2, &ss, &len), FBSD_EINVAL);
    unsigned char big[200] = {0, FBSD_AF_UNIX, 'x'};
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 107, &ss, &len), FBSD_EINVAL);
    big[2] = '\0'; /* no Linux abstract names by accident */
    ck_assert_int_eq(fbsd_sockaddr_to_linux(big, 20, &ss, &len), FBSD_ENOENT);
}
END_TEST

START_TEST(sockaddr_from_linux)
{
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(53)};
    in.sin_addr.s_addr = htonl(0x0a000001);
    unsigned char buf[128];
    uint32_t flen;
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&in, sizeof in, buf,
                                              sizeof buf, &flen), 0);
    ck_assert_uint_eq(flen, 16);
    struct fbsd_sockaddr_in f;
    memcpy(&f, buf, sizeof f);
    ck_assert_uint_eq(f.sin_len, 16);
    ck_assert_uint_eq(f.sin_family, 2);
    ck_assert_uint_eq(ntohs(f.sin_port), 53);
    ck_assert_uint_eq(ntohl(f.sin_addr), 0x0a000001);
    /* FreeBSD reports MIN(buffer, sa_len) and copies that much */
    memset(buf, 0xcc, sizeof buf);
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&in, sizeof in, buf, 8, &flen),
                     0);
    ck_assert_uint_eq(flen, 8);
    ck_assert_uint_eq(buf[0], 16);
    ck_assert_uint_eq(buf[8], 0xcc);

    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(22)};
    in6.sin6_addr = in6addr_loopback;
    in6.sin6_scope_id = 4;
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&in6, sizeof in6, buf,
                                              sizeof buf, &flen), 0);
    ck_assert_uint_eq(flen, 28);
    ck_assert_uint_eq(buf[0], 28);
    ck_assert_uint_eq(buf[1], 28);
    struct fbsd_sockaddr_in6 f6;
    memcpy(&f6, buf, sizeof f6);
    ck_assert_uint_eq(f6.sin6_addr[15], 1);
    ck_assert_uint_eq(f6.sin6_scope_id, 4);

    struct sockaddr_un un = {.sun_family = AF_UNIX};
    strcpy(un.sun_path, "/tmp/x");
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&un,
                                              offsetof(struct sockaddr_un, sun_path) + 7, buf,
                                              sizeof buf, &flen), 0);
    ck_assert_uint_eq(flen, 2 + 6 + 1);
    ck_assert_uint_eq(buf[0], 9);
    ck_assert_uint_eq(buf[1], FBSD_AF_UNIX);
    ck_assert_str_eq((char *)buf + 2, "/tmp/x");
    /* unnamed (and Linux abstract) sockets: FreeBSD's 16-byte sun_noname */
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&un, sizeof(sa_family_t), buf,
                                              sizeof buf, &flen), 0);
    ck_assert_uint_eq(flen, 16);
    ck_assert_uint_eq(buf[2], 0);
    un.sun_path[0] = '\0';
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&un, 10, buf, sizeof buf,
                                              &flen), 0);
    ck_assert_uint_eq(flen, 16);
    struct sockaddr nl = {.sa_family = AF_NETLINK};
    ck_assert_int_eq(fbsd_sockaddr_from_linux(&nl, sizeof nl, buf, sizeof buf, &flen),
                     FBSD_EAFNOSUPPORT);
}
END_TEST

START_TEST(sockaddr_on_host)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    ck_assert_int_ge(s, 0);
    struct fbsd_sockaddr_in f = {16, FBSD_AF_INET, 0, htonl(INADDR_LOOPBACK), {0}};
    struct sockaddr_storage ss;
    uint32_t len;
    ck_assert_int_eq(fbsd_sockaddr_to_linux(&f, sizeof f, &ss, &len), 0);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&ss, len), 0);
    struct sockaddr_storage got;
    socklen_t glen = sizeof got;
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&got, &glen), 0);
    unsigned char out[16];
    uint32_t flen;
    ck_assert_int_eq(fbsd_sockaddr_from_linux((struct sockaddr *)&got, glen, out, sizeof out,
                                              &flen), 0);
    memcpy(&f, out, sizeof f);
    ck_assert_uint_eq(flen, 16);
    ck_assert_uint_ne(f.sin_port, 0);
    ck_assert_uint_eq(ntohl(f.sin_addr), INADDR_LOOPBACK);
    close(s);
}
END_TEST

START_TEST(socket_tables)
{
    /* sys/sys/socket.h: SOCK_CLOEXEC 0x10000000, SOCK_NONBLOCK 0x20000000 */
    ck_assert_int_eq(fbsd_socket_type_to_linux(1), SOCK_STREAM);
    ck_assert_int_eq(fbsd_socket_type_to_linux(2 | 0x10000000 | 0x20000000),
                     SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK);
    ck_assert_int_eq(fbsd_socket_type_to_linux(5), SOCK_SEQPACKET);
    ck_assert_int_eq(fbsd_socket_type_to_linux(6), -1);
    ck_assert_int_eq(fbsd_socket_type_to_linux(1 | 0x40000000), -1);
    int64_t v;
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_socket_domains, 28, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, AF_INET6);
    ck_assert_int_eq(fbsd_val_from_linux(fbsd_socket_domains, AF_INET6, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, 28);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_socket_domains, 17, &v), FBSD_VAL_NOLINUX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_shutdown_hows, 2, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, SHUT_RDWR);
    /* MSG_*: EOR 8, TRUNC 0x10, CTRUNC 0x20, WAITALL 0x40, DONTWAIT 0x80, NOSIGNAL 0x20000,
     * CMSG_CLOEXEC 0x40000, WAITFORONE 0x80000 */
    uint64_t unk;
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_msg_flags, 0x80 | 0x20000 | 0x8, &unk),
                      MSG_DONTWAIT | MSG_NOSIGNAL | MSG_EOR);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_msg_flags, 0x40 | 0x40000 | 0x80000, &unk),
                      MSG_WAITALL | MSG_CMSG_CLOEXEC | MSG_WAITFORONE);
    ck_assert_uint_eq(unk, 0);
    ck_assert_uint_eq(fbsd_flags_from_linux(fbsd_msg_flags, MSG_TRUNC | MSG_CTRUNC, &unk),
                      0x10 | 0x20);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_msg_flags, 0x100, &unk), 0); /* MSG_EOF */
    ck_assert_uint_eq(unk, 0);
    char buf[64];
    fbsd_flags_format(fbsd_msg_flags, 0x2 | 0x80, buf, sizeof buf);
    ck_assert_str_eq(buf, "MSG_PEEK|MSG_DONTWAIT");
}
END_TEST

START_TEST(sockopts)
{
    int ll, ln;
    unsigned conv;
    /* SOL_SOCKET 0xffff: SO_REUSEADDR 4, SO_KEEPALIVE 8, SO_LINGER 0x80, SO_SNDBUF 0x1001,
     * SO_RCVTIMEO 0x1006, SO_ERROR 0x1007, SO_TYPE 0x1008, SO_DOMAIN 0x1019 */
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x4, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ll, SOL_SOCKET);
    ck_assert_int_eq(ln, SO_REUSEADDR);
    ck_assert_uint_eq(conv, FBSD_CONV_NONE);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x80, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, SO_LINGER);
    ck_assert_uint_eq(sizeof(struct fbsd_linger), sizeof(struct linger));
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x1006, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, SO_RCVTIMEO);
    ck_assert_uint_eq(sizeof(struct fbsd_timeval), sizeof(struct timeval));
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x1007, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, SO_ERROR);
    ck_assert_uint_eq(conv, FBSD_CONV_ERRNO);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x1019, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, SO_DOMAIN);
    ck_assert_uint_eq(conv, FBSD_CONV_DOMAIN);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x800, &ll, &ln, &conv), FBSD_ENOPROTOOPT);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0xffff, 0x9999, &ll, &ln, &conv), FBSD_ENOPROTOOPT);
    /* IPPROTO_TCP: TCP_NODELAY 1, TCP_NOPUSH 4, TCP_KEEPIDLE 0x100, TCP_KEEPCNT 0x400 */
    ck_assert_int_eq(fbsd_sockopt_to_linux(6, 1, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ll, IPPROTO_TCP);
    ck_assert_int_eq(ln, TCP_NODELAY);
    ck_assert_int_eq(fbsd_sockopt_to_linux(6, 4, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, TCP_CORK);
    ck_assert_int_eq(fbsd_sockopt_to_linux(6, 0x100, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, TCP_KEEPIDLE);
    ck_assert_int_eq(fbsd_sockopt_to_linux(6, 0x400, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, TCP_KEEPCNT);
    /* IPPROTO_IP: IP_TOS 3, IP_TTL 4, IP_ADD_MEMBERSHIP 12, IP_RECVTTL 65 */
    ck_assert_int_eq(fbsd_sockopt_to_linux(0, 3, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IP_TOS);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0, 4, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IP_TTL);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0, 12, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IP_ADD_MEMBERSHIP);
    ck_assert_int_eq(fbsd_sockopt_to_linux(0, 65, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IP_RECVTTL);
    /* IPPROTO_IPV6: V6ONLY 27, JOIN_GROUP 12, RECVPKTINFO 36, TCLASS 61 */
    ck_assert_int_eq(fbsd_sockopt_to_linux(41, 27, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ll, IPPROTO_IPV6);
    ck_assert_int_eq(ln, IPV6_V6ONLY);
    ck_assert_int_eq(fbsd_sockopt_to_linux(41, 12, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IPV6_JOIN_GROUP);
    ck_assert_int_eq(fbsd_sockopt_to_linux(41, 36, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IPV6_RECVPKTINFO);
    ck_assert_int_eq(fbsd_sockopt_to_linux(41, 61, &ll, &ln, &conv), 0);
    ck_assert_int_eq(ln, IPV6_TCLASS);
    ck_assert_int_eq(fbsd_sockopt_to_linux(17, 1, &ll, &ln, &conv), FBSD_ENOPROTOOPT);
    ck_assert_str_eq(fbsd_sockopt_name(0xffff, 0x200), "SO_REUSEPORT");
    ck_assert_str_eq(fbsd_sockopt_name(6, 0x20), "TCP_INFO");
    ck_assert_ptr_null(fbsd_sockopt_name(99, 1));
}
END_TEST

START_TEST(msghdrs)
{
    struct fbsd_msghdr f = {0x1000, 16, 0x2000, 3, 0x3000, 24, 0x80};
    struct msghdr l;
    ck_assert_int_eq(fbsd_msghdr_to_linux(&f, &l), 0);
    ck_assert_ptr_eq(l.msg_name, (void *)0x1000);
    ck_assert_uint_eq(l.msg_namelen, 16);
    ck_assert_ptr_eq(l.msg_iov, (void *)0x2000);
    ck_assert_uint_eq(l.msg_iovlen, 3);
    ck_assert_ptr_eq(l.msg_control, (void *)0x3000);
    ck_assert_uint_eq(l.msg_controllen, 24);
    ck_assert_int_eq(l.msg_flags, MSG_DONTWAIT);
    ck_assert_uint_eq(sizeof(struct fbsd_iovec), sizeof(struct iovec));
    l.msg_namelen = 28;
    l.msg_controllen = 40;
    l.msg_flags = MSG_TRUNC | MSG_CTRUNC | MSG_EOR;
    fbsd_msghdr_update_from_linux(&l, &f);
    ck_assert_uint_eq(f.msg_namelen, 28);
    ck_assert_uint_eq(f.msg_controllen, 40);
    ck_assert_int_eq(f.msg_flags, 0x10 | 0x20 | 0x8);
    f.msg_iovlen = 1025; /* UIO_MAXIOV is 1024 */
    ck_assert_int_eq(fbsd_msghdr_to_linux(&f, &l), FBSD_EMSGSIZE);
    f.msg_iovlen = -1;
    ck_assert_int_eq(fbsd_msghdr_to_linux(&f, &l), FBSD_EMSGSIZE);
}
END_TEST

/* Appends a FreeBSD control message at *n. */
static void fcm_add(unsigned char *b, size_t *n, int level, int type, const void *data,
                    size_t dlen)
{
    struct fbsd_cmsghdr h = {(uint32_t)FBSD_CMSG_LEN(dlen), level, type};
    memset(b + *n, 0, FBSD_CMSG_SPACE(dlen));
    memcpy(b + *n, &h, sizeof h);
    memcpy(b + *n + FBSD_CMSG_HDRLEN, data, dlen);
    *n += FBSD_CMSG_SPACE(dlen);
}

START_TEST(cmsg_conversion)
{
    /* FreeBSD amd64: CMSG_DATA at _ALIGN(12) = 16, CMSG_LEN(n) = 16 + n */
    ck_assert_uint_eq(FBSD_CMSG_LEN(8), 24);
    ck_assert_uint_eq(FBSD_CMSG_SPACE(4), 24);
    _Alignas(8) unsigned char f[128], l[128], back[128];
    size_t fn = 0, ln = 0, bn = 0;
    int fds[2] = {5, 6};
    struct in6_pktinfo pi;
    memset(&pi, 0, sizeof pi);
    pi.ipi6_ifindex = 2;
    fcm_add(f, &fn, 0xffff, 1, fds, sizeof fds);            /* SCM_RIGHTS */
    fcm_add(f, &fn, 41, 46, &pi, sizeof pi);                 /* IPV6_PKTINFO */
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), 0);
    ck_assert_uint_eq(ln, CMSG_SPACE(sizeof fds) + CMSG_SPACE(sizeof pi));
    struct msghdr mh = {.msg_control = l, .msg_controllen = ln};
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    ck_assert_int_eq(c->cmsg_level, SOL_SOCKET);
    ck_assert_int_eq(c->cmsg_type, SCM_RIGHTS);
    ck_assert_uint_eq(c->cmsg_len, CMSG_LEN(sizeof fds));
    ck_assert_mem_eq(CMSG_DATA(c), fds, sizeof fds);
    c = CMSG_NXTHDR(&mh, c);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->cmsg_level, IPPROTO_IPV6);
    ck_assert_int_eq(c->cmsg_type, IPV6_PKTINFO);
    ck_assert_mem_eq(CMSG_DATA(c), &pi, sizeof pi);
    int trunc = 9;
    ck_assert_int_eq(fbsd_cmsg_from_linux(l, ln, back, sizeof back, &bn, &trunc), 0);
    ck_assert_int_eq(trunc, 0);
    ck_assert_uint_eq(bn, fn);
    ck_assert_mem_eq(back, f, fn);
}
END_TEST

START_TEST(cmsg_errors)
{
    _Alignas(8) unsigned char f[128], l[128];
    size_t fn = 0, ln;
    int fd = 3;
    fcm_add(f, &fn, 0xffff, 1, &fd, sizeof fd);
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, 16, &ln), FBSD_ENOBUFS);
    struct fbsd_cmsghdr h;
    memcpy(&h, f, sizeof h);
    h.cmsg_len = 8; /* shorter than a header */
    memcpy(f, &h, sizeof h);
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), FBSD_EINVAL);
    h.cmsg_len = 100; /* past the buffer */
    memcpy(f, &h, sizeof h);
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), FBSD_EINVAL);
    fn = 0;
    fcm_add(f, &fn, 0, 4, &fd, sizeof fd); /* IPPROTO_IP: not carried */
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), FBSD_EINVAL);
    fn = 0;
    fcm_add(f, &fn, 0xffff, 3, &fd, sizeof fd); /* SCM_CREDS: different struct */
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, 0, l, sizeof l, &ln), 0);
    ck_assert_uint_eq(ln, 0);

    /* receive side: what does not fit or has no FreeBSD form is dropped */
    struct msghdr mh = {.msg_control = l, .msg_controllen = sizeof l};
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof(struct ucred));
    c = CMSG_NXTHDR(&mh, c);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fd);
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    ln = CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(sizeof fd);
    int trunc;
    size_t fl;
    ck_assert_int_eq(fbsd_cmsg_from_linux(l, ln, f, sizeof f, &fl, &trunc), 0);
    ck_assert_int_eq(trunc, 1);
    ck_assert_uint_eq(fl, FBSD_CMSG_SPACE(sizeof fd));
    memcpy(&h, f, sizeof h);
    ck_assert_int_eq(h.cmsg_level, 0xffff);
    ck_assert_int_eq(h.cmsg_type, 1);
    ck_assert_int_eq(fbsd_cmsg_from_linux(l, ln, f, 10, &fl, &trunc), 0);
    ck_assert_int_eq(trunc, 1);
    ck_assert_uint_eq(fl, 0);
}
END_TEST

START_TEST(scm_rights_on_host)
{
    int sv[2], p[2];
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    ck_assert_int_eq(pipe(p), 0);
    _Alignas(8) unsigned char f[64], l[64], r[64], back[64];
    size_t fn = 0, ln, bn;
    fcm_add(f, &fn, 0xffff, 1, &p[1], sizeof p[1]);
    ck_assert_int_eq(fbsd_cmsg_to_linux(f, fn, l, sizeof l, &ln), 0);
    char byte = 'x';
    struct iovec iov = {&byte, 1};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = l,
                        .msg_controllen = ln};
    ck_assert_int_eq(sendmsg(sv[0], &mh, 0), 1);
    struct msghdr rh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = r,
                        .msg_controllen = sizeof r};
    ck_assert_int_eq(recvmsg(sv[1], &rh, 0), 1);
    int trunc;
    ck_assert_int_eq(fbsd_cmsg_from_linux(r, rh.msg_controllen, back, sizeof back, &bn, &trunc),
                     0);
    ck_assert_int_eq(trunc, 0);
    struct fbsd_cmsghdr h;
    memcpy(&h, back, sizeof h);
    ck_assert_uint_eq(h.cmsg_len, FBSD_CMSG_LEN(sizeof(int)));
    ck_assert_int_eq(h.cmsg_level, FBSD_SOL_SOCKET);
    ck_assert_int_eq(h.cmsg_type, FBSD_SCM_RIGHTS);
    int got;
    memcpy(&got, back + FBSD_CMSG_HDRLEN, sizeof got);
    ck_assert_int_eq(write(got, "!", 1), 1); /* the passed write end works */
    char c;
    ck_assert_int_eq(read(p[0], &c, 1), 1);
    ck_assert_int_eq(c, '!');
    close(got);
    close(p[0]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

Suite *suite_fbsd_net(void)
{
    Suite *s = suite_create("fbsd_net");
    TCase *tc = tcase_create("net");
    tcase_add_test(tc, sockaddr_inet_to_linux);
    tcase_add_test(tc, sockaddr_inet6_to_linux);
    tcase_add_test(tc, sockaddr_unix_to_linux);
    tcase_add_test(tc, sockaddr_from_linux);
    tcase_add_test(tc, sockaddr_on_host);
    tcase_add_test(tc, socket_tables);
    tcase_add_test(tc, sockopts);
    tcase_add_test(tc, msghdrs);
    tcase_add_test(tc, cmsg_conversion);
    tcase_add_test(tc, cmsg_errors);
    tcase_add_test(tc, scm_rights_on_host);
    suite_add_tcase(s, tc);
    return s;
}
