/* rtlunwind.c — RtlUnwindEx, RtlUnwind and RtlRestoreContext. Unwinding
 * walks from the caller of RtlUnwindEx up to the target frame, calling
 * each frame's termination (unwind) handler with EXCEPTION_UNWINDING, the
 * target's with EXCEPTION_TARGET_UNWIND as well, then continues in the
 * target frame at TargetIp with the return value in RAX (STATUS_LONGJUMP
 * and STATUS_UNWIND_CONSOLIDATE records as Microsoft describes them). An
 * unwind that crosses the handler call of an older unwind takes that
 * unwind over where it stood (EXCEPTION_COLLIDED_UNWIND, keeping its
 * ScopeIndex) instead of running its handlers again. */
#include <string.h>

#include "../winerr.h"
#include "seh.h"

#define STATUS_UNWIND 0xC0000027
#define STATUS_BAD_STACK 0xC0000028
#define STATUS_INVALID_UNWIND_TARGET 0xC0000029
#define STATUS_LONGJUMP 0x80000026
#define STATUS_UNWIND_CONSOLIDATE 0x80000029

extern __thread int seh_walking;

static void fail(DWORD code, EXCEPTION_RECORD *inner) __attribute__((noreturn));
static void fail(DWORD code, EXCEPTION_RECORD *inner)
{
    EXCEPTION_RECORD rec = { code, EXCEPTION_NONCONTINUABLE, inner, NULL, 0, { 0 } };
    w32_RtlRaiseException(&rec);
    __builtin_unreachable();
}

/* The unwinding handler call of an older unwind lying in [LO, HI). */
static struct seh_active *collided_with(DWORD64 lo, DWORD64 hi)
{
    for (struct seh_active *a = seh_active_top; a; a = a->prev)
        if (a->unwinding && a->rsp >= lo && a->rsp < hi)
            return a;
    return NULL;
}

/* Take over the older unwind A: its frame's context in CUR, that frame's
 * caller in NEXT, its dispatcher context (with ScopeIndex) in DC. */
static void take_over(struct seh_active *a, CONTEXT *cur, CONTEXT *next, DISPATCHER_CONTEXT *dc)
{
    PVOID data;
    DWORD64 frame;
    *cur = *a->ctx;
    *dc = *a->dc;
    *next = *cur;
    w32_RtlVirtualUnwind(UNW_FLAG_UHANDLER, dc->ImageBase, dc->ControlPc, dc->FunctionEntry, next, &data,
                         &frame, NULL);
}

/* One frame: call its unwind handler if it has one. */
static void unwind_frame(EXCEPTION_RECORD *rec, DWORD *flags, CONTEXT *cur, DISPATCHER_CONTEXT *dc,
                         DWORD64 target, PVOID ip, PVOID retval)
{
    if (!dc->LanguageHandler)
        return;
    if (dc->EstablisherFrame == target)
        *flags |= EXCEPTION_TARGET_UNWIND;
    rec->ExceptionFlags = *flags;
    cur->Rax = (DWORD64)retval;
    dc->ContextRecord = cur;
    dc->TargetIp = (DWORD64)ip;
    LONG disp = seh_call_handler(rec, dc->EstablisherFrame, cur, dc, 1);
    *flags &= ~(DWORD)(EXCEPTION_COLLIDED_UNWIND | EXCEPTION_TARGET_UNWIND);
    if (disp != ExceptionContinueSearch)
        fail(STATUS_INVALID_DISPOSITION, rec);
}

/* Walk from *CUR calling unwind handlers up to the frame TARGET (0: to
 * the end of the walk); *CUR ends as the target frame's own context. */
static void unwind_walk(EXCEPTION_RECORD *rec, CONTEXT *cur, DWORD64 target, PVOID ip, PVOID retval,
                        UNWIND_HISTORY_TABLE *hist, DWORD flags)
{
    DISPATCHER_CONTEXT dc;
    CONTEXT next;
    for (;;) {
        next = *cur;
        seh_walking = 1;
        int more = seh_step(UNW_FLAG_UHANDLER, &next, &dc, hist);
        seh_walking = 0;
        if (!more && !target)
            return;
        if (!more)
            fail(STATUS_BAD_STACK, rec);
        struct seh_active *a = collided_with(cur->Rsp, next.Rsp);
        if (a) {
            take_over(a, cur, &next, &dc);
            flags |= EXCEPTION_COLLIDED_UNWIND;
        } else
            dc.ScopeIndex = 0;
        dc.HistoryTable = hist;
        if (!seh_frame_ok(dc.EstablisherFrame))
            fail(STATUS_BAD_STACK, rec);
        if (target && dc.EstablisherFrame > target)
            fail(STATUS_INVALID_UNWIND_TARGET, rec);
        unwind_frame(rec, &flags, cur, &dc, target, ip, retval);
        if (target && dc.EstablisherFrame == target)
            return;
        *cur = next;
    }
}

