/* strerror.c — messages for the FreeBSD errno values, and perror(). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[ELAST + 1] = {
    [0] = "No error",
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [ESRCH] = "No such process",
    [EINTR] = "Interrupted system call",
    [EIO] = "Input/output error",
    [ENXIO] = "Device not configured",
    [E2BIG] = "Argument list too long",
    [ENOEXEC] = "Exec format error",
    [EBADF] = "Bad file descriptor",
    [ECHILD] = "No child processes",
    [EDEADLK] = "Resource deadlock avoided",
    [ENOMEM] = "Cannot allocate memory",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [EBUSY] = "Device busy",
    [EEXIST] = "File exists",
    [EXDEV] = "Cross-device link",
    [ENODEV] = "Operation not supported by device",
    [ENOTDIR] = "Not a directory",
    [EISDIR] = "Is a directory",
    [EINVAL] = "Invalid argument",
    [ENFILE] = "Too many open files in system",
    [EMFILE] = "Too many open files",
    [ENOTTY] = "Inappropriate ioctl for device",
    [EFBIG] = "File too large",
    [ENOSPC] = "No space left on device",
    [ESPIPE] = "Illegal seek",
    [EROFS] = "Read-only file system",
    [EPIPE] = "Broken pipe",
    [ERANGE] = "Result too large",
    [EAGAIN] = "Resource temporarily unavailable",
    [EINPROGRESS] = "Operation now in progress",
    [ENOTSOCK] = "Socket operation on non-socket",
    [EOPNOTSUPP] = "Operation not supported",
    [EAFNOSUPPORT] = "Address family not supported by protocol family",
    [EADDRINUSE] = "Address already in use",
    [EADDRNOTAVAIL] = "Can't assign requested address",
    [ECONNRESET] = "Connection reset by peer",
    [ENOTCONN] = "Socket is not connected",
    [ETIMEDOUT] = "Operation timed out",
    [ECONNREFUSED] = "Connection refused",
    [ELOOP] = "Too many levels of symbolic links",
    [ENAMETOOLONG] = "File name too long",
    [ENOTEMPTY] = "Directory not empty",
    [ENOSYS] = "Function not implemented",
    [EOVERFLOW] = "Value too large to be stored in data type",
    [ECANCELED] = "Operation canceled",
};

char *strerror(int err)
{
    static char unknown[32];
    if (err >= 0 && err <= ELAST && messages[err])
        return (char *)messages[err];
    snprintf(unknown, sizeof unknown, "Unknown error: %d", err);
    return unknown;
}

void perror(const char *s)
{
    int err = errno;
    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, strerror(err));
    else
        fprintf(stderr, "%s\n", strerror(err));
}
