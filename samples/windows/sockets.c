/* sockets.c — Winsock over the loopback interface: blocking TCP with
 * bind/listen/accept/connect, getsockname/getpeername, shutdown and end
 * of stream; select (readability, timeout, a non-blocking connect that
 * succeeds and one that is refused); WSAPoll; error codes for refused
 * connections, bad sockets, busy addresses and would-block; socket
 * options; UDP with a truncated datagram; ReadFile/WriteFile on a
 * socket; overlapped WSARecv completing to an event and to an I/O
 * completion port; CancelIoEx; AcceptEx imported from mswsock.dll,
 * ConnectEx and GetAcceptExSockaddrs found through WSAIoctl;
 * getaddrinfo, inet_pton and inet_ntop. Ports are never printed.
 * Windows only.  Exit status: 0, or 1 if a step that must succeed failed.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * socket before WSAStartup: error 10093
 * WSAStartup: 0 version 2.2
 * listen: bound to loopback, port assigned: yes
 * getsockname before bind: error 10022
 * connect: 0
 * accept: peer address matches client: yes
 * select, nothing to read: 0
 * select, data waiting: 1, in set: yes
 * send: 11, recv: 11 [hello world]
 * shutdown(SD_SEND): 0, recv then: 0
 * WSAPoll: 1, POLLRDNORM: yes
 * recv on a non-blocking socket with no data: error 10035
 * blocking connect to a closed port: error 10061
 * non-blocking connect: error 10035
 * select for writing: 1, connected: yes
 * non-blocking connect to a closed port: error 10035
 * select: 1, in exceptfds: yes, SO_ERROR 10061
 * bind to a port in use: error 10048
 * closesocket of a closed socket: error 10038
 * send on a closed socket: error 10038
 * SO_TYPE: 1
 * TCP_NODELAY: 1
 * SO_LINGER: on 1 linger 5
 * SO_KEEPALIVE: 1
 * SO_REUSEADDR: 0
 * unknown option: error 10042
 * UDP: sendto 5, recvfrom 5 [ping!] from loopback: yes
 * UDP truncated: error 10040, 4 bytes [long]
 * WriteFile: 1, 8 bytes; ReadFile: 1, 8 bytes [via file]
 * WSARecv with an event: error 997
 * event signalled: yes, WSAGetOverlappedResult: 1, 10 bytes [overlapped]
 * WSARecv on a completion port: error 997
 * GetQueuedCompletionStatus: 1, key 42, 4 bytes [iocp]
 * WSASend on a completion port: 0
 * GetQueuedCompletionStatus: 1, key 42, 5 bytes (the send)
 * CancelIoEx: 1
 * GetQueuedCompletionStatus: 0, error 995
 * AcceptEx: 0, error 997
 * AcceptEx completed: 5 bytes [first], remote is loopback: yes, local port is the listener's: yes
 * SO_UPDATE_ACCEPT_CONTEXT: 0, getpeername: 0
 * ConnectEx: 0, error 997
 * ConnectEx completed: 1, SO_UPDATE_CONNECT_CONTEXT: 0
 * getaddrinfo: 0, family 2, socktype 1, port 80
 * inet_pton ::1: 1, inet_ntop: ::1
 * inet_pton bad: 0
 * WSACleanup: 0
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

static int failed;

static void must(int ok, const char *what)
{
    if (!ok) {
        printf("FAILED: %s (error %d)\n", what, WSAGetLastError());
        failed = 1;
    }
}

static SOCKET tcp(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    must(s != INVALID_SOCKET, "socket");
    return s;
}

static struct sockaddr_in loopback(unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = port;
    return a;
}

/* A listening socket on 127.0.0.1 and an ephemeral port; *A its address. */
static SOCKET listener(struct sockaddr_in *a)
{
    SOCKET l = tcp();
    *a = loopback(0);
    int len = sizeof *a;
    must(bind(l, (struct sockaddr *)a, sizeof *a) == 0, "bind");
    must(listen(l, 8) == 0, "listen");
    must(getsockname(l, (struct sockaddr *)a, &len) == 0, "getsockname");
    return l;
}

