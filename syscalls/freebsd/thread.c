/* thread.c — FreeBSD threads on host threads: thr_new starts a pthread that
 * becomes the guest thread (its own block, selector, signal stack and FS),
 * thr_exit leaves it, and _umtx_op's wait/wake operations map onto Linux
 * futexes. Also sysarch (FS/GS base) and sched_yield. */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fbsd.h"
#include "fbsd_signal.h"
#include "rawsys.h"
#include "xeno.h"

#define ALTSTACK_SIZE (64 * 1024)
#define THREAD_STACK_SIZE (1024 * 1024)

static int live_threads = 1;

void fbsd_threads_after_fork(void)
{
    live_threads = 1;
}

struct xthread *fbsd_thread_alloc(void)
{
    struct xthread *t = calloc(1, sizeof *t);
    struct fbsd_thread *ft = calloc(1, sizeof *ft);
    if (!t || !ft) {
        free(t);
        free(ft);
        return NULL;
    }
    ft->altstack.ss_flags = FBSD_SS_DISABLE;
    t->pers = ft;
    return t;
}

/* Arm interception on this host thread and run guest code from START. */
void fbsd_thread_enter(struct xthread *t, struct xframe *start)
{
    if (xthread_altstack(t, ALTSTACK_SIZE) < 0)
        xeno_die(1, "cannot allocate a signal stack: %s", strerror(errno));
    if (xeno_install_sigsys(1) < 0 || xthread_arm_sud(t) < 0)
        xeno_die(XENO_EXIT_NOLOAD, "cannot enable Syscall User Dispatch (Linux 5.11 or "
                 "later is required)");
    struct xframe *f = (struct xframe *)(t->xstack_top - sizeof *f);
    *f = *start;
    xeno_gate_enter(f);
}

struct thr_start {
    struct fbsd_thr_param p;
    fbsd_sigset_t sigmask;
    volatile int ready;
};

static void *thread_main(void *arg)
{
    struct thr_start *ts = arg;
    struct xthread *t = fbsd_thread_alloc();
    if (!t)
        xeno_die(1, "out of memory starting a thread");
    uint64_t top = ((uint64_t)__builtin_frame_address(0) - 4096) & ~15ull;
    xthread_attach(t, top - (THREAD_STACK_SIZE - 64 * 1024), top, 1);
    struct fbsd_thread *ft = fbsd_thread(t);
    ft->sigmask = ts->sigmask;
    ft->altstack.ss_flags = FBSD_SS_DISABLE;
    t->guest_fs = ts->p.tls_base;
    long tid = t->tid;
    if (ts->p.child_tid)
        fbsd_copyout(ts->p.child_tid, &tid, sizeof tid);
    if (ts->p.parent_tid)
        fbsd_copyout(ts->p.parent_tid, &tid, sizeof tid);
    struct xframe start = { 0 };
    start.rip = ts->p.start_func;
    start.rdi = ts->p.arg;
    start.rsp = ((ts->p.stack_base + ts->p.stack_size) & ~15ull) - 8;
    start.rflags = 0x202;
    start.path = XPATH_START;
    __atomic_store_n(&ts->ready, 1, __ATOMIC_RELEASE);
    xsys6(SYS_futex, (long)&ts->ready, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
    if (setjmp(ft->exit_jmp) == 0)
        fbsd_thread_enter(t, &start);
    /* thr_exit jumped back here: leave the host thread normally. */
    return NULL;
}

/* A word thr_new will write the new thread's id to: FreeBSD fails the
 * call with EFAULT, no thread started, when it cannot be written. */
static int tid_slot_ok(uint64_t addr)
{
    long v;
    return !addr || (fbsd_copyin(&v, addr, sizeof v) == 0 && fbsd_copyout(addr, &v, sizeof v) == 0);
}

long fbsd_sys_thr_new(struct fcall *c)
{
    struct thr_start ts;
    uint32_t rtp;
    int psize = (int)c->a[1];
    memset(&ts, 0, sizeof ts);
    if (psize < 0 || (size_t)psize > sizeof ts.p) /* sys_thr_new */
        return -EINVAL;
    if (fbsd_copyin(&ts.p, c->a[0], (size_t)psize) < 0)
        return -EFAULT;
    if ((ts.p.rtp && fbsd_copyin(&rtp, ts.p.rtp, sizeof rtp) < 0) ||
        !tid_slot_ok(ts.p.child_tid) || !tid_slot_ok(ts.p.parent_tid))
        return -EFAULT;
    ts.sigmask = fbsd_thread(c->t)->sigmask;
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, THREAD_STACK_SIZE);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    __atomic_add_fetch(&live_threads, 1, __ATOMIC_RELAXED);
    int err = pthread_create(&th, &attr, thread_main, &ts);
    pthread_attr_destroy(&attr);
    if (err) {
        __atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELAXED);
        return -err;
    }
    while (!__atomic_load_n(&ts.ready, __ATOMIC_ACQUIRE))
        xsys6(SYS_futex, (long)&ts.ready, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0);
    return 0;
}

