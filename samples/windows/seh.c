/* seh.c — structured exceptions in a C program built by gcc (no __try):
 *  - vectored handlers (AddVectoredExceptionHandler first/last, order,
 *    EXCEPTION_CONTINUE_SEARCH passing on, RemoveVectoredExceptionHandler)
 *    and a vectored continue handler;
 *  - RaiseException with a custom code and parameters, resumed;
 *  - hardware faults turned into exceptions and resumed by editing the
 *    CONTEXT (skipping the instruction, setting registers): read and write
 *    access violations (ExceptionInformation = access kind and address),
 *    integer divide by zero, int3 (RIP reported at the int3), ud2, and
 *    executing a PAGE_READWRITE page (access kind 8);
 *  - a fault on another thread, seen by the same vectored handler;
 *  - frame-based handling through .pdata exactly as MSVC's __try builds
 *    it: an __except scope handled by the CRT's __C_specific_handler with a
 *    filter, a __finally scope run during unwinding, and a custom language
 *    handler called in the search and unwind phases; the landing point gets
 *    the exception code in RAX.
 * Modes (first argument), each a separate run:
 *   (none)           all of the above, exit status 0
 *   filter           SetUnhandledExceptionFilter, then an access violation;
 *                    the filter returns EXCEPTION_EXECUTE_HANDLER, so the
 *                    process ends with exit code 0xC0000005 (a Linux parent
 *                    sees 5)
 *   filter-continue  RaiseException(0xE0000042), the unhandled filter returns
 *                    EXCEPTION_CONTINUE_EXECUTION, RaiseException returns,
 *                    exit status 0
 *   signal           signal(SIGSEGV, handler) then an access violation: the
 *                    mingw CRT's own unhandled-exception filter calls the
 *                    handler, which exits with status 6
 * Windows only.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  The "filter" mode prints
 * "unhandled filter: code c0000005, write at 0x40" (exit code 0xC0000005);
 * "filter-continue" prints "unhandled filter: code e0000042, continuable 1"
 * and "RaiseException returned to main" (0); "signal" prints "SIGSEGV
 * handler called" (6).  Two lines of the default run differ under Wine 8.0,
 * which is wrong there: Windows calls vectored continue handlers after a
 * vectored handler returned EXCEPTION_CONTINUE_EXECUTION (Wine prints
 * "continue 0"), and __C_specific_handler passes the exception code to
 * RtlUnwindEx as the return value, so the __except target finds it in RAX
 * as MSVC's GetExceptionCode() expects (Wine passes 0).
 * Expected output with no argument:
 * handlers added: 1
 * RaiseException returned
 * RaiseException: code e0000001 flags 0 params 2 info 1234 abcdef
 * handler calls: first 1 last 1 continue 1
 * read fault: code c0000005 flags 0 params 2 info 0 10
 * resumed with eax set by the handler: 77
 * write fault: code c0000005 flags 0 params 2 info 1 20
 * divide by zero: code c0000094 flags 0 params 0 info 0 0
 * quotient set by the handler: 42
 * int3: code 80000003 flags 0 params 1 info 0 0
 * int3: context RIP equals ExceptionAddress: yes
 * ud2: code c000001d flags 0 params 0 info 0 0
 * execute on a PAGE_READWRITE page: code c0000005 access 8 at the page yes
 * fault in another thread: code c0000005, handled on that thread yes, thread result 9
 * RemoveVectoredExceptionHandler: 1 1, RemoveVectoredContinueHandler: 1
 * frame-based handling:
 *   language handler: search phase, code c0000005
 *   __except filter: code c0000005, access 1 at 0x30
 *   language handler: unwind phase, code c0000005
 *   __finally ran during unwind (abnormal termination)
 *   landed after __except with c0000005 in RAX
 */
#include <windows.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile DWORD seen_code, seen_flags, seen_params, seen_thread;
static volatile ULONG_PTR seen_info[4];
static volatile void *seen_addr;
static volatile int calls_first, calls_last, calls_continue;
static volatile int skip_bytes, set_rax, simulate_ret;
static volatile LONG64 new_rax;

static LONG CALLBACK first_handler(EXCEPTION_POINTERS *ep)
{
    (void)ep;
    calls_first++;
    return EXCEPTION_CONTINUE_SEARCH;            /* let the next one decide */
}

