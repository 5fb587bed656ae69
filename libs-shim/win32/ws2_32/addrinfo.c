/* addrinfo.c — name resolution through the host's resolver:
 * getaddrinfo/GetAddrInfoW (and the A alias), freeaddrinfo/FreeAddrInfoW,
 * getnameinfo/GetNameInfoW. Windows' ADDRINFO puts ai_canonname before
 * ai_addr, numbers its AI_* and NI_* flags its own way and answers
 * Winsock errors (WSAHOST_NOT_FOUND …) instead of EAI_* codes. */
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

#include "ws.h"
#include "../unicode.h"

typedef struct ws_addrinfo {
    int ai_flags, ai_family, ai_socktype, ai_protocol;
    size_t ai_addrlen;
    void *ai_canonname;         /* char * or WCHAR * */
    void *ai_addr;
    struct ws_addrinfo *ai_next;
} WS_ADDRINFO;

static const struct { int win, host; } aiflags[] = {
    { 0x1, AI_PASSIVE }, { 0x2, AI_CANONNAME }, { 0x4, AI_NUMERICHOST },
    { 0x8, AI_NUMERICSERV }, { 0x100, AI_ALL }, { 0x400, AI_ADDRCONFIG }, { 0x800, AI_V4MAPPED },
};

static const struct { int win, host; } niflags[] = {
    { 0x1, NI_NOFQDN }, { 0x2, NI_NUMERICHOST }, { 0x4, NI_NAMEREQD },
    { 0x8, NI_NUMERICSERV }, { 0x10, NI_DGRAM },
};

static const struct { int eai, wsa; } eaimap[] = {
    { EAI_AGAIN, WSATRY_AGAIN }, { EAI_BADFLAGS, WSAEINVAL }, { EAI_FAIL, WSANO_RECOVERY },
    { EAI_FAMILY, WSAEAFNOSUPPORT }, { EAI_MEMORY, WSA_NOT_ENOUGH_MEMORY },
    { EAI_NONAME, WSAHOST_NOT_FOUND }, { EAI_SERVICE, WSATYPE_NOT_FOUND },
    { EAI_SOCKTYPE, WSAESOCKTNOSUPPORT }, { EAI_NODATA, WSANO_DATA },
    { EAI_ADDRFAMILY, WSANO_DATA }, { EAI_OVERFLOW, WSAEFAULT },
};

int ws_ai_flags_to_host(int w)
{
    int h = 0;
    for (size_t i = 0; i < sizeof aiflags / sizeof aiflags[0]; i++)
        if (w & aiflags[i].win)
            h |= aiflags[i].host;
    return h;
}

int ws_ni_flags_to_host(int w)
{
    int h = 0;
    for (size_t i = 0; i < sizeof niflags / sizeof niflags[0]; i++)
        if (w & niflags[i].win)
            h |= niflags[i].host;
    return h;
}

int ws_error_from_eai(int eai)
{
    if (eai == EAI_SYSTEM)
        return ws_error_from_errno(errno);
    for (size_t i = 0; i < sizeof eaimap / sizeof eaimap[0]; i++)
        if (eaimap[i].eai == eai)
            return eaimap[i].wsa;
    return WSANO_RECOVERY;
}

/* One Windows entry in one allocation: the struct, the sockaddr, the
 * canonical name. */
static WS_ADDRINFO *convert_one(const struct addrinfo *h, int wide)
{
    size_t clen = 0;
    if (h->ai_canonname)
        clen = wide ? (w32_utf8_to_utf16(h->ai_canonname, -1, NULL, 0) + 1) * sizeof(WCHAR)
                    : strlen(h->ai_canonname) + 1;
    WS_ADDRINFO *w = calloc(1, sizeof *w + sizeof(struct sockaddr_storage) + clen);
    if (!w)
        return NULL;
    w->ai_flags = 0;
    w->ai_family = ws_family_from_host(h->ai_family);
    w->ai_socktype = h->ai_socktype;
    w->ai_protocol = h->ai_protocol;
    w->ai_addr = w + 1;
    int len = (int)sizeof(struct sockaddr_storage);
    ws_sockaddr_from_host(h->ai_addr, h->ai_addrlen, w->ai_addr, &len);
    w->ai_addrlen = (size_t)len;
    if (h->ai_canonname) {
        w->ai_canonname = (char *)w->ai_addr + sizeof(struct sockaddr_storage);
        if (wide)
            w32_utf8_to_utf16(h->ai_canonname, -1, w->ai_canonname, clen / sizeof(WCHAR));
        else
            memcpy(w->ai_canonname, h->ai_canonname, clen);
    }
    return w;
}

