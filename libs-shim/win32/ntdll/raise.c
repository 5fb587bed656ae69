/* raise.c — RaiseException and RtlRaiseException. The entries in
 * abi/w32_context.S capture the caller's CONTEXT; these build the
 * EXCEPTION_RECORD (ExceptionAddress is the caller's return address,
 * parameters beyond EXCEPTION_MAXIMUM_PARAMETERS are dropped as Windows
 * drops them) and dispatch it. A handler that continues the exception
 * makes RaiseException return to its caller. Also RtlRaiseStatus and the
 * native NtRaiseException / NtContinue. */
#include <string.h>

#include "seh.h"

__attribute__((ms_abi)) void seh_raise(CONTEXT *ctx, DWORD code, DWORD flags, DWORD n, const ULONG_PTR *args)
{
    EXCEPTION_RECORD rec;
    memset(&rec, 0, sizeof rec);
    rec.ExceptionCode = code;
    rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = (PVOID)ctx->Rip;
    if (args) {
        rec.NumberParameters = n > EXCEPTION_MAXIMUM_PARAMETERS ? EXCEPTION_MAXIMUM_PARAMETERS : n;
        memcpy(rec.ExceptionInformation, args, rec.NumberParameters * sizeof *args);
    }
    seh_dispatch(&rec, ctx);
}

__attribute__((ms_abi)) void seh_raise_record(CONTEXT *ctx, EXCEPTION_RECORD *rec)
{
    rec->ExceptionAddress = (PVOID)ctx->Rip;
    seh_dispatch(rec, ctx);
}

static void WINAPI w32_RtlRaiseStatus(NTSTATUS status)
{
    EXCEPTION_RECORD rec = { (DWORD)status, EXCEPTION_NONCONTINUABLE, NULL, NULL, 0, { 0 } };
    w32_RtlRaiseException(&rec);
}

/* Dispatch REC as if it had happened in CTX (first chance; a second
 * chance goes straight to the default action). */
static NTSTATUS WINAPI w32_NtRaiseException(EXCEPTION_RECORD *rec, CONTEXT *ctx, BOOLEAN first)
{
    CONTEXT c = *ctx;
    if (!first) {
        EXCEPTION_POINTERS ep = { rec, &c };
        int reported;
        seh_unhandled(&ep, &reported);
        seh_terminate(rec->ExceptionCode);
    }
    seh_dispatch(rec, &c);
}

static NTSTATUS WINAPI w32_NtContinue(CONTEXT *ctx, BOOLEAN alertable)
{
    (void)alertable;
    w32_RtlRestoreContext(ctx, NULL);
}

W32_EXPORTS(kernel32) = {
    EXPORT(RaiseException, "uuup:v"),
    EXPORT(RtlCaptureContext, "p:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(RtlRaiseException, "p:v"),
    EXPORT(RtlRaiseStatus, "u:v"),
    EXPORT(NtRaiseException, "ppi:u"),
    EXPORT_AS("ZwRaiseException", w32_NtRaiseException, "ppi:u"),
    EXPORT(NtContinue, "pi:u"),
    EXPORT_AS("ZwContinue", w32_NtContinue, "pi:u"),
    EXPORT(RtlCaptureContext, "p:v"),
};
