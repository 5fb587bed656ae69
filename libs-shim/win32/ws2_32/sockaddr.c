/* sockaddr.c — Windows socket addresses and the host's. The layouts are
 * the same (no sa_len; a 16-bit family first, sockaddr_in 16 bytes,
 * sockaddr_in6 28, sockaddr_un 110) but AF_INET6 is 23 on Windows and 10
 * here, so addresses are copied with the family translated. Short or
 * unknown input gives the Winsock error Windows gives. */
#include <netinet/in.h>
#include <string.h>
#include <sys/un.h>

#include "ws.h"

static const struct { int win, host; socklen_t size; } families[] = {
    { WS_AF_UNSPEC, AF_UNSPEC, sizeof(struct sockaddr) },
    { WS_AF_UNIX, AF_UNIX, sizeof(struct sockaddr_un) },
    { WS_AF_INET, AF_INET, sizeof(struct sockaddr_in) },
    { WS_AF_INET6, AF_INET6, sizeof(struct sockaddr_in6) },
};
#define NFAM (sizeof families / sizeof families[0])

int ws_family_to_host(int wf)
{
    for (size_t i = 0; i < NFAM; i++)
        if (families[i].win == wf)
            return families[i].host;
    return -1;
}

int ws_family_from_host(int hf)
{
    for (size_t i = 0; i < NFAM; i++)
        if (families[i].host == hf)
            return families[i].win;
    return -1;
}

int ws_sockaddr_size(int wf)
{
    for (size_t i = 0; i < NFAM; i++)
        if (families[i].win == wf)
            return (int)families[i].size;
    return 0;
}

int ws_sockaddr_to_host(const void *win, int len, struct sockaddr_storage *out, socklen_t *outlen)
{
    if (!win || len < 2)
        return WSAEFAULT;
    uint16_t wf;
    memcpy(&wf, win, 2);
    int hf = ws_family_to_host(wf);
    if (hf < 0)
        return WSAEAFNOSUPPORT;
    socklen_t need = (socklen_t)ws_sockaddr_size(wf);
    if (hf == AF_UNIX)
        need = 2; /* a path of any length, up to sun_path's size */
    if ((socklen_t)len < need)
        return WSAEFAULT;
    socklen_t n = (socklen_t)len > sizeof *out ? sizeof *out : (socklen_t)len;
    if (hf == AF_INET6 && n > sizeof(struct sockaddr_in6))
        n = sizeof(struct sockaddr_in6);
    if (hf == AF_INET && n > sizeof(struct sockaddr_in))
        n = sizeof(struct sockaddr_in);
    if (hf == AF_UNIX && n > sizeof(struct sockaddr_un))
        n = sizeof(struct sockaddr_un);
    memset(out, 0, sizeof *out);
    memcpy(out, win, n);
    out->ss_family = (sa_family_t)hf;
    *outlen = n;
    return 0;
}

int ws_sockaddr_from_host(const struct sockaddr *h, socklen_t hlen, void *win, int *len)
{
    if (!len)
        return WSAEFAULT;
    int wf = ws_family_from_host(h->sa_family);
    if (wf < 0)
        return WSAEAFNOSUPPORT;
    int n = (int)hlen;
    if (h->sa_family == AF_INET || h->sa_family == AF_INET6)
        n = ws_sockaddr_size(wf);
    if (!win || *len < n) {
        *len = n;
        return WSAEFAULT;
    }
    memcpy(win, h, (size_t)(n < (int)hlen ? n : (int)hlen));
    if ((int)hlen < n)
        memset((char *)win + hlen, 0, (size_t)(n - (int)hlen));
    uint16_t f = (uint16_t)wf;
    memcpy(win, &f, 2);
    *len = n;
    return 0;
}
