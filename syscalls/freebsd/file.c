/* file.c — FreeBSD calls on open files: open/openat (flag values
 * differ), read/write and their vectored and positioned forms, close,
 * lseek, dup/dup2, pipe2, fcntl (commands, F_DUP2FD, struct flock),
 * fsync, truncation, close_range. */
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fbsd.h"
#include "rawsys.h"
#include "trace.h" /* hsysN: xsysN that --host reports */

#define FBSD_AT_FDCWD (-100)

long fbsd_sys_read(struct fcall *c) { return hsys3(SYS_read, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_write(struct fcall *c) { return hsys3(SYS_write, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_readv(struct fcall *c) { return hsys3(SYS_readv, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_writev(struct fcall *c) { return hsys3(SYS_writev, (long)c->a[0], (long)c->a[1], (long)c->a[2]); }
long fbsd_sys_pread(struct fcall *c) { return hsys4(SYS_pread64, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]); }
long fbsd_sys_pwrite(struct fcall *c) { return hsys4(SYS_pwrite64, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]); }
long fbsd_sys_preadv(struct fcall *c) { return hsys4(SYS_preadv, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]); }
long fbsd_sys_pwritev(struct fcall *c) { return hsys4(SYS_pwritev, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]); }
/* Same arguments, flags (0 only) and results on both systems. */
long fbsd_sys_copy_file_range(struct fcall *c)
{
    return trace_hsys6(SYS_copy_file_range, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3],
                 (long)c->a[4], (long)c->a[5]);
}
long fbsd_sys_close(struct fcall *c) { return hsys1(SYS_close, (long)c->a[0]); }
long fbsd_sys_fsync(struct fcall *c) { return hsys1(SYS_fsync, (long)c->a[0]); }
long fbsd_sys_fdatasync(struct fcall *c) { return hsys1(SYS_fdatasync, (long)c->a[0]); }
long fbsd_sys_ftruncate(struct fcall *c) { return hsys2(SYS_ftruncate, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_truncate(struct fcall *c) { return hsys2(SYS_truncate, (long)c->a[0], (long)c->a[1]); }
long fbsd_sys_dup(struct fcall *c) { return hsys1(SYS_dup, (long)c->a[0]); }
long fbsd_sys_dup2(struct fcall *c) { return hsys2(SYS_dup2, (long)c->a[0], (long)c->a[1]); }

long fbsd_sys_lseek(struct fcall *c)
{
    if (c->a[2] > 4)
        return -EINVAL;
    return hsys3(SYS_lseek, (long)c->a[0], (long)c->a[1], (long)c->a[2]);
}

static long do_openat(long dirfd, uint64_t path, uint64_t fflags, uint64_t mode)
{
    uint64_t unknown = 0;
    uint64_t lflags = fbsd_open_flags_to_linux(fflags, &unknown);
    return hsys4(SYS_openat, dirfd, (long)path, (long)lflags, (long)(mode & 07777));
}

long fbsd_sys_open(struct fcall *c) { return do_openat(AT_FDCWD, c->a[0], c->a[1], c->a[2]); }
long fbsd_sys_openat(struct fcall *c) { return do_openat((long)(int)c->a[0], c->a[1], c->a[2], c->a[3]); }

long fbsd_sys_pipe2(struct fcall *c)
{
    int fds[2];
    uint64_t unknown = 0;
    if ((uint32_t)c->a[1] & ~(uint32_t)(0x100000 /* O_CLOEXEC */ | 0x4 /* O_NONBLOCK */))
        return -EINVAL; /* kern_pipe2 takes only these */
    uint64_t fl = fbsd_open_flags_to_linux(c->a[1], &unknown);
    long r = hsys2(SYS_pipe2, (long)fds, (long)(fl & (O_CLOEXEC | O_NONBLOCK)));
    if (r < 0)
        return r;
    if (fbsd_copyout(c->a[0], fds, sizeof fds) < 0) {
        close(fds[0]), close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

/* The old pipe(): both descriptors come back in rax and rdx. */
long fbsd_sys_freebsd10_pipe(struct fcall *c)
{
    int fds[2];
    long r = hsys1(SYS_pipe, (long)fds);
    if (r < 0)
        return r;
    c->rv2 = (uint64_t)fds[1];
    return fds[0];
}

static long fcntl_lock(struct fcall *c, int lcmd)
{
    struct fbsd_flock ff;
    struct flock lf;
    if (fbsd_copyin(&ff, c->a[2], sizeof ff) < 0)
        return -EFAULT;
    if (fbsd_flock_to_linux(&ff, &lf) < 0)
        return -EINVAL;
    long r = hsys3(SYS_fcntl, (long)c->a[0], lcmd, (long)&lf);
    if (r < 0 || lcmd != F_GETLK)
        return r;
    fbsd_flock_from_linux(&lf, &ff);
    return fbsd_copyout(c->a[2], &ff, sizeof ff);
}

static long fcntl_flags(struct fcall *c, int get)
{
    uint64_t unknown = 0;
    if (get) {
        long r = hsys2(SYS_fcntl, (long)c->a[0], F_GETFL);
        return r < 0 ? r : (long)fbsd_open_flags_from_linux((uint64_t)r, &unknown);
    }
    uint64_t lf = fbsd_open_flags_to_linux(c->a[2], &unknown);
    return hsys3(SYS_fcntl, (long)c->a[0], F_SETFL, (long)lf);
}

long fbsd_sys_fcntl(struct fcall *c)
{
    int64_t lcmd;
    long fd = (long)c->a[0];
    enum { F_DUP2FD_ = 10, F_DUP2FD_CLOEXEC_ = 18, F_GETFL_ = 3, F_SETFL_ = 4 };
    switch ((int)c->a[1]) {
    case F_DUP2FD_: return hsys2(SYS_dup2, fd, (long)c->a[2]);
    case F_DUP2FD_CLOEXEC_: return fd == (long)c->a[2] ? -EINVAL : hsys3(SYS_dup3, fd, (long)c->a[2], O_CLOEXEC);
    case F_GETFL_: return fcntl_flags(c, 1);
    case F_SETFL_: return fcntl_flags(c, 0);
    }
    if (fbsd_val_to_linux(fbsd_fcntl_cmds, (int64_t)(int)c->a[1], &lcmd) != FBSD_VAL_OK)
        return -EINVAL;
    if (lcmd == F_GETLK || lcmd == F_SETLK || lcmd == F_SETLKW)
        return fcntl_lock(c, (int)lcmd);
    return hsys3(SYS_fcntl, fd, lcmd, (long)c->a[2]);
}

long fbsd_sys_close_range(struct fcall *c)
{
    enum { FBSD_CLOSE_RANGE_CLOEXEC = 1 << 2 };
    unsigned fl = (c->a[2] & FBSD_CLOSE_RANGE_CLOEXEC) ? CLOSE_RANGE_CLOEXEC : 0;
    return hsys3(SYS_close_range, (long)c->a[0], (long)c->a[1], fl);
}

long fbsd_sys_freebsd12_closefrom(struct fcall *c)
{
    return hsys3(SYS_close_range, (long)c->a[0], ~0u, 0);
}

long fbsd_sys_flock(struct fcall *c)
{
    return hsys2(SYS_flock, (long)c->a[0], (long)c->a[1]); /* LOCK_* values agree */
}

long fbsd_sys_posix_fallocate(struct fcall *c)
{
    long r = hsys4(SYS_fallocate, (long)c->a[0], 0, (long)c->a[1], (long)c->a[2]);
    return r < 0 ? fbsd_errno_of((int)-r) : 0; /* the error number is the value (kern_posix_error) */
}

long fbsd_sys_posix_fadvise(struct fcall *c)
{
    long r = hsys4(SYS_fadvise64, (long)c->a[0], (long)c->a[1], (long)c->a[2], (long)c->a[3]);
    return r < 0 ? fbsd_errno_of((int)-r) : 0; /* as posix_fallocate */
}
