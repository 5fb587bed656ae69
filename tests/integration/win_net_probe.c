/* win_net_probe.c — Winsock behaviour beyond the sockets sample, for
 * tests/integration/win_net.sh: the transport catalogue Go checks,
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, operations cancelled by
 * closesocket, zero-byte receives, completion routines run by an
 * alertable wait, WSAGetOverlappedResult on a pending operation,
 * SO_RCVTIMEO, no CPU spent while an operation waits, IPv6 loopback,
 * getaddrinfo of localhost, gathered sends, MSG_PEEK, FIONREAD,
 * SO_PROTOCOL_INFOW, CloseHandle on a socket, and the errors of calls
 * made in the wrong state.
 *
 * Where Wine 8.0 differs from Microsoft's documentation, the argument
 * "msdoc" prints the documented behaviour instead.  Documented output:
 * closesocket with a pending WSARecv: packet 0, error 995
 * UDP to a closed port: send 4, recv error 10054
 *
 * Verified with Wine 8.0.  Expected output:
 * WSAEnumProtocolsW(TCP): 2 entries, all with IFS handles: yes
 * skip on success: set 1, WSARecv 0, packet: none (error 258)
 * no skip: WSARecv 0, packet: yes
 * WSAGetOverlappedResult while pending: 0, error 996
 * zero-byte WSARecv: error 997, completes with 0 bytes, data still there: 4
 * completion routine: SleepEx 192, routine ran: 1, error 0, 6 bytes
 * SO_RCVTIMEO 200 ms: recv error 10060
 * CPU spent waiting 1 s for a completion under 100 ms: yes
 * IPv6: family 23, IPV6_V6ONLY 1, connect 0, accept ok, echo [six]
 * getaddrinfo localhost AF_INET: 0, 127.0.0.1
 * gathered WSASend: 0, 9 bytes; recv [one-two-3]
 * MSG_PEEK: 4 [peek], then recv 4 [peek]
 * FIONREAD: 0, 5
 * SO_PROTOCOL_INFOW: 0, family 2, type 1, protocol 6
 * select on a handle that is not a socket: error 10038
 * CloseHandle on a socket: 1, send then: error 10038
 * accept on a socket that is not listening: error 10022
 * listen on an unbound socket: error 10022
 * getpeername unconnected: error 10057
 * recv after shutdown(SD_RECEIVE): error 10058
 * WSASocketW with an unknown family: error 10047
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

static int last(int r)
{
    return r == SOCKET_ERROR ? WSAGetLastError() : 0;
}

static SOCKET listener(int af, struct sockaddr_storage *a, int *alen)
{
    SOCKET l = socket(af, SOCK_STREAM, 0);
    memset(a, 0, sizeof *a);
    if (af == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)a;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        *alen = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)a;
        in6->sin6_family = AF_INET6;
        in6->sin6_addr.s6_addr[15] = 1;
        *alen = sizeof *in6;
    }
    bind(l, (struct sockaddr *)a, *alen);
    listen(l, 8);
    getsockname(l, (struct sockaddr *)a, alen);
    return l;
}

static void pair(SOCKET *c, SOCKET *s)
{
    struct sockaddr_storage a;
    int alen;
    SOCKET l = listener(AF_INET, &a, &alen);
    *c = socket(AF_INET, SOCK_STREAM, 0);
    connect(*c, (struct sockaddr *)&a, alen);
    *s = accept(l, NULL, NULL);
    closesocket(l);
}

static void catalogue(void)
{
    int protos[] = { IPPROTO_TCP, 0 };
    WSAPROTOCOL_INFOW info[16];
    DWORD len = sizeof info;
    int n = WSAEnumProtocolsW(protos, info, &len), ifs = 1;
    for (int i = 0; i < n; i++)
        ifs &= (info[i].dwServiceFlags1 & XP1_IFS_HANDLES) != 0;
    printf("WSAEnumProtocolsW(TCP): %d entries, all with IFS handles: %s\n", n, ifs ? "yes" : "no");
}

static void skip_modes(void)
{
    for (int skip = 1; skip >= 0; skip--) {
        SOCKET c, s;
        pair(&c, &s);
        HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 1, 0);
        BOOL set = skip ? SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS |
                                                             FILE_SKIP_SET_EVENT_ON_HANDLE) : TRUE;
        send(c, "data", 4, 0);
        Sleep(100);
        char buf[8];
        WSABUF b = { sizeof buf, buf };
        WSAOVERLAPPED ov;
        memset(&ov, 0, sizeof ov);
        DWORD flags = 0, n = 0;
        ULONG_PTR key;
        OVERLAPPED *o;
        int r = WSARecv(s, &b, 1, NULL, &flags, &ov, NULL);
        BOOL got = GetQueuedCompletionStatus(port, &n, &key, &o, 200);
        if (skip)
            printf("skip on success: set %d, WSARecv %d, packet: %s (error %lu)\n", set, r,
                   got ? "yes" : "none", got ? 0 : GetLastError());
        else
            printf("no skip: WSARecv %d, packet: %s\n", r, got && o == &ov ? "yes" : "no");
        closesocket(c);
        closesocket(s);
        CloseHandle(port);
    }
}

static void pending_result(void)
{
    SOCKET c, s;
    pair(&c, &s);
    char buf[8];
    WSABUF b = { sizeof buf, buf };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    DWORD flags = 0, n = 0;
    WSARecv(s, &b, 1, NULL, &flags, &ov, NULL);
    BOOL ok = WSAGetOverlappedResult(s, &ov, &n, FALSE, &flags);
    printf("WSAGetOverlappedResult while pending: %d, error %d\n", ok, ok ? 0 : WSAGetLastError());
    closesocket(s);
    closesocket(c);
}

/* Microsoft: pending overlapped operations fail with WSA_OPERATION_ABORTED
 * when the socket is closed, and the completion port action is performed. */
