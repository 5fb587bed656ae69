/* fileio.c — reading and writing file handles: ReadFile/WriteFile (with
 * OVERLAPPED offsets; overlapped handles complete at once: the
 * OVERLAPPED is filled, its event set and a packet queued to the bound
 * completion port), ReadFileEx/WriteFileEx (completion routine as an
 * APC), GetOverlappedResult(Ex), CancelIo(Ex); a socket's I/O and
 * cancellation go to ws2_32 (iocp.h). Errors follow Windows: a
 * pipe whose writer is gone reads as ERROR_BROKEN_PIPE, a pipe whose
 * reader is gone fails writes with ERROR_NO_DATA, reading at or past the
 * end through an OVERLAPPED gives ERROR_HANDLE_EOF, byte ranges locked
 * by another handle give ERROR_LOCK_VIOLATION. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "k32.h"
#include "fileio.h"
#include "fileobj.h"
#include "iocp.h"

#define FILE_FLAG_OVERLAPPED 0x40000000
#define STATUS_END_OF_FILE 0xC0000011u
#define STATUS_PIPE_BROKEN 0xC000014Bu

typedef void (WINAPI *completion_fn)(DWORD err, DWORD bytes, OVERLAPPED *ovl);

int k32_is_stream(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

int k32_file_is_stream(struct w32_file *f)
{
    int k = __atomic_load_n(&f->kind, __ATOMIC_RELAXED);
    if (!k) {
        k = k32_is_stream(f->fd) ? 1 : 2;
        __atomic_store_n(&f->kind, k, __ATOMIC_RELAXED);
    }
    return k == 1;
}

/* Record the result in OVL, set its event, queue a completion packet. */
static void complete(struct w32_file *f, OVERLAPPED *ovl, DWORD status, DWORD n)
{
    ovl->Internal = status;
    ovl->InternalHigh = n;
    uintptr_t ev = (uintptr_t)ovl->hEvent;
    if (ev & ~(uintptr_t)1)
        k32_set_event_handle((HANDLE)(ev & ~(uintptr_t)1));
    if (f->port && !(ev & 1))
        k32_iocp_post(f->port, n, f->port_key, ovl);
}

static uint64_t ovl_offset(const OVERLAPPED *o)
{
    return (uint64_t)o->OffsetHigh << 32 | o->Offset;
}

static ssize_t write_all(int fd, const char *p, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = write(fd, p + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return done ? (ssize_t)done : r;
        done += (size_t)r;
    }
    return (ssize_t)done;
}

/* The transfer itself: bytes moved, or -1 with errno. */
static ssize_t transfer(struct w32_file *f, void *buf, DWORD n, OVERLAPPED *ovl, int wr, int stream)
{
    uint64_t off = ovl ? ovl_offset(ovl) : 0;
    int positional = ovl && !stream && !(wr && off == ~0ull);
    ssize_t r;
    if (!positional) {
        if (wr && ovl && !stream)
            lseek(f->fd, 0, SEEK_END); /* offset 0xFFFFFFFF:FFFFFFFF: append */
        do
            r = wr ? write_all(f->fd, buf, n) : read(f->fd, buf, n);
        while (r < 0 && errno == EINTR);
        return r;
    }
    do
        r = wr ? pwrite(f->fd, buf, n, (off_t)off) : pread(f->fd, buf, n, (off_t)off);
    while (r < 0 && errno == EINTR);
    if (r >= 0 && !(f->flags & FILE_FLAG_OVERLAPPED))
        lseek(f->fd, (off_t)(off + (uint64_t)r), SEEK_SET); /* synchronous handles move */
    return r;
}

static DWORD io_error(int e, int wr)
{
    if (wr && e == EPIPE)
        return ERROR_NO_DATA;
    if (e == EAGAIN)
        return ERROR_NO_DATA;
    if (e == EISDIR)
        return ERROR_INVALID_FUNCTION;
    if (e == EFAULT)
        return ERROR_NOACCESS;
    return w32_error_from_errno(e);
}

