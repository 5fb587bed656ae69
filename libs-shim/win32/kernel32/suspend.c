/* suspend.c — SuspendThread, ResumeThread, GetThreadContext,
 * SetThreadContext and TerminateThread, as Go's preemption uses them.
 *
 * Design: suspending a running thread sends it a host real-time signal
 * (K32_SIGSUSPEND). Its handler, on the target thread, publishes the
 * interrupted ucontext and parks on a futex until the suspend count is
 * back to 0. GetThreadContext waits until the target has parked — so it
 * does not return before the thread has really stopped, as Go requires —
 * and converts the saved ucontext to a Windows CONTEXT; SetThreadContext
 * writes registers back into that ucontext, which the kernel restores
 * when the handler returns. The handler touches only the thread's own
 * futex words, never a lock. Suspend, resume and the context calls take
 * no lock a parked thread may hold (only the handle table's, whose
 * holders defer a suspend request to the end of their section, see
 * w32_crit_enter), so a thread stopped anywhere — in guest code or inside
 * xeno — can always be resumed. A thread created suspended waits in its
 * start gate on the same futex. */
#include <errno.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "k32.h"

#define K32_SIGSUSPEND (SIGRTMAX - 3)
#define CONTEXT_AMD64 0x00100000u
#define CONTEXT_CONTROL (CONTEXT_AMD64 | 0x1)
#define CONTEXT_INTEGER (CONTEXT_AMD64 | 0x2)
#define CONTEXT_SEGMENTS (CONTEXT_AMD64 | 0x4)
#define CONTEXT_FLOATING_POINT (CONTEXT_AMD64 | 0x8)
#define CONTEXT_DEBUG_REGISTERS (CONTEXT_AMD64 | 0x10)

struct k32_suspend {
    int run;       /* futex: 0 while the thread must stay parked */
    int parked;    /* futex: 1 while it sits in the handler */
    int forever;   /* TerminateThread: never comes back */
    ucontext_t *uc;
};

/* The x64 CONTEXT record (winnt.h layout, 1232 bytes). */
struct k32_context {
    DWORD64 PHome[6];
    DWORD ContextFlags, MxCsr;
    WORD SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    DWORD EFlags;
    DWORD64 Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    DWORD64 Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15;
    DWORD64 Rip;
    BYTE FltSave[512];
    BYTE VectorRegister[26 * 16];
    DWORD64 VectorControl, DebugControl, LastBranchToRip, LastBranchFromRip;
    DWORD64 LastExceptionToRip, LastExceptionFromRip;
};
_Static_assert(sizeof(struct k32_context) == 0x4d0, "CONTEXT size");
_Static_assert(__builtin_offsetof(struct k32_context, Rax) == 0x78, "CONTEXT.Rax");
_Static_assert(__builtin_offsetof(struct k32_context, Rip) == 0xf8, "CONTEXT.Rip");
_Static_assert(__builtin_offsetof(struct k32_context, FltSave) == 0x100, "CONTEXT.FltSave");

static void futex_wait(int *w, int v)
{
    syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, v, NULL, NULL, 0);
}

static void futex_wait_ms(int *w, int v, long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, v, &ts, NULL, 0);
}

static void futex_wake(int *w)
{
    syscall(SYS_futex, w, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
}

static pthread_mutex_t suspend_lock = PTHREAD_MUTEX_INITIALIZER;

static void lock_counts(void)
{
    w32_crit_enter();
    pthread_mutex_lock(&suspend_lock);
}

static void unlock_counts(void)
{
    pthread_mutex_unlock(&suspend_lock);
    w32_crit_leave();
}

static void on_suspend(int sig, siginfo_t *si, void *ucv)
{
    (void)sig, (void)si;
    int saved = errno;
    if (w32_crit_defer()) { /* parked at the end of the section instead */
        errno = saved;
        return;
    }
    struct w32_thread *th = w32_teb()->xeno;
    struct w32_thread_obj *t = th ? (struct w32_thread_obj *)th->obj : NULL;
    struct k32_suspend *s = t ? t->susp : NULL;
    if (s && !__atomic_load_n(&s->run, __ATOMIC_ACQUIRE)) {
        s->uc = ucv;
        __atomic_store_n(&s->parked, 1, __ATOMIC_RELEASE);
        futex_wake(&s->parked);
        while (!__atomic_load_n(&s->run, __ATOMIC_ACQUIRE) || s->forever)
            futex_wait(&s->run, 0);
        s->uc = NULL;
        __atomic_store_n(&s->parked, 0, __ATOMIC_RELEASE);
        futex_wake(&s->parked);
    }
    errno = saved;
}

static void redeliver(void)
{
    syscall(SYS_tgkill, getpid(), (int)syscall(SYS_gettid), K32_SIGSUSPEND);
}

static void install_once(void)
{
    w32_crit_redeliver = redeliver;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_suspend;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    sigaction(K32_SIGSUSPEND, &sa, NULL);
}

static void install(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_once);
}