static LONG CALLBACK last_handler(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    calls_last++;
    if (r->ExceptionCode == 0xE0000BADu)
        return EXCEPTION_CONTINUE_SEARCH;        /* not ours */
    seen_code = r->ExceptionCode;
    seen_flags = r->ExceptionFlags;
    seen_params = r->NumberParameters;
    seen_addr = r->ExceptionAddress;
    seen_thread = GetCurrentThreadId();
    for (DWORD i = 0; i < 4; i++)
        seen_info[i] = i < r->NumberParameters ? r->ExceptionInformation[i] : 0;
    if (r->ExceptionCode == EXCEPTION_BREAKPOINT)
        seen_info[3] = ep->ContextRecord->Rip == (DWORD64)r->ExceptionAddress;
    if (simulate_ret) {                          /* return from the bad call */
        ep->ContextRecord->Rip = *(DWORD64 *)ep->ContextRecord->Rsp;
        ep->ContextRecord->Rsp += 8;
    }
    ep->ContextRecord->Rip += skip_bytes;
    if (set_rax)
        ep->ContextRecord->Rax = (DWORD64)new_rax;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static LONG CALLBACK continue_handler(EXCEPTION_POINTERS *ep)
{
    (void)ep;
    calls_continue++;
    return EXCEPTION_CONTINUE_SEARCH;
}

static void report(const char *what)
{
    printf("%s: code %08lx flags %lu params %lu info %llx %llx\n", what, seen_code, seen_flags, seen_params,
           (unsigned long long)seen_info[0], (unsigned long long)seen_info[1]);
    seen_code = 0;
}

static void prepare(int skip, int rax, LONG64 value)
{
    skip_bytes = skip;
    set_rax = rax;
    new_rax = value;
    simulate_ret = 0;
}

__attribute__((noinline)) static int read_at(int *p)
{
    int v;
    __asm__ volatile("movl (%1), %0" : "=a"(v) : "c"(p) : "memory");   /* 8b 01 */
    return v;
}

__attribute__((noinline)) static void write_at(int *p, int v)
{
    __asm__ volatile("movl %0, (%1)" : : "a"(v), "c"(p) : "memory");   /* 89 01 */
}

__attribute__((noinline)) static unsigned divide(unsigned a, unsigned b)
{
    unsigned q;
    __asm__ volatile("xorl %%edx, %%edx\n\tdivl %2" : "=a"(q) : "a"(a), "c"(b) : "rdx");   /* f7 f1 */
    return q;
}

static DWORD WINAPI faulting_thread(void *arg)
{
    return (DWORD)read_at((int *)arg);
}

/* ---- frame-based handlers, laid out as MSVC lays out __try/__except ---- */

static volatile int log_n;
static char log_lines[8][80];
static volatile DWORD landed_code;

static void log_line(const char *s)
{
    if (log_n < 8)
        strcpy(log_lines[log_n++], s);
}

__attribute__((used)) static LONG outer_filter(EXCEPTION_POINTERS *ep, void *frame)
{
    char buf[80];
    (void)frame;
    snprintf(buf, sizeof buf, "__except filter: code %08lx, access %llu at 0x%llx", ep->ExceptionRecord->ExceptionCode,
             (unsigned long long)ep->ExceptionRecord->ExceptionInformation[0],
             (unsigned long long)ep->ExceptionRecord->ExceptionInformation[1]);
    log_line(buf);
    return EXCEPTION_EXECUTE_HANDLER;
}

__attribute__((used)) static void middle_finally(BOOLEAN abnormal, void *frame)
{
    (void)frame;
    log_line(abnormal ? "__finally ran during unwind (abnormal termination)" : "__finally ran normally");
}

__attribute__((used)) static EXCEPTION_DISPOSITION inner_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                                   DISPATCHER_CONTEXT *dc)
{
    (void)frame;
    (void)ctx;
    (void)dc;
    char buf[80];
    snprintf(buf, sizeof buf, "language handler: %s phase, code %08lx",
             rec->ExceptionFlags & EXCEPTION_UNWINDING ? "unwind" : "search", rec->ExceptionCode);
    log_line(buf);
    return ExceptionContinueSearch;
}

static int *volatile bad_pointer = (int *)0x30;

__attribute__((noinline)) static void fault_write(void)
{
    *bad_pointer = 1;
}

__attribute__((noinline, noclone)) static void inner(void)
{
    __asm__ volatile(".seh_handler inner_handler, @except, @unwind");
    fault_write();
    __asm__ volatile("nop");
}

__attribute__((noinline, noclone)) static void middle(void)
{
    /* scope table: one entry, [begin, end) with a termination handler */
    __asm__ volatile(".Lmiddle_begin:\n\t"
                     ".seh_handler __C_specific_handler, @except, @unwind\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva .Lmiddle_begin, .Lmiddle_end, middle_finally\n\t"
                     ".long 0\n\t"
                     ".text");
    inner();
    __asm__ volatile("nop\n.Lmiddle_end:\n\tnop");
    middle_finally(FALSE, NULL);                 /* the normal path */
}

