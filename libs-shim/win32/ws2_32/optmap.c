/* optmap.c — socket options: each Windows (level, option) pair and the
 * host option that does the same, with how the value is shaped. Levels:
 * SOL_SOCKET is 0xffff on Windows (1 here); IPPROTO_IP/TCP/UDP/IPV6 keep
 * their numbers. Entries with host level -1 are answered by xeno itself
 * (sockopt.c). Values from Microsoft's winsock2.h, ws2ipdef.h and
 * mswsock.h. */
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "ws.h"

#define SOL WS_SOL_SOCKET
#define XENO -1

static const struct ws_optmap opts[] = {
    /* SOL_SOCKET */
    { SOL, 0x0001, SOL_SOCKET, SO_DEBUG, WS_OPT_BOOL },
    { SOL, 0x0002, XENO, 0, WS_OPT_SPECIAL },                  /* SO_ACCEPTCONN */
    { SOL, 0x0004, XENO, 0, WS_OPT_SPECIAL },                  /* SO_REUSEADDR */
    { SOL, 0x0008, SOL_SOCKET, SO_KEEPALIVE, WS_OPT_BOOL },
    { SOL, 0x0010, SOL_SOCKET, SO_DONTROUTE, WS_OPT_BOOL },
    { SOL, 0x0020, SOL_SOCKET, SO_BROADCAST, WS_OPT_BOOL },
    { SOL, 0x0080, SOL_SOCKET, SO_LINGER, WS_OPT_LINGER },
    { SOL, 0x0100, SOL_SOCKET, SO_OOBINLINE, WS_OPT_BOOL },
    { SOL, (int)~0x0080, XENO, 0, WS_OPT_SPECIAL },            /* SO_DONTLINGER */
    { SOL, (int)~0x0004, XENO, 0, WS_OPT_SPECIAL },            /* SO_EXCLUSIVEADDRUSE */
    { SOL, 0x1001, SOL_SOCKET, SO_SNDBUF, WS_OPT_BUF },
    { SOL, 0x1002, SOL_SOCKET, SO_RCVBUF, WS_OPT_BUF },
    { SOL, 0x1003, SOL_SOCKET, SO_SNDLOWAT, WS_OPT_INT },
    { SOL, 0x1004, SOL_SOCKET, SO_RCVLOWAT, WS_OPT_INT },
    { SOL, 0x1005, XENO, 0, WS_OPT_MSEC },                     /* SO_SNDTIMEO */
    { SOL, 0x1006, XENO, 0, WS_OPT_MSEC },                     /* SO_RCVTIMEO */
    { SOL, 0x1007, XENO, 0, WS_OPT_SPECIAL },                  /* SO_ERROR */
    { SOL, 0x1008, XENO, 0, WS_OPT_SPECIAL },                  /* SO_TYPE */
    { SOL, 0x2003, XENO, 0, WS_OPT_SPECIAL },                  /* SO_MAX_MSG_SIZE */
    { SOL, 0x2004, XENO, 0, WS_OPT_SPECIAL },                  /* SO_PROTOCOL_INFOA */
    { SOL, 0x2005, XENO, 0, WS_OPT_SPECIAL },                  /* SO_PROTOCOL_INFOW */
    { SOL, 0x3002, XENO, 0, WS_OPT_SPECIAL },                  /* SO_CONDITIONAL_ACCEPT */
    { SOL, 0x700B, XENO, 0, WS_OPT_SPECIAL },                  /* SO_UPDATE_ACCEPT_CONTEXT */
    { SOL, 0x700C, XENO, 0, WS_OPT_SPECIAL },                  /* SO_CONNECT_TIME */
    { SOL, 0x7010, XENO, 0, WS_OPT_SPECIAL },                  /* SO_UPDATE_CONNECT_CONTEXT */
    /* IPPROTO_TCP */
    { IPPROTO_TCP, 1, IPPROTO_TCP, TCP_NODELAY, WS_OPT_BOOL },
    { IPPROTO_TCP, 3, IPPROTO_TCP, TCP_KEEPIDLE, WS_OPT_INT },  /* TCP_KEEPALIVE, seconds */
    { IPPROTO_TCP, 4, IPPROTO_TCP, TCP_MAXSEG, WS_OPT_INT },
    { IPPROTO_TCP, 15, IPPROTO_TCP, TCP_FASTOPEN, WS_OPT_BOOL },
    { IPPROTO_TCP, 16, IPPROTO_TCP, TCP_KEEPCNT, WS_OPT_INT },
    { IPPROTO_TCP, 17, IPPROTO_TCP, TCP_KEEPINTVL, WS_OPT_INT },
    /* IPPROTO_IP */
    { IPPROTO_IP, 1, IPPROTO_IP, IP_OPTIONS, WS_OPT_RAW },
    { IPPROTO_IP, 2, IPPROTO_IP, IP_HDRINCL, WS_OPT_BOOL },
    { IPPROTO_IP, 3, IPPROTO_IP, IP_TOS, WS_OPT_INT },
    { IPPROTO_IP, 4, IPPROTO_IP, IP_TTL, WS_OPT_INT },
    { IPPROTO_IP, 9, IPPROTO_IP, IP_MULTICAST_IF, WS_OPT_RAW },
    { IPPROTO_IP, 10, IPPROTO_IP, IP_MULTICAST_TTL, WS_OPT_INT },
    { IPPROTO_IP, 11, IPPROTO_IP, IP_MULTICAST_LOOP, WS_OPT_BOOL },
    { IPPROTO_IP, 12, IPPROTO_IP, IP_ADD_MEMBERSHIP, WS_OPT_RAW },
    { IPPROTO_IP, 13, IPPROTO_IP, IP_DROP_MEMBERSHIP, WS_OPT_RAW },
    { IPPROTO_IP, 19, IPPROTO_IP, IP_PKTINFO, WS_OPT_BOOL },
    { IPPROTO_IP, 21, IPPROTO_IP, IP_RECVTTL, WS_OPT_BOOL },
    { IPPROTO_IP, 40, IPPROTO_IP, IP_RECVTOS, WS_OPT_BOOL },
    /* IPPROTO_IPV6 */
    { IPPROTO_IPV6, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, WS_OPT_INT },
    { IPPROTO_IPV6, 9, IPPROTO_IPV6, IPV6_MULTICAST_IF, WS_OPT_INT },
    { IPPROTO_IPV6, 10, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, WS_OPT_INT },
    { IPPROTO_IPV6, 11, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, WS_OPT_BOOL },
    { IPPROTO_IPV6, 12, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, WS_OPT_RAW },
    { IPPROTO_IPV6, 13, IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, WS_OPT_RAW },
    { IPPROTO_IPV6, 14, IPPROTO_IPV6, IPV6_DONTFRAG, WS_OPT_BOOL },
    { IPPROTO_IPV6, 19, IPPROTO_IPV6, IPV6_RECVPKTINFO, WS_OPT_BOOL },
    { IPPROTO_IPV6, 27, IPPROTO_IPV6, IPV6_V6ONLY, WS_OPT_BOOL },
    { IPPROTO_IPV6, 39, IPPROTO_IPV6, IPV6_TCLASS, WS_OPT_INT },
};

const struct ws_optmap *ws_opt_find(int wlevel, int wopt)
{
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (opts[i].wlevel == wlevel && opts[i].wopt == wopt)
            return &opts[i];
    return NULL;
}
