/* hostile_kern.c — bad pointers and absurd sizes handed to __sysctl and
 * __sysctlbyname (name, old, oldlenp, new), thr_new parameters (and the
 * tid words it writes), _umtx_op, sysarch, kevent change and event
 * lists, poll/ppoll/select/pselect sets and masks. Each must fail as
 * FreeBSD fails, never crash xeno. FreeBSD-only. */
#include <sys/event.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <unistd.h>

#include "hostile.h"

enum {
    F_SYSARCH = 165, F_SYSCTL = 202, F_POLL = 209, F_SELECT = 93, F_NANOSLEEP = 240,
    F_KQUEUE = 362, F_THR_NEW = 455, F_UMTX_OP = 454, F_PSELECT = 522, F_PPOLL = 545,
    F_KEVENT = 560, F_SYSCTLBYNAME = 570,
};

struct ts { long sec, nsec; };

static void sysctls(void)
{
    int mib[2] = { 1, 1 }; /* kern.ostype */
    size_t len = 64;
    out("sysctl-name-kernel", __sys6(F_SYSCTL, (long)bad.kernel, 2, (long)bad.page, (long)&len, 0, 0));
    out("sysctl-namelen-0", __sys6(F_SYSCTL, (long)mib, 0, (long)bad.page, (long)&len, 0, 0));
    out("sysctl-namelen-25", __sys6(F_SYSCTL, (long)mib, 25, (long)bad.page, (long)&len, 0, 0));
    out("sysctl-old-kernel", __sys6(F_SYSCTL, (long)mib, 2, (long)bad.kernel, (long)&len, 0, 0));
    out("sysctl-oldlenp-kernel", __sys6(F_SYSCTL, (long)mib, 2, (long)bad.page, (long)bad.kernel, 0, 0));
    int rel[2] = { 1, 2 }; /* kern.osrelease: longer than 8 bytes */
    len = 64;
    out("sysctl-old-edge", __sys6(F_SYSCTL, (long)rel, 2, (long)bad.edge, (long)&len, 0, 0));
    out("sysctl-size-query", __sys6(F_SYSCTL, (long)mib, 2, 0, (long)&len, 0, 0));
    out("sysctl-new-readonly", __sys6(F_SYSCTL, (long)mib, 2, 0, 0, (long)bad.kernel, 4));
    len = 64;
    out("sysctlbyname-name-kernel", __sys6(F_SYSCTLBYNAME, (long)bad.kernel, 11, (long)bad.page, (long)&len, 0, 0));
    out("sysctlbyname-namelen-0", __sys6(F_SYSCTLBYNAME, (long)"kern.ostype", 0, (long)bad.page, (long)&len, 0, 0));
    out("sysctlbyname-namelen-5000", __sys6(F_SYSCTLBYNAME, (long)bad.nonul, 5000, (long)bad.page, (long)&len, 0, 0));
    out("sysctlbyname-namelen-1024", __sys6(F_SYSCTLBYNAME, (long)bad.nonul, 1024, (long)bad.page, (long)&len, 0, 0));
    out("sysctlbyname-namelen-600", __sys6(F_SYSCTLBYNAME, (long)bad.nonul, 600, (long)bad.page, (long)&len, 0, 0));
    out("sysctlbyname-old-edge", __sys6(F_SYSCTLBYNAME, (long)"kern.osrelease", 14, (long)bad.edge, (long)&len, 0, 0));
}

static volatile int started;

static void thread_fn(void *arg)
{
    (void)arg;
    started = 1;
    __sys1(431 /* thr_exit */, 0);
}

static void threads(void)
{
    static char stack[65536] __attribute__((aligned(16)));
    struct thr_param p;
    memset(&p, 0, sizeof p);
    p.start_func = thread_fn;
    p.stack_base = stack;
    p.stack_size = sizeof stack;
    out("thr_new-null", __sys2(F_THR_NEW, 0, sizeof p));
    out("thr_new-kernel", __sys2(F_THR_NEW, bad.kernel, sizeof p));
    out("thr_new-edge", __sys2(F_THR_NEW, bad.edge, sizeof p));
    out("thr_new-size-200", __sys2(F_THR_NEW, &p, 200));
    out("thr_new-size-negative", __sys2(F_THR_NEW, &p, -1));
    p.child_tid = (long *)bad.kernel;
    out("thr_new-child-tid-kernel", __sys2(F_THR_NEW, &p, sizeof p));
    p.child_tid = 0, p.parent_tid = (long *)bad.unmapped;
    out("thr_new-parent-tid-unmapped", __sys2(F_THR_NEW, &p, sizeof p));
    p.parent_tid = 0, p.rtp = (struct rtprio *)bad.kernel;
    out("thr_new-rtp-kernel", __sys2(F_THR_NEW, &p, sizeof p));
    out("thr_set_name-kernel", __sys2(464 /* thr_set_name */, -1, bad.kernel));
    out("thr_set_name-too-long", __sys2(464, -1, "a-name-longer-than-sixteen-bytes"));
    struct ts pause = { 0, 50000000 };
    __sys2(F_NANOSLEEP, &pause, 0);
    printf("thr_new-no-thread-started %s\n", started ? "STARTED" : "ok");
}

