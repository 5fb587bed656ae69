/* signal.c — FreeBSD <-> Linux signal numbers, names, sigsets, sigaction
 * flags, sigprocmask how, si_code values, siginfo, sigaltstack, wait status
 * and the amd64 machine context. FreeBSD facts: sys/sys/signal.h,
 * sys/sys/wait.h, sys/x86/include/ucontext.h. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "fbsd_abi.h"

/* Indexed by FreeBSD signal 1..33: the Linux signal (FreeBSD-only ones
 * live in the Linux real-time range, see fbsd_abi.h). */
static const unsigned char sig_to_linux[FBSD_SIGLIBRT + 1] = {
    [FBSD_SIGHUP] = SIGHUP,       [FBSD_SIGINT] = SIGINT,       [FBSD_SIGQUIT] = SIGQUIT,
    [FBSD_SIGILL] = SIGILL,       [FBSD_SIGTRAP] = SIGTRAP,     [FBSD_SIGABRT] = SIGABRT,
    [FBSD_SIGEMT] = FBSD_LINUX_SIGEMT, [FBSD_SIGFPE] = SIGFPE,  [FBSD_SIGKILL] = SIGKILL,
    [FBSD_SIGBUS] = SIGBUS,       [FBSD_SIGSEGV] = SIGSEGV,     [FBSD_SIGSYS] = SIGSYS,
    [FBSD_SIGPIPE] = SIGPIPE,     [FBSD_SIGALRM] = SIGALRM,     [FBSD_SIGTERM] = SIGTERM,
    [FBSD_SIGURG] = SIGURG,       [FBSD_SIGSTOP] = SIGSTOP,     [FBSD_SIGTSTP] = SIGTSTP,
    [FBSD_SIGCONT] = SIGCONT,     [FBSD_SIGCHLD] = SIGCHLD,     [FBSD_SIGTTIN] = SIGTTIN,
    [FBSD_SIGTTOU] = SIGTTOU,     [FBSD_SIGIO] = SIGIO,         [FBSD_SIGXCPU] = SIGXCPU,
    [FBSD_SIGXFSZ] = SIGXFSZ,     [FBSD_SIGVTALRM] = SIGVTALRM, [FBSD_SIGPROF] = SIGPROF,
    [FBSD_SIGWINCH] = SIGWINCH,   [FBSD_SIGINFO] = FBSD_LINUX_SIGINFO,
    [FBSD_SIGUSR1] = SIGUSR1,     [FBSD_SIGUSR2] = SIGUSR2,
    [FBSD_SIGTHR] = FBSD_LINUX_SIGTHR, [FBSD_SIGLIBRT] = FBSD_LINUX_SIGLIBRT,
};

static const char *const sig_names[FBSD_SIGLIBRT + 1] = {
    NULL,       "SIGHUP",  "SIGINT",  "SIGQUIT", "SIGILL",    "SIGTRAP", "SIGABRT",
    "SIGEMT",   "SIGFPE",  "SIGKILL", "SIGBUS",  "SIGSEGV",   "SIGSYS",  "SIGPIPE",
    "SIGALRM",  "SIGTERM", "SIGURG",  "SIGSTOP", "SIGTSTP",   "SIGCONT", "SIGCHLD",
    "SIGTTIN",  "SIGTTOU", "SIGIO",   "SIGXCPU", "SIGXFSZ",   "SIGVTALRM", "SIGPROF",
    "SIGWINCH", "SIGINFO", "SIGUSR1", "SIGUSR2", "SIGTHR",    "SIGLIBRT",
};

#define RT_COUNT (FBSD_LINUX_NSIG - FBSD_LINUX_SIGRTBASE + 1) /* 27 */

int fbsd_sig_to_linux(int fsig)
{
    if (fsig >= 1 && fsig <= FBSD_SIGLIBRT)
        return sig_to_linux[fsig];
    if (fsig >= FBSD_SIGRTMIN && fsig < FBSD_SIGRTMIN + RT_COUNT)
        return FBSD_LINUX_SIGRTBASE + (fsig - FBSD_SIGRTMIN);
    return 0;
}

