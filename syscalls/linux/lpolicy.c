/* lpolicy.c — the host personality's policy for libxeno-preload.so. Each
 * call of the program arrives in policy_before, inside the gate on the
 * thread's xeno stack. When something is configured for it, the hook runs
 * the call itself (host_execute) so that rewritten paths and timing live
 * in this frame for the whole call, even if a signal handler makes calls
 * of its own meanwhile. Calls with nothing to do go back to host.c
 * untouched. Process events are kept consistent with the tracer: the
 * buffer is flushed before fork and execve, a forked child drops what it
 * inherited, the last thread's exit ends the process's trace. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "deny.h"
#include "host.h"
#include "intercept.h"
#include "ldecode.h"
#include "lpolicy.h"
#include "ltable.h"
#include "ltrace.h"
#include "rawsys.h"
#include "remap.h"

#define PATH_BUF 4096
#define CLONE_VM_ 0x100
#define CLONE_THREAD_ 0x10000
#define CLOSE_RANGE_CLOEXEC_ 4

static int live_threads = 1; /* the last one to exit ends the process */
static int paused;

/* Program memory, read without risking a fault: the preload library
 * does not own SIGSEGV, so it asks the kernel (process_vm_readv). */
static int vm_read_works = 1;

static size_t self_read(void *dst, uint64_t src, size_t n)
{
    struct iovec local = { dst, n }, remote = { (void *)src, n };
    if (!vm_read_works) { /* a sandbox forbids it: plain reads (the caller's risk) */
        memcpy(dst, (const void *)src, n);
        return n;
    }
    /* any thread id names the process (no getpid per read) */
    long r = xsys6(SYS_process_vm_readv, xthread_self()->tid, (long)&local, 1, (long)&remote, 1, 0);
    return r < 0 ? 0 : (size_t)r;
}

/* process_vm_readv may be refused (seccomp, old kernels): find out once. */
static void probe_vm_read(void)
{
    long probe = 1, copy = 0;
    struct iovec local = { &copy, sizeof copy }, remote = { &probe, sizeof probe };
    long r = xsys6(SYS_process_vm_readv, xsys0(SYS_getpid), (long)&local, 1, (long)&remote, 1, 0);
    vm_read_works = r == sizeof probe && copy == 1;
}

/* ---- XENO_REMAP ---- */

/* Point every K_PATH argument under a remapped prefix at a rewritten copy
 * in BUFS. 0, or -ENAMETOOLONG. */
static long rewrite_paths(long nr, long *a, char (*bufs)[PATH_BUF])
{
    const struct linux_sysent *e = linux_sysent(nr);
    int used = 0;
    for (int i = 0; e && i < 6 && used < 2; i++) {
        char path[PATH_BUF];
        if (KIND_OF(e->kinds[i]) != K_PATH || !a[i] ||
            trace_peek_str(path, (uint64_t)a[i], sizeof path) < 0)
            continue;
        int r = remap_path(path, bufs[used], PATH_BUF);
        if (r < 0)
            return -ENAMETOOLONG;
        if (r > 0)
            a[i] = (long)bufs[used++];
    }
    return 0;
}

/* ---- the trace descriptor is not the program's to close ---- */

static int guard_trace_fd(struct xframe *f, long nr, const long *a, long *ret)
{
    int fd = trace_fd();
    if (fd < 0)
        return 0;
    if (nr == SYS_close && (int)a[0] == fd) {
        *ret = -EBADF; /* what closing a descriptor it never opened gives */
        return 1;
    }
    if (nr == SYS_close_range && !(a[2] & CLOSE_RANGE_CLOEXEC_) &&
        (unsigned)a[0] <= (unsigned)fd && (unsigned)fd <= (unsigned)a[1]) {
        long lo[6] = { a[0], fd - 1, a[2] }, hi[6] = { fd + 1, a[1], a[2] };
        long r = (unsigned)fd > (unsigned)a[0] ? host_execute(f, nr, lo) : 0;
        if (r == 0 && (unsigned)fd < (unsigned)a[1])
            r = host_execute(f, nr, hi);
        *ret = r;
        return 1;
    }
    return 0;
}

/* ---- process events ---- */

