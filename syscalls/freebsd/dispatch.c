/* dispatch.c — every FreeBSD system call passes here: the table from
 * syscalls.tbl (a handler exists when fbsd_sys_NAME is defined in one of
 * the area files), argument decoding for the indirect calls, FreeBSD's
 * return convention (value in rax/rdx, errors as positive errno with the
 * carry flag), tracing, and the one-line report of what is missing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fbsd.h"
#include "xeno.h"
#include "fbsd_trace.h"
#include "fbsd_signal.h"

#define FBSD_NSYS 600
#define RFLAGS_CF 1ull
#define FBSD_ENOSYS 78

/* Weak references: a missing handler is a NULL pointer in the table. */
#define SYS(nr, name, ret, k1, k2, k3, k4, k5, k6) \
    extern long fbsd_sys_##name(struct fcall *) __attribute__((weak));
#include "syscalls.tbl"
#undef SYS

static const struct fbsd_sysent table[FBSD_NSYS] = {
#define SYS(nr, name, ret, k1, k2, k3, k4, k5, k6) \
    [nr] = { nr, #name, fbsd_sys_##name, ret, { k1, k2, k3, k4, k5, k6 } },
#include "syscalls.tbl"
#undef SYS
};

struct fbsd_proc fbsd_proc;

const struct fbsd_sysent *fbsd_sysent(long nr)
{
    if (nr < 0 || nr >= FBSD_NSYS || !table[nr].name)
        return NULL;
    return &table[nr];
}

/* Report each missing system call once. */
static long unimplemented(struct fcall *c, const struct fbsd_sysent *e)
{
    static uint8_t reported[FBSD_NSYS];
    if (c->nr < 0 || c->nr >= FBSD_NSYS || !__atomic_exchange_n(&reported[c->nr], 1, __ATOMIC_RELAXED)) {
        char name[32];
        snprintf(name, sizeof name, "%s", e ? e->name : "unknown");
        xeno_warn("freebsd syscall %s (%d) is not implemented", name, c->nr);
    }
    if (fbsd_proc.strict)
        xeno_die(XENO_EXIT_UNIMPL, "stopping: XENO_STRICT is set");
    return FBSD_ERR(FBSD_ENOSYS);
}

static void load_args(struct fcall *c, struct xframe *f)
{
    uint64_t r[6] = { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 };
    uint64_t stk[2] = { 0, 0 };
    c->nr = (int)f->rax;
    c->orig_rax = f->rax;
    if (f->rax == 0 || f->rax == 198) { /* syscall(nr, ...) / __syscall(nr, ...) */
        c->nr = (int)r[0];
        memmove(r, r + 1, 5 * sizeof r[0]);
        fbsd_copyin(&r[5], f->rsp + 8, 8);
        fbsd_copyin(stk, f->rsp + 16, 16);
    } else {
        fbsd_copyin(stk, f->rsp + 8, 16);
    }
    memcpy(c->a, r, sizeof r);
    c->a[6] = stk[0];
    c->a[7] = stk[1];
}

int fbsd_errno_of(int linux_errno)
{
    return fbsd_errno_from_linux(linux_errno);
}

static void set_result(struct fcall *c, long r)
{
    struct xframe *f = c->f;
    if (r < 0 && r >= -4095 && !c->ok_negative) {
        long e = -r;
        f->rax = (uint64_t)(e >= FBSD_ERR_BASE ? e - FBSD_ERR_BASE : fbsd_errno_of((int)e));
        f->rflags |= RFLAGS_CF;
        return;
    }
    f->rax = (uint64_t)r;
    f->rdx = c->rv2;
    f->rflags &= ~RFLAGS_CF;
}

/* A trampoline's direct call returned EINTR: deliver what interrupted it
 * (restarting the call if the handler asked for SA_RESTART), or, with
 * nothing to deliver, run the call again. */
static void interrupted(struct fcall *c)
{
    set_result(c, -EINTR);
    if (!fbsd_signal_check(c->f, c)) {
        c->f->rip = c->f->restart;
        c->f->rax = c->orig_rax;
    }
}

void fbsd_syscall(struct xframe *f)
{
    if (f->path == XPATH_SIGNAL) { /* a host signal interrupted guest code */
        fbsd_signal_check(f, NULL);
        return;
    }
    struct fcall c = { .f = f, .t = xthread_self(), .rv2 = f->rdx };
    load_args(&c, f);
    if (f->path == XPATH_EINTR) {
        interrupted(&c);
        return;
    }
    const struct fbsd_sysent *e = fbsd_sysent(c.nr);
    int traced = fbsd_trace_on && fbsd_trace_wants(c.nr);
    if (traced)
        fbsd_trace_enter(&c, e);
    long r = e && e->fn ? e->fn(&c) : unimplemented(&c, e);
    if (r == FBSD_RESTART_CALL) {
        f->rip = f->restart;
    } else if (r != FBSD_JUSTRETURN) {
        set_result(&c, r);
    }
    if (traced)
        fbsd_trace_exit(&c, e, r);
    fbsd_signal_check(f, r == -EINTR ? &c : NULL);
}
