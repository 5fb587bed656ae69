/* pipe.c — anonymous pipes: CreatePipe (host pipes, inheritable when the
 * SECURITY_ATTRIBUTES say so), PeekNamedPipe (bytes available through
 * FIONREAD; the data itself through tee() into a scratch pipe, which
 * copies without consuming), SetNamedPipeHandleState (PIPE_NOWAIT).
 * Named pipes (CreateNamedPipe) are not supported: they fail with
 * ERROR_NOT_SUPPORTED. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k32.h"
#include "fileobj.h"

#define PIPE_NOWAIT 1

static HANDLE pipe_end(int fd, DWORD access, const SECURITY_ATTRIBUTES *sa)
{
    struct w32_file *f = k32_file_new(fd, access, NULL);
    if (!f) {
        close(fd);
        return NULL;
    }
    HANDLE h = k32_handle_for(&f->o, sa);
    if (!h)
        f->o.destroy(&f->o);
    return h;
}

static BOOL WINAPI w32_CreatePipe(HANDLE *rd, HANDLE *wr, const SECURITY_ATTRIBUTES *sa, DWORD size)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        w32_set_last_error(w32_error_from_errno(errno));
        return FALSE;
    }
    if (size > 4096)
        fcntl(fds[1], F_SETPIPE_SZ, (int)size);
    HANDLE r = pipe_end(fds[0], GENERIC_READ | 0x100 /* FILE_WRITE_ATTRIBUTES */, sa);
    HANDLE w = r ? pipe_end(fds[1], GENERIC_WRITE | 0x80 /* FILE_READ_ATTRIBUTES */, sa) : NULL;
    if (!r || !w) {
        if (r)
            w32_handle_close(r);
        else
            close(fds[1]);
        w32_set_last_error(ERROR_TOO_MANY_OPEN_FILES);
        return FALSE;
    }
    if (!k32_copy_out(rd, &r, sizeof r) || !k32_copy_out(wr, &w, sizeof w)) {
        w32_handle_close(r);
        w32_handle_close(w);
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

/* Copy up to N waiting bytes of the pipe FD into BUF without taking them. */
static ssize_t peek_pipe(int fd, void *buf, size_t n)
{
    int s[2];
    if (pipe2(s, O_CLOEXEC) < 0)
        return -1;
    ssize_t t = tee(fd, s[1], n, SPLICE_F_NONBLOCK);
    ssize_t r = t > 0 ? read(s[0], buf, (size_t)t) : t;
    close(s[0]);
    close(s[1]);
    return r < 0 && errno == EAGAIN ? 0 : r;
}

static BOOL WINAPI w32_PeekNamedPipe(HANDLE h, PVOID buf, DWORD n, DWORD *read_n, DWORD *avail,
                                     DWORD *left)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    struct stat st;
    int fd = f->fd, have = 0;
    DWORD e = 0, got = 0;
    if (fstat(fd, &st) < 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
        e = ERROR_INVALID_FUNCTION;
    } else if (ioctl(fd, FIONREAD, &have) < 0) {
        e = w32_error_from_errno(errno);
    } else if (have == 0) {
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, 0) > 0 && (p.revents & POLLHUP))
            e = ERROR_BROKEN_PIPE; /* no writer left and nothing to read */
    } else if (buf && n) {
        size_t want = (size_t)have < n ? (size_t)have : n;
        ssize_t r = S_ISSOCK(st.st_mode) ? recv(fd, buf, want, MSG_PEEK | MSG_DONTWAIT)
                                         : peek_pipe(fd, buf, want);
        got = r > 0 ? (DWORD)r : 0;
    }
    w32_obj_put(&f->o);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    if (read_n) *read_n = got;
    if (avail) *avail = (DWORD)have;
    if (left) *left = 0;
    return TRUE;
}

static BOOL WINAPI w32_SetNamedPipeHandleState(HANDLE h, DWORD *mode, DWORD *count, DWORD *timeout)
{
    (void)count, (void)timeout;
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    if (mode) {
        int fl = fcntl(f->fd, F_GETFL);
        fcntl(f->fd, F_SETFL, (*mode & PIPE_NOWAIT) ? fl | O_NONBLOCK : fl & ~O_NONBLOCK);
    }
    w32_obj_put(&f->o);
    return TRUE;
}

static HANDLE WINAPI w32_CreateNamedPipeW(LPCWSTR name, DWORD open, DWORD mode, DWORD max, DWORD out,
                                          DWORD in, DWORD timeout, const SECURITY_ATTRIBUTES *sa)
{
    (void)name, (void)open, (void)mode, (void)max, (void)out, (void)in, (void)timeout, (void)sa;
    w32_set_last_error(ERROR_NOT_SUPPORTED);
    return INVALID_HANDLE_VALUE;
}

static BOOL WINAPI w32_ConnectNamedPipe(HANDLE h, PVOID ovl)
{
    (void)h, (void)ovl;
    w32_set_last_error(ERROR_NOT_SUPPORTED);
    return FALSE;
}

static BOOL WINAPI w32_WaitNamedPipeW(LPCWSTR name, DWORD ms)
{
    (void)name, (void)ms;
    w32_set_last_error(ERROR_FILE_NOT_FOUND);
    return FALSE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreatePipe, "pppu:i"),
    EXPORT(PeekNamedPipe, "hpuppp:i"),
    EXPORT(SetNamedPipeHandleState, "hppp:i"),
    EXPORT(CreateNamedPipeW, "wuuuuuup:h"),
    EXPORT_AS("CreateNamedPipeA", w32_CreateNamedPipeW, "suuuuuup:h"),
    EXPORT(ConnectNamedPipe, "hp:i"),
    EXPORT(WaitNamedPipeW, "wu:i"),
    EXPORT_AS("WaitNamedPipeA", w32_WaitNamedPipeW, "su:i"),
};
