/* procinfo.c — the process as kernel32 shows it: command line, startup
 * information, ids, pseudo handles, and ExitProcess. */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../handles.h"
#include "../process.h"
#include "../relay.h"
#include "../w32.h"

typedef struct {
    DWORD cb;
    void *lpReserved, *lpDesktop, *lpTitle;
    DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute;
    DWORD dwFlags;
    WORD wShowWindow, cbReserved2;
    BYTE *lpReserved2;
    HANDLE hStdInput, hStdOutput, hStdError;
} STARTUPINFO;

#define STARTF_USESTDHANDLES 0x100

static void startup_info(STARTUPINFO *si)
{
    memset(si, 0, sizeof *si);
    si->cb = sizeof *si;
    si->dwFlags = STARTF_USESTDHANDLES;
    si->wShowWindow = 1;
    si->hStdInput = w32_proc.params->StandardInput;
    si->hStdOutput = w32_proc.params->StandardOutput;
    si->hStdError = w32_proc.params->StandardError;
}

static void WINAPI w32_GetStartupInfoA(STARTUPINFO *si) { startup_info(si); }
static void WINAPI w32_GetStartupInfoW(STARTUPINFO *si) { startup_info(si); }
static LPSTR WINAPI w32_GetCommandLineA(void) { return w32_proc.cmdline_a; }
static LPWSTR WINAPI w32_GetCommandLineW(void) { return w32_proc.cmdline_w; }
static HANDLE WINAPI w32_GetCurrentProcess(void) { return W32_CURRENT_PROCESS; }
static HANDLE WINAPI w32_GetCurrentThread(void) { return W32_CURRENT_THREAD; }
static DWORD WINAPI w32_GetCurrentProcessId(void) { return (DWORD)getpid(); }
static DWORD WINAPI w32_GetCurrentThreadId(void) { return (DWORD)(uintptr_t)w32_teb()->UniqueThread; }
static BOOL WINAPI w32_IsDebuggerPresent(void) { return FALSE; }

void w32_process_exit(UINT code)
{
    w32_tls_callbacks(0);
    w32_relay_flush();
    syscall(SYS_exit_group, (int)code);
    _exit((int)code);
}

static void WINAPI w32_ExitProcess(UINT code)
{
    w32_process_exit(code);
}

static PVOID WINAPI w32_RtlGetCurrentPeb(void) { return w32_proc.peb; }
static PVOID WINAPI w32_NtCurrentTeb(void) { return w32_teb(); }

W32_EXPORTS(kernel32) = {
    EXPORT(GetStartupInfoA, "p:v"),
    EXPORT(GetStartupInfoW, "p:v"),
    EXPORT(GetCommandLineA, ":s"),
    EXPORT(GetCommandLineW, ":w"),
    EXPORT(GetCurrentProcess, ":h"),
    EXPORT(GetCurrentThread, ":h"),
    EXPORT(GetCurrentProcessId, ":u"),
    EXPORT(GetCurrentThreadId, ":u"),
    EXPORT(IsDebuggerPresent, ":i"),
    EXPORT(ExitProcess, "u:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(RtlGetCurrentPeb, ":p"),
    EXPORT(NtCurrentTeb, ":p"),
    EXPORT_AS("RtlExitUserProcess", w32_ExitProcess, "u:v"),
};
