/* startup.c — WSAStartup/WSACleanup and the error value. Winsock's
 * error is the thread's Win32 LastError (WSAGetLastError and
 * GetLastError read the same TEB field), which Go's runtime relies on. */
#include <string.h>

#include "ws.h"

typedef struct {
    WORD wVersion, wHighVersion;
    unsigned short iMaxSockets, iMaxUdpDg;
    char *lpVendorInfo;
    char szDescription[257];
    char szSystemStatus[129];
} WSADATA; /* the _WIN64 layout */

static int started;

int ws_started(void)
{
    return __atomic_load_n(&started, __ATOMIC_ACQUIRE) > 0;
}

int ws_need_startup(void)
{
    if (ws_started())
        return 0;
    ws_fail(WSANOTINITIALISED);
    return 1;
}

/* Versions 1.0 to 2.2 are served; a higher request gets 2.2. */
static int WINAPI w32_WSAStartup(WORD version, WSADATA *d)
{
    BYTE major = version & 0xff, minor = version >> 8;
    if (major < 1)
        return WSAVERNOTSUPPORTED;
    if (!d)
        return WSAEFAULT;
    memset(d, 0, sizeof *d);
    d->wVersion = major > 2 || (major == 2 && minor > 2) ? 0x0202 : version;
    d->wHighVersion = 0x0202;
    strcpy(d->szDescription, "WinSock 2.0");
    strcpy(d->szSystemStatus, "Running");
    __atomic_add_fetch(&started, 1, __ATOMIC_ACQ_REL);
    return 0;
}

static int WINAPI w32_WSACleanup(void)
{
    int n = __atomic_load_n(&started, __ATOMIC_ACQUIRE);
    while (n > 0 && !__atomic_compare_exchange_n(&started, &n, n - 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        ;
    return n > 0 ? 0 : ws_fail(WSANOTINITIALISED);
}

static int WINAPI w32_WSAGetLastError(void) { return (int)w32_get_last_error(); }
static void WINAPI w32_WSASetLastError(int e) { w32_set_last_error((DWORD)e); }
static BOOL WINAPI w32_WSAIsBlocking(void) { return FALSE; }

W32_EXPORTS(ws2_32) = {
    EXPORT(WSAStartup, "up:i"),
    EXPORT(WSACleanup, ":i"),
    EXPORT(WSAGetLastError, ":i"),
    EXPORT(WSASetLastError, "i:v"),
    EXPORT(WSAIsBlocking, ":i"),
};
