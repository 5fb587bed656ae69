/* sigwait.c — FreeBSD's synchronous signal calls: sigwait (which returns
 * its error as the value), sigwaitinfo, sigtimedwait (FreeBSD siginfo,
 * FreeBSD signal numbers), and sigqueue. Follows sys/kern/kern_sig.c
 * (kern_sigtimedwait): SIGKILL and SIGSTOP cannot be waited for, a signal
 * already pending is taken before the timeout is looked at, a timeout
 * that ran out is EAGAIN, and any other signal the thread may take
 * interrupts the wait (EINTR) and goes to its handler.
 *
 * A signal can be in two places: caught by xeno and queued on the thread
 * (signal.c's host handler), or still pending in the host kernel. The
 * wait takes the first kind directly; for the second it blocks, besides
 * the guest's mask, the signals waited for and those with a guest
 * handler, and lets rt_sigtimedwait dequeue either kind atomically (a
 * handler's signal is then queued for delivery, as the host handler
 * would have done), so nothing that arrives just before the wait is
 * lost. Signals left to their default action stay open to the kernel. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fbsd.h"
#include "fbsd_signal.h"
#include "rawsys.h"

#define NSIG_F 129
/* Host signals xeno never blocks (as in signal.c): never waited for. */
#define HOST_UNBLOCKABLE ((1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1)) | \
    (1ull << (SIGILL - 1)) | (1ull << (SIGFPE - 1)) | (1ull << (SIGTRAP - 1)) | \
    (1ull << (SIGSYS - 1)))
#define LBIT(l) (1ull << ((l) - 1))

static int has(const fbsd_sigset_t *s, int sig)
{
    return sig > 0 && sig < NSIG_F && (s->bits[(sig - 1) >> 5] & (1u << ((sig - 1) & 31)));
}

static void put(fbsd_sigset_t *s, int sig, int on)
{
    uint32_t b = 1u << ((sig - 1) & 31);
    s->bits[(sig - 1) >> 5] = on ? s->bits[(sig - 1) >> 5] | b : s->bits[(sig - 1) >> 5] & ~b;
}

/* Host signals whose guest action is a handler: xeno's own handler is
 * installed for exactly those (signal.c, set_host_action). Host signals
 * with no FreeBSD number (glibc's own, 32 and 33) are never the guest's. */
static uint64_t handled_host_signals(uint64_t candidates)
{
    struct { uint64_t handler, flags, restorer, mask; } ka;
    uint64_t m = 0;
    for (int l = 1; l <= 64; l++) {
        if (!(candidates & LBIT(l)) || fbsd_sig_from_linux(l) <= 0)
            continue;
        if (xsys4(SYS_rt_sigaction, l, 0, (long)&ka, 8) == 0 &&
            ka.handler != (uint64_t)SIG_DFL && ka.handler != (uint64_t)SIG_IGN)
            m |= LBIT(l);
    }
    return m;
}

/* A signal of WAITSET xeno already caught for this thread, or 0. */
static int take_queued(struct fbsd_thread *ft, const fbsd_sigset_t *waitset, fbsd_siginfo_t *si)
{
    for (int s = 1; s < NSIG_F; s++) {
        if (has(&ft->pending, s) && has(waitset, s)) {
            put(&ft->pending, s, 0);
            *si = ft->pinfo[s];
            si->fsi_signo = s;
            return s;
        }
    }
    return 0;
}

/* Any other queued signal the thread takes now: the wait is interrupted. */
static int other_deliverable(const struct fbsd_thread *ft)
{
    for (int w = 0; w < 4; w++)
        if (ft->pending.bits[w] & ~ft->sigmask.bits[w])
            return 1;
    return 0;
}

/* Dequeue from the host kernel: signals of WANT are the answer; signals
 * of OTHER (guest handlers) are queued for delivery and end the wait. */
static long host_wait(struct fcall *c, uint64_t want, uint64_t other, const struct timespec *ts,
                      fbsd_siginfo_t *si)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    uint64_t set = want | other;
    siginfo_t lsi;
    memset(&lsi, 0, sizeof lsi);
    long r = xsys4(SYS_rt_sigtimedwait, (long)&set, (long)&lsi, (long)ts, 8);
    if (r <= 0)
        return r;
    int fsig = fbsd_sig_from_linux((int)r);
    if (fsig <= 0)
        return -EINTR;
    fbsd_siginfo_from_linux(&lsi, si);
    si->fsi_signo = fsig;
    if (want & LBIT(r))
        return fsig;
    ft->pinfo[fsig] = *si;
    put(&ft->pending, fsig, 1);
    c->t->pending = 1;
    return -EINTR;
}

/* kern_sigtimedwait. TS NULL waits forever; BADTIME is the error a bad
 * timeout gives once nothing is pending (EINVAL, or EAGAIN for a time
 * already past). */
