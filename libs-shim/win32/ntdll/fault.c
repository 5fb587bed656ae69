/* fault.c — host faults turned into Windows exceptions. The SIGSEGV,
 * SIGBUS, SIGILL, SIGFPE and SIGTRAP handler (on its own signal stack)
 * builds the EXCEPTION_RECORD and the CONTEXT Windows would give — codes
 * and parameters from the x86 trap number, page-fault error code and
 * si_code; int3 reported at the int3 itself; all registers, x87/SSE state
 * in FltSave, Windows' segment values — copies both to the faulting
 * thread's stack below its red zone with the w32_fault_frame marker as a
 * return address, and returns into seh_dispatch (dispatch.c) there, the
 * way Windows enters KiUserExceptionDispatcher. Nothing is dispatched in
 * signal context. A soft guard page near the end of each thread's stack
 * makes a stack overflow a dispatchable STATUS_STACK_OVERFLOW; kernel32's
 * PAGE_GUARD pages give STATUS_GUARD_PAGE_VIOLATION. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"
#include "intercept.h"
#include "seh.h"

#define ARCH_GET_GS 0x1004
#define RED_ZONE 128
#define STACK_RESERVE 0x3000    /* room a dispatch needs on the faulting stack */
#define OVERFLOW_RESERVE 0x10000 /* below the soft guard page: room to handle an overflow */
#define ALTSTACK_SIZE 0x10000
#define STATUS_DATATYPE_MISALIGNMENT 0x80000002
#define STATUS_ASSERTION_FAILURE 0xC0000420
#define STATUS_DEVICE_DATA_ERROR 0xC000009C
#define EFL_TF 0x100
#define EFL_DF 0x400
#define EFL_AC 0x40000

enum { TRAP_DE = 0, TRAP_DB = 1, TRAP_BP = 3, TRAP_GP = 13, TRAP_PF = 14, TRAP_MF = 16, TRAP_XM = 19 };

/* The thread's soft guard page, OVERFLOW_RESERVE above the end of its
 * stack: touching it is STATUS_STACK_OVERFLOW, dispatched on the reserve
 * below (as Windows' guard page); it is not re-armed, so a second
 * overflow reaches the end of the stack and ends the process. */
static __thread DWORD64 soft_guard;

/* kernel32 (virtual.c): a PAGE_GUARD page of the program's; the guard is
 * lifted and the fault is STATUS_GUARD_PAGE_VIOLATION, once. */
int w32_virtual_guard_fault(uint64_t addr);

static int hits_soft_guard(ULONG_PTR addr)
{
    DWORD64 g = soft_guard;
    if (!g || addr < g || addr >= g + 0x1000)
        return 0;
    soft_guard = 0;
    mprotect((void *)g, 0x1000, PROT_READ | PROT_WRITE);
    return 1;
}

static TEB *current_teb(void)
{
    unsigned long gs = 0;
    if (syscall(SYS_arch_prctl, ARCH_GET_GS, &gs) < 0)
        return NULL;
    return (TEB *)gs;
}

static void set_av(EXCEPTION_RECORD *r, DWORD code, ULONG_PTR kind, ULONG_PTR addr)
{
    r->ExceptionCode = code;
    r->NumberParameters = 2;
    r->ExceptionInformation[0] = kind;
    r->ExceptionInformation[1] = addr;
}

/* Instructions user mode may not run (#GP): hlt, cli, sti, in/out,
 * ins/outs, and the 0f-prefixed system instructions. */
static int privileged(const BYTE *p)
{
    static const BYTE one[] = { 0xf4, 0xfa, 0xfb, 0xe4, 0xe5, 0xe6, 0xe7, 0xec, 0xed, 0xee, 0xef,
                                0x6c, 0x6d, 0x6e, 0x6f };
    static const BYTE two[] = { 0x06, 0x08, 0x09, 0x20, 0x21, 0x22, 0x23, 0x30, 0x32 };
    while (*p == 0x66 || *p == 0xf2 || *p == 0xf3 || (*p & 0xf0) == 0x40)
        p++;
    if (*p == 0x0f)
        return memchr(two, p[1], sizeof two) != NULL;
    return memchr(one, *p, sizeof one) != NULL;
}