static void cancelled_by_close(void)
{
    SOCKET c, s;
    pair(&c, &s);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 1, 0);
    char buf[8];
    WSABUF b = { sizeof buf, buf };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    DWORD flags = 0, n = 0;
    WSARecv(s, &b, 1, NULL, &flags, &ov, NULL);
    closesocket(s);
    ULONG_PTR key;
    OVERLAPPED *o;
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &o, 2000);
    printf("closesocket with a pending WSARecv: packet %d, error %lu\n", ok, ok ? 0 : GetLastError());
    closesocket(c);
    CloseHandle(port);
}

static void zero_byte(void)
{
    SOCKET c, s;
    pair(&c, &s);
    WSABUF b = { 0, NULL };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = WSACreateEvent();
    DWORD flags = 0, n = 99;
    int r = last(WSARecv(s, &b, 1, NULL, &flags, &ov, NULL));
    Sleep(50);
    send(c, "late", 4, 0);
    WSAGetOverlappedResult(s, &ov, &n, TRUE, &flags);
    u_long avail = 0;
    ioctlsocket(s, FIONREAD, &avail);
    printf("zero-byte WSARecv: error %d, completes with %lu bytes, data still there: %lu\n", r, n, avail);
    WSACloseEvent(ov.hEvent);
    closesocket(c);
    closesocket(s);
}

static int routine_ran;
static DWORD routine_err, routine_bytes;

static void CALLBACK on_done(DWORD err, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags)
{
    (void)ov, (void)flags;
    routine_ran++;
    routine_err = err;
    routine_bytes = bytes;
}

static void routine(void)
{
    SOCKET c, s;
    pair(&c, &s);
    char buf[16];
    WSABUF b = { sizeof buf, buf };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    DWORD flags = 0;
    WSARecv(s, &b, 1, NULL, &flags, &ov, on_done);
    send(c, "called", 6, 0);
    DWORD r = SleepEx(5000, TRUE);
    printf("completion routine: SleepEx %lu, routine ran: %d, error %lu, %lu bytes\n", r, routine_ran,
           routine_err, routine_bytes);
    closesocket(c);
    closesocket(s);
}

static void timeouts(void)
{
    SOCKET c, s;
    pair(&c, &s);
    DWORD ms = 200;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof ms);
    char buf[4];
    printf("SO_RCVTIMEO 200 ms: recv error %d\n", last(recv(s, buf, sizeof buf, 0)));
    closesocket(c);
    closesocket(s);
}

static ULONGLONG cpu_100ns(void)
{
    FILETIME a, b, k, u;
    GetProcessTimes(GetCurrentProcess(), &a, &b, &k, &u);
    return ((ULONGLONG)k.dwHighDateTime << 32 | k.dwLowDateTime) + ((ULONGLONG)u.dwHighDateTime << 32 | u.dwLowDateTime);
}

static void idle(void)
{
    SOCKET c, s;
    pair(&c, &s);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 1, 0);
    char buf[8];
    WSABUF b = { sizeof buf, buf };
    WSAOVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    DWORD flags = 0, n;
    WSARecv(s, &b, 1, NULL, &flags, &ov, NULL);
    ULONGLONG before = cpu_100ns();
    ULONG_PTR key;
    OVERLAPPED *o;
    GetQueuedCompletionStatus(port, &n, &key, &o, 1000);
    ULONGLONG spent = cpu_100ns() - before;
    printf("CPU spent waiting 1 s for a completion under 100 ms: %s\n", spent < 1000000 ? "yes" : "no");
    closesocket(s);
    GetQueuedCompletionStatus(port, &n, &key, &o, 1000);
    closesocket(c);
    CloseHandle(port);
}