/* Read or write N bytes for handle H; returns 0 or a Win32 error, with
 * *DONE the bytes moved. */
DWORD k32_file_io(HANDLE h, void *buf, DWORD n, DWORD *done, OVERLAPPED *ovl, int wr)
{
    struct w32_file *f = w32_file_get(h);
    *done = 0;
    if (!f)
        return ERROR_INVALID_HANDLE;
    if (k32_socket_ops && k32_socket_ops->owns(f)) { /* ws2_32 performs socket I/O */
        DWORD se = k32_socket_ops->io(f, buf, n, done, ovl, wr);
        w32_obj_put(&f->o);
        return se;
    }
    DWORD need = wr ? (FILE_WRITE_DATA | FILE_APPEND_DATA) : FILE_READ_DATA;
    int stream = k32_file_is_stream(f);
    DWORD e = 0;
    if (!(f->rights & need) || f->is_dir) {
        e = f->is_dir ? ERROR_INVALID_FUNCTION : ERROR_ACCESS_DENIED;
    } else if (!stream && k32_lock_any(f)) { /* no locks: no need for the position */
        uint64_t pos = ovl ? ovl_offset(ovl) : (uint64_t)lseek(f->fd, 0, SEEK_CUR);
        if (!k32_lock_allows(f, pos, n, wr))
            e = ERROR_LOCK_VIOLATION;
    }
    if (!e && (n || !wr)) {
        ssize_t r = transfer(f, buf, n, ovl, wr, stream);
        if (r < 0)
            e = io_error(errno, wr);
        else
            *done = (DWORD)r;
    }
    if (!e && !wr && *done == 0 && n) {
        if (stream)
            e = ERROR_BROKEN_PIPE; /* the writing end is closed */
        else if (ovl)
            e = ERROR_HANDLE_EOF;
    }
    if (ovl)
        complete(f, ovl, e == ERROR_HANDLE_EOF ? STATUS_END_OF_FILE
                         : e == ERROR_BROKEN_PIPE ? STATUS_PIPE_BROKEN : e ? 0xC0000001u : 0, *done);
    w32_obj_put(&f->o);
    return e;
}

