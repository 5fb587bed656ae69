/* protocols.c — the transport catalogue: WSAEnumProtocolsA/W and the
 * SO_PROTOCOL_INFO options. xeno offers what Microsoft's TCP/IP provider
 * offers for IPv4 and IPv6, TCP and UDP, with XP1_IFS_HANDLES (socket
 * handles are real kernel handles), which is what Go checks before it
 * uses SetFileCompletionNotificationModes. Layout: WSAPROTOCOL_INFOW is
 * 628 bytes (szProtocol WCHAR[256]), the A form 372 (char[256]). */
#include <netinet/in.h>
#include <string.h>

#include "ws.h"

#define XP1_CONNECTIONLESS 0x1
#define XP1_GUARANTEED_DELIVERY 0x2
#define XP1_GUARANTEED_ORDER 0x4
#define XP1_MESSAGE_ORIENTED 0x8
#define XP1_GRACEFUL_CLOSE 0x20
#define XP1_EXPEDITED_DATA 0x40
#define XP1_SUPPORT_BROADCAST 0x200
#define XP1_SUPPORT_MULTIPOINT 0x400
#define XP1_IFS_HANDLES 0x20000
#define PFL_MATCHES_PROTOCOL_ZERO 0x8

typedef WS_PROTOCOL_INFO_HEAD INFO_HEAD;
#define INFOW_SIZE (sizeof(INFO_HEAD) + 256 * sizeof(WCHAR))
#define INFOA_SIZE (sizeof(INFO_HEAD) + 256)
_Static_assert(INFOW_SIZE == 628, "WSAPROTOCOL_INFOW");

static const struct proto {
    int family, type, protocol;
    DWORD flags, msgsize, catalog;
    const char *name;
} protos[] = {
    { WS_AF_INET, SOCK_STREAM, IPPROTO_TCP,
      XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES,
      0, 1001, "MSAFD Tcpip [TCP/IP]" },
    { WS_AF_INET, SOCK_DGRAM, IPPROTO_UDP,
      XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES,
      65467, 1002, "MSAFD Tcpip [UDP/IP]" },
    { WS_AF_INET6, SOCK_STREAM, IPPROTO_TCP,
      XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES,
      0, 1004, "MSAFD Tcpip [TCP/IPv6]" },
    { WS_AF_INET6, SOCK_DGRAM, IPPROTO_UDP,
      XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES,
      65467, 1005, "MSAFD Tcpip [UDP/IPv6]" },
};
#define NPROTO (sizeof protos / sizeof protos[0])

/* Microsoft's TCP/IP provider: {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}. */
static const GUID tcpip = { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };

static void fill(const struct proto *p, void *out, int wide)
{
    INFO_HEAD *h = out;
    memset(out, 0, wide ? INFOW_SIZE : INFOA_SIZE);
    h->dwServiceFlags1 = p->flags;
    h->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    h->ProviderId = tcpip;
    h->dwCatalogEntryId = p->catalog;
    h->ProtocolChain.ChainLen = 1; /* BASE_PROTOCOL */
    h->iVersion = 2;
    h->iAddressFamily = p->family;
    h->iMaxSockAddr = h->iMinSockAddr = ws_sockaddr_size(p->family);
    h->iSocketType = p->type;
    h->iProtocol = p->protocol;
    h->dwMessageSize = p->msgsize;
    char *name = (char *)out + sizeof *h;
    for (size_t i = 0; p->name[i]; i++) {
        if (wide)
            ((WCHAR *)name)[i] = (WCHAR)p->name[i];
        else
            name[i] = p->name[i];
    }
}

static int wanted(const struct proto *p, const int *list)
{
    if (!list)
        return 1;
    for (; *list; list++)
        if (*list == p->protocol)
            return 1;
    return 0;
}

static int enum_protocols(const int *list, void *buf, DWORD *len, int wide)
{
    size_t size = wide ? INFOW_SIZE : INFOA_SIZE;
    DWORD n = 0;
    for (size_t i = 0; i < NPROTO; i++)
        n += (DWORD)wanted(&protos[i], list);
    if (!len)
        return ws_fail(WSAEFAULT);
    if (!buf || *len < n * size) {
        *len = (DWORD)(n * size);
        return ws_fail(WSAENOBUFS);
    }
    char *out = buf;
    for (size_t i = 0; i < NPROTO; i++)
        if (wanted(&protos[i], list)) {
            fill(&protos[i], out, wide);
            out += size;
        }
    return (int)n;
}

static int WINAPI w32_WSAEnumProtocolsW(int *list, void *buf, DWORD *len)
{
    return enum_protocols(list, buf, len, 1);
}

static int WINAPI w32_WSAEnumProtocolsA(int *list, void *buf, DWORD *len)
{
    return enum_protocols(list, buf, len, 0);
}

int ws_protocol_info(struct ws_socket *s, void *out, int *len, int wide)
{
    int size = (int)(wide ? INFOW_SIZE : INFOA_SIZE);
    if (!out || !len || *len < size)
        return WSAEFAULT;
    for (size_t i = 0; i < NPROTO; i++)
        if (protos[i].family == s->family && protos[i].type == s->type) {
            fill(&protos[i], out, wide);
            *len = size;
            return 0;
        }
    return WSAENOPROTOOPT;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(WSAEnumProtocolsW, "ppp:i"),
    EXPORT(WSAEnumProtocolsA, "ppp:i"),
};
