/* host.c — the host personality: system calls of an ordinary Linux
 * program, caught by the engine, are observed (trace), redirected (path
 * remapping) or refused (deny) and otherwise executed as they are. The
 * calls that would break interception itself are kept safe here: thread
 * creation (each new thread gets its own block and selector), fork
 * (Syscall User Dispatch is re-armed in the child), signal handlers
 * (wrapped so that they run with interception on), SIGSYS and the
 * signal mask (SIGSYS can never be blocked or taken over). */
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "host.h"
#include "intercept.h"
#include "rawsys.h"

#define HOST_XSTACK_SIZE (256 * 1024)
#define KSIGSET_SIGSYS (1ull << (SIGSYS - 1))

long xeno_clone_raw(long nr, long a0, long a1, long a2, long a3, long a4,
                    struct xthread *child);

struct host_policy host_policy;

/* The program's own signal dispositions, as it set them. */
struct ksig {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};
static struct ksig prog_sig[65];

struct xthread *host_new_thread_block(void)
{
    size_t sz = HOST_XSTACK_SIZE;
    char *p = (char *)xsys6(SYS_mmap, 0, (long)sz, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if ((unsigned long)p > -4096ul)
        return NULL;
    /* The block sits at the top of its own xeno stack. */
    struct xthread *t = (struct xthread *)(p + sz - 4096);
    memset(t, 0, sizeof *t);
    t->self = t;
    t->xstack_lo = (uint64_t)p;
    t->xstack_top = ((uint64_t)t - 64) & ~15ull;
    t->selector = SUD_ALLOW;
    return t;
}

/* A new thread or vfork child sharing our memory: it starts on its own
 * xeno stack with a copy of the caller's frame (rax = 0, rsp = the stack
 * the program asked for). */
static long clone_shared(struct xframe *f, long nr, long a0, long a1, long a2, long a3,
                         long a4, uint64_t child_sp)
{
    struct xthread *c = host_new_thread_block();
    if (!c)
        return -ENOMEM;
    struct xframe *cf = (struct xframe *)(c->xstack_top - sizeof *cf);
    *cf = *f;
    cf->rax = 0;
    cf->rsp = child_sp ? child_sp : f->rsp;
    if (nr == SYS_clone)
        return xeno_clone_raw(nr, a0, (long)cf, a2, a3, a4, c);
    /* clone3: the kernel takes stack and size from the struct */
    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    memcpy(&ca, (void *)a0, (size_t)a1 < sizeof ca ? (size_t)a1 : sizeof ca);
    ca.stack = c->xstack_lo;
    ca.stack_size = (uint64_t)cf - c->xstack_lo;
    return xeno_clone_raw(nr, (long)&ca, sizeof ca, 0, 0, 0, c);
}

static long do_clone(struct xframe *f, long nr, const long *a)
{
    uint64_t flags, sp;
    if (nr == SYS_clone3) {
        struct clone_args ca;
        memset(&ca, 0, sizeof ca);
        if ((size_t)a[1] < 64)
            return -EINVAL;
        memcpy(&ca, (void *)a[0], (size_t)a[1] < sizeof ca ? (size_t)a[1] : sizeof ca);
        flags = ca.flags;
        sp = ca.stack ? ca.stack + ca.stack_size : 0;
    } else if (nr == SYS_vfork) {
        nr = SYS_clone;
        flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
        sp = 0;
        long v[5] = { (long)flags, 0, 0, 0, 0 };
        return clone_shared(f, nr, v[0], v[1], v[2], v[3], v[4], 0);
    } else {
        flags = (uint64_t)a[0];
        sp = (uint64_t)a[1];
    }
    if (flags & CLONE_VM)
        return clone_shared(f, nr, a[0], a[1], a[2], a[3], a[4], sp);
    long r = xsys6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    if (r == 0) { /* a forked child: dispatch is not inherited */
        struct xthread *t = xthread_self();
        t->tid = (int)xsys0(SYS_gettid);
        xthread_arm_sud(t);
    }
    return r;
}

/* The program's handler, run with interception on even when the signal
 * interrupted xeno itself. */
static void host_signal_wrapper(int sig, siginfo_t *si, void *uc)
{
    struct xthread *t = xthread_self();
    uint8_t saved = t->selector;
    t->selector = SUD_BLOCK;
    struct ksig *k = &prog_sig[sig];
    if (k->flags & SA_SIGINFO)
        ((void (*)(int, siginfo_t *, void *))k->handler)(sig, si, uc);
    else
        ((void (*)(int))k->handler)(sig);
    t->selector = saved;
}

static void sigsys_forward(int sig, siginfo_t *si, void *uc)
{
    struct ksig *k = &prog_sig[SIGSYS];
    if (k->handler == SIG_DFL || k->handler == SIG_IGN)
        return;
    if (k->flags & SA_SIGINFO)
        ((void (*)(int, siginfo_t *, void *))k->handler)(sig, si, uc);
    else
        ((void (*)(int))k->handler)(sig);
}

static long do_sigaction(long sig, const struct ksig *act, struct ksig *old, long size)
{
    if (sig < 1 || sig > 64 || size != 8)
        return xsys4(SYS_rt_sigaction, sig, (long)act, (long)old, size);
    struct ksig prev = prog_sig[sig];
    if (sig != SIGSYS && !act) {
        long r = xsys4(SYS_rt_sigaction, sig, 0, (long)&prev, size);
        if (r < 0)
            return r;
        if (prev.handler == (void *)host_signal_wrapper)
            prev = prog_sig[sig];
    }
    if (act) {
        struct ksig want = *act;
        if (sig != SIGSYS) {
            int wrap = want.handler != SIG_DFL && want.handler != SIG_IGN;
            long r = xeno_sigaction_raw((int)sig, wrap ? (void *)host_signal_wrapper : want.handler,
                                        want.flags & ~(unsigned long)SA_RESTORER, want.mask, NULL);
            if (r < 0)
                return r;
        }
        prog_sig[sig] = want;
    }
    if (old)
        *old = prev;
    return 0;
}

static long do_sigprocmask(long how, const uint64_t *set, uint64_t *old, long size)
{
    uint64_t copy;
    if (set && how != SIG_UNBLOCK) {
        copy = *set & ~KSIGSET_SIGSYS;
        set = &copy;
    }
    return xsys4(SYS_rt_sigprocmask, how, (long)set, (long)old, size);
}

/* Calls handled here rather than passed through. Returns 1 if handled. */
static int special(struct xframe *f, long nr, const long *a, long *ret)
{
    switch (nr) {
    case SYS_clone:
    case SYS_clone3:
    case SYS_vfork:
        *ret = do_clone(f, nr, a);
        return 1;
    case SYS_fork:
        *ret = do_clone(f, SYS_clone, (long[]){ SIGCHLD, 0, 0, 0, 0, 0 });
        return 1;
    case SYS_rt_sigaction:
        *ret = do_sigaction(a[0], (const struct ksig *)a[1], (struct ksig *)a[2], a[3]);
        return 1;
    case SYS_rt_sigprocmask:
        *ret = do_sigprocmask(a[0], (const uint64_t *)a[1], (uint64_t *)a[2], a[3]);
        return 1;
    case SYS_prctl:
        if (a[0] != 59)
            return 0;
        *ret = -EBUSY; /* Syscall User Dispatch is ours */
        return 1;
    case SYS_arch_prctl:
        if (a[0] != 0x1001)
            return 0;
        *ret = -EPERM; /* GS holds xeno's thread block */
        return 1;
    default:
        return 0;
    }
}

long host_execute(struct xframe *f, long nr, const long *a)
{
    long ret;
    if (!special(f, nr, a, &ret))
        ret = xsys6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    if (nr == SYS_mmap && (unsigned long)ret < -4096ul && (a[2] & PROT_EXEC) && a[4] >= 0)
        host_rewrite_mapping((uint64_t)ret, (uint64_t)a[1], (int)a[2], (int)a[3], (int)a[4],
                             (uint64_t)a[5]);
    return ret;
}

void host_syscall(struct xframe *f)
{
    long nr = (long)f->rax;
    long a[6] = { (long)f->rdi, (long)f->rsi, (long)f->rdx,
                  (long)f->r10, (long)f->r8, (long)f->r9 };
    long ret;
    if (host_policy.before && host_policy.before(f, nr, a, &ret))
        goto done;
    ret = host_execute(f, nr, a);
done:
    if (host_policy.after)
        host_policy.after(f, nr, a, ret);
    f->rax = (uint64_t)ret;
}

int host_engine_start(void)
{
    static struct xthread *main_t;
    xeno_cpu_init();
    main_t = host_new_thread_block();
    if (!main_t)
        return -1;
    xthread_attach(main_t, main_t->xstack_lo, main_t->xstack_top, 0);
    xeno_syscall_handler = host_syscall;
    xeno_sigsys_fallback = sigsys_forward;
    if (xeno_install_sigsys(0) < 0)
        return -1;
    if (xthread_arm_sud(main_t) < 0)
        return -1;
    main_t->selector = SUD_BLOCK;
    return 0;
}
