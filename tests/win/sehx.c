/* sehx.c — Windows exception paths that samples/windows/seh.c does not
 * cover, one per mode (first argument), for tests/integration/win_seh.sh.
 * Frame-based scopes are laid out the way MSVC lays out __try (a
 * __C_specific_handler scope table in .xdata), as mingw-w64's own
 * __try1/__except1 macros do.
 *   nested       a filter raises a second exception: the frames up to the
 *                one whose handler was running see EXCEPTION_NESTED_CALL
 *   collided     a __finally run by an unwind raises an exception caught
 *                further up: the new unwind takes the old one over, so the
 *                __finally runs once
 *   noncont      a handler continues a non-continuable exception:
 *                STATUS_NONCONTINUABLE_EXCEPTION, chained to the first
 *   params       RaiseException's parameters: at most 15; none when the
 *                array is NULL
 *   backtrace    RtlCaptureContext, RtlLookupFunctionEntry and
 *                RtlVirtualUnwind walk the program's own frames; so does
 *                RtlCaptureStackBackTrace
 *   unwind       RtlUnwindEx called directly with a target frame and IP
 *   traps        privileged instruction, int 2c, single step, SSE divide
 *                by zero (each resumed by a vectored handler)
 *   divide       a divide error is STATUS_INTEGER_DIVIDE_BY_ZERO for a zero
 *                divisor, STATUS_INTEGER_OVERFLOW for INT_MIN / -1 (as the
 *                NT kernel decides; Wine 8.0 reports both as divide by zero)
 *   overflow-caught  an __except filter takes STATUS_STACK_OVERFLOW; the
 *                stack is usable again after the unwind; after
 *                _resetstkoflw a second overflow is caught the same way
 *   native       ntdll's RtlRaiseStatus and NtContinue, and _local_unwind
 *                (leaving a __try/__finally early), found with GetProcAddress
 *   jit          generated code described by RtlAddFunctionTable, then by
 *                RtlInstallFunctionTableCallback: its language handler
 *                sees its fault and continues past it
 *   isbad        IsBadReadPtr/IsBadWritePtr/IsBadCodePtr/IsBadStringPtrA/W
 *   filter-finally  the unhandled-exception filter returns
 *                EXCEPTION_EXECUTE_HANDLER: termination handlers run, then
 *                the process ends with the code
 *   av | raise | overflow | fastfail
 *                an unhandled access violation, RaiseException(0xE0000BAD),
 *                a stack overflow, __fastfail(7): the process ends with
 *                the code (a Linux parent sees its low 8 bits)
 * Expected outputs are in tests/integration/win_seh.sh. Where Wine 8.0
 * differs, Windows' documented behaviour is followed: "nested" (Wine clears
 * EXCEPTION_NESTED_CALL before calling the nested frame's handler, NT after
 * it), "noncont" (Windows chains the original record), the __except
 * landing RAX (the exception code; Wine passes 0), "overflow-caught" (Wine
 * ends the process). */
#include <windows.h>
#include <float.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A function FN whose body [begin, end) is covered by one scope with
 * FILTER (0 for a __finally, then HANDLER is the termination handler). */
#define SCOPE_EXCEPT(tag, filter)                                            \
    __asm__ volatile(".L" tag "_b:\n\t"                                      \
                     ".seh_handler __C_specific_handler, @except\n\t"       \
                     ".seh_handlerdata\n\t.long 1\n\t"                       \
                     ".rva .L" tag "_b, .L" tag "_e, " filter ", .L" tag "_t\n\t" \
                     ".text")
#define SCOPE_FINALLY(tag, handler)                                          \
    __asm__ volatile(".L" tag "_b:\n\t"                                      \
                     ".seh_handler __C_specific_handler, @except, @unwind\n\t" \
                     ".seh_handlerdata\n\t.long 1\n\t"                       \
                     ".rva .L" tag "_b, .L" tag "_e, " handler "\n\t.long 0\n\t" \
                     ".text")
