/* cspecific.c — __C_specific_handler, the language handler of C
 * __try/__except/__finally on x64 (MSVC and clang emit it; so can mingw
 * gcc). Its handler data is a SCOPE_TABLE of [Begin, End) ranges, each
 * with a filter (or the constant 1, EXCEPTION_EXECUTE_HANDLER) and the
 * __except target, or a termination (__finally) handler and target 0.
 * Search phase: the filters of the scopes around the pc run in order;
 * EXCEPTION_CONTINUE_EXECUTION resumes, EXCEPTION_EXECUTE_HANDLER unwinds
 * to the target with the exception code as return value (RAX).
 * Unwind phase: termination handlers of the scopes around the pc run
 * with AbnormalTermination TRUE, ScopeIndex advanced first (so a collided
 * unwind does not run one twice), stopping at the scope the unwind
 * targets. Also _local_unwind (leaving a __try by goto/__leave: an unwind
 * to the given frame and address). */
#include "seh.h"

typedef struct {
    DWORD Count;
    struct {
        DWORD BeginAddress, EndAddress, HandlerAddress, JumpTarget;
    } Scope[];
} SCOPE_TABLE;

typedef LONG(WINAPI *scope_filter)(EXCEPTION_POINTERS *ep, PVOID frame);
typedef void(WINAPI *scope_finally)(BOOLEAN abnormal, PVOID frame);

static int in_scope(const SCOPE_TABLE *t, DWORD i, DWORD64 rva)
{
    return rva >= t->Scope[i].BeginAddress && rva < t->Scope[i].EndAddress;
}

static LONG search_phase(EXCEPTION_RECORD *rec, PVOID frame, CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    const SCOPE_TABLE *t = dc->HandlerData;
    DWORD64 base = dc->ImageBase, pc = dc->ControlPc - base;
    EXCEPTION_POINTERS ep = { rec, ctx };
    for (DWORD i = dc->ScopeIndex; i < t->Count; i++) {
        if (!in_scope(t, i, pc) || !t->Scope[i].JumpTarget)
            continue;
        LONG f = t->Scope[i].HandlerAddress == EXCEPTION_EXECUTE_HANDLER
                     ? EXCEPTION_EXECUTE_HANDLER
                     : ((scope_filter)(base + t->Scope[i].HandlerAddress))(&ep, frame);
        if (f < 0)
            return ExceptionContinueExecution;
        if (f > 0)
            w32_RtlUnwindEx(frame, (PVOID)(base + t->Scope[i].JumpTarget), rec,
                            (PVOID)(ULONG_PTR)rec->ExceptionCode, dc->ContextRecord, dc->HistoryTable);
    }
    return ExceptionContinueSearch;
}

/* During the target frame's unwind: is scope I the one (or shares the
 * handler of the one) that contains the target? */
static int reaches_target(const SCOPE_TABLE *t, DWORD i, DWORD64 target)
{
    for (DWORD j = 0; j < t->Count; j++)
        if (in_scope(t, j, target) && t->Scope[j].JumpTarget == t->Scope[i].JumpTarget &&
            t->Scope[j].HandlerAddress == t->Scope[i].HandlerAddress)
            return 1;
    return 0;
}

static LONG unwind_phase(EXCEPTION_RECORD *rec, PVOID frame, DISPATCHER_CONTEXT *dc)
{
    const SCOPE_TABLE *t = dc->HandlerData;
    DWORD64 base = dc->ImageBase, pc = dc->ControlPc - base, target = dc->TargetIp - base;
    int at_target = (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) != 0;
    for (DWORD i = dc->ScopeIndex; i < t->Count; i++) {
        if (!in_scope(t, i, pc))
            continue;
        if (at_target && reaches_target(t, i, target))
            break;
        if (t->Scope[i].JumpTarget) {
            if (at_target && target == t->Scope[i].JumpTarget)
                break;
            continue;
        }
        dc->ScopeIndex = i + 1;
        ((scope_finally)(base + t->Scope[i].HandlerAddress))(TRUE, frame);
    }
    return ExceptionContinueSearch;
}

static LONG WINAPI w32___C_specific_handler(EXCEPTION_RECORD *rec, PVOID frame, CONTEXT *ctx,
                                            DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWIND)
        return unwind_phase(rec, frame, dc);
    return search_phase(rec, frame, ctx, dc);
}

static void WINAPI w32__local_unwind(PVOID frame, PVOID target)
{
    w32_RtlUnwind(frame, target, NULL, NULL);
}

W32_EXPORTS(msvcrt) = {
    EXPORT(__C_specific_handler, "pppp:i"),
    EXPORT(_local_unwind, "pp:v"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(__C_specific_handler, "pppp:i"),
    EXPORT_AS("__C_specific_handler_noexcept", w32___C_specific_handler, "pppp:i"),
    EXPORT(_local_unwind, "pp:v"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(__C_specific_handler, "pppp:i"),
};