/* A connected pair over loopback. */
static void pair(SOCKET *c, SOCKET *s)
{
    struct sockaddr_in a;
    SOCKET l = listener(&a);
    *c = tcp();
    must(connect(*c, (struct sockaddr *)&a, sizeof a) == 0, "connect");
    *s = accept(l, NULL, NULL);
    must(*s != INVALID_SOCKET, "accept");
    closesocket(l);
}

/* A port nobody listens on: bound, then closed. */
static unsigned short closed_port(void)
{
    struct sockaddr_in a;
    SOCKET l = listener(&a);
    closesocket(l);
    return a.sin_port;
}

static int last(int r)
{
    return r == SOCKET_ERROR ? WSAGetLastError() : 0;
}

static void blocking(void)
{
    struct sockaddr_in a, ca, pa;
    SOCKET l = listener(&a);
    printf("listen: bound to loopback, port assigned: %s\n",
           a.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && a.sin_port ? "yes" : "no");
    SOCKET c = tcp();
    int len = sizeof ca;
    printf("getsockname before bind: error %d\n", last(getsockname(c, (struct sockaddr *)&ca, &len)));
    printf("connect: %d\n", connect(c, (struct sockaddr *)&a, sizeof a));
    len = sizeof pa;
    SOCKET s = accept(l, (struct sockaddr *)&pa, &len);
    must(s != INVALID_SOCKET, "accept");
    len = sizeof ca;
    getsockname(c, (struct sockaddr *)&ca, &len);
    printf("accept: peer address matches client: %s\n",
           pa.sin_port == ca.sin_port && pa.sin_addr.s_addr == ca.sin_addr.s_addr ? "yes" : "no");

    char buf[64] = "";
    fd_set rd;
    struct timeval tv = { 0, 100000 };
    FD_ZERO(&rd);
    FD_SET(s, &rd);
    printf("select, nothing to read: %d\n", select(0, &rd, NULL, NULL, &tv));
    int n = send(c, "hello world", 11, 0);
    FD_ZERO(&rd);
    FD_SET(s, &rd);
    tv.tv_sec = 5;
    int r = select(0, &rd, NULL, NULL, &tv);
    printf("select, data waiting: %d, in set: %s\n", r, FD_ISSET(s, &rd) ? "yes" : "no");
    int m = recv(s, buf, sizeof buf - 1, 0);
    buf[m > 0 ? m : 0] = 0;
    printf("send: %d, recv: %d [%s]\n", n, m, buf);
    r = shutdown(c, SD_SEND);
    printf("shutdown(SD_SEND): %d, recv then: %d\n", r, recv(s, buf, sizeof buf, 0));

    send(s, "x", 1, 0);
    WSAPOLLFD p = { c, POLLRDNORM, 0 };
    r = WSAPoll(&p, 1, 5000);
    printf("WSAPoll: %d, POLLRDNORM: %s\n", r, p.revents & POLLRDNORM ? "yes" : "no");
    recv(c, buf, 1, 0);
    u_long on = 1;
    ioctlsocket(c, FIONBIO, &on);
    printf("recv on a non-blocking socket with no data: error %d\n", last(recv(c, buf, sizeof buf, 0)));
    closesocket(c);
    closesocket(s);
    closesocket(l);
}

