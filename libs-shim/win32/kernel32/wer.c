/* wer.c — Windows Error Reporting as a program sees it: WerGetFlags and
 * WerSetFlags keep the process's fault-reporting flags (Go's runtime
 * reads them and adds WER_FAULT_REPORTING_NO_UI at start-up), and
 * RaiseFailFastException ends the process at once, bypassing every
 * vectored and frame handler and the unhandled-exception filter, with
 * the exception's code as the exit code. There is no WER service: the
 * report is one line on stderr, like an unhandled exception's. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../ntdll/seh.h"
#include "k32.h"

#define S_OK 0
#define E_INVALIDARG ((LONG)0x80070057)
#define E_HANDLE ((LONG)0x80070006)
#define HRESULT_NOT_SUPPORTED ((LONG)0x80070032) /* HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) */
#define STATUS_FAIL_FAST_EXCEPTION 0xC0000602u
#define FAIL_FAST_GENERATE_EXCEPTION_ADDRESS 0x1

static DWORD wer_flags;

/* Is H this process (the pseudo handle, or a handle to ourselves)?
 * 1 yes, 0 another process, -1 not a process handle. */
static int names_self(HANDLE h)
{
    if (h == W32_CURRENT_PROCESS)
        return 1;
    struct w32_object *o = w32_handle_get(h, W32_H_PROCESS);
    if (!o)
        return -1;
    int self = ((struct w32_process_obj *)o)->is_self;
    w32_obj_put(o);
    return self;
}

static LONG WINAPI w32_WerGetFlags(HANDLE process, DWORD *flags)
{
    if (!flags)
        return E_INVALIDARG;
    int self = names_self(process);
    if (self < 0)
        return E_HANDLE;
    if (!self)          /* another process's flags live in that process */
        return HRESULT_NOT_SUPPORTED;
    DWORD v = __atomic_load_n(&wer_flags, __ATOMIC_SEQ_CST);
    return k32_copy_out(flags, &v, sizeof v) ? S_OK : E_INVALIDARG;
}

static LONG WINAPI w32_WerSetFlags(DWORD flags)
{
    __atomic_store_n(&wer_flags, flags, __ATOMIC_SEQ_CST);
    return S_OK;
}

static void fail_fast_report(DWORD code, const void *addr)
{
    const char *prog = w32_proc.exe_host ? strrchr(w32_proc.exe_host, '/') : NULL;
    char msg[240];
    int n = snprintf(msg, sizeof msg, "xeno: %s: fail fast exception 0x%08X (%s) at 0x%llx\n",
                     prog ? prog + 1 : "program", code, seh_code_name(code),
                     (unsigned long long)(uintptr_t)addr);
    if (n > 0 && write(2, msg, (size_t)n) < 0)
        return;
}

/* The record is the caller's: read it carefully, a bad pointer must not
 * crash xeno (the process still ends, as it would on Windows). */
static void WINAPI w32_RaiseFailFastException(EXCEPTION_RECORD *rec, CONTEXT *ctx, DWORD flags)
{
    DWORD code = STATUS_FAIL_FAST_EXCEPTION;
    const void *addr = NULL;
    EXCEPTION_RECORD r;
    (void)ctx;
    if (rec && k32_copy_in(&r, rec, offsetof(EXCEPTION_RECORD, NumberParameters))) {
        code = r.ExceptionCode;
        addr = r.ExceptionAddress;
    }
    if ((flags & FAIL_FAST_GENERATE_EXCEPTION_ADDRESS) && !addr)
        addr = __builtin_return_address(0);
    fail_fast_report(code, addr);
    w32_process_terminate(code);
}

W32_EXPORTS(kernel32) = {
    EXPORT(WerGetFlags, "hp:i"),
    EXPORT(WerSetFlags, "u:i"),
    EXPORT(RaiseFailFastException, "ppu:v"),
};
