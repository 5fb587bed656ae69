/* op.c — an overlapped or synchronous socket operation's record: what
 * it was asked to do, its buffers (copied from the WSABUF array, which
 * may live on the caller's stack), and what it captured at submission
 * (the completion port and key, the notification modes, the issuing
 * thread for CancelIo and completion routines). */
#include <stdlib.h>

#include "ws.h"
#include "../kernel32/k32.h"
#include "../teb.h"

struct ws_op *ws_op_new(struct ws_socket *s, enum ws_opkind kind, OVERLAPPED *ovl, ws_completion_fn fn)
{
    struct ws_op *op = calloc(1, sizeof *op);
    if (!op)
        return NULL;
    op->kind = kind;
    op->ovl = ovl;
    op->sock = op->owner = s;
    op->tid = (DWORD)(uintptr_t)w32_teb()->UniqueThread;
    op->iov = op->iov_small;
    if (fn) {
        op->routine = fn;
        if ((op->thread = k32_thread_current()))
            w32_obj_ref(&op->thread->o);
    }
    if (ovl && s->f.port) {
        op->port = s->f.port;
        op->key = s->f.port_key;
        w32_obj_ref((struct w32_object *)op->port);
    }
    op->notify = s->notify;
    return op;
}

void ws_op_free(struct ws_op *op)
{
    if (!op)
        return;
    if (op->port)
        w32_obj_put((struct w32_object *)op->port);
    if (op->thread)
        w32_obj_put(&op->thread->o);
    if (op->accept)
        ws_put(op->accept);
    if (op->file)
        w32_obj_put(&op->file->o);
    if (op->iov != op->iov_small)
        free(op->iov);
    free(op);
}

int ws_op_bufs(struct ws_op *op, const WSABUF *bufs, DWORD n)
{
    if (n && !bufs)
        return WSAEFAULT;
    if (n > sizeof op->iov_small / sizeof op->iov_small[0]) {
        if (!(op->iov = calloc(n, sizeof *op->iov))) {
            op->iov = op->iov_small;
            return WSAENOBUFS;
        }
    }
    op->total = 0;
    for (DWORD i = 0; i < n; i++) {
        op->iov[i].iov_base = bufs[i].buf;
        op->iov[i].iov_len = bufs[i].len;
        op->total += bufs[i].len;
    }
    op->niov = (int)n;
    return 0;
}
