/* test_ws2.c — Winsock's translations between Windows and the host:
 * socket addresses (AF_INET6 is 23 on Windows, short buffers give
 * WSAEFAULT), host errno → WSA error codes, the NTSTATUS an OVERLAPPED
 * carries and back, the socket option table (Windows levels and option
 * numbers → host ones), MSG_*, WSAPoll's POLL* values, getaddrinfo and
 * getnameinfo flags and EAI_* results. */
#include <check.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/un.h>

#include "suites.h"
#include "win32/ws2_32/ws.h"

START_TEST(sockaddr_in_round_trip)
{
    unsigned char win[16] = { 2, 0, 0x1f, 0x90, 127, 0, 0, 1 };
    struct sockaddr_storage h;
    socklen_t hlen = 0;
    ck_assert_int_eq(ws_sockaddr_to_host(win, sizeof win, &h, &hlen), 0);
    struct sockaddr_in *in = (struct sockaddr_in *)&h;
    ck_assert_int_eq(in->sin_family, AF_INET);
    ck_assert_int_eq(ntohs(in->sin_port), 8080);
    ck_assert_uint_eq(ntohl(in->sin_addr.s_addr), 0x7f000001);
    ck_assert_uint_eq(hlen, sizeof(struct sockaddr_in));
    unsigned char back[32];
    int len = sizeof back;
    ck_assert_int_eq(ws_sockaddr_from_host((struct sockaddr *)&h, hlen, back, &len), 0);
    ck_assert_int_eq(len, 16);
    ck_assert_mem_eq(back, win, 16);
}
END_TEST

START_TEST(sockaddr_in6_family_is_23)
{
    struct sockaddr_in6 h6;
    memset(&h6, 0, sizeof h6);
    h6.sin6_family = AF_INET6;
    h6.sin6_port = htons(443);
    h6.sin6_addr.s6_addr[15] = 1;
    h6.sin6_scope_id = 3;
    unsigned char win[28];
    int len = sizeof win;
    ck_assert_int_eq(ws_sockaddr_from_host((struct sockaddr *)&h6, sizeof h6, win, &len), 0);
    ck_assert_int_eq(len, 28);
    ck_assert_int_eq(win[0] | win[1] << 8, 23);
    ck_assert_int_eq(win[2] << 8 | win[3], 443);
    ck_assert_int_eq(win[23], 1);
    ck_assert_int_eq(win[24], 3); /* sin6_scope_id, at the same place */
    struct sockaddr_storage h;
    socklen_t hlen;
    ck_assert_int_eq(ws_sockaddr_to_host(win, len, &h, &hlen), 0);
    ck_assert_int_eq(h.ss_family, AF_INET6);
    ck_assert_mem_eq(&h, &h6, sizeof h6);
    ck_assert_int_eq(ws_family_to_host(23), AF_INET6);
    ck_assert_int_eq(ws_family_from_host(AF_INET6), 23);
    ck_assert_int_eq(ws_sockaddr_size(23), 28);
    ck_assert_int_eq(ws_sockaddr_size(2), 16);
}
END_TEST

START_TEST(sockaddr_errors)
{
    unsigned char win[28] = { 2, 0 };
    struct sockaddr_storage h;
    socklen_t hlen;
    ck_assert_int_eq(ws_sockaddr_to_host(win, 8, &h, &hlen), WSAEFAULT);   /* short sockaddr_in */
    ck_assert_int_eq(ws_sockaddr_to_host(NULL, 16, &h, &hlen), WSAEFAULT);
    win[0] = 23;
    ck_assert_int_eq(ws_sockaddr_to_host(win, 16, &h, &hlen), WSAEFAULT);  /* short sockaddr_in6 */
    win[0] = 10; /* the host's AF_INET6 means nothing on Windows */
    ck_assert_int_eq(ws_sockaddr_to_host(win, 28, &h, &hlen), WSAEAFNOSUPPORT);
    struct sockaddr_in in = { .sin_family = AF_INET };
    unsigned char out[8];
    int len = sizeof out;
    ck_assert_int_eq(ws_sockaddr_from_host((struct sockaddr *)&in, sizeof in, out, &len), WSAEFAULT);
    ck_assert_int_eq(len, 16); /* what it needs */
}
END_TEST

START_TEST(sockaddr_unix_path)
{
    unsigned char win[110] = { 1, 0 };
    strcpy((char *)win + 2, "/tmp/sock");
    struct sockaddr_storage h;
    socklen_t hlen;
    ck_assert_int_eq(ws_sockaddr_to_host(win, 2 + 10, &h, &hlen), 0);
    ck_assert_int_eq(h.ss_family, AF_UNIX);
    ck_assert_str_eq(((struct sockaddr_un *)&h)->sun_path, "/tmp/sock");
}
END_TEST