/* The end of the scope, then the __except target storing RAX in OUT. */
#define SCOPE_END_EXCEPT(tag, out)                                           \
    __asm__ volatile("nop\n.L" tag "_e:\n\tnop\n\tjmp 1f\n.L" tag "_t:\n\t"   \
                     "movl %%eax, %0\n1:" : "=m"(out) : : "memory")
#define SCOPE_END(tag) __asm__ volatile("nop\n.L" tag "_e:\n\tnop")

static volatile DWORD landed;
static int *volatile bad = (int *)0x48;

static void say(const char *s)
{
    printf("%s\n", s);
    fflush(stdout);
}

/* ---- nested ---- */

static EXCEPTION_DISPOSITION seen(const char *who, EXCEPTION_RECORD *r)
{
    printf("%s: code %08lx nested %d\n", who, r->ExceptionCode, (r->ExceptionFlags & EXCEPTION_NESTED_CALL) != 0);
    return ExceptionContinueSearch;
}

__attribute__((used)) static EXCEPTION_DISPOSITION top_handler(EXCEPTION_RECORD *r, void *f, CONTEXT *c, void *d)
{
    (void)f, (void)c, (void)d;
    seen("outer language handler", r);
    return r->ExceptionCode == 0xE0000002 ? ExceptionContinueExecution : ExceptionContinueSearch;
}

__attribute__((used)) static EXCEPTION_DISPOSITION low_handler(EXCEPTION_RECORD *r, void *f, CONTEXT *c, void *d)
{
    (void)f, (void)c, (void)d;
    return seen("faulting frame's handler", r);
}

__attribute__((used)) static LONG nested_filter(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    seen("filter", ep->ExceptionRecord);
    if (ep->ExceptionRecord->ExceptionCode == 0xE0000002)
        return EXCEPTION_CONTINUE_SEARCH;
    RaiseException(0xE0000002, 0, 0, NULL);
    say("second exception continued");
    return EXCEPTION_EXECUTE_HANDLER;
}

__attribute__((noinline, noclone)) static void fault_low(void)
{
    __asm__ volatile(".seh_handler low_handler, @except");
    *bad = 1;
    __asm__ volatile("nop");
}

__attribute__((noinline, noclone)) static void nested_mid(void)
{
    SCOPE_EXCEPT("nm", "nested_filter");
    fault_low();
    SCOPE_END_EXCEPT("nm", landed);
}

__attribute__((noinline, noclone)) static void nested_top(void)
{
    __asm__ volatile(".seh_handler top_handler, @except");
    nested_mid();
    __asm__ volatile("nop");
}

/* ---- collided ---- */

static volatile int finally_runs;

__attribute__((used)) static void raising_finally(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    printf("__finally (abnormal %d), run %d\n", abnormal, ++finally_runs);
    fflush(stdout);
    if (finally_runs == 1)
        RaiseException(0xE0000003, 0, 0, NULL);
}

__attribute__((used)) static LONG take_first(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    printf("inner __except filter: %08lx\n", ep->ExceptionRecord->ExceptionCode);
    return ep->ExceptionRecord->ExceptionCode == EXCEPTION_ACCESS_VIOLATION;
}

__attribute__((used)) static LONG take_second(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    printf("outer __except filter: %08lx\n", ep->ExceptionRecord->ExceptionCode);
    return ep->ExceptionRecord->ExceptionCode == 0xE0000003;
}

__attribute__((noinline, noclone)) static void fault_plain(void)
{
    *bad = 3;
    __asm__ volatile("nop");
}

__attribute__((noinline, noclone)) static void col_finally(void)
{
    SCOPE_FINALLY("cf", "raising_finally");
    fault_plain();
    SCOPE_END("cf");
}

static volatile DWORD landed_inner;