/* A general-protection fault: a software interrupt Windows defines
 * (int 2c assertion, int 2d debug service, int 29 fail fast), a
 * privileged instruction, or a bad (non-canonical) address. */
static void classify_gp(EXCEPTION_RECORD *r, const ucontext_t *uc)
{
    unsigned long err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];
    const BYTE *pc = (const BYTE *)uc->uc_mcontext.gregs[REG_RIP];
    if ((err & 7) == 2) {                       /* the IDT entry for an int n */
        unsigned vec = (unsigned)(err >> 3);
        r->ExceptionCode = vec == 0x2c ? STATUS_ASSERTION_FAILURE : vec == 0x2d ? STATUS_BREAKPOINT
                         : vec == 0x29 ? STATUS_STACK_BUFFER_OVERRUN : STATUS_ACCESS_VIOLATION;
        if (r->ExceptionCode == STATUS_STACK_BUFFER_OVERRUN) {
            r->NumberParameters = 1;
            r->ExceptionInformation[0] = (ULONG_PTR)uc->uc_mcontext.gregs[REG_RCX];
        } else if (r->ExceptionCode == STATUS_ACCESS_VIOLATION)
            set_av(r, STATUS_ACCESS_VIOLATION, 0, ~(ULONG_PTR)0);
        return;
    }
    if (privileged(pc))
        r->ExceptionCode = STATUS_PRIVILEGED_INSTRUCTION;
    else
        set_av(r, STATUS_ACCESS_VIOLATION, 0, ~(ULONG_PTR)0);
}

static const struct { int si_code; DWORD status; } fpe_codes[] = {
    { FPE_INTDIV, STATUS_INTEGER_DIVIDE_BY_ZERO }, { FPE_INTOVF, STATUS_INTEGER_OVERFLOW },
    { FPE_FLTDIV, STATUS_FLOAT_DIVIDE_BY_ZERO },   { FPE_FLTOVF, STATUS_FLOAT_OVERFLOW },
    { FPE_FLTUND, STATUS_FLOAT_UNDERFLOW },        { FPE_FLTRES, STATUS_FLOAT_INEXACT_RESULT },
    { FPE_FLTINV, STATUS_FLOAT_INVALID_OPERATION }, { FPE_FLTSUB, STATUS_ARRAY_BOUNDS_EXCEEDED },
};

static void classify(int sig, const siginfo_t *si, const ucontext_t *uc, EXCEPTION_RECORD *r)
{
    long trap = uc->uc_mcontext.gregs[REG_TRAPNO], err = uc->uc_mcontext.gregs[REG_ERR];
    ULONG_PTR addr = (ULONG_PTR)si->si_addr;
    r->ExceptionCode = STATUS_ACCESS_VIOLATION;
    if (sig == SIGSEGV && trap == TRAP_GP)
        classify_gp(r, uc);
    else if (sig == SIGSEGV)
        set_av(r, hits_soft_guard(addr) ? STATUS_STACK_OVERFLOW
                  : w32_virtual_guard_fault(addr) ? STATUS_GUARD_PAGE_VIOLATION : STATUS_ACCESS_VIOLATION,
               err & 0x10 ? 8 : err & 2 ? 1 : 0, addr);
    else if (sig == SIGBUS && si->si_code == BUS_ADRALN)
        r->ExceptionCode = STATUS_DATATYPE_MISALIGNMENT;
    else if (sig == SIGBUS) {
        set_av(r, STATUS_IN_PAGE_ERROR, err & 2 ? 1 : 0, addr);
        r->NumberParameters = 3;
        r->ExceptionInformation[2] = STATUS_DEVICE_DATA_ERROR;
    } else if (sig == SIGILL)
        r->ExceptionCode = si->si_code == ILL_PRVOPC || si->si_code == ILL_PRVREG
                         ? STATUS_PRIVILEGED_INSTRUCTION : STATUS_ILLEGAL_INSTRUCTION;
    else if (sig == SIGFPE) {
        r->ExceptionCode = STATUS_FLOAT_INVALID_OPERATION;
        for (size_t i = 0; i < sizeof fpe_codes / sizeof fpe_codes[0]; i++)
            if (fpe_codes[i].si_code == si->si_code)
                r->ExceptionCode = fpe_codes[i].status;
        if (trap == TRAP_DE)
            r->ExceptionCode = seh_divide_error_code(uc);
    } else if (sig == SIGTRAP && trap == TRAP_DB)
        r->ExceptionCode = STATUS_SINGLE_STEP;
    else if (sig == SIGTRAP) {
        r->ExceptionCode = STATUS_BREAKPOINT;
        r->NumberParameters = 1;                /* BREAKPOINT_BREAK */
    }
}

