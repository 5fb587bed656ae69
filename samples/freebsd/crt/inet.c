/* inet.c — dotted-quad IPv4 text to and from network byte order. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

int inet_aton(const char *s, struct in_addr *addr)
{
    uint32_t v = 0;
    for (int part = 0; part < 4; part++) {
        if (*s < '0' || *s > '9')
            return 0;
        unsigned n = 0;
        for (int digits = 0; *s >= '0' && *s <= '9'; s++, digits++) {
            n = n * 10 + (unsigned)(*s - '0');
            if (n > 255 || digits == 3)
                return 0;
        }
        v = v << 8 | n;
        if (part < 3 && *s++ != '.')
            return 0;
    }
    if (*s)
        return 0;
    addr->s_addr = htonl(v);
    return 1;
}

in_addr_t inet_addr(const char *s)
{
    struct in_addr a;
    return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

int inet_pton(int af, const char *src, void *dst)
{
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    return inet_aton(src, dst);
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    const unsigned char *b = src;
    char tmp[INET_ADDRSTRLEN];
    int n = snprintf(tmp, sizeof tmp, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (n < 0 || (socklen_t)n >= size) {
        errno = ENOSPC;
        return NULL;
    }
    memcpy(dst, tmp, (size_t)n + 1);
    return dst;
}

char *inet_ntoa(struct in_addr addr)
{
    static char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr, buf, sizeof buf);
    return buf;
}
