/* sys/sysctl.h — the kernel's MIB (sys/sys/sysctl.h): __sysctl(2) by
 * number and __sysctlbyname(2) by name. */
#ifndef CRT_SYS_SYSCTL_H
#define CRT_SYS_SYSCTL_H
#include <stddef.h>

#define CTL_KERN 1
#define CTL_VM 2
#define CTL_HW 6
#define KERN_OSTYPE 1
#define KERN_OSRELEASE 2
#define KERN_OSREV 3
#define KERN_VERSION 4
#define KERN_HOSTNAME 10
#define KERN_OSRELDATE 24
#define HW_MACHINE 1
#define HW_NCPU 3
#define HW_PAGESIZE 7

int sysctl(const int *name, unsigned namelen, void *old, size_t *oldlen,
           const void *new, size_t newlen);
int sysctlbyname(const char *name, void *old, size_t *oldlen,
                 const void *new, size_t newlen);

#endif
