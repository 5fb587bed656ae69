/* fileops.c — sockets as kernel32 sees them: ReadFile/WriteFile on a
 * SOCKET (a receive or send, overlapped or not), CancelIo/CancelIoEx,
 * the error of a completion's NTSTATUS (kernel32/iocp.h), and
 * SetFileCompletionNotificationModes, which only sockets honour here:
 * kernel32's own file I/O always completes at once and queues its packet. */
#include "ws.h"
#include "../kernel32/iocp.h"

static int owns(struct w32_file *f)
{
    return ws_is_socket(f);
}

static DWORD io(struct w32_file *f, void *buf, DWORD n, DWORD *done, void *ovl, int wr)
{
    struct ws_socket *s = (struct ws_socket *)f;
    struct ws_op *op = ws_op_new(s, wr ? WS_OP_SEND : WS_OP_RECV, ovl, NULL);
    if (!op)
        return ERROR_NOT_ENOUGH_MEMORY;
    WSABUF b = { n, buf };
    ws_op_bufs(op, &b, 1);
    int e = ovl ? ws_start(op, done) : ws_run(op, done);
    return (DWORD)e;
}

static int cancel(struct w32_file *f, void *ovl, int any_thread)
{
    return ws_cancel((struct ws_socket *)f, ovl, any_thread);
}

static DWORD status_error(ULONG_PTR st)
{
    return ws_error_from_status((ULONG)st);
}

const struct k32_socket_ops ws_kernel32_ops = { owns, io, cancel, status_error };

static BOOL WINAPI w32_SetFileCompletionNotificationModes(HANDLE h, UCHAR flags)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    BOOL ok = TRUE;
    if (ws_is_socket(f))
        ((struct ws_socket *)f)->notify = flags;
    else if (flags & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) {
        w32_set_last_error(ERROR_NOT_SUPPORTED); /* files always queue a packet */
        ok = FALSE;
    }
    w32_obj_put(&f->o);
    return ok;
}

W32_EXPORTS(kernel32) = {
    EXPORT(SetFileCompletionNotificationModes, "hu:i"),
};
