/* hostile_net.c — bad pointers and absurd lengths handed to the socket
 * calls: sockaddrs in and out (and their length words), socket options,
 * send/receive buffers, msghdr, iovecs and control data, accept,
 * socketpair. Each must fail as FreeBSD fails, never crash xeno, and
 * never leave a descriptor behind. FreeBSD-only. */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "hostile.h"

enum {
    F_RECVMSG = 27, F_SENDMSG = 28, F_RECVFROM = 29, F_ACCEPT = 30, F_GETSOCKNAME = 32,
    F_SOCKET = 97, F_CONNECT = 98, F_BIND = 104, F_SETSOCKOPT = 105, F_LISTEN = 106,
    F_GETSOCKOPT = 118, F_SENDTO = 133, F_SHUTDOWN = 134, F_SOCKETPAIR = 135,
};

struct iov { void *base; size_t len; };
struct msg {
    void *name; unsigned namelen; struct iov *iov; int iovlen;
    void *control; unsigned controllen; int flags;
};

static struct sockaddr_in self; /* the UDP socket's own address */

static long lowest_free_fd(void)
{
    long fd = __sys1(41 /* dup */, 0);
    __sys1(6, fd);
    return fd;
}

static void addrs(int s)
{
    out("bind-null", __sys3(F_BIND, s, 0, 16));
    out("bind-kernel", __sys3(F_BIND, s, bad.kernel, 16));
    out("bind-edge", __sys3(F_BIND, s, bad.edge, 16));
    out("bind-len-1000", __sys3(F_BIND, s, bad.page, 1000));
    out("bind-len-1", __sys3(F_BIND, s, bad.page, 1));
    out("connect-kernel", __sys3(F_CONNECT, s, bad.kernel, 16));
    unsigned len = 16;
    out("getsockname-kernel", __sys3(F_GETSOCKNAME, s, bad.kernel, &len));
    out("getsockname-len-kernel", __sys3(F_GETSOCKNAME, s, bad.page, bad.kernel));
}

static void options(int s)
{
    unsigned len = 4;
    out("setsockopt-kernel", __sys5(F_SETSOCKOPT, s, SOL_SOCKET, SO_REUSEADDR, bad.kernel, 4));
    out("setsockopt-len-1", __sys5(F_SETSOCKOPT, s, SOL_SOCKET, SO_REUSEADDR, bad.page, 1));
    out("getsockopt-kernel", __sys5(F_GETSOCKOPT, s, SOL_SOCKET, SO_TYPE, bad.kernel, &len));
    out("getsockopt-len-kernel", __sys5(F_GETSOCKOPT, s, SOL_SOCKET, SO_TYPE, bad.page, bad.kernel));
    out("shutdown-bad-how", __sys2(F_SHUTDOWN, s, 99));
}

static void datagrams(int s)
{
    unsigned len = 16;
    out("sendto-buf-kernel", __sys6(F_SENDTO, s, (long)bad.kernel, 10, 0, (long)&self, 16));
    out("sendto-addr-kernel", __sys6(F_SENDTO, s, (long)"x", 1, 0, (long)bad.kernel, 16));
    out("sendto-addrlen-1000", __sys6(F_SENDTO, s, (long)"x", 1, 0, (long)&self, 1000));
    __sys6(F_SENDTO, s, (long)"hello", 5, 0, (long)&self, 16);
    out("recvfrom-buf-kernel", __sys6(F_RECVFROM, s, (long)bad.kernel, 10, MSG_DONTWAIT, 0, 0));
    __sys6(F_SENDTO, s, (long)"hello", 5, 0, (long)&self, 16);
    out("recvfrom-fromlen-kernel", __sys6(F_RECVFROM, s, (long)bad.page, 10, MSG_DONTWAIT,
                                          (long)bad.page + 64, (long)bad.kernel));
    __sys6(F_SENDTO, s, (long)"hello", 5, 0, (long)&self, 16);
    out("recvfrom-from-kernel", __sys6(F_RECVFROM, s, (long)bad.page, 10, MSG_DONTWAIT,
                                       (long)bad.kernel, (long)&len));
    while (__sys6(F_RECVFROM, s, (long)bad.page, 64, MSG_DONTWAIT, 0, 0) >= 0)
        ; /* drain what the failed calls left */
}

