/* startup.c — Winsock start-up, its per-thread error value, and
 * WSAGetOverlappedResult (which Go's runtime requires to exist). */
#include <string.h>

#include "../w32.h"

typedef struct {
    WORD wVersion, wHighVersion;
    unsigned short iMaxSockets, iMaxUdpDg;
    char *lpVendorInfo;
    char szDescription[257];
    char szSystemStatus[129];
} WSADATA;

static __thread int wsa_error;
static int started;

static int WINAPI w32_WSAStartup(WORD version, WSADATA *d)
{
    if (!d)
        return 10014; /* WSAEFAULT */
    memset(d, 0, sizeof *d);
    d->wVersion = version;
    d->wHighVersion = 0x0202;
    strcpy(d->szDescription, "WinSock 2.0");
    strcpy(d->szSystemStatus, "Running");
    started++;
    return 0;
}

static int WINAPI w32_WSACleanup(void)
{
    if (!started) {
        wsa_error = 10093; /* WSANOTINITIALISED */
        return -1;
    }
    started--;
    return 0;
}

/* Socket I/O completes at once here (see kernel32/fileio.c), so the
 * result is already in the OVERLAPPED. */
typedef struct { ULONG_PTR Internal, InternalHigh; DWORD Offset, OffsetHigh; HANDLE hEvent; } WSAOVERLAPPED;

static BOOL WINAPI w32_WSAGetOverlappedResult(HANDLE s, WSAOVERLAPPED *o, DWORD *n, BOOL wait, DWORD *flags)
{
    (void)s, (void)wait;
    if (!o) {
        wsa_error = 10014; /* WSAEFAULT */
        return FALSE;
    }
    if (n)
        *n = (DWORD)o->InternalHigh;
    if (flags)
        *flags = 0;
    if (o->Internal == 0x103) { /* STATUS_PENDING */
        wsa_error = 996; /* WSA_IO_INCOMPLETE */
        return FALSE;
    }
    return o->Internal == 0;
}

static int WINAPI w32_WSAGetLastError(void) { return wsa_error; }
static void WINAPI w32_WSASetLastError(int e) { wsa_error = e; }

W32_EXPORTS(ws2_32) = {
    EXPORT(WSAStartup, "up:i"),
    EXPORT(WSACleanup, ":i"),
    EXPORT(WSAGetLastError, ":i"),
    EXPORT(WSASetLastError, "i:v"),
    EXPORT(WSAGetOverlappedResult, "hppip:i"),
};