__attribute__((ms_abi)) void seh_unwind(CONTEXT *ctx, PVOID frame, PVOID ip, EXCEPTION_RECORD *rec,
                                        PVOID retval, CONTEXT *orig, UNWIND_HISTORY_TABLE *hist)
{
    EXCEPTION_RECORD local = { STATUS_UNWIND, 0, NULL, (PVOID)ctx->Rip, 0, { 0 } };
    UNWIND_HISTORY_TABLE h0;
    CONTEXT cur = *ctx;
    (void)orig;
    if (!rec)
        rec = &local;
    if (!hist) {
        memset(&h0, 0, sizeof h0);
        hist = &h0;
    }
    unwind_walk(rec, &cur, (DWORD64)frame, ip, retval, hist,
                EXCEPTION_UNWINDING | (frame ? 0 : EXCEPTION_EXIT_UNWIND));
    cur.Rax = (DWORD64)retval;
    if (rec->ExceptionCode != STATUS_UNWIND_CONSOLIDATE)
        cur.Rip = (DWORD64)ip;
    w32_RtlRestoreContext(&cur, rec);
}

void seh_unwind_all(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    UNWIND_HISTORY_TABLE h;
    CONTEXT cur = *ctx;
    memset(&h, 0, sizeof h);
    unwind_walk(rec, &cur, 0, NULL, (PVOID)(ULONG_PTR)rec->ExceptionCode, &h, EXCEPTION_UNWINDING);
}

__attribute__((ms_abi)) void seh_unwind_simple(CONTEXT *ctx, PVOID frame, PVOID ip, EXCEPTION_RECORD *rec,
                                               PVOID retval)
{
    seh_unwind(ctx, frame, ip, rec, retval, NULL, NULL);
}

/* x64 _JUMP_BUFFER, for STATUS_LONGJUMP. */
struct jump_buffer {
    DWORD64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    DWORD MxCsr;
    WORD FpCsr, Spare;
    M128A Xmm[10];                              /* xmm6..xmm15 */
};

static void apply_longjump(CONTEXT *c, const struct jump_buffer *j)
{
    c->Rbx = j->Rbx, c->Rsp = j->Rsp, c->Rbp = j->Rbp, c->Rsi = j->Rsi, c->Rdi = j->Rdi;
    c->R12 = j->R12, c->R13 = j->R13, c->R14 = j->R14, c->R15 = j->R15, c->Rip = j->Rip;
    c->MxCsr = c->FltSave.MxCsr = j->MxCsr;
    c->FltSave.ControlWord = j->FpCsr;
    memcpy(&c->FltSave.XmmRegisters[6], j->Xmm, sizeof j->Xmm);
}

void WINAPI w32_RtlRestoreContext(CONTEXT *ctx, EXCEPTION_RECORD *rec)
{
    CONTEXT c = *ctx;
    if (rec && rec->NumberParameters >= 1 && rec->ExceptionCode == STATUS_LONGJUMP)
        apply_longjump(&c, (const struct jump_buffer *)rec->ExceptionInformation[0]);
    if (rec && rec->NumberParameters >= 1 && rec->ExceptionCode == STATUS_UNWIND_CONSOLIDATE) {
        PVOID(WINAPI * cb)(EXCEPTION_RECORD *) = (PVOID(WINAPI *)(EXCEPTION_RECORD *))rec->ExceptionInformation[0];
        c.Rip = (DWORD64)cb(rec);
    }
    c.MxCsr &= 0xffff;                          /* reserved bits would fault */
    c.FltSave.MxCsr &= 0xffff;
    while (seh_active_top && (DWORD64)seh_active_top < c.Rsp)
        seh_active_top = seh_active_top->prev;
    seh_unpoison((DWORD64)__builtin_frame_address(0) - 0x1000, c.Rsp);
    seh_restore(&c);
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlUnwindEx, "pppppp:v"),
    EXPORT(RtlUnwind, "pppp:v"),
    EXPORT(RtlRestoreContext, "pp:v"),
};
W32_EXPORTS(kernel32) = {
    EXPORT(RtlUnwindEx, "pppppp:v"),
    EXPORT(RtlUnwind, "pppp:v"),
    EXPORT(RtlRestoreContext, "pp:v"),
};