/* The Windows CONTEXT of the interrupted code. */
static void fill_context(const ucontext_t *uc, CONTEXT *c)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    static const BYTE from[16] = { REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                   REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15 };
    memset(c, 0, sizeof *c);
    c->ContextFlags = CONTEXT_ALL;
    for (unsigned i = 0; i < 16; i++)
        *ctx_reg(c, i) = (DWORD64)g[from[i]];
    c->Rip = (DWORD64)g[REG_RIP];
    c->EFlags = (DWORD)g[REG_EFL];
    c->SegCs = (WORD)(g[REG_CSGSFS] & 0xffff);
    c->SegDs = c->SegEs = c->SegSs = SEL_DS;
    c->SegFs = SEL_FS;
    c->SegGs = SEL_GS;
    if (uc->uc_mcontext.fpregs) {
        memcpy(&c->FltSave, uc->uc_mcontext.fpregs, sizeof c->FltSave);
        c->MxCsr = c->FltSave.MxCsr;
    } else
        c->MxCsr = c->FltSave.MxCsr = 0x1f80;
}

static void say(const char *what, DWORD code, DWORD64 pc)
{
    char msg[200];
    const char *prog = w32_proc.exe_host ? strrchr(w32_proc.exe_host, '/') : NULL;
    int n = snprintf(msg, sizeof msg, "xeno: %s: %s 0x%08X (%s) at 0x%llx\n", prog ? prog + 1 : "program", what,
                     code, seh_code_name(code), (unsigned long long)pc);
    if (n > 0 && write(2, msg, (size_t)n) < 0)
        return;
}

/* Point the interrupted thread at seh_dispatch(rec, ctx) with copies of
 * both on its own stack. Returns 0 if there is no room left. */
