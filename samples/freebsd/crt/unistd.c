/* unistd.c — file descriptor calls. pipe() is pipe2(fds, 0), as the old
 * pipe syscall (42) is compat-only on FreeBSD 11+. */
#include <sys/ioctl.h>
#include <stdarg.h>
#include <unistd.h>

#include "syscall.h"

ssize_t read(int fd, void *buf, size_t n) { return __sc3(SYS_read, fd, buf, n); }
ssize_t write(int fd, const void *buf, size_t n) { return __sc3(SYS_write, fd, buf, n); }
int close(int fd) { return (int)__sc1(SYS_close, fd); }
off_t lseek(int fd, off_t off, int whence) { return __sc3(SYS_lseek, fd, off, whence); }
int pipe2(int fds[2], int flags) { return (int)__sc2(SYS_pipe2, fds, flags); }
int pipe(int fds[2]) { return pipe2(fds, 0); }
int dup(int fd) { return (int)__sc1(SYS_dup, fd); }
int dup2(int from, int to) { return (int)__sc2(SYS_dup2, from, to); }
int ftruncate(int fd, off_t len) { return (int)__sc2(SYS_ftruncate, fd, len); }
int fsync(int fd) { return (int)__sc1(SYS_fsync, fd); }

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
    return __sc4(SYS_pread, fd, buf, n, off);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    return __sc4(SYS_pwrite, fd, buf, n, off);
}

ssize_t copy_file_range(int in, off_t *inoff, int out, off_t *outoff, size_t n, unsigned flags)
{
    return __sc6(SYS_copy_file_range, in, inoff, out, outoff, n, flags);
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return (int)__sc3(SYS_ioctl, fd, request, arg);
}

int isatty(int fd)
{
    char termios[44];               /* FreeBSD struct termios */
    return ioctl(fd, TIOCGETA, termios) == 0;
}

int getpagesize(void)
{
    return (int)__auxv_get(6 /* AT_PAGESZ */, 4096);
}
