/* dispatch.c — exception dispatch, as Windows' KiUserExceptionDispatcher
 * and RtlDispatchException do it, on the stack of the thread that raised
 * the exception (never in a host signal handler): vectored exception
 * handlers; then the frame-based handlers found by walking the stack
 * (.pdata through RtlVirtualUnwind, host frames through their DWARF
 * information) with a DISPATCHER_CONTEXT for each; nested exceptions
 * (raised inside a handler) are flagged EXCEPTION_NESTED_CALL up to the
 * frame whose handler was running; then the unhandled-exception filter:
 * when the program's filter answers EXCEPTION_EXECUTE_HANDLER, the frames'
 * termination handlers run (as for the __except around a Windows thread's
 * start) before the process ends with the exception code; the default
 * action (no filter, or EXCEPTION_CONTINUE_SEARCH) ends it at once.
 * Whenever execution continues, the vectored continue handlers run first.
 * A handler that continues a non-continuable exception gets
 * STATUS_NONCONTINUABLE_EXCEPTION; an unknown disposition
 * STATUS_INVALID_DISPOSITION. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../process.h"
#include "../winerr.h"
#include "seh.h"

__thread struct seh_active *seh_active_top;
__thread int seh_walking;

int seh_frame_ok(DWORD64 frame)
{
    TEB *teb = w32_teb();
    if (frame & 7)
        return 0;
    if (!teb->StackBase || !teb->StackLimit)
        return 1;
    return frame >= (DWORD64)teb->StackLimit && frame < (DWORD64)teb->StackBase;
}

/* Forget handler calls whose frames are gone (below SP). */
static void prune_active(DWORD64 sp)
{
    while (seh_active_top && (DWORD64)seh_active_top < sp)
        seh_active_top = seh_active_top->prev;
}

__attribute__((noinline)) LONG seh_call_handler(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *dc, int unwinding)
{
    struct seh_active a = { seh_active_top, 0, unwinding, dc, ctx };
    a.rsp = (DWORD64)&a;
    int walking = seh_walking;
    seh_active_top = &a;
    seh_walking = 0;
    LONG r = dc->LanguageHandler(rec, (PVOID)frame, ctx, dc);
    seh_walking = walking;
    seh_active_top = a.prev;
    return r;
}

/* A handler call of an outer dispatch that the walk just stepped over
 * (its record lies in [LO, HI)), or NULL. */
static struct seh_active *crossed(DWORD64 lo, DWORD64 hi, int unwinding)
{
    for (struct seh_active *a = seh_active_top; a; a = a->prev)
        if (a->rsp >= lo && a->rsp < hi && a->unwinding == unwinding)
            return a;
    return NULL;
}

static void raise_status(DWORD code, EXCEPTION_RECORD *inner) __attribute__((noreturn));
static void raise_status(DWORD code, EXCEPTION_RECORD *inner)
{
    EXCEPTION_RECORD rec = { code, EXCEPTION_NONCONTINUABLE, inner, NULL, 0, { 0 } };
    w32_RtlRaiseException(&rec);
    __builtin_unreachable();
}

/* Walk the frames above CTX calling their exception handlers: 1 when a
 * handler asked to continue, 0 when none handled it. */
static int call_frame_handlers(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    CONTEXT cur = *ctx;
    DISPATCHER_CONTEXT dc;
    UNWIND_HISTORY_TABLE hist;
    DWORD64 nested = 0;
    memset(&hist, 0, sizeof hist);
    for (;;) {
        DWORD64 sp = cur.Rsp;
        seh_walking = 1;
        int more = seh_step(UNW_FLAG_EHANDLER, &cur, &dc, &hist);
        seh_walking = 0;
        if (!more)
            return 0;
        if (!seh_frame_ok(dc.EstablisherFrame)) {
            rec->ExceptionFlags |= EXCEPTION_STACK_INVALID;
            return 0;
        }
        struct seh_active *outer = crossed(sp, cur.Rsp, 0);
        if (outer) {                            /* we left a handler that raised this */
            rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
            if (outer->dc->EstablisherFrame > nested)
                nested = outer->dc->EstablisherFrame;
        }
        if (!dc.LanguageHandler)
            continue;
        dc.ContextRecord = &cur;
        dc.TargetIp = 0;
        dc.ScopeIndex = 0;
        dc.HistoryTable = &hist;
        LONG disp = seh_call_handler(rec, dc.EstablisherFrame, ctx, &dc, 0);
        if (nested && nested == dc.EstablisherFrame) {
            rec->ExceptionFlags &= ~EXCEPTION_NESTED_CALL;
            nested = 0;
        }
        if (disp == ExceptionContinueExecution) {
            if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
                raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
            return 1;
        }
        if (disp == ExceptionNestedException) {
            rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
            if (dc.EstablisherFrame > nested)
                nested = dc.EstablisherFrame;
        } else if (disp != ExceptionContinueSearch)
            raise_status(STATUS_INVALID_DISPOSITION, rec);
    }
}

/* Continue at CTX after the vectored continue handlers. */
static void resume(EXCEPTION_RECORD *rec, CONTEXT *ctx) __attribute__((noreturn));
static void resume(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    seh_call_vectored(0, rec, ctx);
    prune_active(ctx->Rsp);
    w32_RtlRestoreContext(ctx, NULL);
}

void seh_dispatch(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    if (seh_walking) {                          /* our own walk faulted */
        char msg[160];
        int n = snprintf(msg, sizeof msg, "xeno: internal error: exception 0x%08X at 0x%llx while "
                         "walking the stack\n", rec->ExceptionCode,
                         (unsigned long long)(uintptr_t)rec->ExceptionAddress);
        if (write(2, msg, (size_t)n) < 0)
            seh_terminate(rec->ExceptionCode);
        seh_terminate(rec->ExceptionCode);
    }
    prune_active(ctx->Rsp);
    if (seh_call_vectored(1, rec, ctx) == EXCEPTION_CONTINUE_EXECUTION)
        resume(rec, ctx);
    if (call_frame_handlers(rec, ctx))
        resume(rec, ctx);
    EXCEPTION_POINTERS ep = { rec, ctx };
    int reported;
    LONG r = seh_unhandled(&ep, &reported);
    if (r == EXCEPTION_CONTINUE_EXECUTION) {
        if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
            raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
        resume(rec, ctx);
    }
    if (!reported)              /* the program's filter: as an __except at the thread's start */
        seh_unwind_all(rec, ctx);
    seh_terminate(rec->ExceptionCode);
}

/* TerminateProcess semantics: no DLL detach; kernel32 hands the full
 * 32-bit code to a parent running under xeno. */
void seh_terminate(DWORD code)
{
    w32_process_terminate(code);
}
