/* fs.c — FreeBSD calls on names and metadata: the 64-bit-inode stat
 * family, getdirentries (FreeBSD struct dirent), statfs, directory and
 * link operations with FreeBSD AT_* flags, chdir/__getcwd, access,
 * permissions, ownership and timestamps. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fbsd.h"
#include "rawsys.h"

static int at_flags(uint64_t f)
{
    uint64_t unknown = 0;
    return (int)fbsd_flags_to_linux(fbsd_at_flags, f, &unknown);
}

static long stat_out(uint64_t dst, const struct stat *st)
{
    struct fbsd_stat fs;
    fbsd_stat_from_linux(st, &fs);
    return fbsd_copyout(dst, &fs, sizeof fs);
}

long fbsd_sys_fstat(struct fcall *c)
{
    struct stat st;
    long r = xsys2(SYS_fstat, (long)c->a[0], (long)&st);
    return r < 0 ? r : stat_out(c->a[1], &st);
}

long fbsd_sys_fstatat(struct fcall *c)
{
    struct stat st;
    long r = xsys4(SYS_newfstatat, (long)(int)c->a[0], (long)c->a[1], (long)&st, at_flags(c->a[3]));
    return r < 0 ? r : stat_out(c->a[2], &st);
}

long fbsd_sys_getdirentries(struct fcall *c)
{
    char lbuf[16384];
    size_t want = c->a[2] < sizeof lbuf ? (size_t)c->a[2] : sizeof lbuf;
    char fbuf[sizeof lbuf + 4096];
    off_t base = lseek((int)c->a[0], 0, SEEK_CUR);
    long n = xsys3(SYS_getdents64, (long)c->a[0], (long)lbuf, (long)want);
    if (n < 0)
        return n;
    size_t consumed = 0, out = 0;
    int64_t resume = 0;
    if (n > 0) {
        out = fbsd_dirents_from_linux(lbuf, (size_t)n, fbuf, (size_t)c->a[2] < sizeof fbuf ? (size_t)c->a[2] : sizeof fbuf,
                                      &consumed, &resume);
        if (out == 0) {
            lseek((int)c->a[0], base, SEEK_SET);
            return -EINVAL; /* the guest's buffer cannot hold one entry */
        }
        if (consumed < (size_t)n) /* the rest did not fit: read it next time */
            lseek((int)c->a[0], resume, SEEK_SET);
        if (fbsd_copyout(c->a[1], fbuf, out) < 0) {
            lseek((int)c->a[0], base, SEEK_SET); /* nothing was read */
            return -EFAULT;
        }
    }
    /* *basep is written at the end of the directory too */
    if (c->a[3] && fbsd_copyout(c->a[3], &base, sizeof base) < 0)
        return -EFAULT;
    return (long)out;
}

static long statfs_out(uint64_t dst, const struct statfs *l)
{
    struct fbsd_statfs f;
    fbsd_statfs_from_linux(l, "", "/", &f);
    return fbsd_copyout(dst, &f, sizeof f);
}

long fbsd_sys_statfs(struct fcall *c)
{
    struct statfs l;
    long r = xsys2(SYS_statfs, (long)c->a[0], (long)&l);
    return r < 0 ? r : statfs_out(c->a[1], &l);
}

long fbsd_sys_fstatfs(struct fcall *c)
{
    struct statfs l;
    long r = xsys2(SYS_fstatfs, (long)c->a[0], (long)&l);
    return r < 0 ? r : statfs_out(c->a[1], &l);
}