int fbsd_sig_from_linux(int lsig)
{
    if (lsig >= FBSD_LINUX_SIGRTBASE && lsig <= FBSD_LINUX_NSIG)
        return FBSD_SIGRTMIN + (lsig - FBSD_LINUX_SIGRTBASE);
    for (int f = 1; f <= FBSD_SIGLIBRT; f++)
        if (lsig > 0 && sig_to_linux[f] == lsig)
            return f;
    return 0;
}

const char *fbsd_sig_name(int fsig)
{
    return fsig >= 1 && fsig <= FBSD_SIGLIBRT ? sig_names[fsig] : NULL;
}

size_t fbsd_sig_format(int fsig, char *buf, size_t n)
{
    const char *name = fbsd_sig_name(fsig);
    int len;
    if (name)
        len = snprintf(buf, n, "%s", name);
    else if (fsig == FBSD_SIGRTMIN)
        len = snprintf(buf, n, "SIGRTMIN");
    else if (fsig == FBSD_SIGRTMAX)
        len = snprintf(buf, n, "SIGRTMAX");
    else if (fsig > FBSD_SIGRTMIN && fsig < FBSD_SIGRTMAX)
        len = snprintf(buf, n, "SIGRTMIN+%d", fsig - FBSD_SIGRTMIN);
    else
        len = snprintf(buf, n, "%d", fsig);
    return len < 0 ? 0 : (size_t)len;
}

/* ------------------------------------------------------------ sigsets */

int fbsd_sigset_to_linux(const fbsd_sigset_t *fs, uint64_t *lmask)
{
    int dropped = 0;
    *lmask = 0;
    for (int s = 1; s <= FBSD_NSIG; s++) {
        if (!(fs->bits[(s - 1) / 32] & (1u << ((s - 1) % 32))))
            continue;
        int l = fbsd_sig_to_linux(s);
        if (l)
            *lmask |= 1ull << (l - 1);
        else
            dropped++;
    }
    return dropped;
}

int fbsd_sigset_from_linux(uint64_t lmask, fbsd_sigset_t *fs)
{
    int dropped = 0;
    memset(fs, 0, sizeof *fs);
    for (int l = 1; l <= FBSD_LINUX_NSIG; l++) {
        if (!(lmask & (1ull << (l - 1))))
            continue;
        int s = fbsd_sig_from_linux(l);
        if (s)
            fs->bits[(s - 1) / 32] |= 1u << ((s - 1) % 32);
        else
            dropped++;
    }
    return dropped;
}

const struct fbsd_valmap fbsd_sigprocmask_hows[] = {
    {FBSD_SIG_BLOCK, SIG_BLOCK, "SIG_BLOCK", 0},
    {FBSD_SIG_UNBLOCK, SIG_UNBLOCK, "SIG_UNBLOCK", 0},
    {FBSD_SIG_SETMASK, SIG_SETMASK, "SIG_SETMASK", 0},
    {0, 0, NULL, 0},
};

int fbsd_sigprocmask_how_to_linux(int fhow)
{
    int64_t l;
    return fbsd_val_to_linux(fbsd_sigprocmask_hows, fhow, &l) == FBSD_VAL_OK ? (int)l : -1;
}

int fbsd_sigprocmask_how_from_linux(int lhow)
{
    int64_t f;
    return fbsd_val_from_linux(fbsd_sigprocmask_hows, lhow, &f) == FBSD_VAL_OK ? (int)f : -1;
}

/* ------------------------------------------------------------ sigaction */

#define LINUX_SA_RESTORER 0x04000000
#define LINUX_SS_AUTODISARM (1u << 31)

