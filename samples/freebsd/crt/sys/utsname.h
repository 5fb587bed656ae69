/* sys/utsname.h — uname(), assembled from sysctl like FreeBSD's libc. */
#ifndef CRT_SYS_UTSNAME_H
#define CRT_SYS_UTSNAME_H

#define SYS_NMLN 256

struct utsname {
    char sysname[SYS_NMLN];
    char nodename[SYS_NMLN];
    char release[SYS_NMLN];
    char version[SYS_NMLN];
    char machine[SYS_NMLN];
};

int uname(struct utsname *u);

#endif
