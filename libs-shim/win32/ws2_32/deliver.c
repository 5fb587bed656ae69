/* deliver.c — how a finished overlapped socket operation is reported,
 * as Windows does: the OVERLAPPED gets the NTSTATUS (Internal), the
 * bytes (InternalHigh) and, for receives, the flags (Offset); its event is
 * set; then either the completion routine is queued as an APC of the
 * thread that started the operation, or a packet goes to the socket's
 * completion port — unless the event handle's low bit is set, or the
 * operation finished at once on a socket that asked to skip that. */
#include <stdlib.h>

#include "ws.h"
#include "../kernel32/k32.h"
#include "../kernel32/iocp.h"

struct apc {
    ws_completion_fn fn;
    DWORD err, bytes, flags;
    OVERLAPPED *ovl;
};

static void WINAPI run_apc(ULONG_PTR p)
{
    struct apc *a = (struct apc *)p;
    a->fn(a->err, a->bytes, a->ovl, a->flags);
    free(a);
}

static void queue_routine(struct ws_op *op)
{
    struct apc *a = malloc(sizeof *a);
    if (!a)
        return;
    a->fn = op->routine, a->err = (DWORD)op->result, a->bytes = op->moved;
    a->flags = op->rflags, a->ovl = op->ovl;
    if (!k32_queue_apc_locked(op->thread, run_apc, (ULONG_PTR)a))
        free(a);
}

void ws_deliver(struct ws_op *op, int sync)
{
    OVERLAPPED *ov = op->ovl;
    uintptr_t ev = (uintptr_t)ov->hEvent;
    int skip = sync && op->result == 0 && (op->notify & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);
    int post = !op->routine && op->port && !(ev & 1) && !skip;
    int signal = !op->routine && (ev & ~(uintptr_t)1);
    pthread_mutex_lock(&w32_wait_lock);
    ov->InternalHigh = op->moved;
    if (op->kind == WS_OP_RECV)
        ov->Offset = op->rflags;
    ov->Internal = ws_status_from_error(op->result);
    if (op->routine && op->thread)
        queue_routine(op);
    /* Waiters on the OVERLAPPED (GetOverlappedResult) wake with the
     * event's or the packet's broadcast when there is one. */
    if (!post && !signal)
        w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
    if (signal && !k32_set_event_handle((HANDLE)(ev & ~(uintptr_t)1)) && !post) {
        pthread_mutex_lock(&w32_wait_lock); /* not an event after all */
        w32_wait_broadcast();
        pthread_mutex_unlock(&w32_wait_lock);
    }
    if (post)
        k32_iocp_post(op->port, op->moved, op->key, ov);
    ws_op_free(op);
}
