/* socket.c — SOCKET handles. A socket is a kernel32 file object (so
 * ReadFile, WriteFile, CloseHandle, DuplicateHandle and
 * CreateIoCompletionPort accept it, as on Windows) extended with what
 * Winsock keeps; its host descriptor is always O_NONBLOCK and blocking
 * calls wait in poll() (docs/winsock.md). socket, WSASocketA/W,
 * closesocket. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ws.h"
#include "../kernel32/iocp.h"

#define FILE_FLAG_OVERLAPPED 0x40000000u
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define FROM_PROTOCOL_INFO (-1)

extern const struct k32_socket_ops ws_kernel32_ops; /* fileops.c */

int ws_fail(int err)
{
    w32_set_last_error((DWORD)err);
    return SOCKET_ERROR;
}

static void sock_destroy(struct w32_object *o)
{
    struct ws_socket *s = (struct ws_socket *)o;
    ws_engine_remove(s); /* pending operations end as cancelled */
    if (s->f.port)
        w32_obj_put((struct w32_object *)s->f.port);
    if (s->f.fd >= 0)
        close(s->f.fd);
    free(s);
}

int ws_is_socket(struct w32_file *f)
{
    return f && f->o.destroy == sock_destroy;
}

struct ws_socket *ws_get(SOCKET h)
{
    struct w32_object *o = h == INVALID_SOCKET ? NULL : w32_handle_get((HANDLE)h, W32_H_FILE);
    if (o && o->destroy == sock_destroy)
        return (struct ws_socket *)o;
    if (o)
        w32_obj_put(o);
    w32_set_last_error(WSAENOTSOCK);
    return NULL;
}

void ws_put(struct ws_socket *s)
{
    w32_obj_put(&s->f.o);
}

/* Windows' defaults where the host's differ: a stream socket may bind
 * an address another socket just closed (Linux needs SO_REUSEADDR for
 * that), and IPv6 sockets are IPv6-only. */
static void windows_defaults(int fd, int hfamily, int type)
{
    int one = 1;
    if (type == SOCK_STREAM && hfamily != AF_UNIX)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (hfamily == AF_INET6)
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
}

SOCKET ws_socket_new(int fd, int family, int type, int protocol, DWORD flags)
{
    k32_socket_ops = &ws_kernel32_ops;
    struct ws_socket *s = calloc(1, sizeof *s);
    if (!s) {
        close(fd);
        ws_fail(WSAENOBUFS);
        return INVALID_SOCKET;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    s->f.o.type = W32_H_FILE;
    s->f.o.destroy = sock_destroy;
    s->f.o.signalled = 1;
    s->f.fd = fd;
    s->f.access = GENERIC_READ | GENERIC_WRITE;
    s->f.rights = k32_file_rights(s->f.access);
    s->f.share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
    s->f.flags = flags & WSA_FLAG_OVERLAPPED ? FILE_FLAG_OVERLAPPED : 0;
    s->family = family, s->type = type, s->protocol = protocol;
    s->udp_connreset = 1;
    if (ws_engine_add(s) != 0) {
        close(fd);
        free(s);
        ws_fail(WSAEMFILE);
        return INVALID_SOCKET;
    }
    HANDLE h = w32_handle_new(&s->f.o);
    if (!h) {
        s->f.o.refs = 1;
        w32_obj_put(&s->f.o);
        ws_fail(WSAEMFILE);
        return INVALID_SOCKET;
    }
    if (!(flags & WSA_FLAG_NO_HANDLE_INHERIT))
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return (SOCKET)h;
}

/* The protocol a socket of this type gets when none is asked for. */
static int default_protocol(int type, int protocol)
{
    if (protocol)
        return protocol;
    return type == SOCK_STREAM ? IPPROTO_TCP : type == SOCK_DGRAM ? IPPROTO_UDP : 0;
}

static SOCKET make_socket(int af, int type, int protocol, const WS_PROTOCOL_INFO_HEAD *info, DWORD flags)
{
    if (ws_need_startup())
        return INVALID_SOCKET;
    if (info) {
        if (af == FROM_PROTOCOL_INFO)
            af = info->iAddressFamily;
        if (type == FROM_PROTOCOL_INFO)
            type = info->iSocketType;
        if (protocol == FROM_PROTOCOL_INFO)
            protocol = info->iProtocol;
    }
    if (af == WS_AF_UNSPEC)
        af = WS_AF_INET;
    int hf = ws_family_to_host(af);
    if (hf < 0 || hf == AF_UNSPEC) {
        ws_fail(WSAEAFNOSUPPORT);
        return INVALID_SOCKET;
    }
    if (type < SOCK_STREAM || type > SOCK_SEQPACKET) {
        ws_fail(WSAESOCKTNOSUPPORT);
        return INVALID_SOCKET;
    }
    int fd = socket(hf, type | SOCK_NONBLOCK | SOCK_CLOEXEC, hf == AF_UNIX ? 0 : protocol);
    if (fd < 0) {
        ws_fail(ws_error_from_errno(errno));
        return INVALID_SOCKET;
    }
    windows_defaults(fd, hf, type);
    return ws_socket_new(fd, af, type, hf == AF_UNIX ? 0 : default_protocol(type, protocol), flags);
}

static SOCKET WINAPI w32_WSASocketW(int af, int type, int protocol, const void *info, unsigned g, DWORD flags)
{
    (void)g;
    return make_socket(af, type, protocol, info, flags);
}

static SOCKET WINAPI w32_WSASocketA(int af, int type, int protocol, const void *info, unsigned g, DWORD flags)
{
    (void)g;
    return make_socket(af, type, protocol, info, flags);
}

static SOCKET WINAPI w32_socket(int af, int type, int protocol)
{
    return make_socket(af, type, protocol, NULL, WSA_FLAG_OVERLAPPED);
}

/* closesocket: pending overlapped operations end with
 * WSA_OPERATION_ABORTED, then the handle goes. */
static int WINAPI w32_closesocket(SOCKET h)
{
    struct ws_socket *s = ws_get(h);
    if (!s)
        return SOCKET_ERROR;
    ws_cancel(s, NULL, 1);
    ws_put(s);
    if (!w32_handle_close((HANDLE)h))
        return ws_fail(WSAENOTSOCK);
    return 0;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(socket, "iii:q"),
    EXPORT(WSASocketW, "iiipuu:q"),
    EXPORT(WSASocketA, "iiipuu:q"),
    EXPORT(closesocket, "q:i"),
};
