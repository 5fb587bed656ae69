/* signal.c — FreeBSD signals. Host signals meant for a guest handler are
 * caught by xeno, queued on the thread, and delivered outside signal
 * context: from the gate, the frame is rewritten to enter the handler with
 * FreeBSD's signal frame (siginfo + ucontext, FP state included) and a
 * return address in the sigcode page, whose sigreturn restores the
 * interrupted state. The guest's mask is mirrored in the host mask. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "fbsd.h"
#include "fbsd_signal.h"
#include "trace.h"
#include "rawsys.h"

#define NSIG_F 129
#define SIGBIT(s) (((uint32_t)1) << (((s) - 1) & 31))
#define SIGWORD(s) (((s) - 1) >> 5)
/* Host signals xeno never blocks: synchronous faults and its own SIGSYS. */
#define HOST_UNBLOCKABLE ((1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1)) | \
    (1ull << (SIGILL - 1)) | (1ull << (SIGFPE - 1)) | (1ull << (SIGTRAP - 1)) | \
    (1ull << (SIGSYS - 1)))

static struct fbsd_sigaction actions[NSIG_F];

int fbsd_sig_to_host(int fsig)
{
    return fsig > 0 ? fbsd_sig_to_linux(fsig) : 0;
}

static int is_member(const fbsd_sigset_t *s, int sig)
{
    return sig > 0 && sig < NSIG_F && (s->bits[SIGWORD(sig)] & SIGBIT(sig));
}

static void add(fbsd_sigset_t *s, int sig)
{
    if (sig > 0 && sig < NSIG_F)
        s->bits[SIGWORD(sig)] |= SIGBIT(sig);
}

static void del(fbsd_sigset_t *s, int sig)
{
    if (sig > 0 && sig < NSIG_F)
        s->bits[SIGWORD(sig)] &= ~SIGBIT(sig);
}

void fbsd_signal_apply_mask(struct fbsd_thread *ft)
{
    uint64_t m = 0;
    del(&ft->sigmask, FBSD_SIGKILL);
    del(&ft->sigmask, FBSD_SIGSTOP);
    fbsd_sigset_to_linux(&ft->sigmask, &m);
    m &= ~HOST_UNBLOCKABLE;
    xsys4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&m, 0, 8);
}

static int is_sync_fault(int lsig)
{
    return lsig == SIGSEGV || lsig == SIGBUS || lsig == SIGILL || lsig == SIGFPE ||
           lsig == SIGTRAP;
}

/* Runs in signal context on the thread's host signal stack, maybe with
 * the guest's FS: queue the signal, and if guest code was interrupted,
 * leave through the gate so delivery happens outside signal context. */
static void host_signal(int lsig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    struct xthread *t = xthread_self();
    struct fbsd_thread *ft = fbsd_thread(t);
    int fsig = fbsd_sig_from_linux(lsig);
    if (fsig <= 0 || fsig >= NSIG_F)
        return;
    fbsd_siginfo_from_linux(si, &ft->pinfo[fsig]);
    ft->pinfo[fsig].fsi_signo = fsig;
    add(&ft->pending, fsig);
    uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    if (t->selector == SUD_BLOCK && !xeno_rip_in_gate(rip))
        xeno_redirect(uc, XPATH_SIGNAL);
    else
        t->pending = 1; /* in xeno: delivered on the way back to the guest */
}

/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP or SIGSYS sent by kill(),
 * thr_kill() or sigqueue() (si_code <= 0): not a fault but an ordinary
 * signal, queued for the guest's handler or its default action. */
static void guest_sent(int lsig, siginfo_t *si, void *ucv)
{
    int fsig = fbsd_sig_from_linux(lsig);
    if (xthread_self() && fsig > 0 && fsig < NSIG_F && actions[fsig].sa_func != (uint64_t)SIG_IGN)
        host_signal(lsig, si, ucv);
}

/* A fault: in guest code it becomes a FreeBSD signal for the guest's
 * handler; with no handler the process dies of it as it would natively. */