const struct fbsd_flagmap fbsd_sa_flags[] = {
    {FBSD_SA_ONSTACK, SA_ONSTACK, "SA_ONSTACK"},
    {FBSD_SA_RESTART, SA_RESTART, "SA_RESTART"},
    {FBSD_SA_RESETHAND, SA_RESETHAND, "SA_RESETHAND"},
    {FBSD_SA_NOCLDSTOP, SA_NOCLDSTOP, "SA_NOCLDSTOP"},
    {FBSD_SA_NODEFER, SA_NODEFER, "SA_NODEFER"},
    {FBSD_SA_NOCLDWAIT, SA_NOCLDWAIT, "SA_NOCLDWAIT"},
    {FBSD_SA_SIGINFO, SA_SIGINFO, "SA_SIGINFO"},
    {0, LINUX_SA_RESTORER, "SA_RESTORER"}, /* Linux-only: dropped */
    {0, 0, NULL},
};

const struct fbsd_flagmap fbsd_ss_flags[] = {
    {FBSD_SS_ONSTACK, SS_ONSTACK, "SS_ONSTACK"},
    {FBSD_SS_DISABLE, SS_DISABLE, "SS_DISABLE"},
    {0, LINUX_SS_AUTODISARM, "SS_AUTODISARM"}, /* Linux-only: dropped */
    {0, 0, NULL},
};

int fbsd_sigaction_to_linux(const struct fbsd_sigaction *fa, struct fbsd_linux_ksigaction *la)
{
    uint64_t unknown;
    la->handler = fa->sa_func;
    la->flags = fbsd_flags_to_linux(fbsd_sa_flags, (uint32_t)fa->sa_flags, &unknown);
    la->restorer = 0;
    fbsd_sigset_to_linux(&fa->sa_mask, &la->mask);
    return unknown ? FBSD_EINVAL : 0;
}

void fbsd_sigaction_from_linux(const struct fbsd_linux_ksigaction *la, struct fbsd_sigaction *fa)
{
    memset(fa, 0, sizeof *fa);
    fa->sa_func = la->handler;
    fa->sa_flags = (int32_t)fbsd_flags_from_linux(fbsd_sa_flags, la->flags, NULL);
    fbsd_sigset_from_linux(la->mask, &fa->sa_mask);
}

int fbsd_stack_to_linux(const struct fbsd_stack *f, stack_t *l)
{
    uint64_t unknown;
    memset(l, 0, sizeof *l);
    l->ss_sp = (void *)(uintptr_t)f->ss_sp;
    l->ss_size = f->ss_size;
    l->ss_flags = (int)fbsd_flags_to_linux(fbsd_ss_flags, (uint32_t)f->ss_flags, &unknown);
    return unknown ? FBSD_EINVAL : 0;
}

void fbsd_stack_from_linux(const stack_t *l, struct fbsd_stack *f)
{
    memset(f, 0, sizeof *f);
    f->ss_sp = (uint64_t)(uintptr_t)l->ss_sp;
    f->ss_size = l->ss_size;
    f->ss_flags = (int32_t)fbsd_flags_from_linux(fbsd_ss_flags, (uint32_t)l->ss_flags, NULL);
}

/* ------------------------------------------------------------ si_code */

#define LINUX_SI_KERNEL 0x80

/* Codes that do not depend on the signal. Linux SI_USER (0) reads back as
 * SI_USER; Linux SI_SIGIO has no FreeBSD twin and reads back as SI_NOINFO. */
static const struct fbsd_valmap si_generic[] = {
    {FBSD_SI_USER, SI_USER, "SI_USER", 0},
    {FBSD_SI_NOINFO, SI_USER, "SI_NOINFO", 0},
    {FBSD_SI_QUEUE, SI_QUEUE, "SI_QUEUE", 0},
    {FBSD_SI_TIMER, SI_TIMER, "SI_TIMER", 0},
    {FBSD_SI_ASYNCIO, SI_ASYNCIO, "SI_ASYNCIO", 0},
    {FBSD_SI_MESGQ, SI_MESGQ, "SI_MESGQ", 0},
    {FBSD_SI_KERNEL, LINUX_SI_KERNEL, "SI_KERNEL", 0},
    {FBSD_SI_LWP, SI_TKILL, "SI_LWP", 0},
    {FBSD_SI_NOINFO, SI_SIGIO, "SI_NOINFO", 0},
    {0, 0, NULL, 0},
};

