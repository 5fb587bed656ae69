/* socket.c — socket calls. The kernel stores the given length into
 * sa_len itself, so callers need not fill it. send/recv are sendto and
 * recvfrom without an address. */
#include <sys/socket.h>

#include "syscall.h"

int socket(int domain, int type, int protocol)
{
    return (int)__sc3(SYS_socket, domain, type, protocol);
}

int socketpair(int domain, int type, int protocol, int fds[2])
{
    return (int)__sc4(SYS_socketpair, domain, type, protocol, fds);
}

int bind(int s, const struct sockaddr *addr, socklen_t len)
{
    return (int)__sc3(SYS_bind, s, addr, len);
}

int listen(int s, int backlog) { return (int)__sc2(SYS_listen, s, backlog); }

int accept(int s, struct sockaddr *addr, socklen_t *len)
{
    return (int)__sc3(SYS_accept, s, addr, len);
}

int accept4(int s, struct sockaddr *addr, socklen_t *len, int flags)
{
    return (int)__sc4(SYS_accept4, s, addr, len, flags);
}

int connect(int s, const struct sockaddr *addr, socklen_t len)
{
    return (int)__sc3(SYS_connect, s, addr, len);
}

ssize_t sendto(int s, const void *buf, size_t n, int flags,
               const struct sockaddr *to, socklen_t tolen)
{
    return __sc6(SYS_sendto, s, buf, n, flags, to, tolen);
}

ssize_t recvfrom(int s, void *buf, size_t n, int flags,
                 struct sockaddr *from, socklen_t *fromlen)
{
    return __sc6(SYS_recvfrom, s, buf, n, flags, from, fromlen);
}

ssize_t send(int s, const void *buf, size_t n, int flags)
{
    return sendto(s, buf, n, flags, NULL, 0);
}

ssize_t recv(int s, void *buf, size_t n, int flags)
{
    return recvfrom(s, buf, n, flags, NULL, NULL);
}

int setsockopt(int s, int level, int name, const void *val, socklen_t len)
{
    return (int)__sc5(SYS_setsockopt, s, level, name, val, len);
}

int getsockopt(int s, int level, int name, void *val, socklen_t *len)
{
    return (int)__sc5(SYS_getsockopt, s, level, name, val, len);
}

int getsockname(int s, struct sockaddr *addr, socklen_t *len)
{
    return (int)__sc3(SYS_getsockname, s, addr, len);
}

int getpeername(int s, struct sockaddr *addr, socklen_t *len)
{
    return (int)__sc3(SYS_getpeername, s, addr, len);
}

int shutdown(int s, int how) { return (int)__sc2(SYS_shutdown, s, how); }