int k32_suspend_init_thread(struct w32_thread_obj *t, int suspended)
{
    if (!(t->susp = calloc(1, sizeof *t->susp)))
        return 0;
    t->susp->run = !suspended;
    t->suspend = suspended;
    return 1;
}

/* Park the calling thread while its suspend count is above zero (the
 * start gate of CREATE_SUSPENDED threads, and SuspendThread on itself). */
void k32_suspend_wait_self(struct w32_thread_obj *t)
{
    struct k32_suspend *s = t->susp;
    while (s && !__atomic_load_n(&s->run, __ATOMIC_ACQUIRE))
        futex_wait(&s->run, 0);
}

static DWORD remote_signal(struct w32_thread_obj *t, int sig)
{
    if (t->proc && t->proc->pid > 0 && !t->proc->o.signalled)
        kill(t->proc->pid, sig);
    return 0;
}

static DWORD WINAPI w32_SuspendThread(HANDLE h)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return (DWORD)-1;
    install();
    struct w32_thread_obj *me = k32_thread_current();
    struct k32_suspend *s = t->susp;
    if (!s || __atomic_load_n(&t->o.signalled, __ATOMIC_ACQUIRE)) {
        w32_obj_put(&t->o);
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return (DWORD)-1;
    }
    lock_counts();
    DWORD prev = (DWORD)t->suspend++;
    if (prev == 0 && !t->is_remote) {
        __atomic_store_n(&s->run, 0, __ATOMIC_RELEASE);
        if (t != me && __atomic_load_n(&t->th, __ATOMIC_ACQUIRE))
            syscall(SYS_tgkill, getpid(), (int)t->tid, K32_SIGSUSPEND);
    }
    if (prev == 0 && t->is_remote)
        remote_signal(t, SIGSTOP);
    unlock_counts();
    if (t == me)
        k32_suspend_wait_self(t);
    w32_obj_put(&t->o);
    return prev;
}

/* The process's primary thread of a child started CREATE_SUSPENDED: open
 * its start gate. */
static void open_gate(struct w32_thread_obj *t)
{
    struct w32_process_obj *p = t->proc;
    if (p && p->resume_fd >= 0) {
        char go = 1;
        if (write(p->resume_fd, &go, 1) < 0) { /* the child is gone: nothing to resume */ }
        close(p->resume_fd);
        p->resume_fd = -1;
    } else {
        remote_signal(t, SIGCONT);
    }
}

static DWORD WINAPI w32_ResumeThread(HANDLE h)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return (DWORD)-1;
    lock_counts();
    DWORD prev = (DWORD)t->suspend;
    if (prev > 0 && --t->suspend == 0) {
        if (t->susp) {
            __atomic_store_n(&t->susp->run, 1, __ATOMIC_RELEASE);
            futex_wake(&t->susp->run);
        }
        if (t->is_remote)
            open_gate(t);
    }
    unlock_counts();
    w32_obj_put(&t->o);
    return prev;
}

/* Wait (without the lock) until T has parked in the handler; 0 if it
 * exited or is not suspended. */
static ucontext_t *parked_context(struct w32_thread_obj *t)
{
    struct k32_suspend *s = t->susp;
    if (!s)
        return NULL;
    for (;;) {
        if (__atomic_load_n(&s->parked, __ATOMIC_ACQUIRE))
            return s->uc;
        if (__atomic_load_n(&s->run, __ATOMIC_ACQUIRE) || __atomic_load_n(&t->o.signalled, __ATOMIC_ACQUIRE))
            return NULL;
        futex_wait_ms(&s->parked, 0, 1);
    }
}

static void to_context(const ucontext_t *uc, struct k32_context *c, DWORD flags)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    if ((flags & CONTEXT_CONTROL) == CONTEXT_CONTROL) {
        c->Rip = (DWORD64)g[REG_RIP], c->Rsp = (DWORD64)g[REG_RSP];
        c->EFlags = (DWORD)g[REG_EFL];
        c->SegCs = 0x33, c->SegSs = 0x2b;
        c->Rbp = (DWORD64)g[REG_RBP];
    }
    if ((flags & CONTEXT_INTEGER) == CONTEXT_INTEGER) {
        c->Rax = (DWORD64)g[REG_RAX], c->Rcx = (DWORD64)g[REG_RCX], c->Rdx = (DWORD64)g[REG_RDX];
        c->Rbx = (DWORD64)g[REG_RBX], c->Rbp = (DWORD64)g[REG_RBP], c->Rsi = (DWORD64)g[REG_RSI];
        c->Rdi = (DWORD64)g[REG_RDI], c->R8 = (DWORD64)g[REG_R8], c->R9 = (DWORD64)g[REG_R9];
        c->R10 = (DWORD64)g[REG_R10], c->R11 = (DWORD64)g[REG_R11], c->R12 = (DWORD64)g[REG_R12];
        c->R13 = (DWORD64)g[REG_R13], c->R14 = (DWORD64)g[REG_R14], c->R15 = (DWORD64)g[REG_R15];
    }
    if ((flags & CONTEXT_SEGMENTS) == CONTEXT_SEGMENTS)
        c->SegDs = c->SegEs = c->SegGs = 0x2b, c->SegFs = 0x53;
    if ((flags & CONTEXT_FLOATING_POINT) == CONTEXT_FLOATING_POINT && uc->uc_mcontext.fpregs) {
        memcpy(c->FltSave, uc->uc_mcontext.fpregs, sizeof c->FltSave);
        c->MxCsr = uc->uc_mcontext.fpregs->mxcsr;
    }
}

