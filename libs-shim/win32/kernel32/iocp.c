/* iocp.c — I/O completion ports: CreateIoCompletionPort (new ports and
 * binding file handles to them), PostQueuedCompletionStatus,
 * GetQueuedCompletionStatus(Ex). A port is a queue of packets under
 * w32_wait_lock; I/O on bound overlapped handles completes at once and
 * queues its packet (fileio.c), sockets' from ws2_32's thread. */
#include <stdlib.h>

#include "k32.h"
#include "fileio.h"
#include "fileobj.h"
#include "iocp.h"

const struct k32_socket_ops *k32_socket_ops;

struct packet {
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ovl;
    struct packet *next;
};

struct k32_iocp {
    struct w32_object o;
    struct packet *head, *tail;
};

typedef struct {
    ULONG_PTR lpCompletionKey;
    OVERLAPPED *lpOverlapped;
    ULONG_PTR Internal;
    DWORD dwNumberOfBytesTransferred;
} OVERLAPPED_ENTRY;

static void port_destroy(struct w32_object *o)
{
    struct k32_iocp *p = (struct k32_iocp *)o;
    while (p->head) {
        struct packet *k = p->head;
        p->head = k->next;
        free(k);
    }
    free(p);
}

void k32_iocp_post(struct k32_iocp *p, DWORD bytes, ULONG_PTR key, void *ovl)
{
    struct packet *k = calloc(1, sizeof *k);
    if (!k)
        return;
    k->bytes = bytes, k->key = key, k->ovl = ovl;
    pthread_mutex_lock(&w32_wait_lock);
    if (p->tail)
        p->tail->next = k;
    else
        p->head = k;
    p->tail = k;
    w32_wait_notify(&p->o);
    pthread_mutex_unlock(&w32_wait_lock);
}

static HANDLE WINAPI w32_CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key, DWORD threads)
{
    (void)threads;
    struct k32_iocp *p = NULL;
    HANDLE ph = existing;
    if (existing) {
        if (!(p = (struct k32_iocp *)w32_handle_get(existing, W32_H_IOCP)))
            return NULL;
    } else {
        if (!(p = calloc(1, sizeof *p))) {
            w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        p->o.type = W32_H_IOCP;
        p->o.destroy = port_destroy;
        if (!(ph = w32_handle_new(&p->o))) {
            free(p);
            w32_set_last_error(ERROR_TOO_MANY_OPEN_FILES);
            return NULL;
        }
        w32_obj_ref(&p->o);
    }
    if (file != INVALID_HANDLE_VALUE) {
        struct w32_file *f = w32_file_get(file);
        if (!f) {
            w32_obj_put(&p->o);
            if (!existing)
                w32_handle_close(ph);
            return NULL;
        }
        w32_obj_ref(&p->o); /* the file's binding; dropped when the file closes */
        struct k32_iocp *old = f->port;
        f->port = p;
        f->port_key = key;
        if (old)
            w32_obj_put(&old->o);
        w32_obj_put(&f->o);
    }
    w32_obj_put(&p->o);
    return ph;
}

static BOOL WINAPI w32_PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key, OVERLAPPED *ovl)
{
    struct k32_iocp *p = (struct k32_iocp *)w32_handle_get(port, W32_H_IOCP);
    if (!p)
        return FALSE;
    k32_iocp_post(p, bytes, key, ovl);
    w32_obj_put(&p->o);
    return TRUE;
}

/* Take up to N packets; returns how many, 0 on timeout (*APC set when an
 * APC interrupted an alertable wait). */
static ULONG take(struct k32_iocp *p, OVERLAPPED_ENTRY *out, ULONG n, DWORD ms, int alertable, int *apc)
{
    struct timespec buf;
    const struct timespec *deadline = w32_deadline(ms, &buf);
    struct w32_thread_obj *me = k32_thread_current();
    ULONG got = 0;
    *apc = 0;
    pthread_mutex_lock(&w32_wait_lock);
    for (;;) {
        while (got < n && p->head) {
            struct packet *k = p->head;
            p->head = k->next;
            if (!p->head)
                p->tail = NULL;
            out[got].lpCompletionKey = k->key;
            out[got].lpOverlapped = k->ovl;
            out[got].Internal = k->ovl ? k->ovl->Internal : 0;
            out[got].dwNumberOfBytesTransferred = k->bytes;
            got++;
            free(k);
        }
        if (got || (alertable && me && k32_apc_pending(me)))
            break;
        struct w32_object *self = &p->o;
        if (w32_wait_objs(&self, 1, deadline) != 0 && !p->head)
            break;
    }
    *apc = !got && alertable && me && k32_apc_pending(me);
    pthread_mutex_unlock(&w32_wait_lock);
    if (*apc)
        k32_apc_run(me);
    return got;
}

static BOOL WINAPI w32_GetQueuedCompletionStatus(HANDLE port, DWORD *bytes, ULONG_PTR *key,
                                                 OVERLAPPED **ovl, DWORD ms)
{
    struct k32_iocp *p = (struct k32_iocp *)w32_handle_get(port, W32_H_IOCP);
    if (!p)
        return FALSE;
    OVERLAPPED_ENTRY e;
    int apc;
    ULONG got = take(p, &e, 1, ms, 0, &apc);
    w32_obj_put(&p->o);
    if (!got) {
        *ovl = NULL;
        w32_set_last_error(WAIT_TIMEOUT);
        return FALSE;
    }
    *bytes = e.dwNumberOfBytesTransferred;
    *key = e.lpCompletionKey;
    *ovl = e.lpOverlapped;
    if (e.lpOverlapped && e.Internal) {
        w32_set_last_error(k32_socket_ops ? k32_socket_ops->status_error(e.Internal)
                           : e.Internal == 0xC0000011u ? ERROR_HANDLE_EOF : ERROR_GEN_FAILURE);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_GetQueuedCompletionStatusEx(HANDLE port, OVERLAPPED_ENTRY *out, ULONG n,
                                                   ULONG *removed, DWORD ms, BOOL alertable)
{
    struct k32_iocp *p = (struct k32_iocp *)w32_handle_get(port, W32_H_IOCP);
    if (!p)
        return FALSE;
    int apc;
    ULONG got = n ? take(p, out, n, ms, alertable, &apc) : 0;
    w32_obj_put(&p->o);
    *removed = got;
    if (!got) {
        w32_set_last_error(apc ? WAIT_IO_COMPLETION : WAIT_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateIoCompletionPort, "hhqu:h"),
    EXPORT(PostQueuedCompletionStatus, "huqp:i"),
    EXPORT(GetQueuedCompletionStatus, "hpppu:i"),
    EXPORT(GetQueuedCompletionStatusEx, "hpupui:i"),
};
