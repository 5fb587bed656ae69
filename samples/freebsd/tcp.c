/* tcp.c — TCP over 127.0.0.1: the parent listens on an ephemeral port
 * (SO_REUSEADDR, getsockname), a forked client connects, sends a line,
 * reads the echo and shuts down its side; the parent waits with poll,
 * accepts, checks the peer address, echoes and sees EOF. Then
 * ECONNREFUSED on a closed port, UDP to itself, an AF_UNIX socketpair,
 * and ENOTSOCK / EAFNOSUPPORT. Only the parent prints; the client
 * reports through its exit status. Exit status 0, or 1 on a failed step.
 * Portable C. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "names.h"

#define MESSAGE "hello over tcp"

static int failed;

static struct sockaddr_in loopback(unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int client(unsigned short port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = loopback(port);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0)
        return 2;
    if (send(s, MESSAGE, strlen(MESSAGE), 0) != (ssize_t)strlen(MESSAGE))
        return 3;
    char buf[64];
    size_t got = 0;
    ssize_t n;
    while (got < strlen(MESSAGE) && (n = recv(s, buf + got, sizeof buf - got, 0)) > 0)
        got += (size_t)n;
    if (got != strlen(MESSAGE) || memcmp(buf, MESSAGE, got))
        return 4;
    shutdown(s, SHUT_WR);
    return recv(s, buf, sizeof buf, 0) == 0 ? 0 : 5;
}

static void serve(int srv)
{
    struct pollfd p = { srv, POLLIN, 0 };
    int ready = poll(&p, 1, 10000);
    printf("poll on the listener: %d, POLLIN: %s\n", ready, yesno(p.revents & POLLIN));
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    int c = accept(srv, (struct sockaddr *)&peer, &len);
    char ip[INET_ADDRSTRLEN] = "";
    inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof ip);
    printf("accepted: %s, peer %s, family AF_INET: %s\n", c < 0 ? errname(errno) : "ok", ip,
           yesno(peer.sin_family == AF_INET));
    struct sockaddr_in peer2;
    len = sizeof peer2;
    getpeername(c, (struct sockaddr *)&peer2, &len);
    printf("getpeername matches accept: %s\n", yesno(peer2.sin_port == peer.sin_port));
    char buf[64];
    size_t got = 0;
    ssize_t n;
    while (got < strlen(MESSAGE) && (n = recv(c, buf + got, sizeof buf - got, 0)) > 0)
        got += (size_t)n;
    printf("server received: [%.*s]\n", (int)got, buf);
    printf("echo sent: %zd\n", send(c, buf, got, 0));
    printf("server saw EOF after the client's shutdown: %s\n", yesno(recv(c, buf, sizeof buf, 0) == 0));
    close(c);
}

static void echo_test(void)
{
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1, val = 0;
    socklen_t vlen = sizeof val;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    getsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &val, &vlen);
    printf("SO_REUSEADDR is on: %s\n", yesno(val != 0));
    struct sockaddr_in a = loopback(0);
    failed |= show("bind 127.0.0.1:0", bind(srv, (struct sockaddr *)&a, sizeof a)) < 0;
    failed |= show("listen", listen(srv, 8)) < 0;
    socklen_t len = sizeof a;
    getsockname(srv, (struct sockaddr *)&a, &len);
    char ip[INET_ADDRSTRLEN];
    printf("bound to %s, port chosen: %s\n", inet_ntop(AF_INET, &a.sin_addr, ip, sizeof ip),
           yesno(ntohs(a.sin_port) != 0));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(srv);
        _exit(client(ntohs(a.sin_port)));
    }
    serve(srv);
    close(srv);
    int status;
    waitpid(pid, &status, 0);
    printf("client exit status: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    failed |= status != 0;
}

static void refused(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    bind(s, (struct sockaddr *)&a, sizeof a);
    getsockname(s, (struct sockaddr *)&a, &len);
    close(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    printf("connect to a closed port: %s\n",
           connect(s, (struct sockaddr *)&a, sizeof a) < 0 ? errname(errno) : "ok");
    close(s);
}

static void udp(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = loopback(0), from;
    socklen_t len = sizeof a, flen = sizeof from;
    bind(s, (struct sockaddr *)&a, sizeof a);
    getsockname(s, (struct sockaddr *)&a, &len);
    sendto(s, "datagram", 8, 0, (struct sockaddr *)&a, sizeof a);
    char buf[16];
    ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("udp to self: %zd bytes [%.*s], from our own port: %s\n", n, (int)(n > 0 ? n : 0), buf,
           yesno(from.sin_port == a.sin_port));
    close(s);
}

static void unix_pair(void)
{
    int sv[2];
    failed |= show("socketpair AF_UNIX", socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) < 0;
    char buf[8] = { 0 };
    failed |= write(sv[0], "ping", 4) != 4;
    printf("read from the other end: %zd [%s]\n", read(sv[1], buf, sizeof buf - 1), buf);
    close(sv[0]);
    close(sv[1]);
    int fds[2];
    failed |= pipe(fds) < 0;
    printf("recv on a pipe: %s\n", recv(fds[0], buf, 1, 0) < 0 ? errname(errno) : "ok");
    close(fds[0]);
    close(fds[1]);
    printf("socket with family 12345: %s\n", socket(12345, SOCK_STREAM, 0) < 0 ? errname(errno) : "ok");
}

int main(void)
{
    echo_test();
    refused();
    udp();
    unix_pair();
    return failed;
}