__attribute__((noinline, noclone)) static void col_inner(void)
{
    SCOPE_EXCEPT("ci", "take_first");
    col_finally();
    SCOPE_END_EXCEPT("ci", landed_inner);
}

__attribute__((noinline, noclone)) static void col_outer(void)
{
    SCOPE_EXCEPT("co", "take_second");
    col_inner();
    SCOPE_END_EXCEPT("co", landed);
}

/* ---- noncontinuable ---- */

__attribute__((used)) static EXCEPTION_DISPOSITION continuing(EXCEPTION_RECORD *r, void *f, CONTEXT *c, void *d)
{
    (void)f, (void)c, (void)d;
    return r->ExceptionCode == 0xE0000004 ? ExceptionContinueExecution : ExceptionContinueSearch;
}

__attribute__((used)) static LONG catch_noncont(EXCEPTION_POINTERS *ep, void *frame)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    (void)frame;
    printf("filter: %08lx flags %lu, chained %08lx\n", r->ExceptionCode, r->ExceptionFlags,
           r->ExceptionRecord ? r->ExceptionRecord->ExceptionCode : 0);
    return EXCEPTION_EXECUTE_HANDLER;
}

__attribute__((noinline, noclone)) static void raise_noncont(void)
{
    __asm__ volatile(".seh_handler continuing, @except");
    RaiseException(0xE0000004, EXCEPTION_NONCONTINUABLE, 0, NULL);
    say("not reached");
}

__attribute__((noinline, noclone)) static void noncont(void)
{
    SCOPE_EXCEPT("nc", "catch_noncont");
    raise_noncont();
    SCOPE_END_EXCEPT("nc", landed);
}

/* ---- params ---- */

static LONG CALLBACK params_veh(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    if ((r->ExceptionCode & 0xfffffff0) != 0xE0000010)
        return EXCEPTION_CONTINUE_SEARCH;
    printf("%08lx: %lu parameters, last %llu, ExceptionAddress = Rip %d\n", r->ExceptionCode, r->NumberParameters,
           r->NumberParameters ? (unsigned long long)r->ExceptionInformation[r->NumberParameters - 1] : 0ull,
           r->ExceptionAddress == (void *)ep->ContextRecord->Rip);
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* ---- backtrace ---- */

static const char *fn_name(DWORD64 addr);

__attribute__((noinline, noclone)) static int bt_walk(void)
{
    CONTEXT c;
    UNWIND_HISTORY_TABLE h;
    memset(&h, 0, sizeof h);
    RtlCaptureContext(&c);
    printf("backtrace:");
    for (int i = 0; i < 5; i++) {
        DWORD64 base;
        PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(c.Rip, &base, &h);
        if (!f)
            break;
        printf(" %s", fn_name(base + f->BeginAddress));
        void *data;
        DWORD64 frame;
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, c.Rip, f, &c, &data, &frame, NULL);
    }
    printf("\n");
    void *frames[8];
    USHORT n = RtlCaptureStackBackTrace(0, 8, frames, NULL);
    printf("RtlCaptureStackBackTrace:");
    for (USHORT i = 0; i < n && i < 4; i++) {
        DWORD64 base;
        PRUNTIME_FUNCTION f = RtlLookupFunctionEntry((DWORD64)frames[i], &base, NULL);
        printf(" %s", f ? fn_name(base + f->BeginAddress) : "?");
    }
    printf("\n");
    return 1;
}

__attribute__((noinline, noclone)) static int bt_c(volatile int x) { return bt_walk() + x; }
__attribute__((noinline, noclone)) static int bt_b(volatile int x) { return bt_c(x) + x; }
__attribute__((noinline, noclone)) static int bt_a(volatile int x) { return bt_b(x) + x; }

static const char *fn_name(DWORD64 a)
{
    return a == (DWORD64)bt_walk ? "bt_walk" : a == (DWORD64)bt_c ? "bt_c" : a == (DWORD64)bt_b ? "bt_b"
         : a == (DWORD64)bt_a ? "bt_a" : "other";
}

