/* procinfo.c — the process as kernel32 shows it: command line, startup
 * information, ids, pseudo handles, priority class and affinity, error
 * mode, and ExitProcess (which also reports the full 32-bit exit code to
 * a parent xeno, see procobj.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../handles.h"
#include "../msvcrt/crt.h"
#include "../native.h"
#include "../process.h"
#include "../relay.h"
#include "../w32.h"
#include "k32.h"

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
static DWORD WINAPI w32_GetCurrentProcessId(void) { return k32_win_pid(getpid()); }
static DWORD WINAPI w32_GetCurrentThreadId(void) { return (DWORD)(uintptr_t)w32_teb()->UniqueThread; }
static BOOL WINAPI w32_IsDebuggerPresent(void) { return FALSE; }

/* The parent's exit-code pipe (XENO_W32_EXIT_FD), or -1. */
int k32_exit_fd = -1;

void w32_process_terminate(UINT code)
{
    if (k32_exit_fd >= 0) {
        unsigned char b[4] = { (unsigned char)code, (unsigned char)(code >> 8),
                               (unsigned char)(code >> 16), (unsigned char)(code >> 24) };
        ssize_t n;
        do
            n = write(k32_exit_fd, b, 4);
        while (n < 0 && errno == EINTR);
    }
    w32_relay_exit(code);
    syscall(SYS_exit_group, (int)code);
    _exit((int)code);
}

void w32_process_exit(UINT code)
{
    static int exiting;
    if (!__atomic_exchange_n(&exiting, 1, __ATOMIC_ACQ_REL)) { /* once */
        w32_tls_callbacks(0);          /* the image's DLL_PROCESS_DETACH */
        w32_native_process_detach();   /* then its DLLs', in reverse order */
        crt_process_detach();          /* the CRT flushes its streams */
    }
    w32_process_terminate(code);
}

static void WINAPI w32_ExitProcess(UINT code)
{
    w32_process_exit(code);
}

static PVOID WINAPI w32_RtlGetCurrentPeb(void) { return w32_proc.peb; }
static PVOID WINAPI w32_NtCurrentTeb(void) { return w32_teb(); }

/* ---- priority class, affinity, modes: remembered, not enforced ---- */
#define NORMAL_PRIORITY_CLASS 0x20
static DWORD priority_class = NORMAL_PRIORITY_CLASS;
static UINT error_mode;

static int is_self(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, W32_H_PROCESS);
    int self = o && ((struct w32_process_obj *)o)->is_self;
    if (o)
        w32_obj_put(o);
    return self;
}

static int valid_process(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, W32_H_PROCESS);
    if (o)
        w32_obj_put(o);
    return o != NULL;
}

static DWORD WINAPI w32_GetPriorityClass(HANDLE h)
{
    return valid_process(h) ? (is_self(h) ? priority_class : NORMAL_PRIORITY_CLASS) : 0;
}

static BOOL WINAPI w32_SetPriorityClass(HANDLE h, DWORD cls)
{
    static const DWORD ok[] = { 0x20, 0x40, 0x80, 0x100, 0x4000, 0x8000, 0x100000, 0x200000 };
    if (!valid_process(h))
        return FALSE;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (cls == ok[i]) {
            if (is_self(h) && cls < 0x100000)
                priority_class = cls;
            return TRUE;
        }
    w32_set_last_error(ERROR_INVALID_PARAMETER);
    return FALSE;
}

static DWORD_PTR all_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 64 ? ~(DWORD_PTR)0 : (((DWORD_PTR)1 << n) - 1);
}

static BOOL WINAPI w32_GetProcessAffinityMask(HANDLE h, DWORD_PTR *proc, DWORD_PTR *sys)
{
    if (!valid_process(h))
        return FALSE;
    DWORD_PTR m = all_cpus();
    if (!k32_copy_out(proc, &m, sizeof m) || !k32_copy_out(sys, &m, sizeof m)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_SetProcessAffinityMask(HANDLE h, DWORD_PTR mask)
{
    if (!valid_process(h))
        return FALSE;
    if (!(mask & all_cpus()) || (mask & ~all_cpus())) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_IsWow64Process(HANDLE h, BOOL *wow)
{
    BOOL no = FALSE;
    if (!valid_process(h))
        return FALSE;
    return k32_copy_out(wow, &no, sizeof no) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static BOOL WINAPI w32_IsWow64Process2(HANDLE h, USHORT *proc, USHORT *native)
{
    USHORT none = 0, amd64 = 0x8664;
    if (!valid_process(h))
        return FALSE;
    if (!k32_copy_out(proc, &none, sizeof none) || (native && !k32_copy_out(native, &amd64, 2))) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static UINT WINAPI w32_SetErrorMode(UINT mode)
{
    return __atomic_exchange_n(&error_mode, mode, __ATOMIC_ACQ_REL);
}

static UINT WINAPI w32_GetErrorMode(void) { return error_mode; }
static BOOL WINAPI w32_SetThreadErrorMode(DWORD mode, DWORD *old)
{
    if (old)
        *old = error_mode;
    error_mode = mode;
    return TRUE;
}
static DWORD WINAPI w32_GetThreadErrorMode(void) { return error_mode; }
static BOOL WINAPI w32_SetProcessPriorityBoost(HANDLE h, BOOL off) { (void)off; return valid_process(h); }
static BOOL WINAPI w32_GetProcessPriorityBoost(HANDLE h, BOOL *off)
{
    if (off)
        *off = FALSE;
    return valid_process(h);
}
static BOOL WINAPI w32_SetProcessShutdownParameters(DWORD level, DWORD flags) { (void)level, (void)flags; return TRUE; }
static DWORD WINAPI w32_GetProcessVersion(DWORD pid) { (void)pid; return 0x000a0000; /* 10.0 */ }

static void count_handle(HANDLE hh, struct w32_object *o, int f, void *ctx)
{
    (void)hh, (void)o, (void)f;
    ++*(DWORD *)ctx;
}

static BOOL WINAPI w32_GetProcessHandleCount(HANDLE h, DWORD *count)
{
    DWORD n = 0;
    if (!valid_process(h))
        return FALSE;
    w32_handle_foreach(count_handle, &n);
    *count = n;
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetPriorityClass, "h:u"),
    EXPORT(SetPriorityClass, "hu:i"),
    EXPORT(GetProcessAffinityMask, "hpp:i"),
    EXPORT(SetProcessAffinityMask, "hq:i"),
    EXPORT(IsWow64Process, "hp:i"),
    EXPORT(IsWow64Process2, "hpp:i"),
    EXPORT(SetErrorMode, "u:u"),
    EXPORT(GetErrorMode, ":u"),
    EXPORT(SetThreadErrorMode, "up:i"),
    EXPORT(GetThreadErrorMode, ":u"),
    EXPORT(SetProcessPriorityBoost, "hi:i"),
    EXPORT(GetProcessPriorityBoost, "hp:i"),
    EXPORT(SetProcessShutdownParameters, "uu:i"),
    EXPORT(GetProcessVersion, "u:u"),
    EXPORT(GetProcessHandleCount, "hp:i"),
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
