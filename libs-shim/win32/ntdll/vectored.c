/* vectored.c — the process-wide handler lists: vectored exception and
 * continue handlers (Add/RemoveVectored{Exception,Continue}Handler, the
 * first argument putting a handler at the head), the unhandled-exception
 * filter (SetUnhandledExceptionFilter) and UnhandledExceptionFilter,
 * whose default action when no filter takes the exception prints
 *   xeno: PROG: unhandled exception 0xC0000005 (access violation) at 0x…
 * and tells the caller to end the process with the exception code. (A
 * Linux parent sees only the low 8 bits of that code: 0xC0000005 exits
 * with status 5.) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../process.h"
#include "../winerr.h"
#include "seh.h"

typedef LONG(WINAPI *VECTORED_HANDLER)(EXCEPTION_POINTERS *ep);

struct veh {
    struct veh *next, *prev;
    VECTORED_HANDLER fn;
};

static struct veh lists[2] = { { &lists[0], &lists[0], NULL }, { &lists[1], &lists[1], NULL } };
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static TOP_FILTER top_filter;

static PVOID add_handler(int list, ULONG first, VECTORED_HANDLER fn)
{
    struct veh *v = malloc(sizeof *v), *head = &lists[list];
    if (!v)
        return NULL;
    v->fn = fn;
    pthread_mutex_lock(&lock);
    struct veh *after = first ? head : head->prev;
    v->prev = after;
    v->next = after->next;
    after->next->prev = v;
    after->next = v;
    pthread_mutex_unlock(&lock);
    return v;
}

static ULONG remove_handler(int list, PVOID h)
{
    ULONG found = 0;
    pthread_mutex_lock(&lock);
    for (struct veh *v = lists[list].next; v != &lists[list]; v = v->next)
        if (v == h) {
            v->prev->next = v->next;
            v->next->prev = v->prev;
            found = 1;
            break;
        }
    pthread_mutex_unlock(&lock);
    if (found)
        free(h);
    return found;
}

/* list 1: exception handlers (stop at CONTINUE_EXECUTION); list 0:
 * continue handlers (all run unless one returns CONTINUE_EXECUTION). */
LONG seh_call_vectored(int exception_list, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    enum { MAX = 64 };
    VECTORED_HANDLER fns[MAX];
    int n = 0;
    struct veh *head = &lists[exception_list ? 0 : 1];
    pthread_mutex_lock(&lock);
    for (struct veh *v = head->next; v != head && n < MAX; v = v->next)
        fns[n++] = v->fn;
    pthread_mutex_unlock(&lock);
    EXCEPTION_POINTERS ep = { rec, ctx };
    for (int i = 0; i < n; i++)
        if (fns[i](&ep) == EXCEPTION_CONTINUE_EXECUTION)
            return EXCEPTION_CONTINUE_EXECUTION;
    return EXCEPTION_CONTINUE_SEARCH;
}

static PVOID WINAPI w32_AddVectoredExceptionHandler(ULONG first, VECTORED_HANDLER fn)
{
    return add_handler(0, first, fn);
}

static ULONG WINAPI w32_RemoveVectoredExceptionHandler(PVOID h)
{
    return remove_handler(0, h);
}

static PVOID WINAPI w32_AddVectoredContinueHandler(ULONG first, VECTORED_HANDLER fn)
{
    return add_handler(1, first, fn);
}

static ULONG WINAPI w32_RemoveVectoredContinueHandler(PVOID h)
{
    return remove_handler(1, h);
}

static TOP_FILTER WINAPI w32_SetUnhandledExceptionFilter(TOP_FILTER f)
{
    return __atomic_exchange_n(&top_filter, f, __ATOMIC_SEQ_CST);
}

/* ---- the default action ---- */

