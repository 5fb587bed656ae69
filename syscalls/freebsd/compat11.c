/* compat11.c — the FreeBSD 11 compatibility calls a binary built for
 * FreeBSD 11 (or a Go program before 1.20 seeing kern.osreldate below
 * 1200031) still makes: the 32-bit-inode stat family (freebsd11_stat,
 * fstat, lstat, fstatat), statfs/fstatfs with 88-byte mount names,
 * getdirentries/getdents with the old dirent records, and mknod/mknodat
 * with a 32-bit dev_t. Layouts: abi/freebsd/fbsd_compat11.h. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fbsd.h"
#include "freebsd/fbsd_compat11.h"
#include "rawsys.h"

#define FBSD_AT_SYMLINK_NOFOLLOW 0x200
#define FBSD_AT_RESOLVE_BENEATH 0x2000
#define FBSD_AT_EMPTY_PATH 0x4000

static long stat11_out(uint64_t dst, const struct stat *l)
{
    struct fbsd_stat s;
    struct fbsd11_stat o;
    fbsd_stat_from_linux(l, &s);
    fbsd11_stat_from_stat(&s, &o);
    return fbsd_copyout(dst, &o, sizeof o);
}

static long statat11(long dirfd, uint64_t path, uint64_t buf, int lflags)
{
    struct stat st;
    long r = xsys4(SYS_newfstatat, dirfd, (long)path, (long)&st, lflags);
    return r < 0 ? r : stat11_out(buf, &st);
}

long fbsd_sys_freebsd11_stat(struct fcall *c) { return statat11(AT_FDCWD, c->a[0], c->a[1], 0); }
long fbsd_sys_freebsd11_lstat(struct fcall *c)
{
    return statat11(AT_FDCWD, c->a[0], c->a[1], AT_SYMLINK_NOFOLLOW);
}

long fbsd_sys_freebsd11_fstat(struct fcall *c)
{
    struct stat st;
    long r = xsys2(SYS_fstat, (long)c->a[0], (long)&st);
    return r < 0 ? r : stat11_out(c->a[1], &st);
}

/* kern_statat accepts only these flags. */
long fbsd_sys_freebsd11_fstatat(struct fcall *c)
{
    uint64_t f = c->a[3] & 0xffffffffu;
    if (f & ~(uint64_t)(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH))
        return -EINVAL;
    int lf = (f & FBSD_AT_SYMLINK_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0) |
             (f & FBSD_AT_EMPTY_PATH ? AT_EMPTY_PATH : 0);
    return statat11((long)(int)c->a[0], c->a[1], c->a[2], lf);
}

static long statfs11_out(uint64_t dst, const struct statfs *l)
{
    struct fbsd_statfs s;
    struct fbsd11_statfs o;
    fbsd_statfs_from_linux(l, "", "/", &s); /* the names fs.c's statfs reports */
    fbsd11_statfs_from_statfs(&s, &o);
    return fbsd_copyout(dst, &o, sizeof o);
}

long fbsd_sys_freebsd11_statfs(struct fcall *c)
{
    struct statfs l;
    long r = xsys2(SYS_statfs, (long)c->a[0], (long)&l);
    return r < 0 ? r : statfs11_out(c->a[1], &l);
}

long fbsd_sys_freebsd11_fstatfs(struct fcall *c)
{
    struct statfs l;
    long r = xsys2(SYS_fstatfs, (long)c->a[0], (long)&l);
    return r < 0 ? r : statfs11_out(c->a[1], &l);
}

/* freebsd11_kern_getdirentries: at most 64 KiB per call; the position
 * before the call goes to *basep (a long). On a bad buffer the
 * directory stays where it was. */
static long getdirentries11(int fd, uint64_t buf, uint64_t count, uint64_t basep)
{
    char lbuf[16384], obuf[16384];
    size_t cap = count < sizeof obuf ? (size_t)count : sizeof obuf;
    size_t want = cap * 2 + 64 < sizeof lbuf ? cap * 2 + 64 : sizeof lbuf;
    long base = lseek(fd, 0, SEEK_CUR);
    long n = xsys3(SYS_getdents64, fd, (long)lbuf, (long)want);
    if (n < 0)
        return n;
    size_t consumed = 0, out = 0;
    int64_t resume = 0;
    if (n > 0) {
        out = fbsd11_dirents_from_linux(lbuf, (size_t)n, obuf, cap, &consumed, &resume);
        if (out == 0 && consumed == 0)
            return -EINVAL; /* the guest's buffer cannot hold one entry */
        if (consumed < (size_t)n)
            lseek(fd, resume, SEEK_SET);
        if (fbsd_copyout(buf, obuf, out) < 0) {
            lseek(fd, base, SEEK_SET);
            return -EFAULT;
        }
    }
    if (basep && fbsd_copyout(basep, &base, sizeof base) < 0)
        return -EFAULT;
    return (long)out;
}

long fbsd_sys_freebsd11_getdirentries(struct fcall *c)
{
    return getdirentries11((int)c->a[0], c->a[1], c->a[2] & 0xffffffffu, c->a[3]);
}

long fbsd_sys_freebsd11_getdents(struct fcall *c)
{
    return getdirentries11((int)c->a[0], c->a[1], c->a[2], 0);
}

/* The old dev_t is the low 32 bits of FreeBSD 12's encoding. */
long fbsd_sys_freebsd11_mknod(struct fcall *c)
{
    return xsys4(SYS_mknodat, AT_FDCWD, (long)c->a[0], (long)(c->a[1] & 0xffffffffu),
                 (long)fbsd_dev_to_linux(c->a[2] & 0xffffffffu));
}

long fbsd_sys_freebsd11_mknodat(struct fcall *c)
{
    return xsys4(SYS_mknodat, (long)(int)c->a[0], (long)c->a[1], (long)(c->a[2] & 0xffffffffu),
                 (long)fbsd_dev_to_linux(c->a[3] & 0xffffffffu));
}