/* FreeBSD and Linux swap FPE_INTOVF and FPE_INTDIV. */
static const struct fbsd_valmap si_fpe[] = {
    {FBSD_FPE_INTOVF, FPE_INTOVF, "FPE_INTOVF", 0},
    {FBSD_FPE_INTDIV, FPE_INTDIV, "FPE_INTDIV", 0},
    {3, FPE_FLTDIV, "FPE_FLTDIV", 0},
    {4, FPE_FLTOVF, "FPE_FLTOVF", 0},
    {5, FPE_FLTUND, "FPE_FLTUND", 0},
    {6, FPE_FLTRES, "FPE_FLTRES", 0},
    {7, FPE_FLTINV, "FPE_FLTINV", 0},
    {8, FPE_FLTSUB, "FPE_FLTSUB", 0},
    {0, 0, NULL, 0},
};

/* Linux TRAP_BRANCH/TRAP_HWBKPT read back as TRAP_TRACE. */
static const struct fbsd_valmap si_trap[] = {
    {FBSD_TRAP_BRKPT, TRAP_BRKPT, "TRAP_BRKPT", 0},
    {FBSD_TRAP_TRACE, TRAP_TRACE, "TRAP_TRACE", 0},
    {FBSD_TRAP_DTRACE, TRAP_BRKPT, "TRAP_DTRACE", 0},
    {FBSD_TRAP_CAP, TRAP_BRKPT, "TRAP_CAP", 0},
    {FBSD_TRAP_TRACE, TRAP_BRANCH, "TRAP_TRACE", 0},
    {FBSD_TRAP_TRACE, TRAP_HWBKPT, "TRAP_TRACE", 0},
    {0, 0, NULL, 0},
};

/* Linux's extra SEGV codes are protection faults; BUS_MCEERR_* are object errors. */
static const struct fbsd_valmap si_segv[] = {
    {FBSD_SEGV_MAPERR, SEGV_MAPERR, "SEGV_MAPERR", 0},
    {FBSD_SEGV_ACCERR, SEGV_ACCERR, "SEGV_ACCERR", 0},
    {FBSD_SEGV_ACCERR, SEGV_BNDERR, "SEGV_ACCERR", 0},
    {FBSD_SEGV_ACCERR, SEGV_PKUERR, "SEGV_ACCERR", 0},
    {0, 0, NULL, 0},
};

static const struct fbsd_valmap si_bus[] = {
    {FBSD_BUS_ADRALN, BUS_ADRALN, "BUS_ADRALN", 0},
    {FBSD_BUS_ADRERR, BUS_ADRERR, "BUS_ADRERR", 0},
    {FBSD_BUS_OBJERR, BUS_OBJERR, "BUS_OBJERR", 0},
    {FBSD_BUS_OBJERR, BUS_MCEERR_AR, "BUS_OBJERR", 0},
    {FBSD_BUS_OBJERR, BUS_MCEERR_AO, "BUS_OBJERR", 0},
    {0, 0, NULL, 0},
};

/* Signal-specific code tables by FreeBSD signal; signals not listed use the
 * same numbers on both sides (ILL_* 1..8, CLD_* 1..6, POLL_* 1..6). */
static const struct {
    int fsig;
    const struct fbsd_valmap *t;
} si_tables[] = {
    {FBSD_SIGFPE, si_fpe},
    {FBSD_SIGTRAP, si_trap},
    {FBSD_SIGSEGV, si_segv},
    {FBSD_SIGBUS, si_bus},
};

static const struct fbsd_valmap *si_table(int fsig)
{
    for (size_t i = 0; i < sizeof si_tables / sizeof si_tables[0]; i++)
        if (si_tables[i].fsig == fsig)
            return si_tables[i].t;
    return NULL;
}