/* ---- RtlUnwindEx called directly ---- */

static volatile DWORD64 unwind_frame;
void *unwind_ip;                                /* set by unwind_target's asm */

__attribute__((used)) static EXCEPTION_DISPOSITION note_unwind(EXCEPTION_RECORD *r, void *f, CONTEXT *c, void *d)
{
    (void)c, (void)d;
    printf("unwind handler: code %08lx flags %lx, target frame %d\n", r->ExceptionCode, r->ExceptionFlags,
           (DWORD64)f == unwind_frame);
    return ExceptionContinueSearch;
}

__attribute__((noinline, noclone)) static void unwind_deep(void)
{
    __asm__ volatile(".seh_handler note_unwind, @unwind");
    CONTEXT scratch;                            /* RtlUnwindEx's working context */
    RtlUnwindEx((void *)unwind_frame, unwind_ip, NULL, (void *)77, &scratch, NULL);
    say("not reached");
}

/* The establisher frame of the caller of this function. */
__attribute__((noinline, noclone)) static DWORD64 caller_frame(void)
{
    CONTEXT c;
    DWORD64 base, frame = 0;
    void *data;
    RtlCaptureContext(&c);
    for (int i = 0; i < 2; i++) {
        PRUNTIME_FUNCTION f = RtlLookupFunctionEntry(c.Rip, &base, NULL);
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, c.Rip, f, &c, &data, &frame, NULL);
    }
    return frame;
}

__attribute__((noinline, noclone)) static DWORD64 unwind_target(void)
{
    DWORD64 rax;
    __asm__ volatile(".seh_handler note_unwind, @unwind");
    unwind_frame = caller_frame();
    __asm__ volatile("leaq .Lunwind_here(%%rip), %%rax\n\t"
                     "movq %%rax, unwind_ip(%%rip)" ::: "rax", "memory");
    unwind_deep();
    __asm__ volatile(".Lunwind_here:\n\tmovq %%rax, %0" : "=r"(rax));
    return rax;
}

/* ---- native entries ---- */

void *leave_ip;                                 /* set by leave_try's asm */

__attribute__((used)) static void leave_finally(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    printf("__finally run by _local_unwind (abnormal %d)\n", abnormal);
}

__attribute__((used)) static LONG status_filter(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    printf("RtlRaiseStatus: %08lx flags %lu\n", ep->ExceptionRecord->ExceptionCode, ep->ExceptionRecord->ExceptionFlags);
    return EXCEPTION_EXECUTE_HANDLER;
}

static FARPROC proc(const char *dll, const char *name)
{
    return GetProcAddress(GetModuleHandleA(dll), name);
}

__attribute__((noinline, noclone)) static void leave_try(void)
{
    void (*local_unwind)(void *, void *) = (void (*)(void *, void *))(void *)proc(
#ifdef _UCRT
        "ucrtbase.dll",
#else
        "msvcrt.dll",
#endif
        "_local_unwind");
    SCOPE_FINALLY("lt", "leave_finally");
    DWORD64 frame = caller_frame();             /* this function's own frame */
    __asm__ volatile("leaq .Lleave_to(%%rip), %%rax\n\tmovq %%rax, leave_ip(%%rip)" ::: "rax", "memory");
    local_unwind((void *)frame, leave_ip);
    say("not reached");
    SCOPE_END("lt");
    __asm__ volatile(".Lleave_to:" ::: "memory");
    say("continued after the __try");
}

__attribute__((noinline, noclone)) static void raise_status(void)
{
    void (WINAPI *rtl_raise_status)(LONG) = (void (WINAPI *)(LONG))(void *)proc("ntdll.dll", "RtlRaiseStatus");
    SCOPE_EXCEPT("rs", "status_filter");
    rtl_raise_status(0xC0000017);
    SCOPE_END_EXCEPT("rs", landed);
    printf("landed with %08lx\n", landed);
}