__attribute__((noinline, noclone)) static void outer(void)
{
    /* scope table: one entry, [begin, end) with a filter and a target */
    __asm__ volatile(".Louter_begin:\n\t"
                     ".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva .Louter_begin, .Louter_end, outer_filter, .Louter_target\n\t"
                     ".text");
    middle();
    __asm__ volatile("nop\n.Louter_end:\n\t"
                     "jmp 1f\n"
                     ".Louter_target:\n\t"
                     "movl %%eax, %0\n"
                     "1:"
                     : "=m"(landed_code) : : "memory");
}

/* ---- the other modes ---- */

static LONG WINAPI unhandled_filter(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *r = ep->ExceptionRecord;
    if (r->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        printf("unhandled filter: code %08lx, %s at 0x%llx\n", r->ExceptionCode,
               r->ExceptionInformation[0] ? "write" : "read", (unsigned long long)r->ExceptionInformation[1]);
        fflush(stdout);
        return EXCEPTION_EXECUTE_HANDLER;        /* terminate with the code */
    }
    printf("unhandled filter: code %08lx, continuable %d\n", r->ExceptionCode,
           !(r->ExceptionFlags & EXCEPTION_NONCONTINUABLE));
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void on_sigsegv(int sig)
{
    printf("SIGSEGV handler called\n");
    exit(sig == SIGSEGV ? 6 : 7);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "filter") == 0) {
        SetUnhandledExceptionFilter(unhandled_filter);
        write_at((int *)0x40, 1);
        printf("not reached\n");
        return 1;
    }
    if (strcmp(mode, "filter-continue") == 0) {
        SetUnhandledExceptionFilter(unhandled_filter);
        RaiseException(0xE0000042, 0, 0, NULL);
        printf("RaiseException returned to main\n");
        return 0;
    }
    if (strcmp(mode, "signal") == 0) {
        signal(SIGSEGV, on_sigsegv);
        write_at((int *)0x50, 1);
        printf("not reached\n");
        return 1;
    }

    void *h_last = AddVectoredExceptionHandler(0, last_handler);
    void *h_first = AddVectoredExceptionHandler(1, first_handler);
    void *h_cont = AddVectoredContinueHandler(0, continue_handler);
    printf("handlers added: %d\n", h_last && h_first && h_cont);

    ULONG_PTR args[2] = { 0x1234, 0xabcdef };
    prepare(0, 0, 0);
    RaiseException(0xE0000001, 0, 2, args);
    printf("RaiseException returned\n");
    report("RaiseException");
    printf("handler calls: first %d last %d continue %d\n", calls_first, calls_last, calls_continue);

    prepare(2, 1, 77);
    int v = read_at((int *)0x10);
    report("read fault");
    printf("resumed with eax set by the handler: %d\n", v);

    prepare(2, 0, 0);
    write_at((int *)0x20, 5);
    report("write fault");

    prepare(2, 1, 42);
    unsigned q = divide(100, 0);
    report("divide by zero");
    printf("quotient set by the handler: %u\n", q);

    prepare(1, 0, 0);
    __asm__ volatile("int3");
    report("int3");
    printf("int3: context RIP equals ExceptionAddress: %s\n", seen_info[3] ? "yes" : "no");

    prepare(2, 0, 0);
    __asm__ volatile("ud2");
    report("ud2");

    unsigned char *page = VirtualAlloc(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    page[0] = 0xc3;                              /* ret */
    prepare(0, 0, 0);
    simulate_ret = 1;
    ((void (*)(void))page)();
    printf("execute on a PAGE_READWRITE page: code %08lx access %llu at the page %s\n", seen_code,
           (unsigned long long)seen_info[0], seen_info[1] == (ULONG_PTR)page ? "yes" : "no");
    VirtualFree(page, 0, MEM_RELEASE);

    prepare(2, 1, 9);
    DWORD tid;
    HANDLE t = CreateThread(NULL, 0, faulting_thread, (void *)0x60, 0, &tid);
    WaitForSingleObject(t, INFINITE);
    DWORD code;
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    printf("fault in another thread: code %08lx, handled on that thread %s, thread result %lu\n", seen_code,
           seen_thread == tid ? "yes" : "no", code);

    printf("RemoveVectoredExceptionHandler: %lu %lu, RemoveVectoredContinueHandler: %lu\n",
           RemoveVectoredExceptionHandler(h_first), RemoveVectoredExceptionHandler(h_last),
           RemoveVectoredContinueHandler(h_cont));

    outer();
    printf("frame-based handling:\n");
    for (int i = 0; i < log_n; i++)
        printf("  %s\n", log_lines[i]);
    printf("  landed after __except with %08lx in RAX\n", landed_code);
    return 0;
}
