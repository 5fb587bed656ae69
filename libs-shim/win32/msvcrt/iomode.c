/* iomode.c — text/binary mode of low-level descriptors (_setmode,
 * _fmode, _commode) shared by the low-level I/O functions and streams. */
#include <stdint.h>

#include "crt.h"

#define MAX_FD 4096

int crt_fmode = CRT_O_TEXT;
static int crt_commode;
static int fdmode[MAX_FD]; /* 0: not set, use crt_fmode */

int crt_fd_is_text(int fd)
{
    int m = fd >= 0 && fd < MAX_FD && fdmode[fd] ? fdmode[fd] : crt_fmode;
    return !(m & CRT_O_BINARY);
}

int crt_set_fd_mode(int fd, int mode)
{
    if (fd < 0 || fd >= MAX_FD) {
        crt_errno = MS_EBADF;
        return -1;
    }
    int old = crt_fd_is_text(fd) ? CRT_O_TEXT : CRT_O_BINARY;
    fdmode[fd] = mode;
    return old;
}

static int *WINAPI w32___p__fmode(void) { return &crt_fmode; }
static int *WINAPI w32___p__commode(void) { return &crt_commode; }

static int WINAPI w32__set_fmode(int m)
{
    crt_fmode = m;
    return 0;
}

static int WINAPI w32__get_fmode(int *m)
{
    *m = crt_fmode;
    return 0;
}

W32_EXPORTS(msvcrt) = {
    EXPORT_DATA(_fmode, crt_fmode), EXPORT_DATA(_commode, crt_commode),
    EXPORT(__p__fmode, ":p"), EXPORT(__p__commode, ":p"), EXPORT(_set_fmode, "i:i"),
    EXPORT(_get_fmode, "p:i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__p__fmode, ":p"), EXPORT(__p__commode, ":p"), EXPORT(_set_fmode, "i:i"),
    EXPORT(_get_fmode, "p:i"),
};