long fbsd_sys_thr_self(struct fcall *c)
{
    long tid = c->t->tid;
    return fbsd_copyout(c->a[0], &tid, sizeof tid);
}

long fbsd_sys_thr_exit(struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    if (c->a[0]) {
        long one = 1;
        fbsd_copyout(c->a[0], &one, sizeof one);
        xsys6(SYS_futex, (long)c->a[0], FUTEX_WAKE_PRIVATE, INT32_MAX, 0, 0, 0);
    }
    if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELAXED) == 0)
        fbsd_exit_process(0);
    xthread_disarm_sud();
    if (c->t->tid == getpid()) /* the main thread: no pthread to return to */
        for (;;)
            xsys1(SYS_exit, 0);
    longjmp(ft->exit_jmp, 1);
}

long fbsd_sys_thr_kill(struct fcall *c)
{
    int sig = fbsd_sig_to_host((int)c->a[1]);
    if (c->a[1] != 0 && sig <= 0)
        return -EINVAL;
    return xsys3(SYS_tgkill, getpid(), (long)c->a[0], sig);
}

long fbsd_sys_thr_kill2(struct fcall *c)
{
    int sig = fbsd_sig_to_host((int)c->a[2]);
    if (c->a[2] != 0 && sig <= 0)
        return -EINVAL;
    return xsys3(SYS_tgkill, (long)c->a[0], (long)c->a[1], sig);
}

long fbsd_sys_thr_set_name(struct fcall *c)
{
    char name[16];
    int r = fbsd_copyinstr(name, c->a[1], sizeof name);
    if (r == -ENAMETOOLONG) {
        if (fbsd_copyin(name, c->a[1], sizeof name - 1) < 0)
            return -EFAULT;
        name[sizeof name - 1] = 0;
    } else if (r < 0) {
        return r;
    }
    if ((long)c->a[0] != -1 && (long)c->a[0] != c->t->tid)
        return 0; /* naming another thread: accepted, not shown */
    return xsys5(SYS_prctl, 15 /* PR_SET_NAME */, (long)name, 0, 0, 0);
}

long fbsd_sys_sched_yield(struct fcall *c)
{
    (void)c;
    return xsys0(SYS_sched_yield);
}

enum { AMD64_GET_FSBASE = 128, AMD64_SET_FSBASE, AMD64_GET_GSBASE, AMD64_SET_GSBASE };

long fbsd_sys_sysarch(struct fcall *c)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    uint64_t v;
    switch (c->a[0]) {
    case AMD64_GET_FSBASE:
        return fbsd_copyout(c->a[1], &c->t->guest_fs, 8);
    case AMD64_SET_FSBASE:
        if (fbsd_copyin(&v, c->a[1], 8) < 0)
            return -EFAULT;
        c->t->guest_fs = v;
        return 0;
    case AMD64_GET_GSBASE:
        return fbsd_copyout(c->a[1], &ft->guest_gs, 8);
    case AMD64_SET_GSBASE: /* GS holds xeno's block; the value is kept, not loaded */
        return fbsd_copyin(&ft->guest_gs, c->a[1], 8);
    default:
        return -EINVAL;
    }
}
