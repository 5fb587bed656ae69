/* netinet/tcp.h — TCP socket options. */
#ifndef CRT_NETINET_TCP_H
#define CRT_NETINET_TCP_H

#define TCP_NODELAY 1

#endif
