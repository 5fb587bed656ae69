/* netdb.c — the old database calls: gethostname/GetHostNameW,
 * gethostbyname, gethostbyaddr, getservbyname/port,
 * getprotobyname/number. They answer a per-thread structure in Windows'
 * layout (hostent with short fields; _WIN64 servent with s_proto before
 * s_port). Protocol names come from a list of those Windows ships
 * (minimal hosts have no /etc/protocols). */
#include <arpa/inet.h>
#include <netdb.h>
#include <string.h>
#include <unistd.h>

#include "ws.h"
#include "../unicode.h"

typedef struct { char *h_name; char **h_aliases; SHORT h_addrtype, h_length; char **h_addr_list; } WS_HOSTENT;
typedef struct { char *s_name; char **s_aliases; char *s_proto; SHORT s_port; } WS_SERVENT;
typedef struct { char *p_name; char **p_aliases; SHORT p_proto; } WS_PROTOENT;

#define MAX_ADDRS 16

static __thread struct {
    WS_HOSTENT h;
    char *aliases[1];
    char *addrs[MAX_ADDRS + 1];
    unsigned char addr[MAX_ADDRS][16];
    char name[256];
} hbuf;

static __thread struct {
    union { WS_SERVENT s; WS_PROTOENT p; } u;
    char *aliases[1];
    char name[64], proto[16];
} dbuf;

static int WINAPI w32_gethostname(char *name, int len)
{
    char buf[256];
    if (ws_need_startup())
        return SOCKET_ERROR;
    if (gethostname(buf, sizeof buf) < 0)
        return ws_fail(WSAENETDOWN);
    buf[sizeof buf - 1] = 0;
    if (!name || len <= (int)strlen(buf))
        return ws_fail(WSAEFAULT);
    strcpy(name, buf);
    return 0;
}

static int WINAPI w32_GetHostNameW(WCHAR *name, int len)
{
    char buf[256];
    if (ws_need_startup())
        return SOCKET_ERROR;
    if (gethostname(buf, sizeof buf) < 0)
        return ws_fail(WSAENETDOWN);
    buf[sizeof buf - 1] = 0;
    if (!name || len <= 0 || w32_utf8_to_utf16(buf, -1, name, (size_t)len) >= (size_t)len)
        return ws_fail(WSAEFAULT);
    return 0;
}

static WS_HOSTENT *make_hostent(const char *name, int wf, int len, const void *const *addrs, int n)
{
    memset(&hbuf, 0, sizeof hbuf);
    strncpy(hbuf.name, name, sizeof hbuf.name - 1);
    for (int i = 0; i < n && i < MAX_ADDRS; i++) {
        memcpy(hbuf.addr[i], addrs[i], (size_t)len);
        hbuf.addrs[i] = (char *)hbuf.addr[i];
    }
    hbuf.h.h_name = hbuf.name;
    hbuf.h.h_aliases = hbuf.aliases;
    hbuf.h.h_addrtype = (SHORT)wf;
    hbuf.h.h_length = (SHORT)len;
    hbuf.h.h_addr_list = hbuf.addrs;
    return &hbuf.h;
}

static WS_HOSTENT *WINAPI w32_gethostbyname(const char *name)
{
    char self[256];
    if (ws_need_startup())
        return NULL;
    if (!name || !*name) {
        gethostname(self, sizeof self);
        self[sizeof self - 1] = 0;
        name = self;
    }
    struct addrinfo hints = { .ai_family = AF_INET, .ai_flags = AI_CANONNAME }, *list;
    if (getaddrinfo(name, NULL, &hints, &list) != 0) {
        ws_fail(WSAHOST_NOT_FOUND);
        return NULL;
    }
    const void *addrs[MAX_ADDRS];
    int n = 0;
    for (struct addrinfo *p = list; p && n < MAX_ADDRS; p = p->ai_next) {
        const void *a = &((struct sockaddr_in *)p->ai_addr)->sin_addr;
        int dup = 0;
        for (int i = 0; i < n; i++)
            dup |= !memcmp(addrs[i], a, 4);
        if (!dup)
            addrs[n++] = a;
    }
    WS_HOSTENT *h = make_hostent(list->ai_canonname ? list->ai_canonname : name, WS_AF_INET, 4, addrs, n);
    freeaddrinfo(list);
    return h;
}

