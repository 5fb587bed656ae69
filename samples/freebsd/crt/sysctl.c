/* sysctl.c — __sysctl(202), __sysctlbyname(570) and uname() built on
 * them the way FreeBSD's libc does (kern.ostype, kern.hostname,
 * kern.osrelease, kern.version, hw.machine). */
#include <string.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>

#include "syscall.h"

int sysctl(const int *name, unsigned namelen, void *old, size_t *oldlen,
           const void *new, size_t newlen)
{
    return (int)__sc6(SYS___sysctl, name, namelen, old, oldlen, new, newlen);
}

int sysctlbyname(const char *name, void *old, size_t *oldlen,
                 const void *new, size_t newlen)
{
    return (int)__sc6(SYS___sysctlbyname, name, strlen(name), old, oldlen, new, newlen);
}

static int get_string(int top, int leaf, char *buf)
{
    int mib[2] = { top, leaf };
    size_t len = SYS_NMLN;
    if (sysctl(mib, 2, buf, &len, NULL, 0) < 0)
        return -1;
    buf[SYS_NMLN - 1] = 0;
    return 0;
}

int uname(struct utsname *u)
{
    if (get_string(CTL_KERN, KERN_OSTYPE, u->sysname) < 0 ||
        get_string(CTL_KERN, KERN_HOSTNAME, u->nodename) < 0 ||
        get_string(CTL_KERN, KERN_OSRELEASE, u->release) < 0 ||
        get_string(CTL_KERN, KERN_VERSION, u->version) < 0 ||
        get_string(CTL_HW, HW_MACHINE, u->machine) < 0)
        return -1;
    /* kern.version ends in a newline and may span lines: keep line one. */
    u->version[strcspn(u->version, "\n")] = 0;
    return 0;
}
