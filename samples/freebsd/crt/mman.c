/* mman.c — mmap(477) and the calls that change or drop mappings. */
#include <sys/mman.h>

#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    return (void *)__sc6(SYS_mmap, addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len) { return (int)__sc2(SYS_munmap, addr, len); }
int mprotect(void *addr, size_t len, int prot) { return (int)__sc3(SYS_mprotect, addr, len, prot); }
int madvise(void *addr, size_t len, int advice) { return (int)__sc3(SYS_madvise, addr, len, advice); }
int msync(void *addr, size_t len, int flags) { return (int)__sc3(SYS_msync, addr, len, flags); }
