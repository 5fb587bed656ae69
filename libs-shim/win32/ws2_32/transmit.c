/* transmit.c — TransmitFile: a file's bytes sent on a socket with the
 * host's sendfile(2), from the OVERLAPPED's offset (or the file's
 * position when there is none, which then moves), N bytes or up to the
 * end. Head and tail buffers (TRANSMIT_FILE_BUFFERS) and reusing the
 * socket afterwards (TF_REUSE_SOCKET) are not supported; TF_DISCONNECT
 * shuts the sending side down once everything is sent. */
#include <errno.h>
#include <stdio.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include "ws.h"

#define TF_DISCONNECT 1
#define TF_REUSE_SOCKET 2

int ws_transmit_attempt(struct ws_op *op, DWORD *bytes)
{
    struct ws_socket *s = op->sock;
    for (;;) {
        if (op->total && op->done >= op->total)
            break;
        off_t off = (off_t)(op->file_off + op->done);
        size_t want = op->total ? op->total - op->done : 1u << 30;
        ssize_t r = sendfile(s->f.fd, op->file->fd, &off, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && errno == EAGAIN)
            return WS_AGAIN;
        if (r < 0)
            return errno == EPIPE ? WSAECONNRESET : ws_error_from_errno(errno);
        if (r == 0)
            break; /* the end of the file */
        op->done += (size_t)r;
    }
    if (op->hflags & TF_DISCONNECT) {
        shutdown(s->f.fd, SHUT_WR);
        s->shut_send = 1;
    }
    *bytes = (DWORD)op->done;
    return 0;
}

static BOOL fail(int e)
{
    ws_fail(e);
    return FALSE;
}

BOOL WINAPI ws_TransmitFile(SOCKET h, HANDLE file, DWORD n, DWORD per_send, OVERLAPPED *ovl,
                            void *buffers, DWORD flags)
{
    (void)per_send;
    if (buffers || (flags & TF_REUSE_SOCKET)) {
        fprintf(stderr, "xeno: ws2_32: TransmitFile with %s is not supported\n",
                buffers ? "head/tail buffers" : "TF_REUSE_SOCKET");
        return fail(WSAEOPNOTSUPP);
    }
    struct ws_socket *s = ws_get(h);
    if (!s)
        return FALSE;
    struct w32_file *f = w32_file_get(file);
    struct ws_op *op = f ? ws_op_new(s, WS_OP_TRANSMIT, ovl, NULL) : NULL;
    int e = !f ? WSAEINVAL : !op ? WSAENOBUFS : 0;
    DWORD sent = 0;
    if (!e) {
        op->file = f, f = NULL; /* the operation holds the reference now */
        op->total = n;
        op->hflags = (int)flags;
        op->file_off = ovl ? (uint64_t)ovl->OffsetHigh << 32 | ovl->Offset
                           : (uint64_t)lseek(op->file->fd, 0, SEEK_CUR);
        int fd = op->file->fd;
        uint64_t start = op->file_off;
        e = ovl ? ws_start(op, &sent) : ws_run(op, &sent);
        if (!ovl && !e)
            lseek(fd, (off_t)(start + sent), SEEK_SET);
    }
    if (f)
        w32_obj_put(&f->o);
    ws_put(s);
    return e ? fail(e) : TRUE;
}