static const struct { DWORD code; const char *name; } names[] = {
    { STATUS_ACCESS_VIOLATION, "access violation" },
    { STATUS_IN_PAGE_ERROR, "in-page error" },
    { STATUS_ILLEGAL_INSTRUCTION, "illegal instruction" },
    { STATUS_PRIVILEGED_INSTRUCTION, "privileged instruction" },
    { STATUS_INTEGER_DIVIDE_BY_ZERO, "integer divide by zero" },
    { STATUS_INTEGER_OVERFLOW, "integer overflow" },
    { STATUS_BREAKPOINT, "breakpoint" },
    { STATUS_SINGLE_STEP, "single step" },
    { STATUS_STACK_OVERFLOW, "stack overflow" },
    { STATUS_NONCONTINUABLE_EXCEPTION, "noncontinuable exception" },
    { STATUS_INVALID_DISPOSITION, "invalid disposition" },
    { STATUS_ARRAY_BOUNDS_EXCEEDED, "array bounds exceeded" },
    { STATUS_FLOAT_DENORMAL_OPERAND, "float denormal operand" },
    { STATUS_FLOAT_DIVIDE_BY_ZERO, "float divide by zero" },
    { STATUS_FLOAT_INEXACT_RESULT, "float inexact result" },
    { STATUS_FLOAT_INVALID_OPERATION, "float invalid operation" },
    { STATUS_FLOAT_OVERFLOW, "float overflow" },
    { STATUS_FLOAT_STACK_CHECK, "float stack check" },
    { STATUS_FLOAT_UNDERFLOW, "float underflow" },
    { STATUS_STACK_BUFFER_OVERRUN, "fail fast / stack buffer overrun" },
    { 0xC0000602, "fail fast exception" },
    { 0x80000002, "datatype misalignment" },
    { 0xC0000420, "assertion failure" },
    { 0xC0000027, "unwind" },
    { 0xC0000028, "bad stack" },
    { 0xC0000029, "invalid unwind target" },
    { 0xE06D7363, "Microsoft C++ exception" },
    { 0x20474343, "GCC C++ exception" },
};

const char *seh_code_name(DWORD code)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].code == code)
            return names[i].name;
    return code & 0x20000000 ? "application-defined exception" : "unknown exception";
}

static void report(const EXCEPTION_RECORD *rec)
{
    const char *prog = w32_proc.exe_host ? w32_proc.exe_host : "program";
    const char *slash = strrchr(prog, '/');
    char msg[400];
    int n = snprintf(msg, sizeof msg, "xeno: %s: unhandled exception 0x%08X (%s) at 0x%llx\n",
                     slash ? slash + 1 : prog, rec->ExceptionCode, seh_code_name(rec->ExceptionCode),
                     (unsigned long long)(uintptr_t)rec->ExceptionAddress);
    if (n > 0 && write(2, msg, (size_t)n) < 0)
        return;
}

/* UnhandledExceptionFilter: the program's filter, else the default
 * action (report; EXCEPTION_EXECUTE_HANDLER: end the process). */
LONG seh_unhandled(EXCEPTION_POINTERS *ep, int *reported)
{
    TOP_FILTER f = __atomic_load_n(&top_filter, __ATOMIC_SEQ_CST);
    *reported = 0;
    if (f) {
        LONG r = f(ep);
        if (r != EXCEPTION_CONTINUE_SEARCH)
            return r;
    }
    report(ep->ExceptionRecord);
    *reported = 1;
    return EXCEPTION_EXECUTE_HANDLER;
}

static LONG WINAPI w32_UnhandledExceptionFilter(EXCEPTION_POINTERS *ep)
{
    int reported;
    return seh_unhandled(ep, &reported);
}

W32_EXPORTS(kernel32) = {
    EXPORT(AddVectoredExceptionHandler, "up:p"),
    EXPORT(RemoveVectoredExceptionHandler, "p:u"),
    EXPORT(AddVectoredContinueHandler, "up:p"),
    EXPORT(RemoveVectoredContinueHandler, "p:u"),
    EXPORT(SetUnhandledExceptionFilter, "p:p"),
    EXPORT(UnhandledExceptionFilter, "p:i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlAddVectoredExceptionHandler", w32_AddVectoredExceptionHandler, "up:p"),
    EXPORT_AS("RtlRemoveVectoredExceptionHandler", w32_RemoveVectoredExceptionHandler, "p:u"),
    EXPORT_AS("RtlAddVectoredContinueHandler", w32_AddVectoredContinueHandler, "up:p"),
    EXPORT_AS("RtlRemoveVectoredContinueHandler", w32_RemoveVectoredContinueHandler, "p:u"),
};
