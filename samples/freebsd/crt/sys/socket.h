/* sys/socket.h — BSD sockets as FreeBSD lays them out: addresses start
 * with a length byte, SOL_SOCKET is 0xffff, SO_REUSEADDR is 4. */
#ifndef CRT_SYS_SOCKET_H
#define CRT_SYS_SOCKET_H
#include <sys/types.h>

struct sockaddr {
    uint8_t sa_len;
    sa_family_t sa_family;
    char sa_data[14];
};

struct sockaddr_storage {
    uint8_t ss_len;
    sa_family_t ss_family;
    char __ss_pad1[6];
    int64_t __ss_align;
    char __ss_pad2[112];
};

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 28
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_INET AF_INET
#define PF_INET6 AF_INET6

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_CLOEXEC 0x10000000
#define SOCK_NONBLOCK 0x20000000

#define SOL_SOCKET 0xffff
#define SO_DEBUG 0x0001
#define SO_ACCEPTCONN 0x0002
#define SO_REUSEADDR 0x0004
#define SO_KEEPALIVE 0x0008
#define SO_BROADCAST 0x0020
#define SO_LINGER 0x0080
#define SO_REUSEPORT 0x0200
#define SO_SNDBUF 0x1001
#define SO_RCVBUF 0x1002
#define SO_SNDTIMEO 0x1005
#define SO_RCVTIMEO 0x1006
#define SO_ERROR 0x1007
#define SO_TYPE 0x1008

#define MSG_OOB 0x0001
#define MSG_PEEK 0x0002
#define MSG_DONTROUTE 0x0004
#define MSG_WAITALL 0x0040
#define MSG_DONTWAIT 0x0080
#define MSG_NOSIGNAL 0x20000
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#define SOMAXCONN 128

int socket(int domain, int type, int protocol);
int socketpair(int domain, int type, int protocol, int fds[2]);
int bind(int s, const struct sockaddr *addr, socklen_t len);
int listen(int s, int backlog);
int accept(int s, struct sockaddr *addr, socklen_t *len);
int accept4(int s, struct sockaddr *addr, socklen_t *len, int flags);
int connect(int s, const struct sockaddr *addr, socklen_t len);
ssize_t send(int s, const void *buf, size_t n, int flags);
ssize_t recv(int s, void *buf, size_t n, int flags);
ssize_t sendto(int s, const void *buf, size_t n, int flags,
               const struct sockaddr *to, socklen_t tolen);
ssize_t recvfrom(int s, void *buf, size_t n, int flags,
                 struct sockaddr *from, socklen_t *fromlen);
int setsockopt(int s, int level, int name, const void *val, socklen_t len);
int getsockopt(int s, int level, int name, void *val, socklen_t *len);
int getsockname(int s, struct sockaddr *addr, socklen_t *len);
int getpeername(int s, struct sockaddr *addr, socklen_t *len);
int shutdown(int s, int how);

#endif
