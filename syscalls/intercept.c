/* intercept.c — how guest system calls are caught: per-thread blocks
 * (found through GS), Syscall User Dispatch with a SIGSYS handler that
 * redirects the trapped context into the gate, and the one dispatcher
 * every personality's calls pass through.
 *
 * The signal handlers here may run with the guest's FS base, so they
 * touch no thread-local storage (no errno, no stdio) and use only raw
 * system calls. */
#include <cpuid.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "intercept.h"
#include "rewrite.h"
#include "rawsys.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_ON 1
#define PR_SYS_DISPATCH_OFF 0
#endif
#ifndef SYS_USER_DISPATCH
#define SYS_USER_DISPATCH 2
#endif
#define ARCH_SET_GS 0x1001
#define ARCH_GET_FS 0x1003
#define HWCAP2_FSGSBASE 2

extern char xeno_sud_allow_start[], xeno_sud_allow_end[], xeno_restorer[];
extern void xeno_gate_redirect(void);
extern uint64_t xeno_xsave_size, xeno_xsave_mask;
extern uint8_t xeno_xsave_kind, xeno_have_fsgsbase;

xeno_syscall_fn xeno_syscall_handler;
xeno_sud_quick_fn xeno_sud_quick;
xeno_sigsys_fallback_fn xeno_sigsys_fallback;
struct xeno_stats xeno_stats;

void xeno_cpu_init(void)
{
    unsigned a, b, c, d;
    xeno_have_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
    __cpuid(1, a, b, c, d);
    if (!(c & (1u << 26)) || !(c & (1u << 27)))
        return; /* no XSAVE enabled by the OS: fxsave (x87 + SSE) */
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    xeno_xsave_mask = ((uint64_t)hi << 32) | lo;
    __cpuid_count(0xd, 1, a, b, c, d);
    if (a & 2) {
        xeno_xsave_kind = 2;
        xeno_xsave_size = b;
    } else {
        __cpuid_count(0xd, 0, a, b, c, d);
        xeno_xsave_kind = 1;
        xeno_xsave_size = b;
    }
    xeno_xsave_size = (xeno_xsave_size + 63) & ~63ull;
}

static uint64_t get_fs(void)
{
    uint64_t fs;
    if (xeno_have_fsgsbase)
        __asm__ volatile("rdfsbase %0" : "=r"(fs));
    else
        xsys2(SYS_arch_prctl, ARCH_GET_FS, (long)&fs);
    return fs;
}

static void set_gs(uint64_t v)
{
    if (xeno_have_fsgsbase)
        __asm__ volatile("wrgsbase %0" ::"r"(v) : "memory");
    else
        xsys2(SYS_arch_prctl, ARCH_SET_GS, (long)v);
}

void xthread_attach(struct xthread *t, uint64_t stack_lo, uint64_t stack_top, int swap_fs)
{
    t->self = t;
    t->selector = SUD_ALLOW;
    t->swap_fs = (uint8_t)swap_fs;
    t->host_fs = get_fs();
    t->guest_fs = t->host_fs;
    t->xstack_lo = stack_lo;
    t->xstack_top = stack_top & ~15ull;
    t->tid = (int)xsys0(SYS_gettid);
    set_gs((uint64_t)t);
}

int xthread_arm_sud(struct xthread *t)
{
    uintptr_t start = (uintptr_t)xeno_sud_allow_start;
    size_t len = (size_t)(xeno_sud_allow_end - xeno_sud_allow_start);
    return (int)xsys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
                      (long)start, (long)len, (long)&t->selector);
}