long fbsd_sys_mkdir(struct fcall *c) { return xsys3(SYS_mkdirat, AT_FDCWD, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_mkdirat(struct fcall *c) { return xsys3(SYS_mkdirat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_rmdir(struct fcall *c) { return xsys3(SYS_unlinkat, AT_FDCWD, (long)c->a[0], AT_REMOVEDIR); }
long fbsd_sys_unlink(struct fcall *c) { return xsys3(SYS_unlinkat, AT_FDCWD, (long)c->a[0], 0); }
long fbsd_sys_unlinkat(struct fcall *c) { return xsys3(SYS_unlinkat, (long)(int)c->a[0], (long)c->a[1], at_flags(c->a[2])); }
long fbsd_sys_rename(struct fcall *c) { return xsys4(SYS_renameat, AT_FDCWD, (long)c->a[0], AT_FDCWD, (long)c->a[1]); }
long fbsd_sys_renameat(struct fcall *c) { return xsys4(SYS_renameat, (long)(int)c->a[0], (long)c->a[1], (long)(int)c->a[2], (long)c->a[3]); }
long fbsd_sys_link(struct fcall *c) { return xsys5(SYS_linkat, AT_FDCWD, (long)c->a[0], AT_FDCWD, (long)c->a[1], 0); }
long fbsd_sys_linkat(struct fcall *c) { return xsys5(SYS_linkat, (long)(int)c->a[0], (long)c->a[1], (long)(int)c->a[2], (long)c->a[3], at_flags(c->a[4])); }
long fbsd_sys_symlink(struct fcall *c) { return xsys3(SYS_symlinkat, (long)c->a[0], AT_FDCWD, (long)c->a[1]); }
long fbsd_sys_symlinkat(struct fcall *c) { return xsys3(SYS_symlinkat, (long)c->a[0], (long)(int)c->a[1], (long)c->a[2]); }
long fbsd_sys_readlink(struct fcall *c) { return xsys4(SYS_readlinkat, AT_FDCWD, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_readlinkat(struct fcall *c) { return xsys4(SYS_readlinkat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]); }
long fbsd_sys_chdir(struct fcall *c) { return xsys1(SYS_chdir, (long)c->a[0]); }
long fbsd_sys_fchdir(struct fcall *c) { return xsys1(SYS_fchdir, (long)c->a[0]); }
long fbsd_sys_chroot(struct fcall *c) { return xsys1(SYS_chroot, (long)c->a[0]); }
long fbsd_sys_chmod(struct fcall *c) { return xsys3(SYS_fchmodat, AT_FDCWD, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_fchmod(struct fcall *c) { return xsys2(SYS_fchmod, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_lchmod(struct fcall *c) { return xsys3(SYS_fchmodat, AT_FDCWD, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_fchmodat(struct fcall *c) { return xsys3(SYS_fchmodat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_chown(struct fcall *c) { return xsys5(SYS_fchownat, AT_FDCWD, (long)c->a[0], (long)c->a[1], (long)c->a[2], 0); }
long fbsd_sys_lchown(struct fcall *c) { return xsys5(SYS_fchownat, AT_FDCWD, (long)c->a[0], (long)c->a[1], (long)c->a[2], AT_SYMLINK_NOFOLLOW); }
long fbsd_sys_fchown(struct fcall *c) { return xsys3(SYS_fchown, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_fchownat(struct fcall *c) { return xsys5(SYS_fchownat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3], at_flags(c->a[4])); }
long fbsd_sys_utimensat(struct fcall *c) { return xsys4(SYS_utimensat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2], at_flags(c->a[3])); }
long fbsd_sys_futimens(struct fcall *c) { return xsys4(SYS_utimensat, (long)c->a[0], 0, (long)c->a[1], 0); }
long fbsd_sys_utimes(struct fcall *c) { return xsys2(SYS_utimes, (long)c->a[0], (long)c->a[1]); }

static int access_mode(uint64_t m)
{
    uint64_t unknown = 0;
    return (int)fbsd_flags_to_linux(fbsd_access_modes, m, &unknown);
}

long fbsd_sys_access(struct fcall *c) { return xsys4(SYS_faccessat2, AT_FDCWD, (long)c->a[0], access_mode(c->a[1]), 0); }
long fbsd_sys_eaccess(struct fcall *c) { return xsys4(SYS_faccessat2, AT_FDCWD, (long)c->a[0], access_mode(c->a[1]), AT_EACCESS); }
long fbsd_sys_faccessat(struct fcall *c)
{
    return xsys4(SYS_faccessat2, (long)(int)c->a[0], (long)c->a[1], access_mode(c->a[2]), at_flags(c->a[3]));
}

/* FreeBSD's __getcwd returns 0, not the length. */
long fbsd_sys___getcwd(struct fcall *c)
{
    char buf[PATH_MAX];
    long r = xsys2(SYS_getcwd, (long)buf, sizeof buf);
    if (r < 0)
        return r;
    if ((uint64_t)r > c->a[1])
        return -ERANGE;
    return fbsd_copyout(c->a[0], buf, (size_t)r);
}

long fbsd_sys_mknodat(struct fcall *c)
{
    return xsys4(SYS_mknodat, (long)(int)c->a[0], (long)c->a[1], (long)c->a[2],
                 (long)fbsd_dev_to_linux(c->a[3]));
}

long fbsd_sys_mkfifo(struct fcall *c)
{
    return xsys4(SYS_mknodat, AT_FDCWD, (long)c->a[0], (long)(S_IFIFO | (c->a[1] & 07777)), 0);
}

long fbsd_sys_mkfifoat(struct fcall *c)
{
    return xsys4(SYS_mknodat, (long)(int)c->a[0], (long)c->a[1], (long)(S_IFIFO | (c->a[2] & 07777)), 0);
}

long fbsd_sys_sync(struct fcall *c) { (void)c; return xsys0(SYS_sync); }