static void messages(int s)
{
    struct iov iov = { "hello", 5 };
    struct msg m = { &self, 16, &iov, 1, 0, 0, 0 };
    out("sendmsg-null", __sys3(F_SENDMSG, s, 0, 0));
    out("sendmsg-kernel", __sys3(F_SENDMSG, s, bad.kernel, 0));
    out("sendmsg-edge", __sys3(F_SENDMSG, s, bad.edge, 0));
    m.iov = (struct iov *)bad.kernel;
    out("sendmsg-iov-kernel", __sys3(F_SENDMSG, s, &m, 0));
    m.iov = &iov, m.iovlen = 1025;
    out("sendmsg-iovlen-1025", __sys3(F_SENDMSG, s, &m, 0));
    m.iovlen = 1, m.name = bad.kernel;
    out("sendmsg-name-kernel", __sys3(F_SENDMSG, s, &m, 0));
    m.name = &self, m.control = bad.kernel, m.controllen = 16;
    out("sendmsg-control-kernel", __sys3(F_SENDMSG, s, &m, 0));
    out("recvmsg-kernel", __sys3(F_RECVMSG, s, bad.kernel, MSG_DONTWAIT));
    __sys6(F_SENDTO, s, (long)"hello", 5, 0, (long)&self, 16);
    struct iov riov = { bad.kernel, 64 };
    struct msg r = { 0, 0, &riov, 1, 0, 0, 0 };
    out("recvmsg-iov-base-kernel", __sys3(F_RECVMSG, s, &r, MSG_DONTWAIT));
    while (__sys6(F_RECVFROM, s, (long)bad.page, 64, MSG_DONTWAIT, 0, 0) >= 0)
        ;
}

/* A listening TCP socket with one pending connection per call. */
static void accepts(void)
{
    struct sockaddr_in a = { 16, AF_INET, 0, { htonl(INADDR_LOOPBACK) }, { 0 } };
    unsigned len = 16;
    int l = (int)__sys3(F_SOCKET, AF_INET, SOCK_STREAM, 0);
    __sys3(F_BIND, l, &a, 16);
    __sys2(F_LISTEN, l, 8);
    __sys3(F_GETSOCKNAME, l, &a, &len);
    long before = lowest_free_fd();
    int c1 = (int)__sys3(F_SOCKET, AF_INET, SOCK_STREAM, 0);
    __sys3(F_CONNECT, c1, &a, 16);
    out("accept-addr-kernel", __sys3(F_ACCEPT, l, bad.kernel, &len));
    int c2 = (int)__sys3(F_SOCKET, AF_INET, SOCK_STREAM, 0);
    __sys3(F_CONNECT, c2, &a, 16);
    out("accept-len-kernel", __sys3(F_ACCEPT, l, bad.page, bad.kernel));
    __sys1(6, c1), __sys1(6, c2);
    printf("accept-no-fd-leak %s\n", lowest_free_fd() == before ? "ok" : "LEAK");
    __sys1(6, l);
}

int main(void)
{
    hostile_setup();
    long before = lowest_free_fd();
    out("socketpair-kernel", __sys4(F_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, bad.kernel));
    out("socketpair-edge", __sys4(F_SOCKETPAIR, AF_UNIX, SOCK_STREAM, 0, bad.edge + 4));
    printf("socketpair-no-fd-leak %s\n", lowest_free_fd() == before ? "ok" : "LEAK");
    int s = (int)__sys3(F_SOCKET, AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = { 16, AF_INET, 0, { htonl(INADDR_LOOPBACK) }, { 0 } };
    unsigned len = 16;
    __sys3(F_BIND, s, &a, 16);
    __sys3(F_GETSOCKNAME, s, &self, &len);
    addrs(s);
    options(s);
    datagrams(s);
    messages(s);
    accepts();
    printf("survived\n");
    return 0;
}