static void ipv6(void)
{
    struct sockaddr_storage a;
    int alen;
    SOCKET l = listener(AF_INET6, &a, &alen);
    SOCKET c = socket(AF_INET6, SOCK_STREAM, 0);
    int v6only = 0, len = sizeof v6only;
    getsockopt(c, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v6only, &len);
    int r = connect(c, (struct sockaddr *)&a, alen);
    SOCKET s = accept(l, NULL, NULL);
    char buf[8] = "";
    send(c, "six", 3, 0);
    recv(s, buf, 3, 0);
    printf("IPv6: family %d, IPV6_V6ONLY %d, connect %d, accept %s, echo [%s]\n", a.ss_family, v6only, r,
           s != INVALID_SOCKET ? "ok" : "failed", buf);
    closesocket(s);
    closesocket(c);
    closesocket(l);
}

static void resolve(void)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int r = getaddrinfo("localhost", NULL, &hints, &res);
    char text[64] = "";
    if (res)
        inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, text, sizeof text);
    printf("getaddrinfo localhost AF_INET: %d, %s\n", r, text);
    if (res)
        freeaddrinfo(res);
}

static void transfers(void)
{
    SOCKET c, s;
    pair(&c, &s);
    WSABUF parts[3] = { { 4, "one-" }, { 4, "two-" }, { 1, "3" } };
    DWORD sent = 0;
    int r = WSASend(c, parts, 3, &sent, 0, NULL, NULL);
    char buf[16] = "";
    Sleep(50);
    recv(s, buf, sizeof buf - 1, 0);
    printf("gathered WSASend: %d, %lu bytes; recv [%s]\n", r, sent, buf);
    send(c, "peek", 4, 0);
    Sleep(50);
    char p1[8] = "", p2[8] = "";
    int a = recv(s, p1, 4, MSG_PEEK), b = recv(s, p2, 4, 0);
    printf("MSG_PEEK: %d [%s], then recv %d [%s]\n", a, p1, b, p2);
    send(c, "count", 5, 0);
    Sleep(50);
    u_long avail = 0;
    r = ioctlsocket(s, FIONREAD, &avail);
    printf("FIONREAD: %d, %lu\n", r, avail);
    WSAPROTOCOL_INFOW info;
    int len = sizeof info;
    r = getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)&info, &len);
    printf("SO_PROTOCOL_INFOW: %d, family %d, type %d, protocol %d\n", r, info.iAddressFamily, info.iSocketType,
           info.iProtocol);
    closesocket(c);
    closesocket(s);
}

static void handles(void)
{
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET((SOCKET)ev, &rd);
    struct timeval tv = { 0, 1000 };
    printf("select on a handle that is not a socket: error %d\n", last(select(0, &rd, NULL, NULL, &tv)));
    CloseHandle(ev);
    SOCKET c, s;
    pair(&c, &s);
    BOOL ok = CloseHandle((HANDLE)c);
    printf("CloseHandle on a socket: %d, send then: error %d\n", ok, last(send(c, "x", 1, 0)));
    closesocket(s);
}

/* Microsoft: WSAECONNRESET on a UDP socket means a previous send got an
 * ICMP Port Unreachable. */
static void udp_unreachable(void)
{
    SOCKET u = socket(AF_INET, SOCK_DGRAM, 0), t = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int len = sizeof a;
    bind(t, (struct sockaddr *)&a, sizeof a);
    getsockname(t, (struct sockaddr *)&a, &len);
    closesocket(t);
    connect(u, (struct sockaddr *)&a, sizeof a);
    int n = send(u, "ping", 4, 0);
    Sleep(100);
    DWORD ms = 1000;
    setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof ms);
    char buf[8];
    printf("UDP to a closed port: send %d, recv error %d\n", n, last(recv(u, buf, sizeof buf, 0)));
    closesocket(u);
}

static void wrong_state(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int len = sizeof a;
    printf("accept on a socket that is not listening: error %d\n",
           accept(s, NULL, NULL) == INVALID_SOCKET ? WSAGetLastError() : 0);
    printf("listen on an unbound socket: error %d\n", last(listen(s, 1)));
    printf("getpeername unconnected: error %d\n", last(getpeername(s, (struct sockaddr *)&a, &len)));
    closesocket(s);
    SOCKET c;
    pair(&c, &s);
    shutdown(s, SD_RECEIVE);
    char buf[4];
    printf("recv after shutdown(SD_RECEIVE): error %d\n", last(recv(s, buf, sizeof buf, 0)));
    closesocket(c);
    closesocket(s);
    s = WSASocketW(12345, SOCK_STREAM, 0, NULL, 0, 0);
    printf("WSASocketW with an unknown family: error %d\n", s == INVALID_SOCKET ? WSAGetLastError() : 0);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    WSADATA d;
    WSAStartup(MAKEWORD(2, 2), &d);
    if (argc > 1 && !strcmp(argv[1], "msdoc")) {
        cancelled_by_close();
        udp_unreachable();
        WSACleanup();
        return 0;
    }
    catalogue();
    skip_modes();
    pending_result();
    zero_byte();
    routine();
    timeouts();
    idle();
    ipv6();
    resolve();
    transfers();
    handles();
    wrong_state();
    WSACleanup();
    return 0;
}
