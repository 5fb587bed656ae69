/* inet.c — address text and byte order: inet_addr, inet_ntoa,
 * inet_pton/InetPtonW, inet_ntop/InetNtopW (Windows family numbers:
 * AF_INET6 is 23), htons/htonl/ntohs/ntohl and the WSA forms. */
#include <arpa/inet.h>
#include <string.h>

#include "ws.h"
#include "../unicode.h"

static ULONG WINAPI w32_inet_addr(const char *s)
{
    if (!s)
        return INADDR_NONE;
    struct in_addr a;
    return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

static char *WINAPI w32_inet_ntoa(ULONG addr)
{
    static __thread char buf[16];
    struct in_addr a = { addr };
    inet_ntop(AF_INET, &a, buf, sizeof buf);
    return buf;
}

static int pton(int wf, const char *src, void *dst)
{
    int hf = ws_family_to_host(wf);
    if (hf != AF_INET && hf != AF_INET6) {
        ws_fail(WSAEAFNOSUPPORT);
        return -1;
    }
    if (!src || !dst) {
        ws_fail(WSAEFAULT);
        return -1;
    }
    return inet_pton(hf, src, dst);
}

static INT WINAPI w32_inet_pton(INT wf, const char *src, void *dst)
{
    return pton(wf, src, dst);
}

static INT WINAPI w32_InetPtonW(INT wf, const WCHAR *src, void *dst)
{
    char buf[64];
    if (src && w32_utf16_to_utf8(src, -1, buf, sizeof buf) >= sizeof buf)
        return 0;
    return pton(wf, src ? buf : NULL, dst);
}

/* NULL with WSAEAFNOSUPPORT, or ERROR_INVALID_PARAMETER when SIZE is short. */
static const char *ntop(int wf, const void *src, char *dst, size_t size)
{
    int hf = ws_family_to_host(wf);
    if (hf != AF_INET && hf != AF_INET6) {
        ws_fail(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (!src || !dst || !inet_ntop(hf, src, dst, (socklen_t)size)) {
        ws_fail(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return dst;
}

static const char *WINAPI w32_inet_ntop(INT wf, const void *src, char *dst, size_t size)
{
    return ntop(wf, src, dst, size);
}

static const WCHAR *WINAPI w32_InetNtopW(INT wf, const void *src, WCHAR *dst, size_t size)
{
    char buf[64];
    if (!ntop(wf, src, buf, sizeof buf))
        return NULL;
    if (!dst || w32_utf8_to_utf16(buf, -1, dst, size) >= size) {
        ws_fail(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return dst;
}

static USHORT WINAPI w32_htons(USHORT v) { return htons(v); }
static USHORT WINAPI w32_ntohs(USHORT v) { return ntohs(v); }
static ULONG WINAPI w32_htonl(ULONG v) { return htonl(v); }
static ULONG WINAPI w32_ntohl(ULONG v) { return ntohl(v); }

static int conv16(SOCKET s, USHORT v, USHORT *out)
{
    struct ws_socket *ws = ws_get(s);
    if (!ws)
        return SOCKET_ERROR;
    ws_put(ws);
    if (!out)
        return ws_fail(WSAEFAULT);
    *out = htons(v);
    return 0;
}

static int conv32(SOCKET s, ULONG v, ULONG *out)
{
    struct ws_socket *ws = ws_get(s);
    if (!ws)
        return SOCKET_ERROR;
    ws_put(ws);
    if (!out)
        return ws_fail(WSAEFAULT);
    *out = htonl(v);
    return 0;
}

static int WINAPI w32_WSAHtons(SOCKET s, USHORT v, USHORT *out) { return conv16(s, v, out); }
static int WINAPI w32_WSANtohs(SOCKET s, USHORT v, USHORT *out) { return conv16(s, v, out); }
static int WINAPI w32_WSAHtonl(SOCKET s, ULONG v, ULONG *out) { return conv32(s, v, out); }
static int WINAPI w32_WSANtohl(SOCKET s, ULONG v, ULONG *out) { return conv32(s, v, out); }

W32_EXPORTS(ws2_32) = {
    EXPORT(inet_addr, "s:u"),
    EXPORT(inet_ntoa, "u:s"),
    EXPORT(inet_pton, "isp:i"),
    EXPORT(InetPtonW, "iwp:i"),
    EXPORT(inet_ntop, "ippq:s"),
    EXPORT(InetNtopW, "ippq:p"),
    EXPORT(htons, "u:u"),
    EXPORT(ntohs, "u:u"),
    EXPORT(htonl, "u:u"),
    EXPORT(ntohl, "u:u"),
    EXPORT(WSAHtons, "qup:i"),
    EXPORT(WSANtohs, "qup:i"),
    EXPORT(WSAHtonl, "qup:i"),
    EXPORT(WSANtohl, "qup:i"),
};
