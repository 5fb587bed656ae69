/* mem.c — FreeBSD memory calls: mmap (MAP_ANON 0x1000, MAP_GUARD,
 * MAP_STACK, MAP_EXCL, MAP_ALIGNED), munmap, mprotect, madvise, minherit,
 * mincore, msync, mlock. */
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "fbsd.h"
#include "rawsys.h"

/* MAP_ALIGNED(n): reserve extra, then trim to the alignment. */
static long mmap_aligned(long addr, size_t len, int prot, int flags, int fd, long off,
                         unsigned log2)
{
    size_t align = (size_t)1 << log2;
    if (align <= 4096 || (flags & MAP_FIXED))
        return xsys6(SYS_mmap, addr, (long)len, prot, flags, fd, off);
    long big = xsys6(SYS_mmap, 0, (long)(len + align), PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (big < 0)
        return big;
    uint64_t start = ((uint64_t)big + align - 1) & ~(uint64_t)(align - 1);
    if (start > (uint64_t)big)
        xsys2(SYS_munmap, big, (long)(start - (uint64_t)big));
    uint64_t end = (uint64_t)big + len + align;
    if (end > start + len)
        xsys2(SYS_munmap, (long)(start + len), (long)(end - start - len));
    return xsys6(SYS_mmap, (long)start, (long)len, prot, flags | MAP_FIXED, fd, off);
}

long fbsd_sys_mmap(struct fcall *c)
{
    int lprot, lflags;
    unsigned log2 = 0;
    int r = fbsd_mmap_to_linux((int)c->a[2], (int)c->a[3], &lprot, &lflags, &log2);
    if (r != 0)
        return -EINVAL;
    if (c->a[1] == 0)
        return -EINVAL;
    int fd = (lflags & MAP_ANONYMOUS) ? -1 : (int)c->a[4];
    long p = mmap_aligned((long)c->a[0], c->a[1], lprot, lflags, fd, (long)c->a[5], log2);
    if (p > 0 && (lprot & PROT_EXEC) && fd >= 0) /* code mapped from a file */
        fbsd_rewrite_region((uint64_t)p, c->a[1], lprot);
    return p;
}

long fbsd_sys_munmap(struct fcall *c)
{
    return xsys2(SYS_munmap, (long)c->a[0], (long)c->a[1]);
}

long fbsd_sys_mprotect(struct fcall *c)
{
    uint64_t unknown = 0;
    uint64_t prot = fbsd_flags_to_linux(fbsd_mmap_prot, c->a[2] & 7, &unknown);
    long r = xsys3(SYS_mprotect, (long)c->a[0], (long)c->a[1], (long)prot);
    if (r == 0 && (prot & PROT_EXEC))
        fbsd_rewrite_region(c->a[0], c->a[1], (int)prot);
    return r;
}

long fbsd_sys_madvise(struct fcall *c)
{
    int64_t adv;
    int r = fbsd_val_to_linux(fbsd_madvise_advice, (int64_t)(int)c->a[2], &adv);
    if (r == FBSD_VAL_NOLINUX)
        return 0; /* advice with no host meaning is accepted, as advice */
    if (r != FBSD_VAL_OK)
        return -EINVAL;
    long rc = xsys3(SYS_madvise, (long)c->a[0], (long)c->a[1], (long)adv);
    return rc == -EINVAL && adv == MADV_FREE ? 0 : rc;
}

long fbsd_sys_minherit(struct fcall *c)
{
    static const int modes[] = { MADV_DOFORK /* SHARE */, MADV_DOFORK /* COPY */,
                                 MADV_DONTFORK /* NONE */, MADV_DOFORK };
    if (c->a[2] > 3)
        return -EINVAL;
    return xsys3(SYS_madvise, (long)c->a[0], (long)c->a[1], modes[c->a[2]]);
}

long fbsd_sys_mincore(struct fcall *c)
{
    return xsys3(SYS_mincore, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

long fbsd_sys_msync(struct fcall *c)
{
    int fl = fbsd_msync_flags_to_linux((int)c->a[2]);
    if (fl < 0)
        return -EINVAL;
    return xsys3(SYS_msync, (long)c->a[0], (long)c->a[1], fl);
}

long fbsd_sys_mlock(struct fcall *c) { return xsys2(SYS_mlock, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_munlock(struct fcall *c) { return xsys2(SYS_munlock, (long)c->a[0], (long)c->a[1]); }
