/* sysctl.c — FreeBSD only: the kernel MIB through __sysctl (by number)
 * and __sysctlbyname (by name), and uname(), which FreeBSD's libc builds
 * from sysctl. Prints what a FreeBSD/amd64 system prints. Exit status 0,
 * or 1 if a lookup failed. */
#include <stdio.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>

#include "names.h"

static int failed;

static void by_number(void)
{
    int mib[2] = { CTL_KERN, KERN_OSTYPE };
    char buf[64];
    size_t len = 0;
    failed |= sysctl(mib, 2, NULL, &len, NULL, 0) < 0;
    printf("kern.ostype size query: %zu\n", len);
    len = sizeof buf;
    failed |= show("sysctl {CTL_KERN, KERN_OSTYPE}", sysctl(mib, 2, buf, &len, NULL, 0)) < 0;
    printf("kern.ostype: %s (%zu bytes)\n", buf, len);
    int page = 0;
    mib[0] = CTL_HW;
    mib[1] = HW_PAGESIZE;
    len = sizeof page;
    failed |= sysctl(mib, 2, &page, &len, NULL, 0) < 0;
    printf("hw.pagesize: %d\n", page);
    int ncpu = 0;
    mib[1] = HW_NCPU;
    len = sizeof ncpu;
    failed |= sysctl(mib, 2, &ncpu, &len, NULL, 0) < 0;
    printf("hw.ncpu >= 1: %s\n", yesno(ncpu >= 1));
}

static void by_name(void)
{
    char buf[64];
    size_t len = sizeof buf;
    failed |= sysctlbyname("kern.ostype", buf, &len, NULL, 0) < 0;
    printf("sysctlbyname kern.ostype: %s\n", buf);
    int osreldate = 0;
    len = sizeof osreldate;
    failed |= sysctlbyname("kern.osreldate", &osreldate, &len, NULL, 0) < 0;
    printf("kern.osreldate is FreeBSD 12 or later: %s\n", yesno(osreldate >= 1200000));
    len = sizeof buf;
    printf("sysctlbyname no.such.node: %s\n",
           sysctlbyname("no.such.node", buf, &len, NULL, 0) < 0 ? errname(errno) : "found");
}

int main(void)
{
    by_number();
    by_name();
    struct utsname u;
    failed |= show("uname", uname(&u)) < 0;
    printf("sysname: %s\nmachine: %s\n", u.sysname, u.machine);
    printf("release is set: %s\n", yesno(u.release[0] != 0));
    return failed;
}
