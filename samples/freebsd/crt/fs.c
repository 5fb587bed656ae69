/* fs.c — paths: stat and friends through fstatat(552) and fstat(551)
 * (the 64-bit-inode calls of FreeBSD 12+), and the *at() calls that
 * back mkdir, unlink, rmdir, rename, access and chmod. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syscall.h"

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    return (int)__sc4(SYS_fstatat, dirfd, path, st, flags);
}

int stat(const char *path, struct stat *st) { return fstatat(AT_FDCWD, path, st, 0); }
int lstat(const char *path, struct stat *st)
{
    return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}
int fstat(int fd, struct stat *st) { return (int)__sc2(SYS_fstat, fd, st); }

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    return (int)__sc3(SYS_mkdirat, dirfd, path, mode);
}

int mkdir(const char *path, mode_t mode) { return mkdirat(AT_FDCWD, path, mode); }
int unlink(const char *path) { return (int)__sc3(SYS_unlinkat, AT_FDCWD, path, 0); }
int rmdir(const char *path) { return (int)__sc3(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR); }
int remove(const char *path) { return unlink(path) == 0 ? 0 : rmdir(path); }
int access(const char *path, int mode) { return (int)__sc4(SYS_faccessat, AT_FDCWD, path, mode, 0); }
int chmod(const char *path, mode_t mode) { return (int)__sc4(SYS_fchmodat, AT_FDCWD, path, mode, 0); }
int fchmod(int fd, mode_t mode) { return (int)__sc2(SYS_fchmod, fd, mode); }
mode_t umask(mode_t mask) { return (mode_t)__sys1(SYS_umask, mask); }
int chdir(const char *path) { return (int)__sc1(SYS_chdir, path); }
int fchdir(int fd) { return (int)__sc1(SYS_fchdir, fd); }

int rename(const char *from, const char *to)
{
    return (int)__sc4(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to);
}

int link(const char *from, const char *to)
{
    return (int)__sc5(SYS_linkat, AT_FDCWD, from, AT_FDCWD, to, 0);
}

int symlink(const char *target, const char *path)
{
    return (int)__sc3(SYS_symlinkat, target, AT_FDCWD, path);
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
    return __sc4(SYS_readlinkat, AT_FDCWD, path, buf, size);
}

/* __getcwd(2) fills the buffer and returns 0. */
char *getcwd(char *buf, size_t size)
{
    char *mine = NULL;
    if (!buf) {
        size = size ? size : 1024;
        buf = mine = malloc(size);
        if (!buf)
            return NULL;
    }
    if (__sc2(SYS___getcwd, buf, size) < 0) {
        free(mine);
        return NULL;
    }
    return buf;
}
