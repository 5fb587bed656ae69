/* overlapped.c — WSAGetOverlappedResult: the outcome of an overlapped
 * operation from its OVERLAPPED (Internal holds the NTSTATUS, InternalHigh
 * the bytes, Offset a receive's flags), waiting for it when asked. Go's
 * runtime calls it for every completion its netpoller takes. */
#include <pthread.h>

#include "ws.h"


static BOOL WINAPI w32_WSAGetOverlappedResult(SOCKET s, OVERLAPPED *o, DWORD *n, BOOL wait, DWORD *flags)
{
    if (!o || !n) {
        ws_fail(WSAEFAULT);
        return FALSE;
    }
    if (o->Internal == STATUS_PENDING && wait) {
        pthread_mutex_lock(&w32_wait_lock);
        while (o->Internal == STATUS_PENDING)
            w32_wait_until(NULL);
        pthread_mutex_unlock(&w32_wait_lock);
    }
    *n = (DWORD)o->InternalHigh;
    if (flags) {
        struct ws_socket *ws = ws_get(s); /* Offset is a file's position otherwise */
        *flags = ws && o->Internal != STATUS_PENDING ? o->Offset : 0;
        if (ws)
            ws_put(ws);
    }
    if (o->Internal == 0)
        return TRUE;
    ws_fail((int)ws_error_from_status((ULONG)o->Internal));
    return FALSE;
}

W32_EXPORTS(ws2_32) = {
    EXPORT(WSAGetOverlappedResult, "qppip:i"),
};