static WS_HOSTENT *WINAPI w32_gethostbyaddr(const char *addr, int len, int type)
{
    struct sockaddr_storage a = { 0 };
    int hf = ws_family_to_host(type);
    socklen_t alen = hf == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
    char name[256];
    if (ws_need_startup())
        return NULL;
    if (!addr || (hf == AF_INET && len < 4) || (hf == AF_INET6 && len < 16) || (hf != AF_INET && hf != AF_INET6)) {
        ws_fail(hf == AF_INET || hf == AF_INET6 ? WSAEFAULT : WSAEAFNOSUPPORT);
        return NULL;
    }
    a.ss_family = (sa_family_t)hf;
    memcpy(hf == AF_INET ? (void *)&((struct sockaddr_in *)&a)->sin_addr : (void *)&((struct sockaddr_in6 *)&a)->sin6_addr,
           addr, hf == AF_INET ? 4 : 16);
    if (getnameinfo((struct sockaddr *)&a, alen, name, sizeof name, NULL, 0, NI_NAMEREQD) != 0) {
        ws_fail(WSAHOST_NOT_FOUND);
        return NULL;
    }
    const void *one[1] = { addr };
    return make_hostent(name, type, hf == AF_INET ? 4 : 16, one, 1);
}

static WS_SERVENT *servent_of(struct servent *s)
{
    if (!s) {
        ws_fail(WSANO_DATA);
        return NULL;
    }
    memset(&dbuf, 0, sizeof dbuf);
    strncpy(dbuf.name, s->s_name, sizeof dbuf.name - 1);
    strncpy(dbuf.proto, s->s_proto, sizeof dbuf.proto - 1);
    dbuf.u.s.s_name = dbuf.name;
    dbuf.u.s.s_aliases = dbuf.aliases;
    dbuf.u.s.s_proto = dbuf.proto;
    dbuf.u.s.s_port = (SHORT)s->s_port;
    return &dbuf.u.s;
}

static WS_SERVENT *WINAPI w32_getservbyname(const char *name, const char *proto)
{
    struct servent s, *r = NULL;
    char buf[1024];
    if (name)
        getservbyname_r(name, proto, &s, buf, sizeof buf, &r);
    return servent_of(r);
}

static WS_SERVENT *WINAPI w32_getservbyport(int port, const char *proto)
{
    struct servent s, *r = NULL;
    char buf[1024];
    getservbyport_r(port, proto, &s, buf, sizeof buf, &r);
    return servent_of(r);
}

/* Windows ships its own protocol list; these are in it. */
static const struct { const char *name; int number; } builtin_protos[] = {
    { "ip", 0 }, { "icmp", 1 }, { "ggp", 3 }, { "tcp", 6 }, { "egp", 8 }, { "pup", 12 },
    { "udp", 17 }, { "hmp", 20 }, { "xns-idp", 22 }, { "rdp", 27 }, { "ipv6", 41 },
    { "ipv6-route", 43 }, { "ipv6-frag", 44 }, { "esp", 50 }, { "ah", 51 },
    { "ipv6-icmp", 58 }, { "ipv6-nonxt", 59 }, { "ipv6-opts", 60 }, { "rvd", 66 },
};

static WS_PROTOENT *protoent_of(const char *name, int number)
{
    memset(&dbuf, 0, sizeof dbuf);
    strncpy(dbuf.name, name, sizeof dbuf.name - 1);
    dbuf.u.p.p_name = dbuf.name;
    dbuf.u.p.p_aliases = dbuf.aliases;
    dbuf.u.p.p_proto = (SHORT)number;
    return &dbuf.u.p;
}

static WS_PROTOENT *WINAPI w32_getprotobyname(const char *name)
{
    for (size_t i = 0; name && i < sizeof builtin_protos / sizeof builtin_protos[0]; i++)
        if (!strcasecmp(builtin_protos[i].name, name))
            return protoent_of(builtin_protos[i].name, builtin_protos[i].number);
    ws_fail(WSANO_DATA);
    return NULL;
}

static WS_PROTOENT *WINAPI w32_getprotobynumber(int number)
{
    for (size_t i = 0; i < sizeof builtin_protos / sizeof builtin_protos[0]; i++)
        if (builtin_protos[i].number == number)
            return protoent_of(builtin_protos[i].name, number);
    ws_fail(WSANO_DATA);
    return NULL;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(gethostname, "pi:i"),
    EXPORT(GetHostNameW, "pi:i"),
    EXPORT(gethostbyname, "s:p"),
    EXPORT(gethostbyaddr, "pii:p"),
    EXPORT(getservbyname, "ss:p"),
    EXPORT(getservbyport, "is:p"),
    EXPORT(getprotobyname, "s:p"),
    EXPORT(getprotobynumber, "i:p"),
};