static void native(void)
{
    LONG (WINAPI *nt_continue)(CONTEXT *, BOOLEAN) =
        (LONG (WINAPI *)(CONTEXT *, BOOLEAN))(void *)proc("ntdll.dll", "NtContinue");
    static CONTEXT c;
    static volatile int pass;
    RtlCaptureContext(&c);
    if (pass++ == 0) {
        nt_continue(&c, FALSE);
        say("not reached");
    }
    printf("NtContinue resumed the captured context (pass %d)\n", pass);
    raise_status();
    leave_try();
}

/* ---- generated code ---- */

static int jit_calls;

static EXCEPTION_DISPOSITION jit_handler(EXCEPTION_RECORD *r, void *f, CONTEXT *c, DISPATCHER_CONTEXT *d)
{
    (void)f;
    printf("generated code's handler: %08lx at +%llu, handler data %s\n", r->ExceptionCode,
           (unsigned long long)(d->ControlPc - d->ImageBase - d->FunctionEntry->BeginAddress),
           (const char *)d->HandlerData);
    jit_calls++;
    c->Rip += 11;                               /* past the faulting mov */
    return ExceptionContinueExecution;
}

static unsigned char *jit_image;
static RUNTIME_FUNCTION *jit_entry;

static PRUNTIME_FUNCTION CALLBACK jit_lookup(DWORD64 pc, void *ctx)
{
    (void)pc;
    return ctx;
}

/* sub rsp, 0x28; mov dword [0x40], 1; add rsp, 0x28; ret — with
 * UNWIND_INFO (ALLOC_SMALL 0x28, an exception handler) and the
 * RUNTIME_FUNCTION after it; the handler is reached through an absolute
 * jmp, since it may be more than 4 GB away. */
static void jit_build(void)
{
    static const unsigned char code[] = { 0x48, 0x83, 0xec, 0x28, 0xc7, 0x04, 0x25, 0x40, 0, 0, 0, 1, 0, 0, 0,
                                          0x48, 0x83, 0xc4, 0x28, 0xc3 };
    unsigned char *m = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    memcpy(m, code, sizeof code);
    m[0x40] = 0xff, m[0x41] = 0x25;             /* jmp [rip+0] */
    memset(m + 0x42, 0, 4);
    void *h = (void *)jit_handler;
    memcpy(m + 0x46, &h, 8);
    unsigned char *ui = m + 0x80;               /* version 1, EHANDLER; prolog 4; 1 code */
    ui[0] = 1 | UNW_FLAG_EHANDLER << 3, ui[1] = 4, ui[2] = 1, ui[3] = 0;
    ui[4] = 4, ui[5] = 2 | 4 << 4;    /* UWOP_ALLOC_SMALL, (4 + 1) * 8 = 0x28 */
    DWORD handler_rva = 0x40;
    memcpy(ui + 8, &handler_rva, 4);
    strcpy((char *)ui + 12, "intact");
    jit_entry = (RUNTIME_FUNCTION *)(m + 0xc0);
    jit_entry->BeginAddress = 0, jit_entry->EndAddress = sizeof code, jit_entry->UnwindData = 0x80;
    jit_image = m;
}

static void jit(void)
{
    jit_build();
    printf("RtlAddFunctionTable: %d\n", RtlAddFunctionTable(jit_entry, 1, (DWORD64)jit_image));
    ((void (*)(void))jit_image)();
    printf("RtlDeleteFunctionTable: %d\n", RtlDeleteFunctionTable(jit_entry));
    DWORD64 id = (DWORD64)jit_image | 3;
    printf("RtlInstallFunctionTableCallback: %d\n",
           RtlInstallFunctionTableCallback(id, (DWORD64)jit_image, 0x40, jit_lookup, jit_entry, NULL));
    ((void (*)(void))jit_image)();
    printf("handler calls %d, RtlDeleteFunctionTable: %d\n", jit_calls, RtlDeleteFunctionTable((PRUNTIME_FUNCTION)id));
}