static BOOL io_api(HANDLE h, void *buf, DWORD n, DWORD *done, OVERLAPPED *ovl, int wr)
{
    DWORD got = 0;
    DWORD e = k32_file_io(h, buf, n, &got, ovl, wr);
    if (done && !k32_copy_out(done, &got, sizeof got)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_ReadFile(HANDLE h, PVOID buf, DWORD n, DWORD *done, OVERLAPPED *ovl)
{
    return io_api(h, buf, n, done, ovl, 0);
}

static BOOL WINAPI w32_WriteFile(HANDLE h, LPCVOID buf, DWORD n, DWORD *done, OVERLAPPED *ovl)
{
    return io_api(h, (void *)buf, n, done, ovl, 1);
}

/* ReadFileEx/WriteFileEx: the routine runs as an APC of this thread. */
struct io_apc {
    completion_fn fn;
    DWORD err, bytes;
    OVERLAPPED *ovl;
};

static void WINAPI run_io_apc(ULONG_PTR p)
{
    struct io_apc *a = (struct io_apc *)p;
    a->fn(a->err, a->bytes, a->ovl);
    free(a);
}

static BOOL io_ex(HANDLE h, void *buf, DWORD n, OVERLAPPED *ovl, completion_fn fn, int wr)
{
    DWORD got = 0;
    if (!ovl) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    DWORD e = k32_file_io(h, buf, n, &got, ovl, wr);
    if (e && e != ERROR_HANDLE_EOF && e != ERROR_BROKEN_PIPE) {
        w32_set_last_error(e);
        return FALSE;
    }
    struct io_apc *a = malloc(sizeof *a);
    if (a) {
        a->fn = fn, a->err = e, a->bytes = got, a->ovl = ovl;
        k32_queue_apc_self(run_io_apc, (ULONG_PTR)a);
    }
    w32_set_last_error(ERROR_SUCCESS);
    return TRUE;
}

static BOOL WINAPI w32_ReadFileEx(HANDLE h, PVOID buf, DWORD n, OVERLAPPED *ovl, completion_fn fn)
{
    return io_ex(h, buf, n, ovl, fn, 0);
}

static BOOL WINAPI w32_WriteFileEx(HANDLE h, LPCVOID buf, DWORD n, OVERLAPPED *ovl, completion_fn fn)
{
    return io_ex(h, (void *)buf, n, ovl, fn, 1);
}

static DWORD status_error(ULONG_PTR st)
{
    if (k32_socket_ops && st != STATUS_PENDING)
        return k32_socket_ops->status_error(st);
    return st == STATUS_END_OF_FILE ? ERROR_HANDLE_EOF
         : st == STATUS_PIPE_BROKEN ? ERROR_BROKEN_PIPE
         : st == STATUS_PENDING ? ERROR_IO_INCOMPLETE : ERROR_GEN_FAILURE;
}

static BOOL WINAPI w32_GetOverlappedResultEx(HANDLE h, OVERLAPPED *ovl, DWORD *n, DWORD ms, BOOL alertable)
{
    (void)h, (void)alertable; /* only socket operations are ever pending */
    if (!ovl) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (ovl->Internal == STATUS_PENDING && ms) {
        struct timespec tbuf;
        const struct timespec *deadline = w32_deadline(ms, &tbuf);
        pthread_mutex_lock(&w32_wait_lock);
        while (ovl->Internal == STATUS_PENDING && w32_wait_until(deadline) == 0)
            ;
        pthread_mutex_unlock(&w32_wait_lock);
        if (ovl->Internal == STATUS_PENDING) {
            w32_set_last_error(WAIT_TIMEOUT);
            return FALSE;
        }
    }
    if (n)
        *n = (DWORD)ovl->InternalHigh;
    if (ovl->Internal) {
        w32_set_last_error(status_error(ovl->Internal));
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_GetOverlappedResult(HANDLE h, OVERLAPPED *ovl, DWORD *n, BOOL wait)
{
    return w32_GetOverlappedResultEx(h, ovl, n, wait ? INFINITE : 0, FALSE);
}

/* Only sockets have pending operations; ws2_32 cancels those. */
static int cancel(HANDLE h, OVERLAPPED *ovl, int any_thread)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return -1;
    int n = k32_socket_ops && k32_socket_ops->owns(f) ? k32_socket_ops->cancel(f, ovl, any_thread) : 0;
    w32_obj_put(&f->o);
    return n;
}

static BOOL WINAPI w32_CancelIo(HANDLE h)
{
    return cancel(h, NULL, 0) >= 0;
}

static BOOL WINAPI w32_CancelIoEx(HANDLE h, OVERLAPPED *ovl)
{
    int n = cancel(h, ovl, 1);
    if (n < 0)
        return FALSE;
    if (n == 0) {
        w32_set_last_error(ERROR_NOT_FOUND);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_CancelSynchronousIo(HANDLE t)
{
    (void)t;
    w32_set_last_error(ERROR_NOT_FOUND);
    return FALSE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(ReadFile, "hpupp:i"),
    EXPORT(WriteFile, "hpupp:i"),
    EXPORT(ReadFileEx, "hpupp:i"),
    EXPORT(WriteFileEx, "hpupp:i"),
    EXPORT(GetOverlappedResult, "hppi:i"),
    EXPORT(GetOverlappedResultEx, "hppui:i"),
    EXPORT(CancelIo, "h:i"),
    EXPORT(CancelIoEx, "hp:i"),
    EXPORT(CancelSynchronousIo, "h:i"),
};