START_TEST(errno_to_wsa)
{
    ck_assert_int_eq(ws_error_from_errno(ECONNREFUSED), 10061);
    ck_assert_int_eq(ws_error_from_errno(EAGAIN), 10035);
    ck_assert_int_eq(ws_error_from_errno(EADDRINUSE), 10048);
    ck_assert_int_eq(ws_error_from_errno(EADDRNOTAVAIL), 10049);
    ck_assert_int_eq(ws_error_from_errno(ECONNRESET), 10054);
    ck_assert_int_eq(ws_error_from_errno(EPIPE), 10054);
    ck_assert_int_eq(ws_error_from_errno(ENOTCONN), 10057);
    ck_assert_int_eq(ws_error_from_errno(EISCONN), 10056);
    ck_assert_int_eq(ws_error_from_errno(ETIMEDOUT), 10060);
    ck_assert_int_eq(ws_error_from_errno(EHOSTUNREACH), 10065);
    ck_assert_int_eq(ws_error_from_errno(ENETUNREACH), 10051);
    ck_assert_int_eq(ws_error_from_errno(EMSGSIZE), 10040);
    ck_assert_int_eq(ws_error_from_errno(EAFNOSUPPORT), 10047);
    ck_assert_int_eq(ws_error_from_errno(EBADF), 10038);
    ck_assert_int_eq(ws_error_from_errno(EINVAL), 10022);
    ck_assert_int_eq(ws_error_from_errno(EACCES), 10013);
    ck_assert_int_eq(ws_error_from_errno(EMFILE), 10024);
}
END_TEST

START_TEST(overlapped_status)
{
    ck_assert_uint_eq(ws_status_from_error(0), 0);
    ck_assert_uint_eq(ws_status_from_error(WSA_OPERATION_ABORTED), 0xC0000120u); /* STATUS_CANCELLED */
    ck_assert_uint_eq(ws_status_from_error(WSAECONNREFUSED), 0xC0000236u);
    ck_assert_uint_eq(ws_status_from_error(WSAEMSGSIZE), 0x80000005u);    /* a warning */
    int errs[] = { 0, WSA_OPERATION_ABORTED, WSAECONNREFUSED, WSAECONNRESET, WSAECONNABORTED, WSAETIMEDOUT,
                   WSAEMSGSIZE, WSAENETUNREACH, WSAEHOSTUNREACH, WSAEADDRINUSE, WSAENOTCONN, WSAESHUTDOWN,
                   WSAEINVAL, WSAENOBUFS, WSAEWOULDBLOCK, WSAENOTSOCK, WSAEDISCON };
    for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++)
        ck_assert_int_eq(ws_error_from_status(ws_status_from_error(errs[i])), errs[i]);
    ck_assert_uint_eq(ws_status_from_error(WSAEWOULDBLOCK), 0xC0070000u | 10035); /* NTSTATUS_FROM_WIN32 */
    ck_assert_int_eq(ws_error_from_status(0xC0000011u), 38);   /* end of file: ERROR_HANDLE_EOF */
    ck_assert_int_eq(ws_error_from_status(0xC000014Bu), 109);  /* broken pipe */
    ck_assert_int_eq(ws_error_from_status(0xC0000001u), 31);   /* ERROR_GEN_FAILURE */
    ck_assert_int_eq(ws_error_from_status(0x103), 996);        /* still pending: WSA_IO_INCOMPLETE */
}
END_TEST