static int redirect(ucontext_t *uc, TEB *teb, const EXCEPTION_RECORD *rec, const CONTEXT *ctx)
{
    greg_t *g = uc->uc_mcontext.gregs;
    DWORD64 sp = ((DWORD64)g[REG_RSP] - RED_ZONE) & ~15ull;
    DWORD64 lo = (DWORD64)teb->StackLimit, hi = (DWORD64)teb->StackBase, rsp = (DWORD64)g[REG_RSP];
    if (lo && rsp <= hi && rsp + 0x10000 > lo && sp < lo + STACK_RESERVE)
        return 0;                               /* at (or past) the end of its stack */
    sp -= (sizeof *rec + 15) & ~15ul;
    EXCEPTION_RECORD *r = (EXCEPTION_RECORD *)sp;
    sp -= sizeof *ctx;
    CONTEXT *c = (CONTEXT *)sp;
    sp -= SEH_MARKER_CTX + 8;
    seh_unpoison(sp - 0x10000 > lo ? sp - 0x10000 : lo, rsp);
    memcpy(r, rec, sizeof *rec);
    memcpy(c, ctx, sizeof *ctx);
    *(DWORD64 *)sp = (DWORD64)w32_fault_frame;
    g[REG_RSP] = (greg_t)sp;
    g[REG_RIP] = (greg_t)seh_dispatch;
    g[REG_RDI] = (greg_t)r;
    g[REG_RSI] = (greg_t)c;
    g[REG_EFL] &= ~(greg_t)(EFL_TF | EFL_DF | EFL_AC);
    if (uc->uc_mcontext.fpregs) {               /* the dispatcher starts with a clean FPU */
        uc->uc_mcontext.fpregs->mxcsr = 0x1f80;
        uc->uc_mcontext.fpregs->cwd = 0x37f;
        uc->uc_mcontext.fpregs->swd = 0;
    }
    return 1;
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    TEB *teb = current_teb();
    if (si->si_code <= 0) {                     /* sent by kill(): not a fault */
        xeno_sigaction_raw(sig, SIG_DFL, 0, 0, NULL);
        syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), sig);
        return;
    }
    if (sig == SIGSEGV || sig == SIGBUS)
        w32_copy_fault_recover();               /* a builtin's copy of guest memory */
    if (!teb) {                                 /* not a Windows thread: crash as usual */
        xeno_sigaction_raw(sig, SIG_DFL, 0, 0, NULL);
        return;
    }
    EXCEPTION_RECORD rec;
    CONTEXT ctx;
    memset(&rec, 0, sizeof rec);
    classify(sig, si, uc, &rec);
    fill_context(uc, &ctx);
    if (sig == SIGTRAP && uc->uc_mcontext.gregs[REG_TRAPNO] == TRAP_BP)
        ctx.Rip--;                              /* Windows reports the int3 itself */
    rec.ExceptionAddress = (PVOID)ctx.Rip;
    if (rec.ExceptionCode == STATUS_STACK_BUFFER_OVERRUN) { /* __fastfail: no handlers */
        say("fail fast", rec.ExceptionCode, ctx.Rip);
        seh_terminate(rec.ExceptionCode);
    }
    if (!redirect(uc, teb, &rec, &ctx)) {
        say("unhandled exception", STATUS_STACK_OVERFLOW, ctx.Rip);
        seh_terminate(STATUS_STACK_OVERFLOW);
    }
}

/* Where the calling thread's soft guard page goes, or 0 (small stack). */
static DWORD64 guard_place(void)
{
    TEB *teb = w32_teb();
    DWORD64 lo = ((DWORD64)teb->StackLimit + 0xfff) & ~0xfffull, hi = (DWORD64)teb->StackBase;
    return lo && hi > lo + 4 * OVERFLOW_RESERVE ? lo + OVERFLOW_RESERVE : 0;
}

static int arm_guard(void)
{
    DWORD64 g = guard_place();
    if (!g || mprotect((void *)g, 0x1000, PROT_NONE) != 0)
        return 0;
    soft_guard = g;
    return 1;
}

/* A signal stack for the calling thread, so that a fault on an exhausted
 * stack still reaches the handler, and the soft guard page of its stack. */
void w32_exceptions_thread_init(void)
{
    void *p = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
        stack_t ss = { .ss_sp = p, .ss_size = ALTSTACK_SIZE, .ss_flags = 0 };
        sigaltstack(&ss, NULL);
    }
    arm_guard();
}

/* The CRT's _resetstkoflw: re-arm the guard after a stack overflow was
 * handled, once the stack pointer is well above it again. Nonzero on
 * success. */
static int WINAPI w32__resetstkoflw(void)
{
    DWORD64 g = guard_place();
    if (soft_guard)
        return 1;
    if (!g || (DWORD64)__builtin_frame_address(0) < g + 0x4000)
        return 0;
    return arm_guard();
}

W32_EXPORTS(msvcrt) = {
    EXPORT(_resetstkoflw, ":i"),
};
W32_EXPORTS(ucrtbase) = {
    EXPORT(_resetstkoflw, ":i"),
};

void seh_install_fault_handlers(void)
{
    static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        xeno_sigaction_raw(sigs[i], (void *)on_fault, SA_ONSTACK, 0, NULL);
    w32_copy_faults_recoverable();
}