static void from_context(ucontext_t *uc, const struct k32_context *c)
{
    greg_t *g = uc->uc_mcontext.gregs;
    DWORD flags = c->ContextFlags;
    if ((flags & CONTEXT_CONTROL) == CONTEXT_CONTROL) {
        g[REG_RIP] = (greg_t)c->Rip, g[REG_RSP] = (greg_t)c->Rsp;
        g[REG_EFL] = (greg_t)((c->EFlags & 0xcd5) | ((DWORD64)g[REG_EFL] & ~0xcd5ull));
        g[REG_RBP] = (greg_t)c->Rbp;
    }
    if ((flags & CONTEXT_INTEGER) == CONTEXT_INTEGER) {
        g[REG_RAX] = (greg_t)c->Rax, g[REG_RCX] = (greg_t)c->Rcx, g[REG_RDX] = (greg_t)c->Rdx;
        g[REG_RBX] = (greg_t)c->Rbx, g[REG_RBP] = (greg_t)c->Rbp, g[REG_RSI] = (greg_t)c->Rsi;
        g[REG_RDI] = (greg_t)c->Rdi, g[REG_R8] = (greg_t)c->R8, g[REG_R9] = (greg_t)c->R9;
        g[REG_R10] = (greg_t)c->R10, g[REG_R11] = (greg_t)c->R11, g[REG_R12] = (greg_t)c->R12;
        g[REG_R13] = (greg_t)c->R13, g[REG_R14] = (greg_t)c->R14, g[REG_R15] = (greg_t)c->R15;
    }
    if ((flags & CONTEXT_FLOATING_POINT) == CONTEXT_FLOATING_POINT && uc->uc_mcontext.fpregs) {
        memcpy(uc->uc_mcontext.fpregs, c->FltSave, sizeof c->FltSave);
        uc->uc_mcontext.fpregs->mxcsr = c->MxCsr & 0xffff;
    }
}

/* Lock not held. The context of T: parked, or (for the calling thread)
 * as of this call. Returns 0 with the error set if unavailable. */
static int with_context(HANDLE h, struct k32_context *c, int set)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return 0;
    int ok = 0;
    ucontext_t self;
    ucontext_t *uc = NULL;
    if (t == k32_thread_current() && !set) {
        getcontext(&self);
        uc = &self;
    } else if (!t->is_remote) {
        uc = parked_context(t);
    }
    if (!uc) {
        w32_set_last_error(t->is_remote ? ERROR_ACCESS_DENIED : ERROR_GEN_FAILURE);
    } else {
        if (set)
            from_context(uc, c);
        else
            to_context(uc, c, c->ContextFlags);
        ok = 1;
    }
    w32_obj_put(&t->o);
    return ok;
}

static BOOL WINAPI w32_GetThreadContext(HANDLE h, struct k32_context *c)
{
    struct k32_context local;
    if (!k32_copy_in(&local, c, sizeof local)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    if (!with_context(h, &local, 0))
        return FALSE;
    return k32_copy_out(c, &local, sizeof local) ? TRUE : (w32_set_last_error(ERROR_NOACCESS), FALSE);
}

static BOOL WINAPI w32_SetThreadContext(HANDLE h, const struct k32_context *c)
{
    struct k32_context local;
    if (!k32_copy_in(&local, c, sizeof local)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return with_context(h, &local, 1);
}

/* TerminateThread: the thread is parked for good and its object
 * signalled with CODE. Like Windows, nothing it held is released. */
static BOOL WINAPI w32_TerminateThread(HANDLE h, DWORD code)
{
    struct w32_thread_obj *t = k32_thread_get(h);
    if (!t)
        return FALSE;
    install();
    struct w32_thread_obj *me = k32_thread_current();
    if (t->is_remote || t->o.signalled) {
        w32_obj_put(&t->o);
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    if (t == me) {
        k32_thread_finish(t, code, 1);
        for (;;)
            pause();
    }
    lock_counts();
    struct k32_suspend *s = t->susp;
    int running = __atomic_load_n(&t->th, __ATOMIC_ACQUIRE) != NULL && s;
    if (running) {
        s->forever = 1;
        __atomic_store_n(&s->run, 0, __ATOMIC_RELEASE);
        syscall(SYS_tgkill, getpid(), (int)t->tid, K32_SIGSUSPEND);
    }
    unlock_counts();
    if (running)
        parked_context(t);
    k32_thread_finish(t, code, 1);
    w32_obj_put(&t->o);
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(SuspendThread, "h:u"),
    EXPORT(ResumeThread, "h:u"),
    EXPORT(GetThreadContext, "hp:i"),
    EXPORT(SetThreadContext, "hp:i"),
    EXPORT(TerminateThread, "hu:i"),
};