START_TEST(option_table)
{
    const struct ws_optmap *m = ws_opt_find(0xffff, 0x0008); /* SO_KEEPALIVE */
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->hlevel, SOL_SOCKET);
    ck_assert_int_eq(m->hopt, SO_KEEPALIVE);
    m = ws_opt_find(0xffff, 0x0004); /* SO_REUSEADDR: Windows semantics, done by xeno */
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->hlevel, -1);
    ck_assert_ptr_nonnull(ws_opt_find(0xffff, (int)~0x0004)); /* SO_EXCLUSIVEADDRUSE */
    ck_assert_int_eq(ws_opt_find(0xffff, 0x0080)->kind, WS_OPT_LINGER);
    ck_assert_int_eq(ws_opt_find(0xffff, 0x1006)->kind, WS_OPT_MSEC);   /* SO_RCVTIMEO */
    ck_assert_int_eq(ws_opt_find(0xffff, 0x1001)->hopt, SO_SNDBUF);
    ck_assert_int_eq(ws_opt_find(0xffff, 0x1002)->hopt, SO_RCVBUF);
    ck_assert_ptr_nonnull(ws_opt_find(0xffff, 0x700B));                /* SO_UPDATE_ACCEPT_CONTEXT */
    ck_assert_ptr_nonnull(ws_opt_find(0xffff, 0x7010));                /* SO_UPDATE_CONNECT_CONTEXT */
    ck_assert_int_eq(ws_opt_find(IPPROTO_TCP, 1)->hopt, TCP_NODELAY);
    ck_assert_int_eq(ws_opt_find(IPPROTO_TCP, 3)->hopt, TCP_KEEPIDLE);
    ck_assert_int_eq(ws_opt_find(IPPROTO_TCP, 16)->hopt, TCP_KEEPCNT);
    ck_assert_int_eq(ws_opt_find(IPPROTO_TCP, 17)->hopt, TCP_KEEPINTVL);
    ck_assert_int_eq(ws_opt_find(IPPROTO_IPV6, 27)->hopt, IPV6_V6ONLY);
    ck_assert_int_eq(ws_opt_find(IPPROTO_IP, 4)->hopt, IP_TTL);
    ck_assert_int_eq(ws_opt_find(IPPROTO_IP, 12)->hopt, IP_ADD_MEMBERSHIP);
    ck_assert_ptr_null(ws_opt_find(SOL_SOCKET, SO_KEEPALIVE)); /* the host's numbers mean nothing */
    ck_assert_ptr_null(ws_opt_find(0xffff, 0x7777));
}
END_TEST

START_TEST(msg_flags)
{
    int h = -1;
    ck_assert_int_eq(ws_msg_to_host(0x1 | 0x2 | 0x8, &h), 0);
    ck_assert_int_eq(h, MSG_OOB | MSG_PEEK | MSG_WAITALL);
    ck_assert_int_eq(ws_msg_to_host(0x4, &h), 0);
    ck_assert_int_eq(h, MSG_DONTROUTE);
    ck_assert_int_eq(ws_msg_to_host(0x100, &h), WSAEOPNOTSUPP);
}
END_TEST

START_TEST(poll_values)
{
    ck_assert_int_eq(ws_poll_to_host(0x0100), POLLIN);           /* POLLRDNORM */
    ck_assert_int_eq(ws_poll_to_host(0x0010), POLLOUT);          /* POLLWRNORM */
    ck_assert_int_eq(ws_poll_from_host(POLLIN, 0x0100), 0x0100);
    ck_assert_int_eq(ws_poll_from_host(POLLIN | POLLOUT, 0x0100), 0x0100); /* only what was asked */
    ck_assert_int_eq(ws_poll_from_host(POLLHUP | POLLERR, 0x0010), 0x0003);
}
END_TEST

START_TEST(resolver_flags)
{
    ck_assert_int_eq(ws_ai_flags_to_host(0x1 | 0x2 | 0x4), AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST);
    ck_assert_int_eq(ws_ai_flags_to_host(0x8), AI_NUMERICSERV);
    ck_assert_int_eq(ws_ai_flags_to_host(0x400), AI_ADDRCONFIG);
    ck_assert_int_eq(ws_ai_flags_to_host(0x800), AI_V4MAPPED);
    ck_assert_int_eq(ws_ni_flags_to_host(0x2 | 0x8), NI_NUMERICHOST | NI_NUMERICSERV);
    ck_assert_int_eq(ws_ni_flags_to_host(0x4), NI_NAMEREQD);
    ck_assert_int_eq(ws_error_from_eai(EAI_NONAME), 11001);  /* WSAHOST_NOT_FOUND */
    ck_assert_int_eq(ws_error_from_eai(EAI_AGAIN), 11002);   /* WSATRY_AGAIN */
    ck_assert_int_eq(ws_error_from_eai(EAI_SERVICE), 10109); /* WSATYPE_NOT_FOUND */
    ck_assert_int_eq(ws_error_from_eai(EAI_FAMILY), 10047);
}
END_TEST

Suite *suite_ws2(void)
{
    Suite *s = suite_create("ws2");
    TCase *t = tcase_create("translate");
    tcase_add_test(t, sockaddr_in_round_trip);
    tcase_add_test(t, sockaddr_in6_family_is_23);
    tcase_add_test(t, sockaddr_errors);
    tcase_add_test(t, sockaddr_unix_path);
    tcase_add_test(t, errno_to_wsa);
    tcase_add_test(t, overlapped_status);
    tcase_add_test(t, option_table);
    tcase_add_test(t, msg_flags);
    tcase_add_test(t, poll_values);
    tcase_add_test(t, resolver_flags);
    suite_add_tcase(s, t);
    return s;
}