static long wait_signal(struct fcall *c, fbsd_sigset_t waitset, const struct timespec *ts,
                        long badtime, fbsd_siginfo_t *si)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    uint64_t all = ~HOST_UNBLOCKABLE, want = 0, guest = 0;
    put(&waitset, FBSD_SIGKILL, 0);
    put(&waitset, FBSD_SIGSTOP, 0);
    xsys4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, 0, 8);
    long r = take_queued(ft, &waitset, si);
    if (r == 0 && other_deliverable(ft))
        r = -EINTR;
    if (r == 0) {
        fbsd_sigset_to_linux(&waitset, &want);
        fbsd_sigset_to_linux(&ft->sigmask, &guest);
        want &= ~HOST_UNBLOCKABLE;
        uint64_t other = handled_host_signals(~guest & ~want & ~HOST_UNBLOCKABLE);
        /* Signals left to their default action (or ignored) stay open:
         * the host kernel acts on them, killing the process if need be. */
        uint64_t during = (guest | want | other) & ~HOST_UNBLOCKABLE;
        xsys4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&during, 0, 8);
        struct timespec zero = { 0, 0 };
        r = host_wait(c, want, other, badtime ? &zero : ts, si);
        if (r == -EAGAIN && badtime)
            r = badtime;
    }
    fbsd_signal_apply_mask(ft);
    return r;
}

/* The timeout of sigtimedwait, checked only when nothing is pending. */
static long timeout_in(uint64_t uts, struct timespec *ts, long *badtime)
{
    struct fbsd_timespec f;
    if (fbsd_copyin(&f, uts, sizeof f) < 0)
        return -EFAULT;
    *badtime = 0;
    if (f.tv_nsec < 0 || f.tv_nsec >= 1000000000)
        *badtime = -EINVAL;
    else if (f.tv_sec < 0)
        *badtime = -EAGAIN;
    ts->tv_sec = f.tv_sec;
    ts->tv_nsec = f.tv_nsec;
    return 0;
}

static long info_out(uint64_t uinfo, const fbsd_siginfo_t *si, long sig)
{
    if (uinfo && fbsd_copyout(uinfo, si, sizeof *si) < 0)
        return -EFAULT;
    return sig;
}

long fbsd_sys_sigtimedwait(struct fcall *c)
{
    struct timespec ts, *tp = NULL;
    long badtime = 0, r;
    fbsd_sigset_t set;
    fbsd_siginfo_t si;
    if (c->a[2] && (r = timeout_in(c->a[2], &ts, &badtime)) < 0)
        return r;
    if (c->a[2])
        tp = &ts;
    if (fbsd_copyin(&set, c->a[0], sizeof set) < 0)
        return -EFAULT;
    r = wait_signal(c, set, tp, badtime, &si);
    return r < 0 ? r : info_out(c->a[1], &si, r);
}

long fbsd_sys_sigwaitinfo(struct fcall *c)
{
    fbsd_sigset_t set;
    fbsd_siginfo_t si;
    if (fbsd_copyin(&set, c->a[0], sizeof set) < 0)
        return -EFAULT;
    long r = wait_signal(c, set, NULL, 0, &si);
    return r < 0 ? r : info_out(c->a[1], &si, r);
}

/* sigwait returns 0 or an error number as its value, never -1/errno. */
long fbsd_sys_sigwait(struct fcall *c)
{
    fbsd_sigset_t set;
    fbsd_siginfo_t si;
    if (fbsd_copyin(&set, c->a[0], sizeof set) < 0)
        return EFAULT; /* FreeBSD's number too (below 35 they agree) */
    long r = wait_signal(c, set, NULL, 0, &si);
    if (r < 0)
        return fbsd_errno_of((int)-r);
    int sig = (int)r;
    return fbsd_copyout(c->a[1], &sig, sizeof sig) < 0 ? EFAULT : 0;
}

/* sigqueue(pid, signo, value): to one process only; SI_QUEUE with the
 * sender's pid and real uid. */
long fbsd_sys_sigqueue(struct fcall *c)
{
    long pid = (long)(int)c->a[0];
    int fsig = (int)c->a[1], lsig = fbsd_sig_to_host(fsig);
    if ((unsigned)fsig > 128 || (fsig && lsig <= 0) || pid <= 0)
        return -EINVAL;
    if (fsig == 0)
        return xsys2(SYS_kill, pid, 0);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = lsig;
    si.si_code = SI_QUEUE;
    si.si_pid = (pid_t)xsys0(SYS_getpid);
    si.si_uid = (uid_t)xsys0(SYS_getuid);
    si.si_value.sival_ptr = (void *)c->a[2];
    return xsys3(SYS_rt_sigqueueinfo, pid, lsig, (long)&si);
}
