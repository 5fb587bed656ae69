/* errno.c — the CRT's per-thread errno and _doserrno with Microsoft
 * values, and the host errno → Microsoft errno table. _doserrno holds the
 * Win32 error behind a failure (ERROR_FILE_NOT_FOUND …), as on Windows. */
#include <errno.h>

#include "crt.h"

static __thread int ms_errno;
static __thread uint32_t ms_doserrno; /* an unsigned long: 32 bits on Windows */

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
    int e = errno;
    ms_errno = crt_errno_from_host(e);
    ms_doserrno = (uint32_t)w32_error_from_errno(e);
    return -1;
}

void crt_set_doserrno(DWORD e) { ms_doserrno = e; }

/* Microsoft errno → the Win32 error the CRT reports beside it. */
static const struct { int ms; DWORD win; } dosmap[] = {
    { MS_ENOENT, 2 }, { MS_EMFILE, 4 }, { MS_EACCES, 5 }, { MS_EBADF, 6 },
    { MS_ENOMEM, 8 }, { MS_EINVAL, 87 }, { MS_EEXIST, 80 }, { MS_ENOSPC, 112 },
    { MS_ENOTEMPTY, 145 }, { MS_EPIPE, 109 }, { MS_EXDEV, 17 },
};

int crt_fail(int e)
{
    ms_errno = e;
    ms_doserrno = 0;
    for (size_t i = 0; i < sizeof dosmap / sizeof dosmap[0]; i++)
        if (dosmap[i].ms == e)
            ms_doserrno = dosmap[i].win;
    return -1;
}

static int *WINAPI w32__errno(void) { return &ms_errno; }
static uint32_t *WINAPI w32___doserrno(void) { return &ms_doserrno; }

static int WINAPI w32__get_doserrno(uint32_t *v)
{
    if (!v)
        return crt_invalid("_get_doserrno", MS_EINVAL);
    *v = ms_doserrno;
    return 0;
}

static int WINAPI w32__set_doserrno(uint32_t v)
{
    ms_doserrno = v;
    return 0;
}

static int WINAPI w32__get_errno(int *v)
{
    if (!v)
        return crt_invalid("_get_errno", MS_EINVAL);
    *v = ms_errno;
    return 0;
}

static int WINAPI w32__set_errno(int v)
{
    ms_errno = v;
    return 0;
}

#define ERRNO_EXPORTS \
    EXPORT(_errno, ":p"), EXPORT(__doserrno, ":p"), EXPORT(_get_errno, "p:i"), \
    EXPORT(_set_errno, "i:i"), EXPORT(_get_doserrno, "p:i"), EXPORT(_set_doserrno, "u:i")

W32_EXPORTS(msvcrt) = { ERRNO_EXPORTS };
W32_EXPORTS(ucrtbase) = { ERRNO_EXPORTS };
