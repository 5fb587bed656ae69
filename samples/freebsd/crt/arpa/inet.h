/* arpa/inet.h — text form of IPv4 addresses. */
#ifndef CRT_ARPA_INET_H
#define CRT_ARPA_INET_H
#include <netinet/in.h>

in_addr_t inet_addr(const char *s);
int inet_aton(const char *s, struct in_addr *addr);
char *inet_ntoa(struct in_addr addr);
int inet_pton(int af, const char *src, void *dst);
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);

#endif
