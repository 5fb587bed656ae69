/* fdtab.c — what the CRT remembers about each file descriptor: its
 * translation mode (_O_TEXT, _O_BINARY, _O_WTEXT, _O_U16TEXT, _O_U8TEXT;
 * _fmode decides for new ones), the Windows HANDLE made for it by
 * _get_osfhandle or adopted by _open_osfhandle, and the file to delete
 * when an _O_TEMPORARY descriptor closes. CRT descriptors are host
 * descriptors. Also _fmode/_commode, _setmode and the handle bridge. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../handles.h"
#include "../kernel32/fileobj.h"
#include "../process.h"
#include "crt.h"

#define MAX_FD 4096
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u

struct fdent {
    int mode;           /* 0: not set, use crt_fmode */
    HANDLE h;           /* the handle made for or adopted by this fd */
    char *tmp_path;     /* _O_TEMPORARY: removed at close */
};

int crt_fmode = CRT_O_TEXT;
static int crt_commode;
static struct fdent fds[MAX_FD];
static pthread_mutex_t fd_lock = PTHREAD_MUTEX_INITIALIZER;

int crt_fd_valid(int fd) { return fd >= 0 && fcntl(fd, F_GETFD) >= 0; }

int crt_fd_mode(int fd)
{
    int m = fd >= 0 && fd < MAX_FD && fds[fd].mode ? fds[fd].mode : crt_fmode;
    m &= CRT_MODE_MASK;
    return m & CRT_O_BINARY ? CRT_O_BINARY : m ? m : CRT_O_TEXT;
}

int crt_fd_is_text(int fd) { return crt_fd_mode(fd) != CRT_O_BINARY; }

int crt_set_fd_mode(int fd, int mode)
{
    if (fd < 0 || fd >= MAX_FD || !crt_fd_valid(fd))
        return crt_invalid("_setmode", MS_EBADF), -1;
    int old = crt_fd_mode(fd);
    fds[fd].mode = mode;
    return old;
}

void crt_fd_opened(int fd, int flags, const char *host_path)
{
    if (fd < 0 || fd >= MAX_FD)
        return;
    pthread_mutex_lock(&fd_lock);
    fds[fd].mode = flags & CRT_MODE_MASK ? flags & CRT_MODE_MASK : crt_fmode;
    fds[fd].h = NULL;
    free(fds[fd].tmp_path);
    fds[fd].tmp_path = (flags & CRT_O_TEMPORARY) && host_path ? strdup(host_path) : NULL;
    pthread_mutex_unlock(&fd_lock);
}

int crt_fd_close(int fd)
{
    if (!crt_fd_valid(fd))
        return crt_fail(MS_EBADF);
    HANDLE h = NULL;
    char *tmp = NULL;
    if (fd < MAX_FD) {
        pthread_mutex_lock(&fd_lock);
        h = fds[fd].h, tmp = fds[fd].tmp_path;
        memset(&fds[fd], 0, sizeof fds[fd]);
        pthread_mutex_unlock(&fd_lock);
    }
    int r = 0;
    if (h)
        w32_handle_close(h); /* the handle owns the host descriptor */
    else
        r = close(fd);
    if (tmp)
        unlink(tmp);
    free(tmp);
    return r < 0 ? crt_fail_errno() : 0;
}

static HANDLE std_handle(int fd)
{
    RTL_USER_PROCESS_PARAMETERS *p = w32_proc.params;
    if (!p)
        return NULL;
    return fd == 0 ? p->StandardInput : fd == 1 ? p->StandardOutput : p->StandardError;
}

static intptr_t WINAPI w32__get_osfhandle(int fd)
{
    if (!crt_fd_valid(fd) || fd >= MAX_FD) {
        crt_invalid("_get_osfhandle", MS_EBADF);
        return -1;
    }
    if (fd <= 2 && std_handle(fd))
        return (intptr_t)std_handle(fd);
    pthread_mutex_lock(&fd_lock);
    if (!fds[fd].h) {
        int acc = fcntl(fd, F_GETFL) & O_ACCMODE;
        DWORD a = acc == O_RDONLY ? GENERIC_READ : acc == O_WRONLY ? GENERIC_WRITE
                                                                   : GENERIC_READ | GENERIC_WRITE;
        HANDLE h = w32_file_handle(fd, a, NULL);
        fds[fd].h = h == INVALID_HANDLE_VALUE ? NULL : h;
    }
    HANDLE h = fds[fd].h;
    pthread_mutex_unlock(&fd_lock);
    return h ? (intptr_t)h : -1;
}

static int WINAPI w32__open_osfhandle(intptr_t h, int flags)
{
    struct w32_file *f = w32_file_get((HANDLE)h);
    if (!f)
        return crt_fail(MS_EBADF);
    int fd = f->fd;
    w32_obj_put(&f->o);
    if (fd < 0 || fd >= MAX_FD)
        return crt_fail(MS_EMFILE);
    /* Without _O_TEXT/_O_WTEXT… the descriptor is binary. */
    crt_fd_opened(fd, flags & CRT_MODE_MASK ? flags : flags | CRT_O_BINARY, NULL);
    if (fd > 2)
        fds[fd].h = (HANDLE)h;
    return fd;
}

static int WINAPI w32__setmode(int fd, int mode)
{
    int m = mode & CRT_MODE_MASK;
    if (!m || (m & (m - 1)) || (mode & ~CRT_MODE_MASK))
        return crt_invalid("_setmode", MS_EINVAL), -1;
    return crt_set_fd_mode(fd, mode);
}

static int *WINAPI w32___p__fmode(void) { return &crt_fmode; }
static int *WINAPI w32___p__commode(void) { return &crt_commode; }

static int WINAPI w32__set_fmode(int m)
{
    if (m != CRT_O_TEXT && m != CRT_O_BINARY && m != CRT_O_WTEXT)
        return crt_invalid("_set_fmode", MS_EINVAL);
    crt_fmode = m;
    return 0;
}

static int WINAPI w32__get_fmode(int *m)
{
    if (!m)
        return crt_invalid("_get_fmode", MS_EINVAL);
    *m = crt_fmode;
    return 0;
}

#define FDTAB_EXPORTS \
    EXPORT(__p__fmode, ":p"), EXPORT(__p__commode, ":p"), EXPORT(_set_fmode, "i:i"), \
    EXPORT(_get_fmode, "p:i"), EXPORT(_get_osfhandle, "i:p"), EXPORT(_open_osfhandle, "pi:i"), \
    EXPORT(_setmode, "ii:i")

W32_EXPORTS(msvcrt) = {
    FDTAB_EXPORTS, EXPORT_DATA(_fmode, crt_fmode), EXPORT_DATA(_commode, crt_commode),
};
W32_EXPORTS(ucrtbase) = { FDTAB_EXPORTS };
