/* lowio_misc.c — the rest of the descriptor API: _dup/_dup2, _pipe,
 * _isatty, _eof, _chsize(_s), _commit, _filelength(i64), _locking and
 * _umask. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crt.h"

#define MS_S_IWRITE 0x80
#define MS_S_IREAD 0x100

static int WINAPI w32__dup(int fd)
{
    if (!crt_fd_valid(fd))
        return crt_invalid("_dup", MS_EBADF), -1;
    int n = dup(fd);
    if (n < 0)
        return crt_fail_errno();
    crt_fd_opened(n, crt_fd_mode(fd), NULL);
    return n;
}

static int WINAPI w32__dup2(int fd, int to)
{
    if (!crt_fd_valid(fd) || to < 0)
        return crt_invalid("_dup2", MS_EBADF), -1;
    if (fd == to)
        return 0;
    if (dup2(fd, to) < 0)
        return crt_fail_errno();
    crt_fd_opened(to, crt_fd_mode(fd), NULL);
    return 0;
}

static int WINAPI w32__pipe(int *pfds, unsigned size, int mode)
{
    (void)size; /* the host chooses the pipe's capacity */
    if (!pfds)
        return crt_invalid("_pipe", MS_EINVAL), -1;
    int p[2];
    if (pipe2(p, mode & CRT_O_NOINHERIT ? O_CLOEXEC : 0) < 0)
        return crt_fail_errno();
    int m = mode & CRT_MODE_MASK ? mode & CRT_MODE_MASK : crt_fmode;
    crt_fd_opened(p[0], m, NULL);
    crt_fd_opened(p[1], m, NULL);
    pfds[0] = p[0], pfds[1] = p[1];
    return 0;
}

/* A character device — a terminal, and NUL too, as on Windows. */
static int WINAPI w32__isatty(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0) {
        crt_fail(MS_EBADF);
        return 0;
    }
    return S_ISCHR(st.st_mode) ? 0x40 : 0; /* FDEV */
}

static int64_t length(int fd, const char *fn)
{
    struct stat st;
    if (!crt_fd_valid(fd))
        return crt_invalid(fn, MS_EBADF), -1;
    if (fstat(fd, &st) < 0)
        return crt_fail_errno();
    if (!S_ISREG(st.st_mode)) {
        off_t cur = lseek(fd, 0, SEEK_CUR), end = cur < 0 ? -1 : lseek(fd, 0, SEEK_END);
        if (end < 0)
            return crt_fail(MS_EBADF);
        lseek(fd, cur, SEEK_SET);
        return end;
    }
    return st.st_size;
}

static int32_t WINAPI w32__filelength(int fd)
{
    int64_t n = length(fd, "_filelength");
    return n > INT32_MAX ? (crt_fail(MS_EFBIG), -1) : (int32_t)n;
}

static int64_t WINAPI w32__filelengthi64(int fd) { return length(fd, "_filelengthi64"); }

static int WINAPI w32__eof(int fd)
{
    int64_t size = length(fd, "_eof");
    off_t cur = size < 0 ? -1 : lseek(fd, 0, SEEK_CUR);
    if (cur < 0)
        return crt_fail(MS_EBADF);
    return cur >= size;
}

static int chsize(int fd, int64_t size, const char *fn)
{
    if (!crt_fd_valid(fd))
        return crt_invalid(fn, MS_EBADF);
    if (size < 0)
        return crt_invalid(fn, MS_EINVAL);
    if (ftruncate(fd, size) < 0) {
        crt_fail_errno();
        return crt_errno;
    }
    return 0;
}

static int WINAPI w32__chsize(int fd, int32_t size) { return chsize(fd, size, "_chsize") ? -1 : 0; }
static int WINAPI w32__chsize_s(int fd, int64_t size) { return chsize(fd, size, "_chsize_s"); }

static int WINAPI w32__commit(int fd)
{
    if (!crt_fd_valid(fd))
        return crt_invalid("_commit", MS_EBADF), -1;
    if (fsync(fd) < 0 && errno != EINVAL)
        return crt_fail_errno();
    return 0;
}

/* _locking(fd, mode, nbytes): byte-range locks from the current position.
 * _LK_LOCK/_LK_RLCK retry ten times a second apart, as documented. */
static int WINAPI w32__locking(int fd, int mode, int32_t nbytes)
{
    if (!crt_fd_valid(fd) || mode < 0 || mode > 4 || nbytes < 0)
        return crt_invalid("_locking", MS_EINVAL), -1;
    struct flock fl = { .l_type = (short)(mode == 0 ? F_UNLCK : F_WRLCK),
                        .l_whence = SEEK_CUR, .l_start = 0, .l_len = nbytes };
    int tries = mode == 1 || mode == 3 ? 10 : 1;
    for (int i = 0; i < tries; i++) {
        if (fcntl(fd, F_SETLK, &fl) == 0)
            return 0;
        if (errno == EBADF && fl.l_type == F_WRLCK) { /* read-only descriptor */
            fl.l_type = F_RDLCK;
            if (fcntl(fd, F_SETLK, &fl) == 0)
                return 0;
        }
        if (i + 1 < tries)
            sleep(1);
    }
    return crt_fail(mode == 0 ? MS_EACCES : MS_EDEADLK);
}

/* Only the write-permission bit means anything on Windows. */
static int crt_umask_bits;

static int WINAPI w32__umask(int mask)
{
    int old = crt_umask_bits;
    crt_umask_bits = mask & (MS_S_IREAD | MS_S_IWRITE);
    umask(crt_umask_bits & MS_S_IWRITE ? 0222 : 022);
    return old;
}

static int WINAPI w32__umask_s(int mask, int *old)
{
    CRT_CHECK(old && !(mask & ~(MS_S_IREAD | MS_S_IWRITE)), "_umask_s", MS_EINVAL);
    *old = w32__umask(mask);
    return 0;
}

#define LOWIO_MISC_EXPORTS \
    EXPORT(_dup, "i:i"), EXPORT(_dup2, "ii:i"), EXPORT(_pipe, "pui:i"), EXPORT(_isatty, "i:i"), \
    EXPORT(_filelength, "i:i"), EXPORT(_filelengthi64, "i:q"), EXPORT(_eof, "i:i"), \
    EXPORT(_chsize, "ii:i"), EXPORT(_chsize_s, "iq:i"), EXPORT(_commit, "i:i"), \
    EXPORT(_locking, "iii:i"), EXPORT(_umask, "i:i"), EXPORT(_umask_s, "ip:i")

W32_EXPORTS(msvcrt) = { LOWIO_MISC_EXPORTS };
W32_EXPORTS(ucrtbase) = { LOWIO_MISC_EXPORTS };