/* ---- traps ---- */

static volatile int skip;
static volatile DWORD trap_code;

static LONG CALLBACK trap_veh(EXCEPTION_POINTERS *ep)
{
    trap_code = ep->ExceptionRecord->ExceptionCode;
    ep->ContextRecord->Rip += skip;
    ep->ContextRecord->EFlags &= ~0x100u;       /* single step off */
    if (trap_code == STATUS_FLOAT_DIVIDE_BY_ZERO)
        ep->ContextRecord->MxCsr = ep->ContextRecord->FltSave.MxCsr = 0x1f80; /* masked, flags clear */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void traps(void)
{
    AddVectoredExceptionHandler(1, trap_veh);
    skip = 1;
    __asm__ volatile("hlt");
    printf("hlt: %08lx\n", trap_code);
    skip = 2;
    __asm__ volatile("int $0x2c");
    printf("int 2c: %08lx\n", trap_code);
    skip = 0;
    __asm__ volatile("pushfq\n\torq $0x100, (%%rsp)\n\tpopfq\n\tnop\n\tnop" ::: "memory", "cc");
    printf("single step: %08lx\n", trap_code);
    volatile double zero = 0.0, one = 1.0, r;
    unsigned int mx = 0x1f80 & ~0x200u;         /* unmask divide by zero */
    __asm__ volatile("ldmxcsr %0" : : "m"(mx));
    skip = 0;
    __asm__ volatile("movsd %1, %%xmm0\n\tdivsd %2, %%xmm0\n\tmovsd %%xmm0, %0" : "=m"(r) : "m"(one), "m"(zero)
                     : "xmm0");
    printf("SSE divide by zero: %08lx\n", trap_code);
}

/* ---- unhandled ---- */

__attribute__((used)) static void report_finally(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    printf("__finally ran before the process ended (abnormal %d)\n", abnormal);
    fflush(stdout);
}

static LONG WINAPI exit_filter(EXCEPTION_POINTERS *ep)
{
    printf("unhandled filter: %08lx, EXCEPTION_EXECUTE_HANDLER\n", ep->ExceptionRecord->ExceptionCode);
    fflush(stdout);
    return EXCEPTION_EXECUTE_HANDLER;
}

__attribute__((noinline, noclone)) static void finally_then_fault(void)
{
    SCOPE_FINALLY("ff", "report_finally");
    fault_plain();
    SCOPE_END("ff");
}

__attribute__((noinline, noclone)) static int divide(int a, int b)
{
    int q;
    __asm__ volatile("cltd\n\tidivl %%ecx" : "=a"(q) : "a"(a), "c"(b) : "rdx"); /* f7 f9 */
    return q;
}

static LONG CALLBACK div_veh(EXCEPTION_POINTERS *ep)
{
    printf("%s: %08lx\n", ep->ContextRecord->Rcx ? "INT_MIN / -1" : "1 / 0", ep->ExceptionRecord->ExceptionCode);
    ep->ContextRecord->Rip += 2;
    ep->ContextRecord->Rax = 0;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static int small_recursion(int n)
{
    volatile char pad[256];
    pad[0] = 1;
    return n ? small_recursion(n - 1) + pad[0] : 0;
}

static int recurse(volatile int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

__attribute__((used)) static LONG overflow_filter(EXCEPTION_POINTERS *ep, void *frame)
{
    (void)frame;
    printf("filter: %08lx, %lu parameters\n", ep->ExceptionRecord->ExceptionCode,
           ep->ExceptionRecord->NumberParameters);
    return ep->ExceptionRecord->ExceptionCode == EXCEPTION_STACK_OVERFLOW;
}

__attribute__((noinline, noclone)) static void catch_overflow(void)
{
    SCOPE_EXCEPT("ov", "overflow_filter");
    recurse(0);
    SCOPE_END_EXCEPT("ov", landed);
    printf("landed with %08lx, recursing a little works: %d\n", landed, small_recursion(100));
}

int main(int argc, char **argv)
{
    const char *m = argc > 1 ? argv[1] : "";
    if (!strcmp(m, "nested")) {
        nested_top();
        printf("landed with %08lx\n", landed);
    } else if (!strcmp(m, "collided")) {
        col_outer();
        printf("landed with %08lx (inner target %s), __finally ran %d time(s)\n", landed,
               landed_inner ? "reached" : "skipped", finally_runs);
    } else if (!strcmp(m, "noncont")) {
        noncont();
        printf("landed with %08lx\n", landed);
    } else if (!strcmp(m, "params")) {
        ULONG_PTR a[20];
        for (int i = 0; i < 20; i++)
            a[i] = (ULONG_PTR)i + 1;
        AddVectoredExceptionHandler(1, params_veh);
        RaiseException(0xE0000011, 0, 20, a);
        RaiseException(0xE0000012, 0, 3, NULL);
        RaiseException(0xE0000013, 0, 2, a);
    } else if (!strcmp(m, "backtrace")) {
        bt_a(1);
    } else if (!strcmp(m, "unwind")) {
        printf("RtlUnwindEx returned %llu to the target\n", (unsigned long long)unwind_target());
    } else if (!strcmp(m, "traps")) {
        traps();
    } else if (!strcmp(m, "av")) {
        *bad = 2;
    } else if (!strcmp(m, "raise")) {
        RaiseException(0xE0000BAD, 0, 0, NULL);
    } else if (!strcmp(m, "overflow")) {
        return recurse(0);
    } else if (!strcmp(m, "filter-finally")) {
        SetUnhandledExceptionFilter(exit_filter);
        finally_then_fault();
    } else if (!strcmp(m, "divide")) {
        AddVectoredExceptionHandler(1, div_veh);
        volatile int min = INT_MIN, minus1 = -1, zero = 0;
        printf("quotients %d %d\n", divide(1, zero), divide(min, minus1));
    } else if (!strcmp(m, "overflow-caught")) {
        catch_overflow();
        printf("_resetstkoflw: %d\n", _resetstkoflw() != 0);
        catch_overflow();
    } else if (!strcmp(m, "native")) {
        native();
    } else if (!strcmp(m, "jit")) {
        jit();
    } else if (!strcmp(m, "isbad")) {
        static const char ro[] = "constant";
        static char rw[16] = "x";
        char *page = VirtualAlloc(NULL, 8192, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
        DWORD old;
        memcpy(page + 4000, "ab", 3);
        memcpy(page + 4093, "abc", 3);              /* no terminator before the page */
        VirtualProtect(page + 4096, 4096, PAGE_NOACCESS, &old);
        printf("read: null %d, data %d, across into no-access %d, size 0 %d\n", IsBadReadPtr(NULL, 1),
               IsBadReadPtr(rw, 16), IsBadReadPtr(page + 4000, 200), IsBadReadPtr(NULL, 0));
        printf("write: rodata %d, data %d\n", IsBadWritePtr((void *)ro, 4), IsBadWritePtr(rw, 16));
        printf("code: main %d, no-access %d\n", IsBadCodePtr((FARPROC)(void *)main), IsBadCodePtr((FARPROC)(page + 4096)));
        printf("string: ends before the page %d, runs into it %d, wide %d\n",
               IsBadStringPtrA(page + 4000, 100), IsBadStringPtrA(page + 4093, 100), IsBadStringPtrW(L"wide", 10));
    } else if (!strcmp(m, "fastfail")) {
        __asm__ volatile("movl $7, %ecx\n\tint $0x29");
    } else
        return 2;
    say("done");
    return 0;
}