int fbsd_si_code_from_linux(int lsig, int lcode)
{
    const struct fbsd_valmap *t;
    int64_t f;
    if (lcode <= 0 || lcode == LINUX_SI_KERNEL)
        return fbsd_val_from_linux(si_generic, lcode, &f) == FBSD_VAL_OK ? (int)f
                                                                       : FBSD_SI_NOINFO;
    t = si_table(fbsd_sig_from_linux(lsig));
    if (t && fbsd_val_from_linux(t, lcode, &f) == FBSD_VAL_OK)
        return (int)f;
    return lcode;
}

int fbsd_si_code_to_linux(int fsig, int fcode)
{
    const struct fbsd_valmap *t = si_table(fsig);
    int64_t l;
    if (fcode == FBSD_SI_NOINFO || fcode >= FBSD_SI_USER)
        return fbsd_val_to_linux(si_generic, fcode, &l) == FBSD_VAL_OK ? (int)l : SI_USER;
    if (t && fbsd_val_to_linux(t, fcode, &l) == FBSD_VAL_OK)
        return (int)l;
    return fcode;
}

/* ------------------------------------------------------------ siginfo */

static int is_fault_signal(int lsig)
{
    return lsig == SIGSEGV || lsig == SIGBUS || lsig == SIGILL || lsig == SIGFPE ||
           lsig == SIGTRAP;
}

static void siginfo_kernel_fields(const siginfo_t *l, fbsd_siginfo_t *f)
{
    if (is_fault_signal(l->si_signo)) {
        f->fsi_addr = (uint64_t)(uintptr_t)l->si_addr;
    } else if (l->si_signo == SIGCHLD) {
        f->fsi_pid = l->si_pid;
        f->fsi_uid = l->si_uid;
        f->fsi_status = l->si_code == CLD_EXITED ? l->si_status
                                                 : fbsd_sig_from_linux(l->si_status);
    } else if (l->si_signo == SIGIO) {
        f->fsi_reason.poll.band = l->si_band;
    }
}

void fbsd_siginfo_from_linux(const siginfo_t *l, fbsd_siginfo_t *f)
{
    memset(f, 0, sizeof *f);
    f->fsi_signo = fbsd_sig_from_linux(l->si_signo);
    f->fsi_errno = fbsd_errno_from_linux(l->si_errno);
    f->fsi_code = fbsd_si_code_from_linux(l->si_signo, l->si_code);
    if (l->si_code > 0 && l->si_code != LINUX_SI_KERNEL) {
        siginfo_kernel_fields(l, f);
        return;
    }
    if (l->si_code == SI_TIMER) {
        f->fsi_reason.timer.timerid = l->si_timerid;
        f->fsi_reason.timer.overrun = l->si_overrun;
        f->fsi_value.sival_ptr = (uint64_t)(uintptr_t)l->si_value.sival_ptr;
        return;
    }
    if (l->si_code == LINUX_SI_KERNEL)
        return;
    f->fsi_pid = l->si_pid;
    f->fsi_uid = l->si_uid;
    if (l->si_code == SI_QUEUE || l->si_code == SI_MESGQ)
        f->fsi_value.sival_ptr = (uint64_t)(uintptr_t)l->si_value.sival_ptr;
}

/* ------------------------------------------------------------ wait status */

#define LINUX_W_CONTINUED 0xffff
#define FBSD_W_CONTINUED 0x13 /* sys/sys/wait.h: WIFCONTINUED(x) is x == 0x13 */

int fbsd_wstatus_from_linux(int s)
{
    if (s == LINUX_W_CONTINUED)
        return FBSD_W_CONTINUED;
    if (WIFEXITED(s))
        return s & 0xff00;
    if (WIFSTOPPED(s))
        return (fbsd_sig_from_linux(WSTOPSIG(s)) << 8) | 0x7f;
    return fbsd_sig_from_linux(WTERMSIG(s)) | (s & 0x80); /* WCOREFLAG is 0200 on both */
}