static void umtx(void)
{
    static unsigned word = 7;
    struct _umtx_time t = { { 0, 2000000000 }, 0, 4 };
    out("umtx-wait-uint-null", __sys5(F_UMTX_OP, 0, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0));
    out("umtx-wait-uint-kernel", __sys5(F_UMTX_OP, bad.kernel, UMTX_OP_WAIT_UINT_PRIVATE, 0, 0, 0));
    out("umtx-wait-long-kernel", __sys5(F_UMTX_OP, bad.kernel, UMTX_OP_WAIT, 0, 0, 0));
    out("umtx-wait-value-differs", __sys5(F_UMTX_OP, &word, UMTX_OP_WAIT_UINT_PRIVATE, 8, 0, 0));
    out("umtx-wait-timeout-kernel", __sys5(F_UMTX_OP, &word, UMTX_OP_WAIT_UINT_PRIVATE, 7, sizeof t, bad.kernel));
    out("umtx-wait-bad-nsec", __sys5(F_UMTX_OP, &word, UMTX_OP_WAIT_UINT_PRIVATE, 7, sizeof t, &t));
    t._timeout.tv_nsec = 1000;
    out("umtx-wait-times-out", __sys5(F_UMTX_OP, &word, UMTX_OP_WAIT_UINT_PRIVATE, 7, sizeof t, &t));
    out("umtx-bad-op", __sys5(F_UMTX_OP, &word, 999, 0, 0, 0));
    out("umtx-nwake-list-kernel", __sys5(F_UMTX_OP, bad.kernel, 21 /* NWAKE_PRIVATE */, 3, 0, 0));
    out("umtx-wake-null", __sys5(F_UMTX_OP, 0, UMTX_OP_WAKE_PRIVATE, 1, 0, 0));
}

static void sysarchs(void)
{
    out("sysarch-set-fsbase-kernel", __sys2(F_SYSARCH, 129, bad.kernel));
    out("sysarch-get-fsbase-null", __sys2(F_SYSARCH, 128, 0));
    out("sysarch-bad-op", __sys2(F_SYSARCH, 999, bad.page));
}

static void kevents(int rfd)
{
    int kq = (int)__sys0(F_KQUEUE);
    struct ts zero = { 0, 0 }, badns = { 0, 2000000000 };
    struct kevent *k = (struct kevent *)bad.page;
    out("kevent-changes-kernel", __sys6(F_KEVENT, kq, (long)bad.kernel, 1, 0, 0, (long)&zero));
    out("kevent-changes-edge", __sys6(F_KEVENT, kq, (long)bad.edge, 1, 0, 0, (long)&zero));
    out("kevent-timeout-kernel", __sys6(F_KEVENT, kq, 0, 0, (long)bad.page, 1, (long)bad.kernel));
    out("kevent-timeout-bad-nsec", __sys6(F_KEVENT, kq, 0, 0, (long)bad.page, 1, (long)&badns));
    out("kevent-nchanges-negative", __sys6(F_KEVENT, kq, (long)bad.page, -1, 0, 0, (long)&zero));
    out("kevent-not-a-kqueue", __sys6(F_KEVENT, rfd, 0, 0, (long)bad.page, 1, (long)&zero));
    memset(k, 0, 64);
    k->filter = 100; /* no such filter: the first change fails */
    out("kevent-nchanges-huge", __sys6(F_KEVENT, kq, (long)k, 1 << 30, 0, 0, (long)&zero));
    memset(k, 0, 64);
    k->ident = (unsigned)rfd, k->filter = EVFILT_READ, k->flags = EV_ADD;
    out("kevent-add", __sys6(F_KEVENT, kq, (long)k, 1, 0, 0, (long)&zero));
    out("kevent-events-kernel", __sys6(F_KEVENT, kq, 0, 0, (long)bad.kernel, 4, (long)&zero));
    out("kevent-events-edge", __sys6(F_KEVENT, kq, 0, 0, (long)bad.edge, 4, (long)&zero));
    __sys1(6, kq);
}

static void polls(int rfd)
{
    struct ts zero = { 0, 0 };
    struct { long sec, usec; } tv0 = { 0, 0 }, badtv = { 0, 2000000 };
    int *fds = (int *)bad.page;
    fds[0] = rfd, fds[1] = 1; /* events POLLIN */
    out("poll-null", __sys3(F_POLL, 0, 1, 0));
    out("poll-kernel", __sys3(F_POLL, bad.kernel, 1, 0));
    out("poll-edge", __sys3(F_POLL, bad.edge, 2, 0));
    out("poll-nfds-huge", __sys3(F_POLL, bad.page, 1 << 30, 0));
    out("poll-none", __sys3(F_POLL, 0, 0, 0));
    out("poll-bad-timeout", __sys3(F_POLL, bad.page, 1, -5));
    out("ppoll-mask-kernel", __sys4(F_PPOLL, bad.page, 1, &zero, bad.kernel));
    out("ppoll-timeout-kernel", __sys4(F_PPOLL, bad.page, 1, bad.kernel, 0));
    out("select-readfds-kernel", __sys5(F_SELECT, 64, bad.kernel, 0, 0, &tv0));
    out("select-readfds-edge", __sys5(F_SELECT, 1024, bad.edge, 0, 0, &tv0));
    out("select-nfds-negative", __sys5(F_SELECT, -1, 0, 0, 0, &tv0));
    out("select-timeout-kernel", __sys5(F_SELECT, 0, 0, 0, 0, bad.kernel));
    out("select-bad-usec", __sys5(F_SELECT, 0, 0, 0, 0, &badtv));
    out("select-nfds-huge", __sys5(F_SELECT, 1 << 30, 0, 0, 0, &tv0));
    out("pselect-mask-kernel", __sys6(F_PSELECT, 0, 0, 0, 0, (long)&zero, (long)bad.kernel));
}

int main(void)
{
    hostile_setup();
    int p[2];
    __sys2(542 /* pipe2 */, p, 0);
    __sys3(4, p[1], "x", 1); /* the read end is readable */
    sysctls();
    threads();
    umtx();
    sysarchs();
    kevents(p[0]);
    polls(p[0]);
    printf("survived\n");
    return 0;
}
