/* misc.c — small kernel32 calls: OutputDebugString (there is no
 * debugger: the text goes to standard error only when XENO_DEBUGSTRINGS
 * is set), Beep (the terminal bell), IsBad*Ptr (probing, not faulting),
 * EncodePointer/DecodePointer (XOR with a per-process secret, rotated),
 * QueryFullProcessImageName, process memory and I/O counters,
 * FatalAppExit and GetCurrentPackageId (no package). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"

#define APPMODEL_ERROR_NO_PACKAGE 15700

static void WINAPI w32_OutputDebugStringA(LPCSTR s)
{
    if (s && getenv("XENO_DEBUGSTRINGS"))
        fprintf(stderr, "%s", s);
}

static void WINAPI w32_OutputDebugStringW(LPCWSTR s)
{
    if (s && getenv("XENO_DEBUGSTRINGS")) {
        char *u = w32_wide_to_utf8(s);
        fprintf(stderr, "%s", u ? u : "");
        free(u);
    }
}

static BOOL WINAPI w32_Beep(DWORD freq, DWORD ms)
{
    (void)freq, (void)ms;
    if (isatty(2) && write(2, "\a", 1) < 0)
        return FALSE;
    return TRUE;
}

static BOOL WINAPI w32_IsBadReadPtr(LPCVOID p, ULONG_PTR n) { return n && !k32_readable(p, n); }
static BOOL WINAPI w32_IsBadCodePtr(LPCVOID p) { return !k32_readable(p, 1); }

static BOOL WINAPI w32_IsBadWritePtr(PVOID p, ULONG_PTR n)
{
    if (!n)
        return FALSE;
    return !k32_writable_range(p, n);
}

static BOOL bad_string(const void *p, ULONG_PTR max, int wide)
{
    const char *s = p;
    for (ULONG_PTR i = 0; i < max; i++) {
        if (!k32_readable(s + i * (wide ? 2 : 1), wide ? 2 : 1))
            return TRUE;
        if (wide ? !((const WCHAR *)p)[i] : !s[i])
            return FALSE;
    }
    return FALSE;
}

static BOOL WINAPI w32_IsBadStringPtrA(LPCSTR p, ULONG_PTR max) { return bad_string(p, max, 0); }
static BOOL WINAPI w32_IsBadStringPtrW(LPCWSTR p, ULONG_PTR max) { return bad_string(p, max, 1); }

/* ---- pointer encoding ---- */
static uint64_t cookie(void)
{
    static uint64_t c;
    while (!c)
        if (getrandom(&c, sizeof c, 0) != sizeof c)
            c = (uint64_t)getpid() * 0x9e3779b97f4a7c15ull;
    return c;
}

static PVOID WINAPI w32_EncodePointer(PVOID p)
{
    uint64_t c = cookie(), v = (uint64_t)p ^ c;
    unsigned r = c & 63;
    return (PVOID)(r ? (v >> r | v << (64 - r)) : v);
}

static PVOID WINAPI w32_DecodePointer(PVOID p)
{
    uint64_t c = cookie(), v = (uint64_t)p;
    unsigned r = c & 63;
    v = r ? (v << r | v >> (64 - r)) : v;
    return (PVOID)(v ^ c);
}

typedef struct {
    DWORD cb, PageFaultCount;
    SIZE_T PeakWorkingSetSize, WorkingSetSize, QuotaPeakPagedPoolUsage, QuotaPagedPoolUsage,
        QuotaPeakNonPagedPoolUsage, QuotaNonPagedPoolUsage, PagefileUsage, PeakPagefileUsage;
} PROCESS_MEMORY_COUNTERS;

static BOOL WINAPI w32_K32GetProcessMemoryInfo(HANDLE h, PROCESS_MEMORY_COUNTERS *c, DWORD cb)
{
    (void)h;
    if (cb < sizeof *c) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    long rss = 0, pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    memset(c, 0, sizeof *c);
    c->cb = sizeof *c;
    c->PageFaultCount = (DWORD)(ru.ru_minflt + ru.ru_majflt);
    c->WorkingSetSize = (SIZE_T)rss * 4096;
    c->PeakWorkingSetSize = (SIZE_T)ru.ru_maxrss * 1024;
    c->PagefileUsage = c->PeakPagefileUsage = (SIZE_T)pages * 4096;
    return TRUE;
}

static BOOL WINAPI w32_GetProcessIoCounters(HANDLE h, ULONGLONG *c)
{
    (void)h;
    memset(c, 0, 6 * sizeof *c);
    return TRUE;
}

static void WINAPI w32_FatalAppExitA(UINT action, LPCSTR msg)
{
    (void)action;
    fprintf(stderr, "%s\n", msg ? msg : "");
    w32_process_exit(0xC0000409u);
}

static void WINAPI w32_FatalAppExitW(UINT action, LPCWSTR msg)
{
    char *u = w32_wide_to_utf8(msg);
    w32_FatalAppExitA(action, u);
}

static LONG WINAPI w32_GetCurrentPackageId(UINT *len, BYTE *buf)
{
    (void)len, (void)buf;
    return APPMODEL_ERROR_NO_PACKAGE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(OutputDebugStringA, "s:v"),
    EXPORT(OutputDebugStringW, "w:v"),
    EXPORT(Beep, "uu:i"),
    EXPORT(IsBadReadPtr, "pq:i"),
    EXPORT(IsBadWritePtr, "pq:i"),
    EXPORT(IsBadCodePtr, "p:i"),
    EXPORT(IsBadStringPtrA, "pq:i"),
    EXPORT(IsBadStringPtrW, "pq:i"),
    EXPORT(EncodePointer, "p:p"),
    EXPORT(DecodePointer, "p:p"),
    EXPORT_AS("EncodeSystemPointer", w32_EncodePointer, "p:p"),
    EXPORT_AS("DecodeSystemPointer", w32_DecodePointer, "p:p"),
    EXPORT(K32GetProcessMemoryInfo, "hpu:i"),
    EXPORT(GetProcessIoCounters, "hp:i"),
    EXPORT(FatalAppExitA, "us:v"),
    EXPORT(FatalAppExitW, "uw:v"),
    EXPORT(GetCurrentPackageId, "pp:i"),
};