static void nonblocking(void)
{
    struct sockaddr_in a = loopback(closed_port());
    SOCKET c = tcp();
    printf("blocking connect to a closed port: error %d\n", last(connect(c, (struct sockaddr *)&a, sizeof a)));
    closesocket(c);

    SOCKET l = listener(&a);
    c = tcp();
    u_long on = 1;
    ioctlsocket(c, FIONBIO, &on);
    printf("non-blocking connect: error %d\n", last(connect(c, (struct sockaddr *)&a, sizeof a)));
    fd_set wr, ex;
    struct timeval tv = { 5, 0 };
    FD_ZERO(&wr);
    FD_SET(c, &wr);
    int r = select(0, NULL, &wr, NULL, &tv);
    printf("select for writing: %d, connected: %s\n", r, FD_ISSET(c, &wr) ? "yes" : "no");
    closesocket(c);
    closesocket(l);

    a = loopback(closed_port());
    c = tcp();
    ioctlsocket(c, FIONBIO, &on);
    printf("non-blocking connect to a closed port: error %d\n", last(connect(c, (struct sockaddr *)&a, sizeof a)));
    FD_ZERO(&wr);
    FD_SET(c, &wr);
    FD_ZERO(&ex);
    FD_SET(c, &ex);
    tv.tv_sec = 10;
    r = select(0, NULL, &wr, &ex, &tv);
    int err = 0, len = sizeof err;
    getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    printf("select: %d, in exceptfds: %s, SO_ERROR %d\n", r, FD_ISSET(c, &ex) ? "yes" : "no", err);
    closesocket(c);
}

static void errors(void)
{
    struct sockaddr_in a;
    SOCKET l = listener(&a);
    SOCKET s = tcp();
    printf("bind to a port in use: error %d\n", last(bind(s, (struct sockaddr *)&a, sizeof a)));
    closesocket(s);
    closesocket(l);
    printf("closesocket of a closed socket: error %d\n", last(closesocket(s)));
    printf("send on a closed socket: error %d\n", last(send(s, "x", 1, 0)));
}

static int int_option(SOCKET s, int level, int opt)
{
    int v = 0, len = sizeof v;
    if (getsockopt(s, level, opt, (char *)&v, &len) != 0)
        return -WSAGetLastError();
    return v;
}

static void options(void)
{
    SOCKET s = tcp();
    printf("SO_TYPE: %d\n", int_option(s, SOL_SOCKET, SO_TYPE));
    BOOL on = TRUE;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&on, sizeof on);
    printf("TCP_NODELAY: %d\n", int_option(s, IPPROTO_TCP, TCP_NODELAY) != 0);
    struct linger lg = { 1, 5 }, got;
    int len = sizeof got;
    setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof lg);
    getsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&got, &len);
    printf("SO_LINGER: on %d linger %d\n", got.l_onoff != 0, got.l_linger);
    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (char *)&on, sizeof on);
    printf("SO_KEEPALIVE: %d\n", int_option(s, SOL_SOCKET, SO_KEEPALIVE) != 0);
    printf("SO_REUSEADDR: %d\n", int_option(s, SOL_SOCKET, SO_REUSEADDR));
    int v = 1;
    printf("unknown option: error %d\n", last(setsockopt(s, SOL_SOCKET, 0x7777, (char *)&v, sizeof v)));
    closesocket(s);
}

