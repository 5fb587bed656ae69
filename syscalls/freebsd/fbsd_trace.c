/* fbsd_trace.c — strace-format lines for FreeBSD system calls: the call's
 * FreeBSD name, its arguments decoded by the kinds in syscalls.tbl (those
 * it reads rendered before it runs), and its FreeBSD result ("= -1 ENOENT
 * (No such file or directory)"). The dispatcher calls fbsd_trace_enter
 * before the handler and fbsd_trace_exit after it; with --host the host
 * calls the handler reported (trace_hsys6) follow the line. */
#include <errno.h>
#include <string.h>

#include "fbsd.h"
#include "fbsd_trace.h"
#include "trace.h"
#include "trace_decode.h"
#include "xeno.h"

#define FBSD_NSYS 600

int fbsd_trace_on;
static struct trace_filter filter;

/* The call in progress on this thread (calls do not nest: guest signal
 * handlers run after the dispatcher returns). */
static __thread struct {
    uint64_t t0;
    struct trace_pre pre;
} cur;

static const char *name_of(int nr, const uint16_t **kinds)
{
    const struct fbsd_sysent *e = fbsd_sysent(nr);
    if (!e)
        return NULL;
    *kinds = e->kinds;
    return e->name;
}

static const struct trace_names names = { name_of, fbsd_trace_name_to_nr };

static int block_tid(void)
{
    return xthread_self()->tid;
}

void fbsd_trace_start(struct trace_opts *o)
{
    if (trace_init(o) < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: cannot open %s", o->outfile ? o->outfile : "stderr");
    if (trace_filter_parse(&filter, o->filter, &names) < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: unknown system call or class in '%s'", o->filter);
    if (o->follow) /* children started through xeno trace too */
        trace_export_env_opts(o);
    trace_host_on = o->host;
    trace_self_tid = block_tid;
    fbsd_trace_on = 1;
}

int fbsd_trace_name_to_nr(const char *name)
{
    for (int nr = 0; nr < FBSD_NSYS; nr++) {
        const struct fbsd_sysent *e = fbsd_sysent(nr);
        if (e && !strcmp(e->name, name))
            return nr;
    }
    return -1;
}

int fbsd_trace_wants(int nr)
{
    return trace_filter_match(&filter, nr) && trace_follows(xthread_self()->tid);
}

static int is_fork(int nr)
{
    return nr == 2 || nr == 66 || nr == 251 || nr == 518; /* fork vfork rfork pdfork */
}

/* kill, thr_kill, sigqueue, thr_kill2, pdkill: may end this process. */
static int may_kill_self(int nr)
{
    return nr == 37 || nr == 433 || nr == 456 || nr == 481 || nr == 519;
}

static int is_exec(int nr)
{
    return nr == 59 || nr == 415 || nr == 492; /* execve __mac_execve fexecve */
}

static void fill(struct trace_call *tc, const struct fcall *c, const struct fbsd_sysent *e)
{
    memset(tc, 0, sizeof *tc);
    tc->tid = c->t->tid;
    tc->nr = c->nr;
    tc->name = e ? e->name : NULL;
    tc->kinds = e ? e->kinds : NULL;
    tc->retkind = e ? e->ret : R_INT;
    tc->args = c->a;
    tc->pre = cur.pre.ready ? &cur.pre : NULL;
}

void fbsd_trace_enter(struct fcall *c, const struct fbsd_sysent *e)
{
    static const uint16_t hex6[6] = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX };
    cur.t0 = trace_cfg.show_time || trace_cfg.summary ? trace_now_ns() : 0;
    cur.pre.ready = 0;
    trace_host_begin();
    if (is_fork(c->nr) || may_kill_self(c->nr))
        trace_flush(); /* a child must not inherit lines; a signal may end us */
    if (trace_cfg.summary) {
        if (e && e->ret == R_NONE) /* never returns: count it now */
            trace_count(c->nr, e->name, 0, 0);
        return;
    }
    trace_pre_args(&cur.pre, &fbsd_trace_abi, e ? e->kinds : hex6, c->a);
    if ((e && e->ret == R_NONE) || is_exec(c->nr)) { /* may never return: print now */
        struct trace_call tc;
        fill(&tc, c, e);
        tc.state = is_exec(c->nr) ? TC_UNFINISHED : TC_NORETURN;
        trace_call_emit(&fbsd_trace_abi, &tc);
    }
}

void fbsd_trace_exit(struct fcall *c, const struct fbsd_sysent *e, long r)
{
    const struct xframe *f = c->f;
    uint64_t ns = cur.t0 ? trace_now_ns() - cur.t0 : 0;
    int failed = r != FBSD_JUSTRETURN && (f->rflags & 1);
    if (is_fork(c->nr) && !failed && f->rax == 0 && c->rv2 == 1) {
        trace_after_fork_child(c->t->tid); /* the child: its parent reports the call */
        return;
    }
    if (e && e->ret == R_NONE)
        return;
    if (trace_cfg.summary) {
        trace_count(c->nr, e ? e->name : "unknown", failed, ns);
        return;
    }
    struct trace_call tc;
    fill(&tc, c, e);
    if (is_exec(c->nr))
        tc.state = TC_RESUMED;
    tc.ret = r == FBSD_JUSTRETURN ? 0 : (long)f->rax;
    if (failed) {
        tc.err = (int)f->rax;
        tc.errname = fbsd_errno_name(tc.err);
        tc.errmsg = fbsd_errno_message(tc.err);
    }
    tc.ns = ns;
    tc.host = trace_host_on ? trace_host_text() : NULL;
    trace_call_emit(&fbsd_trace_abi, &tc);
}