/* ------------------------------------------------------------ mcontext */

static const struct {
    unsigned short off; /* in struct fbsd_mcontext */
    unsigned char greg; /* Linux gregs[] index */
} mc_regs[] = {
    {offsetof(struct fbsd_mcontext, mc_rdi), REG_RDI},
    {offsetof(struct fbsd_mcontext, mc_rsi), REG_RSI},
    {offsetof(struct fbsd_mcontext, mc_rdx), REG_RDX},
    {offsetof(struct fbsd_mcontext, mc_rcx), REG_RCX},
    {offsetof(struct fbsd_mcontext, mc_r8), REG_R8},
    {offsetof(struct fbsd_mcontext, mc_r9), REG_R9},
    {offsetof(struct fbsd_mcontext, mc_rax), REG_RAX},
    {offsetof(struct fbsd_mcontext, mc_rbx), REG_RBX},
    {offsetof(struct fbsd_mcontext, mc_rbp), REG_RBP},
    {offsetof(struct fbsd_mcontext, mc_r10), REG_R10},
    {offsetof(struct fbsd_mcontext, mc_r11), REG_R11},
    {offsetof(struct fbsd_mcontext, mc_r12), REG_R12},
    {offsetof(struct fbsd_mcontext, mc_r13), REG_R13},
    {offsetof(struct fbsd_mcontext, mc_r14), REG_R14},
    {offsetof(struct fbsd_mcontext, mc_r15), REG_R15},
    {offsetof(struct fbsd_mcontext, mc_addr), REG_CR2},
    {offsetof(struct fbsd_mcontext, mc_err), REG_ERR},
    {offsetof(struct fbsd_mcontext, mc_rip), REG_RIP},
    {offsetof(struct fbsd_mcontext, mc_rflags), REG_EFL},
    {offsetof(struct fbsd_mcontext, mc_rsp), REG_RSP},
};

#define FXSAVE_SIZE 512
_Static_assert(sizeof(((struct fbsd_mcontext *)0)->mc_fpstate) == FXSAVE_SIZE, "fxsave");
_Static_assert(sizeof(struct _libc_fpstate) == FXSAVE_SIZE, "linux fxsave");

void fbsd_mcontext_from_linux(const mcontext_t *l, struct fbsd_mcontext *f)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < sizeof mc_regs / sizeof mc_regs[0]; i++) {
        int64_t v = l->gregs[mc_regs[i].greg];
        memcpy((char *)f + mc_regs[i].off, &v, sizeof v);
    }
    f->mc_trapno = (uint32_t)l->gregs[REG_TRAPNO];
    f->mc_cs = FBSD_GUCODE_SEL;
    f->mc_ss = FBSD_GUDATA_SEL;
    f->mc_len = sizeof *f;
    f->mc_fpformat = FBSD_MC_FPFMT_NODEV;
    f->mc_ownedfp = FBSD_MC_FPOWNED_NONE;
    if (l->fpregs) {
        memcpy(f->mc_fpstate, l->fpregs, FXSAVE_SIZE);
        f->mc_fpformat = FBSD_MC_FPFMT_XMM;
        f->mc_ownedfp = FBSD_MC_FPOWNED_FPU;
    }
}

void fbsd_mcontext_to_linux(const struct fbsd_mcontext *f, mcontext_t *l)
{
    for (size_t i = 0; i < sizeof mc_regs / sizeof mc_regs[0]; i++) {
        int64_t v;
        memcpy(&v, (const char *)f + mc_regs[i].off, sizeof v);
        l->gregs[mc_regs[i].greg] = v;
    }
    l->gregs[REG_TRAPNO] = f->mc_trapno;
    if (l->fpregs && f->mc_fpformat == FBSD_MC_FPFMT_XMM)
        memcpy(l->fpregs, f->mc_fpstate, FXSAVE_SIZE);
}
