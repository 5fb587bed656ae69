/* errno.c — the CRT's per-thread errno and _doserrno with Microsoft
 * values, and the host errno → Microsoft errno table. */
#include <errno.h>

#include "crt.h"

static __thread int ms_errno, ms_doserrno;

int *crt_errno_ptr(void) { return &ms_errno; }

static const struct { int host, ms; } emap[] = {
    { EPERM, MS_EPERM }, { ENOENT, MS_ENOENT }, { ESRCH, MS_ESRCH }, { EINTR, MS_EINTR },
    { EIO, MS_EIO }, { ENXIO, MS_ENXIO }, { E2BIG, MS_E2BIG }, { ENOEXEC, MS_ENOEXEC },
    { EBADF, MS_EBADF }, { ECHILD, MS_ECHILD }, { EAGAIN, MS_EAGAIN }, { ENOMEM, MS_ENOMEM },
    { EACCES, MS_EACCES }, { EFAULT, MS_EFAULT }, { EBUSY, MS_EBUSY }, { EEXIST, MS_EEXIST },
    { EXDEV, MS_EXDEV }, { ENODEV, MS_ENODEV }, { ENOTDIR, MS_ENOTDIR }, { EISDIR, MS_EISDIR },
    { EINVAL, MS_EINVAL }, { ENFILE, MS_ENFILE }, { EMFILE, MS_EMFILE }, { ENOTTY, MS_ENOTTY },
    { EFBIG, MS_EFBIG }, { ENOSPC, MS_ENOSPC }, { ESPIPE, MS_ESPIPE }, { EROFS, MS_EROFS },
    { EMLINK, MS_EMLINK }, { EPIPE, MS_EPIPE }, { EDOM, MS_EDOM }, { ERANGE, MS_ERANGE },
    { EDEADLK, MS_EDEADLK }, { ENAMETOOLONG, MS_ENAMETOOLONG }, { ENOLCK, MS_ENOLCK },
    { ENOSYS, MS_ENOSYS }, { ENOTEMPTY, MS_ENOTEMPTY }, { EILSEQ, MS_EILSEQ },
    { ELOOP, MS_ENOENT }, { ETXTBSY, MS_EACCES },
};

int crt_errno_from_host(int e)
{
    for (size_t i = 0; i < sizeof emap / sizeof emap[0]; i++)
        if (emap[i].host == e)
            return emap[i].ms;
    return MS_EINVAL;
}

int crt_fail_errno(void)
{
    ms_errno = crt_errno_from_host(errno);
    return -1;
}

static int *WINAPI w32__errno(void) { return &ms_errno; }
static int *WINAPI w32___doserrno(void) { return &ms_doserrno; }

static int WINAPI w32__get_errno(int *v)
{
    if (!v)
        return MS_EINVAL;
    *v = ms_errno;
    return 0;
}

static int WINAPI w32__set_errno(int v)
{
    ms_errno = v;
    return 0;
}

W32_EXPORTS(msvcrt) = {
    EXPORT(_errno, ":p"), EXPORT(__doserrno, ":p"), EXPORT(_get_errno, "p:i"),
    EXPORT(_set_errno, "i:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(_errno, ":p"), EXPORT(__doserrno, ":p"), EXPORT(_get_errno, "p:i"),
    EXPORT(_set_errno, "i:i"),
};
