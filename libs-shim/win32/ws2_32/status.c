/* status.c — the NTSTATUS an OVERLAPPED's Internal field carries for a
 * finished operation, and back: WSAGetOverlappedResult and
 * GetQueuedCompletionStatus report the Winsock or Win32 error of the
 * status Windows' socket driver uses. Errors without an NTSTATUS of
 * their own travel as NTSTATUS_FROM_WIN32 (facility 7). */
#include "ws.h"

#define FACILITY_NTWIN32 0xC0070000u

static const struct { ULONG status; int err; } statmap[] = {
    { 0x00000000u, 0 },
    { 0x00000103u, WSA_IO_INCOMPLETE },        /* STATUS_PENDING */
    { 0xC0000120u, WSA_OPERATION_ABORTED },    /* STATUS_CANCELLED */
    { 0xC0000236u, WSAECONNREFUSED },          /* STATUS_CONNECTION_REFUSED */
    { 0xC000020Du, WSAECONNRESET },            /* STATUS_CONNECTION_RESET */
    { 0xC0000241u, WSAECONNABORTED },          /* STATUS_CONNECTION_ABORTED */
    { 0xC00000B5u, WSAETIMEDOUT },             /* STATUS_IO_TIMEOUT */
    { 0xC000023Cu, WSAENETUNREACH },           /* STATUS_NETWORK_UNREACHABLE */
    { 0xC000023Du, WSAEHOSTUNREACH },          /* STATUS_HOST_UNREACHABLE */
    { 0x80000005u, WSAEMSGSIZE },              /* STATUS_BUFFER_OVERFLOW */
    { 0xC000020Au, WSAEADDRINUSE },            /* STATUS_ADDRESS_ALREADY_EXISTS */
    { 0xC0000207u, WSAEADDRNOTAVAIL },         /* STATUS_INVALID_ADDRESS_COMPONENT */
    { 0xC000009Au, WSAENOBUFS },               /* STATUS_INSUFFICIENT_RESOURCES */
    { 0xC000000Du, WSAEINVAL },                /* STATUS_INVALID_PARAMETER */
    { 0xC0000005u, WSAEFAULT },                /* STATUS_ACCESS_VIOLATION */
    { 0xC0000140u, WSAENOTCONN },              /* STATUS_INVALID_CONNECTION */
    { 0xC00000B0u, WSAESHUTDOWN },             /* STATUS_PIPE_DISCONNECTED */
    { 0xC0000022u, WSAEACCES },                /* STATUS_ACCESS_DENIED */
    { 0xC000013Cu, WSAECONNRESET },            /* STATUS_REMOTE_DISCONNECT */
    { 0xC000013Bu, WSAECONNABORTED },          /* STATUS_LOCAL_DISCONNECT */
    { 0xC0000011u, ERROR_HANDLE_EOF },         /* STATUS_END_OF_FILE (files) */
    { 0xC000014Bu, ERROR_BROKEN_PIPE },        /* STATUS_PIPE_BROKEN (pipes) */
    { 0xC0000001u, 31 },                       /* STATUS_UNSUCCESSFUL: ERROR_GEN_FAILURE */
};

ULONG ws_status_from_error(int err)
{
    for (size_t i = 0; i < sizeof statmap / sizeof statmap[0]; i++)
        if (statmap[i].err == err)
            return statmap[i].status;
    return FACILITY_NTWIN32 | ((ULONG)err & 0xffff);
}

DWORD ws_error_from_status(ULONG st)
{
    for (size_t i = 0; i < sizeof statmap / sizeof statmap[0]; i++)
        if (statmap[i].status == st)
            return (DWORD)statmap[i].err;
    if ((st & 0xffff0000u) == FACILITY_NTWIN32)
        return st & 0xffff;
    return 31; /* ERROR_GEN_FAILURE */
}