static void guest_fault(int lsig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    struct xthread *t = xthread_self();
    int fsig = fbsd_sig_from_linux(lsig);
    uint64_t rip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
    if (si->si_code <= 0) {
        guest_sent(lsig, si, ucv);
        return;
    }
    if (!t || t->selector != SUD_BLOCK || xeno_rip_in_gate(rip)) {
        char msg[160];
        size_t n = xeno_fault_message(msg, sizeof msg, lsig, rip, (uint64_t)si->si_addr);
        xsys3(SYS_write, 2, (long)msg, (long)n);
        trace_flush(); /* raw writes only: safe here */
        xeno_sigaction_raw(lsig, SIG_DFL, 0, 0, NULL);
        return;
    }
    uint64_t h = actions[fsig].sa_func;
    if (h == (uint64_t)SIG_DFL || h == (uint64_t)SIG_IGN || is_member(&fbsd_thread(t)->sigmask, fsig)) {
        t->selector = SUD_ALLOW; /* guest code was running: xeno's calls would be trapped */
        trace_flush(); /* raw writes only: safe in a handler */
        xeno_sigaction_raw(lsig, SIG_DFL, 0, 0, NULL);
        /* dies on the way out, also of a trap that does not repeat (int3) */
        xsys3(SYS_tgkill, xsys0(SYS_getpid), t->tid, lsig);
        return;
    }
    host_signal(lsig, si, ucv);
    ((struct xframe *)uc->uc_mcontext.gregs[REG_RSP])->path = XPATH_SIGNAL;
}

void fbsd_signal_init_process(void)
{
    xeno_sigsys_fallback = guest_sent; /* a SIGSYS that is not a trapped call */
    xeno_install_fault_handler(guest_fault);
    xeno_sigaction_raw(SIGILL, (void *)guest_fault, SA_ONSTACK | SA_NODEFER, 0, NULL);
    xeno_sigaction_raw(SIGFPE, (void *)guest_fault, SA_ONSTACK | SA_NODEFER, 0, NULL);
    xeno_sigaction_raw(SIGTRAP, (void *)guest_fault, SA_ONSTACK | SA_NODEFER, 0, NULL);
    for (int i = 1; i < NSIG_F; i++)
        actions[i].sa_func = (uint64_t)SIG_DFL;
}

/* Make the host deliver LSIG to us, to the kernel's default, or nowhere. */
static int set_host_action(int fsig, const struct fbsd_sigaction *a)
{
    int lsig = fbsd_sig_to_host(fsig);
    if (lsig <= 0 || lsig == SIGSYS || is_sync_fault(lsig))
        return 0; /* faults and SIGSYS stay with xeno's handlers */
    void *h = a->sa_func == (uint64_t)SIG_DFL ? SIG_DFL
            : a->sa_func == (uint64_t)SIG_IGN ? SIG_IGN : (void *)host_signal;
    unsigned long fl = SA_ONSTACK | (a->sa_flags & FBSD_SA_NOCLDSTOP ? SA_NOCLDSTOP : 0) |
                       (a->sa_flags & FBSD_SA_NOCLDWAIT ? SA_NOCLDWAIT : 0);
    return xeno_sigaction_raw(lsig, h, fl, ~0ull & ~HOST_UNBLOCKABLE, NULL);
}