static void udp(void)
{
    SOCKET a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in aa = loopback(0), from;
    int len = sizeof aa;
    must(bind(a, (struct sockaddr *)&aa, sizeof aa) == 0, "bind udp");
    getsockname(a, (struct sockaddr *)&aa, &len);
    int n = sendto(b, "ping!", 5, 0, (struct sockaddr *)&aa, sizeof aa);
    char buf[16] = "";
    len = sizeof from;
    int m = recvfrom(a, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &len);
    buf[m > 0 ? m : 0] = 0;
    printf("UDP: sendto %d, recvfrom %d [%s] from loopback: %s\n", n, m, buf,
           from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no");
    sendto(b, "longer datagram", 15, 0, (struct sockaddr *)&aa, sizeof aa);
    memset(buf, 0, sizeof buf);
    int r = recv(a, buf, 4, 0);
    printf("UDP truncated: error %d, %d bytes [%s]\n", last(r), (int)strlen(buf), buf);
    closesocket(a);
    closesocket(b);
}

static void files(void)
{
    SOCKET c, s;
    pair(&c, &s);
    DWORD n = 0, m = 0;
    char buf[16] = "";
    BOOL w = WriteFile((HANDLE)c, "via file", 8, &n, NULL);
    BOOL r = ReadFile((HANDLE)s, buf, sizeof buf - 1, &m, NULL);
    printf("WriteFile: %d, %lu bytes; ReadFile: %d, %lu bytes [%s]\n", w, n, r, m, buf);
    closesocket(c);
    closesocket(s);
}

static void with_event(void)
{
    SOCKET c, s;
    pair(&c, &s);
    char buf[32] = "";
    WSABUF wb = { sizeof buf - 1, buf };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = WSACreateEvent();
    DWORD flags = 0, n = 0;
    int r = WSARecv(s, &wb, 1, NULL, &flags, &ov, NULL);
    printf("WSARecv with an event: error %d\n", last(r));
    send(c, "overlapped", 10, 0);
    DWORD w = WaitForSingleObject(ov.hEvent, 5000);
    BOOL ok = WSAGetOverlappedResult(s, &ov, &n, TRUE, &flags);
    printf("event signalled: %s, WSAGetOverlappedResult: %d, %lu bytes [%.*s]\n",
           w == WAIT_OBJECT_0 ? "yes" : "no", ok, n, (int)n, buf);
    WSACloseEvent(ov.hEvent);
    closesocket(c);
    closesocket(s);
}

static void with_port(void)
{
    SOCKET c, s;
    pair(&c, &s);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 42, 0);
    must(port != NULL, "CreateIoCompletionPort");
    char buf[32] = "";
    WSABUF wb = { sizeof buf - 1, buf };
    WSAOVERLAPPED ov, ov2;
    memset(&ov, 0, sizeof ov);
    memset(&ov2, 0, sizeof ov2);
    DWORD flags = 0, n = 0;
    ULONG_PTR key = 0;
    OVERLAPPED *done = NULL;
    printf("WSARecv on a completion port: error %d\n", last(WSARecv(s, &wb, 1, NULL, &flags, &ov, NULL)));
    send(c, "iocp", 4, 0);
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &done, 5000);
    printf("GetQueuedCompletionStatus: %d, key %lu, %lu bytes [%.*s]\n", ok && done == &ov, (unsigned long)key,
           n, (int)n, buf);
    WSABUF sb = { 5, "reply" };
    printf("WSASend on a completion port: %d\n", WSASend(s, &sb, 1, NULL, 0, &ov2, NULL));
    ok = GetQueuedCompletionStatus(port, &n, &key, &done, 5000);
    printf("GetQueuedCompletionStatus: %d, key %lu, %lu bytes (the send)\n", ok && done == &ov2,
           (unsigned long)key, n);
    memset(&ov, 0, sizeof ov);
    WSARecv(s, &wb, 1, NULL, &flags, &ov, NULL);
    printf("CancelIoEx: %d\n", CancelIoEx((HANDLE)s, &ov));
    ok = GetQueuedCompletionStatus(port, &n, &key, &done, 5000);
    printf("GetQueuedCompletionStatus: %d, error %lu\n", ok, ok ? 0 : GetLastError());
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
}

static void *extension(SOCKET s, GUID id)
{
    void *fn = NULL;
    DWORD n = 0;
    must(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &id, sizeof id, &fn, sizeof fn, &n, NULL, NULL) == 0,
         "SIO_GET_EXTENSION_FUNCTION_POINTER");
    return fn;
}