static void free_list(WS_ADDRINFO *w)
{
    while (w) {
        WS_ADDRINFO *next = w->ai_next;
        free(w);
        w = next;
    }
}

static int resolve(const char *node, const char *service, const WS_ADDRINFO *hints, WS_ADDRINFO **res, int wide)
{
    if (!res)
        return WSAEINVAL;
    *res = NULL;
    struct addrinfo h = { 0 }, *list = NULL;
    if (hints) {
        h.ai_flags = ws_ai_flags_to_host(hints->ai_flags);
        h.ai_family = ws_family_to_host(hints->ai_family);
        h.ai_socktype = hints->ai_socktype;
        h.ai_protocol = hints->ai_protocol;
        if (h.ai_family < 0 || h.ai_family == AF_UNIX)
            return WSAEAFNOSUPPORT;
    }
    int r = getaddrinfo(node, service, hints ? &h : NULL, &list);
    if (r)
        return ws_error_from_eai(r);
    WS_ADDRINFO **tail = res;
    for (struct addrinfo *p = list; p; p = p->ai_next) {
        if (ws_family_from_host(p->ai_family) < 0)
            continue;
        if (!(*tail = convert_one(p, wide))) {
            freeaddrinfo(list);
            free_list(*res);
            *res = NULL;
            return WSA_NOT_ENOUGH_MEMORY;
        }
        tail = &(*tail)->ai_next;
    }
    freeaddrinfo(list);
    return 0;
}

static int WINAPI w32_getaddrinfo(const char *node, const char *service, const WS_ADDRINFO *hints,
                                  WS_ADDRINFO **res)
{
    if (ws_need_startup())
        return WSANOTINITIALISED;
    int e = resolve(node, service, hints, res, 0);
    if (e)
        ws_fail(e);
    return e;
}

static int WINAPI w32_GetAddrInfoW(const WCHAR *node, const WCHAR *service, const WS_ADDRINFO *hints,
                                   WS_ADDRINFO **res)
{
    if (ws_need_startup())
        return WSANOTINITIALISED;
    char *n = w32_wide_to_utf8(node), *s = w32_wide_to_utf8(service);
    int e = (node && !n) || (service && !s) ? WSA_NOT_ENOUGH_MEMORY : resolve(n, s, hints, res, 1);
    free(n);
    free(s);
    if (e)
        ws_fail(e);
    return e;
}

static void WINAPI w32_freeaddrinfo(WS_ADDRINFO *ai)
{
    free_list(ai);
}

static int name_info(const void *sa, int salen, char *host, DWORD hostlen, char *serv, DWORD servlen, int flags)
{
    struct sockaddr_storage a;
    socklen_t alen;
    int e = ws_sockaddr_to_host(sa, salen, &a, &alen);
    if (e)
        return e;
    int r = getnameinfo((struct sockaddr *)&a, alen, host, host ? hostlen : 0, serv, serv ? servlen : 0,
                        ws_ni_flags_to_host(flags));
    return r ? ws_error_from_eai(r) : 0;
}

static int WINAPI w32_getnameinfo(const void *sa, int salen, char *host, DWORD hostlen, char *serv,
                                  DWORD servlen, int flags)
{
    int e = ws_need_startup() ? WSANOTINITIALISED : name_info(sa, salen, host, hostlen, serv, servlen, flags);
    if (e)
        ws_fail(e);
    return e;
}

static int WINAPI w32_GetNameInfoW(const void *sa, int salen, WCHAR *host, DWORD hostlen, WCHAR *serv,
                                   DWORD servlen, int flags)
{
    char h[1025], s[64];
    int e = ws_need_startup() ? WSANOTINITIALISED
          : name_info(sa, salen, host ? h : NULL, sizeof h, serv ? s : NULL, sizeof s, flags);
    if (!e && host && w32_utf8_to_utf16(h, -1, host, hostlen) >= hostlen)
        e = WSAEFAULT;
    if (!e && serv && w32_utf8_to_utf16(s, -1, serv, servlen) >= servlen)
        e = WSAEFAULT;
    if (e)
        ws_fail(e);
    return e;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(getaddrinfo, "sspp:i"),
    EXPORT_AS("GetAddrInfoA", w32_getaddrinfo, "sspp:i"),
    EXPORT(GetAddrInfoW, "wwpp:i"),
    EXPORT(freeaddrinfo, "p:v"),
    EXPORT_AS("FreeAddrInfoA", w32_freeaddrinfo, "p:v"),
    EXPORT_AS("FreeAddrInfoW", w32_freeaddrinfo, "p:v"),
    EXPORT(getnameinfo, "pipupui:i"),
    EXPORT(GetNameInfoW, "pipupui:i"),
};
