/* events.c — WSACreateEvent, WSACloseEvent, WSASetEvent, WSAResetEvent
 * and WSAWaitForMultipleEvents: Winsock's event objects are kernel32's
 * manual-reset events, and its wait is WaitForMultipleObjectsEx. */
#include "ws.h"

typedef HANDLE (WINAPI *create_fn)(void *, BOOL, BOOL, const WCHAR *);
typedef BOOL (WINAPI *handle_fn)(HANDLE);
typedef DWORD (WINAPI *wait_fn)(DWORD, const HANDLE *, BOOL, DWORD, BOOL);

#define K32(type, name) ((type)ws_k32(name))

static HANDLE WINAPI w32_WSACreateEvent(void)
{
    return K32(create_fn, "CreateEventW")(NULL, TRUE, FALSE, NULL);
}

static BOOL WINAPI w32_WSACloseEvent(HANDLE h)
{
    return K32(handle_fn, "CloseHandle")(h);
}

static BOOL WINAPI w32_WSASetEvent(HANDLE h)
{
    return K32(handle_fn, "SetEvent")(h);
}

static BOOL WINAPI w32_WSAResetEvent(HANDLE h)
{
    return K32(handle_fn, "ResetEvent")(h);
}

static DWORD WINAPI w32_WSAWaitForMultipleEvents(DWORD n, const HANDLE *events, BOOL all, DWORD ms,
                                                 BOOL alertable)
{
    return K32(wait_fn, "WaitForMultipleObjectsEx")(n, events, all, ms, alertable);
}

W32_EXPORTS(ws2_32) = {
    EXPORT(WSACreateEvent, ":h"),
    EXPORT(WSACloseEvent, "h:i"),
    EXPORT(WSASetEvent, "h:i"),
    EXPORT(WSAResetEvent, "h:i"),
    EXPORT(WSAWaitForMultipleEvents, "upiui:u"),
};