long fbsd_sys_sigaction(struct fcall *c)
{
    int sig = (int)c->a[0];
    struct fbsd_sigaction na;
    if (sig <= 0 || sig >= NSIG_F)
        return -EINVAL;
    struct fbsd_sigaction old = actions[sig];
    if (c->a[1]) {
        if (fbsd_copyin(&na, c->a[1], sizeof na) < 0)
            return -EFAULT;
        if (sig == FBSD_SIGKILL || sig == FBSD_SIGSTOP)
            return -EINVAL;
        int r = set_host_action(sig, &na);
        if (r < 0)
            return r;
        actions[sig] = na;
    }
    if (c->a[2] && fbsd_copyout(c->a[2], &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

long fbsd_sys_sigprocmask(struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    fbsd_sigset_t set, old = ft->sigmask;
    if (c->a[1]) {
        if (fbsd_copyin(&set, c->a[1], sizeof set) < 0)
            return -EFAULT;
        for (int i = 0; i < 4; i++) {
            switch (c->a[0]) {
            case 1: ft->sigmask.bits[i] |= set.bits[i]; break;   /* SIG_BLOCK */
            case 2: ft->sigmask.bits[i] &= ~set.bits[i]; break;  /* SIG_UNBLOCK */
            case 3: ft->sigmask.bits[i] = set.bits[i]; break;    /* SIG_SETMASK */
            default: return -EINVAL;
            }
        }
        fbsd_signal_apply_mask(ft);
    }
    if (c->a[2] && fbsd_copyout(c->a[2], &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

long fbsd_sys_sigpending(struct fcall *c)
{
    uint64_t lm = 0;
    fbsd_sigset_t s;
    xsys2(SYS_rt_sigpending, (long)&lm, 8);
    fbsd_sigset_from_linux(lm, &s);
    const struct fbsd_thread *ft = fbsd_thread(c->t);
    for (int i = 0; i < 4; i++)
        s.bits[i] |= ft->pending.bits[i];
    return fbsd_copyout(c->a[0], &s, sizeof s);
}

long fbsd_sys_sigsuspend(struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    fbsd_sigset_t tmp;
    if (fbsd_copyin(&tmp, c->a[0], sizeof tmp) < 0)
        return -EFAULT;
    ft->saved_mask = ft->sigmask;
    ft->has_saved_mask = 1;
    ft->sigmask = tmp;
    uint64_t lm = 0;
    fbsd_sigset_to_linux(&tmp, &lm);
    lm &= ~HOST_UNBLOCKABLE;
    for (;;) {
        int have = 0;
        for (int s = 1; s < NSIG_F; s++)
            have |= is_member(&ft->pending, s) && !is_member(&tmp, s);
        if (have)
            return -EINTR;
        xsys2(SYS_rt_sigsuspend, (long)&lm, 8);
    }
}

long fbsd_sys_sigaltstack(struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    struct fbsd_stack ns, old = ft->altstack;
    uint64_t sp = c->f->rsp;
    int on = !(old.ss_flags & FBSD_SS_DISABLE) && sp > old.ss_sp && sp <= old.ss_sp + old.ss_size;
    old.ss_flags = (old.ss_flags & FBSD_SS_DISABLE) | (on ? 1 /* SS_ONSTACK */ : 0);
    if (c->a[0]) {
        if (fbsd_copyin(&ns, c->a[0], sizeof ns) < 0)
            return -EFAULT;
        if (on)
            return -EPERM;
        if (ns.ss_flags & ~FBSD_SS_DISABLE)
            return -EINVAL;
        if (!(ns.ss_flags & FBSD_SS_DISABLE) && ns.ss_size < 2048)
            return -ENOMEM;
        ft->altstack = ns;
    }
    if (c->a[1] && fbsd_copyout(c->a[1], &old, sizeof old) < 0)
        return -EFAULT;
    return 0;
}

long fbsd_sys_kill(struct fcall *c)
{
    int sig = fbsd_sig_to_host((int)c->a[1]);
    if (c->a[1] != 0 && sig <= 0)
        return -EINVAL;
    return xsys2(SYS_kill, (long)c->a[0], sig);
}

/* ---- delivery ---- */

static void save_fpu(struct xframe *f, struct fbsd_mcontext *mc)
{
    memcpy(mc->mc_fpstate, xeno_frame_xsave(f), sizeof mc->mc_fpstate);
    mc->mc_fpformat = FBSD_MC_FPFMT_XMM;
    mc->mc_ownedfp = FBSD_MC_FPOWNED_FPU;
}

static void restore_fpu(struct xframe *f, const struct fbsd_mcontext *mc)
{
    uint8_t *area = xeno_frame_xsave(f);
    if (mc->mc_fpformat != FBSD_MC_FPFMT_XMM)
        return;
    memcpy(area, mc->mc_fpstate, sizeof mc->mc_fpstate);
    area[512] |= 3; /* XSTATE_BV: x87 and SSE state are present */
}

static void fill_mcontext(struct xthread *t, struct xframe *f, struct fbsd_mcontext *mc)
{
    mc->mc_rdi = (int64_t)f->rdi, mc->mc_rsi = (int64_t)f->rsi, mc->mc_rdx = (int64_t)f->rdx;
    mc->mc_rcx = (int64_t)f->rcx, mc->mc_r8 = (int64_t)f->r8, mc->mc_r9 = (int64_t)f->r9;
    mc->mc_rax = (int64_t)f->rax, mc->mc_rbx = (int64_t)f->rbx, mc->mc_rbp = (int64_t)f->rbp;
    mc->mc_r10 = (int64_t)f->r10, mc->mc_r11 = (int64_t)f->r11, mc->mc_r12 = (int64_t)f->r12;
    mc->mc_r13 = (int64_t)f->r13, mc->mc_r14 = (int64_t)f->r14, mc->mc_r15 = (int64_t)f->r15;
    mc->mc_rip = (int64_t)f->rip, mc->mc_rsp = (int64_t)f->rsp, mc->mc_rflags = (int64_t)f->rflags;
    mc->mc_cs = FBSD_GUCODE_SEL, mc->mc_ss = FBSD_GUDATA_SEL;
    mc->mc_len = sizeof *mc;
    mc->mc_flags = FBSD_MC_HASBASES;
    mc->mc_fsbase = (int64_t)t->guest_fs;
    mc->mc_gsbase = (int64_t)fbsd_thread(t)->guest_gs;
    save_fpu(f, mc);
}

/* Where the signal frame goes: the alternate stack if asked for and not
 * already in use, else below the interrupted stack's red zone. */
static uint64_t frame_base(struct fbsd_thread *ft, const struct fbsd_sigaction *a, uint64_t sp,
                           int *onstack)
{
    const struct fbsd_stack *as = &ft->altstack;
    int usable = !(as->ss_flags & FBSD_SS_DISABLE) && as->ss_size;
    int on = usable && sp > as->ss_sp && sp <= as->ss_sp + as->ss_size;
    *onstack = on;
    if ((a->sa_flags & FBSD_SA_ONSTACK) && usable && !on) {
        *onstack = 1;
        return as->ss_sp + as->ss_size;
    }
    return sp - 128;
}

static int no_restart(int nr)
{
    static const int calls[] = { 93, 209, 240, 244, 341, 345, 346, 363, 429, 522, 545, 560 };
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        if (calls[i] == nr)
            return 1;
    return 0;
}

static void die_of(int fsig)
{
    int lsig = fbsd_sig_to_host(fsig);
    if (lsig <= 0)
        lsig = SIGKILL;
    trace_process_killed(xthread_self()->tid, lsig, fbsd_sig_name(fsig));
    uint64_t m = 1ull << (lsig - 1);
    xeno_sigaction_raw(lsig, SIG_DFL, 0, 0, NULL);
    xsys4(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&m, 0, 8);
    xsys2(SYS_kill, getpid(), lsig);
}

static void deliver(struct xthread *t, struct xframe *f, int sig, struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(t);
    struct fbsd_sigaction a = actions[sig];
    if (a.sa_func == (uint64_t)SIG_IGN)
        return;
    if (a.sa_func == (uint64_t)SIG_DFL) { /* it was caught while a handler was set */
        die_of(sig);
        return;
    }
    if (c && (a.sa_flags & FBSD_SA_RESTART) && !no_restart(c->nr)) {
        f->rip = f->restart;
        f->rax = c->orig_rax;
    }
    int onstack;
    uint64_t sp = frame_base(ft, &a, f->rsp, &onstack);
    struct fbsd_sigframe sf;
    memset(&sf, 0, sizeof sf);
    uint64_t sfp = (sp - sizeof sf) & ~15ull;
    sf.sf_ahu = a.sa_func;
    sf.sf_uc.uc_sigmask = ft->has_saved_mask ? ft->saved_mask : ft->sigmask;
    sf.sf_uc.uc_stack = ft->altstack;
    sf.sf_uc.uc_mcontext.mc_onstack = onstack;
    fill_mcontext(t, f, &sf.sf_uc.uc_mcontext);
    sf.sf_si = ft->pinfo[sig];
    uint64_t ret = fbsd_proc.sigcode;
    if (fbsd_copyout(sfp, &sf, sizeof sf) < 0 || fbsd_copyout(sfp - 8, &ret, 8) < 0) {
        die_of(FBSD_SIGILL); /* no room for the frame: sendsig's sigexit(td, SIGILL) */
        return;
    }
    ft->has_saved_mask = 0;
    for (int i = 0; i < 4; i++)
        ft->sigmask.bits[i] |= a.sa_mask.bits[i];
    if (!(a.sa_flags & FBSD_SA_NODEFER))
        add(&ft->sigmask, sig);
    if (a.sa_flags & FBSD_SA_RESETHAND) {
        actions[sig].sa_func = (uint64_t)SIG_DFL;
        set_host_action(sig, &actions[sig]);
    }
    fbsd_signal_apply_mask(ft);
    f->rip = a.sa_func;
    f->rsp = sfp - 8;
    f->rdi = (uint64_t)sig;
    f->rsi = (a.sa_flags & FBSD_SA_SIGINFO) ? sfp + offsetof(struct fbsd_sigframe, sf_si)
                                            : (uint64_t)sf.sf_si.fsi_code;
    f->rdx = sfp + offsetof(struct fbsd_sigframe, sf_uc);
    f->rcx = a.sa_func;
    f->rflags &= ~(0x100ull | 0x400ull); /* TF, DF */
}

static int deliverable(const struct fbsd_thread *ft)
{
    for (int w = 0; w < 4; w++)
        if (ft->pending.bits[w] & ~ft->sigmask.bits[w])
            return 1;
    return 0;
}

int fbsd_signal_check(struct xframe *f, struct fcall *c)
{
    struct xthread *t = xthread_self();
    struct fbsd_thread *ft = fbsd_thread(t);
    int delivered = 0;
    t->pending = 0;
    for (int sig = 1; sig < NSIG_F && !delivered; sig++) {
        if (!is_member(&ft->pending, sig) || is_member(&ft->sigmask, sig))
            continue;
        del(&ft->pending, sig);
        deliver(t, f, sig, c);
        delivered = 1;
    }
    if (!delivered && ft->has_saved_mask) { /* sigsuspend woke for nothing we deliver */
        ft->sigmask = ft->saved_mask;
        ft->has_saved_mask = 0;
        fbsd_signal_apply_mask(ft);
    }
    if (deliverable(ft))
        t->pending = 1;
    return delivered;
}

long fbsd_sys_sigreturn(struct fcall *c)
{
    fbsd_ucontext_t uc;
    struct xframe *f = c->f;
    struct fbsd_thread *ft = fbsd_thread(c->t);
    if (fbsd_copyin(&uc, c->a[0], sizeof uc) < 0)
        return -EFAULT;
    const struct fbsd_mcontext *mc = &uc.uc_mcontext;
    f->rdi = (uint64_t)mc->mc_rdi, f->rsi = (uint64_t)mc->mc_rsi, f->rdx = (uint64_t)mc->mc_rdx;
    f->rcx = (uint64_t)mc->mc_rcx, f->r8 = (uint64_t)mc->mc_r8, f->r9 = (uint64_t)mc->mc_r9;
    f->rax = (uint64_t)mc->mc_rax, f->rbx = (uint64_t)mc->mc_rbx, f->rbp = (uint64_t)mc->mc_rbp;
    f->r10 = (uint64_t)mc->mc_r10, f->r11 = (uint64_t)mc->mc_r11, f->r12 = (uint64_t)mc->mc_r12;
    f->r13 = (uint64_t)mc->mc_r13, f->r14 = (uint64_t)mc->mc_r14, f->r15 = (uint64_t)mc->mc_r15;
    f->rip = (uint64_t)mc->mc_rip, f->rsp = (uint64_t)mc->mc_rsp;
    f->rflags = ((uint64_t)mc->mc_rflags & 0xcd5ull) | 0x202ull; /* user-settable flags */
    if (mc->mc_flags & FBSD_MC_HASBASES)
        c->t->guest_fs = (uint64_t)mc->mc_fsbase;
    restore_fpu(f, mc);
    ft->sigmask = uc.uc_sigmask;
    fbsd_signal_apply_mask(ft);
    return FBSD_JUSTRETURN;
}