static void accept_ex(void)
{
    struct sockaddr_in a;
    SOCKET l = listener(&a), as = tcp();
    LPFN_GETACCEPTEXSOCKADDRS sockaddrs =
        (LPFN_GETACCEPTEXSOCKADDRS)extension(l, (GUID)WSAID_GETACCEPTEXSOCKADDRS);
    char buf[5 + 2 * (sizeof(struct sockaddr_in) + 16)];
    DWORD n = 0, flags = 0;
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = WSACreateEvent();
    BOOL ok = AcceptEx(l, as, buf, 5, sizeof(struct sockaddr_in) + 16,
                                   sizeof(struct sockaddr_in) + 16, &n, &ov);
    printf("AcceptEx: %d, error %d\n", ok, ok ? 0 : WSAGetLastError());
    SOCKET c = tcp();
    must(connect(c, (struct sockaddr *)&a, sizeof a) == 0, "connect for AcceptEx");
    send(c, "first", 5, 0);
    WaitForSingleObject(ov.hEvent, 5000);
    WSAGetOverlappedResult(l, &ov, &n, TRUE, &flags);
    struct sockaddr_in *local = &a, *remote = &a;
    int llen = 0, rlen = 0;
    if (sockaddrs)
        sockaddrs(buf, 5, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16,
                  (struct sockaddr **)&local, &llen, (struct sockaddr **)&remote, &rlen);
    printf("AcceptEx completed: %lu bytes [%.5s], remote is loopback: %s, local port is the listener's: %s\n", n,
           buf, remote->sin_addr.s_addr == htonl(INADDR_LOOPBACK) ? "yes" : "no",
           local->sin_port == a.sin_port ? "yes" : "no");
    int r = setsockopt(as, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&l, sizeof l);
    struct sockaddr_in pa;
    int plen = sizeof pa;
    printf("SO_UPDATE_ACCEPT_CONTEXT: %d, getpeername: %d\n", r, getpeername(as, (struct sockaddr *)&pa, &plen));
    WSACloseEvent(ov.hEvent);
    closesocket(c);
    closesocket(as);
    closesocket(l);
}

static void connect_ex(void)
{
    struct sockaddr_in a, any = loopback(0);
    SOCKET l = listener(&a), c = tcp();
    LPFN_CONNECTEX connectex = (LPFN_CONNECTEX)extension(c, (GUID)WSAID_CONNECTEX);
    bind(c, (struct sockaddr *)&any, sizeof any);
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = WSACreateEvent();
    DWORD n = 0, flags = 0;
    BOOL ok = connectex && connectex(c, (struct sockaddr *)&a, sizeof a, NULL, 0, NULL, &ov);
    printf("ConnectEx: %d, error %d\n", ok, ok ? 0 : WSAGetLastError());
    SOCKET s = accept(l, NULL, NULL);
    ok = WSAGetOverlappedResult(c, &ov, &n, TRUE, &flags);
    int r = setsockopt(c, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0);
    printf("ConnectEx completed: %d, SO_UPDATE_CONNECT_CONTEXT: %d\n", ok, r);
    WSACloseEvent(ov.hEvent);
    closesocket(s);
    closesocket(c);
    closesocket(l);
}

static void names(void)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;
    int r = getaddrinfo("127.0.0.1", "80", &hints, &res);
    printf("getaddrinfo: %d, family %d, socktype %d, port %d\n", r, res ? res->ai_family : -1,
           res ? res->ai_socktype : -1, res ? ntohs(((struct sockaddr_in *)res->ai_addr)->sin_port) : -1);
    if (res)
        freeaddrinfo(res);
    unsigned char a6[16];
    char text[64] = "";
    r = inet_pton(AF_INET6, "::1", a6);
    inet_ntop(AF_INET6, a6, text, sizeof text);
    printf("inet_pton ::1: %d, inet_ntop: %s\n", r, text);
    printf("inet_pton bad: %d\n", inet_pton(AF_INET, "1.2.3", a6));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    SOCKET early = socket(AF_INET, SOCK_STREAM, 0);
    printf("socket before WSAStartup: error %d\n", early == INVALID_SOCKET ? WSAGetLastError() : 0);
    WSADATA d;
    int r = WSAStartup(MAKEWORD(2, 2), &d);
    printf("WSAStartup: %d version %d.%d\n", r, LOBYTE(d.wVersion), HIBYTE(d.wVersion));
    blocking();
    nonblocking();
    errors();
    options();
    udp();
    files();
    with_event();
    with_port();
    accept_ex();
    connect_ex();
    names();
    printf("WSACleanup: %d\n", WSACleanup());
    return failed;
}