static uint64_t clone_flags(long nr, const long *a)
{
    uint64_t fl = 0;
    if (nr == SYS_clone)
        return (uint64_t)a[0];
    if (nr == SYS_clone3 && a[0] && self_read(&fl, (uint64_t)a[0], 8) == 8)
        return fl;
    return nr == SYS_vfork ? CLONE_VM_ : 0;
}

static int is_fork(long nr, const long *a)
{
    return nr == SYS_fork || ((nr == SYS_clone || nr == SYS_clone3) && !(clone_flags(nr, a) & CLONE_VM_));
}

/* An environment without XENO_TRACE*: a process strace would not follow
 * (no -f) runs its next program untraced. Mapped; NULL if not needed. */
static char **untraced_env(const long *envp_arg)
{
    char **envp = (char **)*envp_arg;
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **out = (char **)xsys6(SYS_mmap, 0, (long)((n + 1) * sizeof *out),
                                PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if ((unsigned long)out > -4096ul)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(envp[i], "XENO_TRACE", 10))
            out[k++] = envp[i];
    out[k] = NULL;
    return out;
}

/* Will the new program load this library and trace itself? */
static int traces_itself(char **envp)
{
    int preload = 0, trace = 0;
    for (size_t i = 0; envp && envp[i]; i++) {
        if (!strncmp(envp[i], "LD_PRELOAD=", 11) && strstr(envp[i], "libxeno-preload"))
            preload = 1;
        if (!strncmp(envp[i], "XENO_TRACE=", 11) && strcmp(envp[i] + 11, "0") && envp[i][11])
            trace = 1;
    }
    return preload && trace;
}

/* execve/execveat: flush first (success never returns); the new program
 * prints the call itself when it traces itself, else it is printed now. */
static long do_exec(struct xframe *f, long nr, long *a, int tid, int traced,
                    const struct trace_pre *pre, const long *orig)
{
    int envi = nr == SYS_execve ? 2 : 3;
    char **env = NULL;
    if (trace_enabled && !trace_follows(tid) && (env = untraced_env(&a[envi])))
        a[envi] = (long)env;
    int later = traces_itself((char **)a[envi]);
    if (traced && !later)
        linux_trace_call(tid, nr, orig, 0, 0, pre, LT_UNFINISHED);
    trace_flush();
    long r = host_execute(f, nr, a);
    if (traced)
        linux_trace_call(tid, nr, orig, r, 0, pre, later ? 0 : LT_RESUMED);
    return r;
}

static void do_exit(long nr, const long *a, int tid, int traced)
{
    if (traced)
        linux_trace_noreturn(tid, nr, a);
    if (nr == SYS_exit_group || __atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELAXED) == 0)
        trace_process_exit(tid, (int)a[0], NULL);
}

/* ---- the hook ---- */

static int may_kill_self(long nr)
{
    return nr == SYS_kill || nr == SYS_tkill || nr == SYS_tgkill || nr == SYS_rt_sigqueueinfo ||
           nr == SYS_rt_tgsigqueueinfo || nr == SYS_pidfd_send_signal;
}

static int is_process_event(long nr)
{
    return nr == SYS_exit || nr == SYS_exit_group || nr == SYS_execve || nr == SYS_execveat ||
           nr == SYS_clone || nr == SYS_clone3 || nr == SYS_fork || nr == SYS_vfork ||
           may_kill_self(nr);
}

/* Run the call (fork, clone and the rest), then report it. */
static long run(struct xframe *f, long nr, long *a, const long *orig, int tid, int traced,
                const struct trace_pre *pre)
{
    int forking = trace_enabled && is_fork(nr, orig);
    if (forking || (trace_enabled && may_kill_self(nr)))
        trace_before_fork(); /* flush: a child must not inherit lines; a signal may end us */
    uint64_t t0 = traced && (trace_cfg.show_time || trace_cfg.summary) ? trace_now_ns() : 0;
    long r = host_execute(f, nr, a);
    if (forking && r == 0) { /* the child: its parent reports the call */
        trace_after_fork_child(xthread_self()->tid);
        live_threads = 1;
        return r;
    }
    if ((nr == SYS_clone || nr == SYS_clone3) && r > 0 && (clone_flags(nr, orig) & CLONE_THREAD_))
        __atomic_add_fetch(&live_threads, 1, __ATOMIC_RELAXED);
    if (traced)
        linux_trace_call(tid, nr, orig, r, t0 ? trace_now_ns() - t0 : 0, pre, 0);
    return r;
}