void xthread_disarm_sud(void)
{
    xsys5(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
}

int xthread_altstack(struct xthread *t, size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    stack_t ss = { .ss_sp = p, .ss_size = size, .ss_flags = 0 };
    t->altstack = p;
    t->altstack_size = size;
    return (int)xsys2(SYS_sigaltstack, (long)&ss, 0);
}

/* The kernel's view of struct sigaction, with our restorer. */
struct ksigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

int xeno_sigaction_raw(int sig, void *handler, unsigned long flags, uint64_t mask,
                       void *old)
{
    int special = handler == SIG_DFL || handler == SIG_IGN;
    struct ksigaction ka = { handler, flags | SA_RESTORER | (special ? 0 : SA_SIGINFO),
                             xeno_restorer, mask };
    return (int)xsys4(SYS_rt_sigaction, sig, (long)&ka, (long)old, 8);
}

/* Where a redirected frame goes: the top of the xeno stack, or — when the
 * trapped code already runs on the xeno stack (a handler that interrupted
 * xeno) — below the handler now running. */
static struct xframe *frame_slot(struct xthread *t, uint64_t trapped_rsp)
{
    uint64_t top = t->xstack_top;
    if (trapped_rsp > t->xstack_lo && trapped_rsp <= t->xstack_top)
        top = ((uint64_t)__builtin_frame_address(0) - 512) & ~15ull;
    return (struct xframe *)(top - sizeof(struct xframe));
}

/* Copy the interrupted context into a gate frame and make sigreturn land
 * in the gate with rsp at that frame. */
void xeno_redirect(ucontext_t *uc, uint64_t path)
{
    struct xthread *t = xthread_self();
    greg_t *g = uc->uc_mcontext.gregs;
    struct xframe *f = frame_slot(t, (uint64_t)g[REG_RSP]);
    f->rax = (uint64_t)g[REG_RAX], f->rbx = (uint64_t)g[REG_RBX];
    f->rcx = (uint64_t)g[REG_RCX], f->rdx = (uint64_t)g[REG_RDX];
    f->rsi = (uint64_t)g[REG_RSI], f->rdi = (uint64_t)g[REG_RDI];
    f->rbp = (uint64_t)g[REG_RBP], f->r8 = (uint64_t)g[REG_R8];
    f->r9 = (uint64_t)g[REG_R9], f->r10 = (uint64_t)g[REG_R10];
    f->r11 = (uint64_t)g[REG_R11], f->r12 = (uint64_t)g[REG_R12];
    f->r13 = (uint64_t)g[REG_R13], f->r14 = (uint64_t)g[REG_R14];
    f->r15 = (uint64_t)g[REG_R15], f->rip = (uint64_t)g[REG_RIP];
    f->rsp = (uint64_t)g[REG_RSP], f->rflags = (uint64_t)g[REG_EFL];
    f->path = path;
    f->restart = f->rip;
    g[REG_RSP] = (greg_t)f;
    g[REG_RIP] = (greg_t)xeno_gate_redirect;
}

static void sigsys_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    if (si->si_code != SYS_USER_DISPATCH) {
        if (xeno_sigsys_fallback)
            xeno_sigsys_fallback(sig, si, ucv);
        return;
    }
    /* As after a real syscall instruction: rcx = rip, r11 = rflags. */
    greg_t *g = uc->uc_mcontext.gregs;
    g[REG_RCX] = g[REG_RIP];
    g[REG_R11] = g[REG_EFL];
    if (xeno_sud_quick && xeno_sud_quick(uc)) /* answered here, no gate */
        return;
    xeno_redirect(uc, XPATH_SUD);
    ((struct xframe *)g[REG_RSP])->restart = (uint64_t)g[REG_RIP] - 2;
}

int xeno_install_sigsys(int on_altstack)
{
    uint64_t mask = ~0ull & ~(1ull << (SIGSEGV - 1)) & ~(1ull << (SIGBUS - 1));
    return xeno_sigaction_raw(SIGSYS, (void *)sigsys_handler,
                              on_altstack ? SA_ONSTACK : 0, mask, NULL);
}

void *xeno_frame_xsave(struct xframe *f)
{
    return (void *)(((uint64_t)f - xeno_xsave_size) & ~63ull);
}

extern char xeno_gate_text_start[], xeno_gate_text_end[];

int xeno_rip_in_gate(uint64_t rip)
{
    return rip >= (uint64_t)xeno_gate_text_start && rip < (uint64_t)xeno_gate_text_end;
}

void xeno_dispatch(struct xframe *f)
{
    if (f->path == XPATH_SUD)
        __atomic_add_fetch(&xeno_stats.sud, 1, __ATOMIC_RELAXED);
    else if (f->path == XPATH_REWRITE)
        __atomic_add_fetch(&xeno_stats.rewrite, 1, __ATOMIC_RELAXED);
    xeno_syscall_handler(f);
}