static int policy_before(struct xframe *f, long nr, long *a, long *ret)
{
    static const uint16_t hex6[6] = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX };
    struct xthread *t = xthread_self();
    if (paused)
        return 0;
    if (!t->tid) /* threads and vfork children start with a fresh block */
        t->tid = (int)xsys0(SYS_gettid);
    int tid = t->tid, traced = trace_enabled && linux_trace_wants(nr, tid);
    int err = deny_errno(nr);
    if (guard_trace_fd(f, nr, a, ret)) {
        if (traced)
            linux_trace_call(tid, nr, a, *ret, 0, NULL, 0);
        return 1;
    }
    if (!traced && !err && !remap_active() && !(trace_enabled && is_process_event(nr)))
        return 0; /* nothing to do: host.c runs it */
    long orig[6];
    memcpy(orig, a, sizeof orig);
    struct trace_pre pre;
    pre.ready = 0;
    if (traced && !trace_cfg.summary) {
        const struct linux_sysent *e = linux_sysent(nr);
        trace_pre_args(&pre, &linux_trace_abi, e ? e->kinds : hex6, (const uint64_t *)orig);
    }
    char paths[2][PATH_BUF];
    long rr = !err && remap_active() ? rewrite_paths(nr, a, paths) : 0;
    if (err || rr < 0) {
        *ret = err ? -err : rr;
        if (traced)
            linux_trace_call(tid, nr, orig, *ret, 0, &pre, err ? LT_INJECTED : 0);
        return 1;
    }
    if (nr == SYS_exit || nr == SYS_exit_group)
        do_exit(nr, orig, tid, traced);
    if (nr == SYS_execve || nr == SYS_execveat)
        *ret = do_exec(f, nr, a, tid, traced, &pre, orig);
    else
        *ret = run(f, nr, a, orig, tid, traced, &pre);
    return 1;
}

void linux_policy_pause(int on)
{
    paused = on;
}

void linux_policy_calls(int *all, int *out, int max)
{
    int n = 0;
    *all = trace_enabled;
    for (int nr = 0; nr < LINUX_NSYS && n < max - 1; nr++) {
        int paths = 0;
        for (int i = 0; i < 6; i++)
            paths |= linux_arg_is_path(nr, i);
        if ((remap_active() && paths) || deny_errno(nr))
            out[n++] = nr;
    }
    out[n] = -1;
}

static int block_tid(void)
{
    struct xthread *t = xthread_self();
    if (!t->tid)
        t->tid = (int)xsys0(SYS_gettid);
    return t->tid;
}

int linux_policy_configure(char *err, size_t n)
{
    static struct trace_opts opts;
    probe_vm_read();
    trace_peek_hook = self_read;
    trace_self_tid = block_tid;
    if (remap_parse(getenv("XENO_REMAP"), err, n) < 0 || deny_parse(getenv("XENO_DENY"), err, n) < 0)
        return -1;
    if (trace_opts_from_env(&opts)) {
        if (linux_trace_filter(opts.filter) < 0) {
            snprintf(err, n, "XENO_TRACE_FILTER: unknown system call or class in '%s'", opts.filter);
            return -1;
        }
        if (trace_init(&opts) < 0) {
            snprintf(err, n, "cannot open the trace file %s", opts.outfile ? opts.outfile : "(stderr)");
            return -1;
        }
    }
    if (trace_enabled || remap_active() || deny_active())
        host_policy.before = policy_before;
    return 0;
}

void linux_policy_started(char **argv, char **envp)
{
    if (!trace_enabled)
        return;
    struct xthread *t = xthread_self();
    t->selector = SUD_ALLOW; /* the tracer's own calls go straight to the kernel */
    const char *path = (const char *)getauxval(AT_EXECFN);
    linux_trace_exec(t->tid, path ? path : argv[0], argv, envp);
    t->selector = SUD_BLOCK;
}