static xeno_fault_fn fault_fallback;

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
    struct xthread *t = xthread_self();
    if (t && t->fault_jmp && si->si_code > 0) { /* a fault, not a kill() */
        void **jb = t->fault_jmp;
        t->fault_jmp = NULL;
        __builtin_longjmp(jb, 1);
    }
    if (fault_fallback)
        fault_fallback(sig, si, uc);
}

int xeno_install_fault_handler(xeno_fault_fn fallback)
{
    fault_fallback = fallback;
    /* SA_NODEFER: a recovered copy leaves the handler by a jump, so the
     * fault signals must not stay blocked. */
    unsigned long fl = SA_ONSTACK | SA_NODEFER;
    if (xeno_sigaction_raw(SIGSEGV, (void *)fault_handler, fl, 0, NULL) < 0 ||
        xeno_sigaction_raw(SIGBUS, (void *)fault_handler, fl, 0, NULL) < 0)
        return -1;
    return 0;
}

/* The copies that may fault. Each is a call of its own: with no call
 * after __builtin_setjmp, GCC drops the receiver (and the jump buffer's
 * contents) as unreachable, and a fault then "returns" to address 0. And
 * they are not instrumented: a guest may name any address (a kernel one,
 * or xeno's own heap), which ASan's checks would report or trip over. */
__attribute__((noinline, no_sanitize_address)) static void copy_bytes(void *dst, const void *src,
                                                                     size_t n)
{
    __asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* Kept out of line so the jump buffer's frame is its own. */
__attribute__((noinline)) int xeno_safe_copy(void *dst, const void *src, size_t n)
{
    struct xthread *t = xthread_self();
    void *jb[5];
    if (__builtin_setjmp(jb))
        return -EFAULT;
    t->fault_jmp = jb;
    copy_bytes(dst, src, n);
    t->fault_jmp = NULL;
    return 0;
}

__attribute__((noinline, no_sanitize_address)) static size_t copy_str(char *dst, const char *src,
                                                                      size_t n)
{
    size_t i = 0;
    for (; i < n; i++)
        if ((dst[i] = src[i]) == 0)
            break;
    return i;
}

__attribute__((noinline)) long xeno_safe_strcpy(char *dst, const char *src, size_t n)
{
    struct xthread *t = xthread_self();
    void *jb[5];
    if (__builtin_setjmp(jb))
        return -EFAULT;
    t->fault_jmp = jb;
    size_t i = copy_str(dst, src, n);
    t->fault_jmp = NULL;
    return i < n ? (long)i : -ENAMETOOLONG;
}

/* Signal-safe hexadecimal. */
static size_t put_hex(char *b, uint64_t v)
{
    size_t n = 0;
    char tmp[16];
    do
        tmp[n++] = "0123456789abcdef"[v & 15];
    while (v >>= 4);
    b[0] = '0', b[1] = 'x';
    for (size_t i = 0; i < n; i++)
        b[2 + i] = tmp[n - 1 - i];
    return n + 2;
}

size_t xeno_fault_message(char *b, size_t cap, int sig, uint64_t rip, uint64_t addr)
{
    static const char a[] = "xeno: internal error: signal ", m[] = " at ", x[] = " (address ";
    size_t n = 0;
    if (cap < 128)
        return 0;
    memcpy(b + n, a, sizeof a - 1), n += sizeof a - 1;
    b[n++] = (char)('0' + sig / 10), b[n++] = (char)('0' + sig % 10);
    memcpy(b + n, m, sizeof m - 1), n += sizeof m - 1;
    n += put_hex(b + n, rip);
    memcpy(b + n, x, sizeof x - 1), n += sizeof x - 1;
    n += put_hex(b + n, addr);
    b[n++] = ')', b[n++] = '\n';
    return n;
}

/* `xeno trace --stats` / XENO_STATS=1: how calls reached xeno. */
void xeno_print_stats(void)
{
    extern struct rw_stats rw_stats;
    char b[512];
    int n = snprintf(b, sizeof b,
                     "xeno: stats: %llu calls through rewritten sites (gate), %llu trapped by "
                     "Syscall User Dispatch; syscall sites: %u found, %u rewritten by displacement, "
                     "%u through padding, %u left to SUD\n",
                     (unsigned long long)xeno_stats.rewrite, (unsigned long long)xeno_stats.sud,
                     rw_stats.sites, rw_stats.displaced, rw_stats.via_gap, rw_stats.left);
    xsys3(SYS_write, 2, (long)b, n);
}
