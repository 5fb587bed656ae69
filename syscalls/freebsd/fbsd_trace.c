/* fbsd_trace.c — strace-format lines for FreeBSD system calls: the call's
 * FreeBSD name, its arguments decoded by the kinds in syscalls.tbl, and
 * its FreeBSD result ("= -1 ENOENT (No such file or directory)"). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "fbsd.h"
#include "fbsd_trace.h"
#include "trace.h"
#include "trace_decode.h"
#include "xeno.h"

int fbsd_trace_on;
static struct trace_filter filter;

static const char *name_of(int nr, const uint16_t **kinds)
{
    const struct fbsd_sysent *e = fbsd_sysent(nr);
    if (!e)
        return NULL;
    *kinds = e->kinds;
    return e->name;
}

static const struct trace_names names = { name_of, fbsd_trace_name_to_nr };

void fbsd_trace_start(struct trace_opts *o)
{
    if (trace_init(o) < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: cannot open %s", o->outfile ? o->outfile : "stderr");
    if (trace_filter_parse(&filter, o->filter, &names) < 0)
        xeno_die(XENO_EXIT_USAGE, "trace: unknown system call or class in '%s'", o->filter);
    if (o->follow) /* children started through xeno trace too */
        trace_export_env_opts(o);
    fbsd_trace_on = 1;
}

int fbsd_trace_name_to_nr(const char *name)
{
    for (int nr = 0; nr < 600; nr++) {
        const struct fbsd_sysent *e = fbsd_sysent(nr);
        if (e && !strcmp(e->name, name))
            return nr;
    }
    return -1;
}

int fbsd_trace_wants(int nr)
{
    return trace_filter_match(&filter, nr);
}

/* Per-thread start time of the call in progress (for -T and -c). */
static __thread uint64_t started;

void fbsd_trace_enter(struct fcall *c, const struct fbsd_sysent *e)
{
    (void)c, (void)e;
    started = trace_now_ns();
    if (e && e->ret == R_NONE && !trace_cfg.summary) { /* never returns: print now */
        struct tline l;
        tl_init(&l);
        tl_prefix(&l, c->t->tid);
        tl_printf(&l, "%s(", e->name);
        trace_args(&l, &fbsd_trace_abi, e->kinds, c->a, 0, 0);
        tl_puts(&l, ") = ?");
        trace_emit(&l);
    }
}

static void put_result(struct tline *l, const struct fcall *c, const struct fbsd_sysent *e, long r)
{
    const struct xframe *f = c->f;
    if (r == FBSD_JUSTRETURN) {
        tl_puts(l, " = 0");
        return;
    }
    if (f->rflags & 1) {
        int err = (int)f->rax;
        tl_printf(l, " = -1 %s (%s)", fbsd_errno_name(err), fbsd_errno_message(err));
        return;
    }
    trace_result(l, e ? e->ret : R_INT, (long)f->rax);
}

void fbsd_trace_exit(struct fcall *c, const struct fbsd_sysent *e, long r)
{
    uint64_t ns = trace_now_ns() - started;
    int failed = (c->f->rflags & 1) != 0;
    if (trace_cfg.summary) {
        trace_count(c->nr, e ? e->name : "unknown", failed, ns);
        return;
    }
    if (e && e->ret == R_NONE)
        return;
    struct tline l;
    tl_init(&l);
    tl_prefix(&l, c->t->tid);
    if (e)
        tl_printf(&l, "%s(", e->name);
    else
        tl_printf(&l, "syscall_%d(", c->nr);
    static const uint16_t unknown[6] = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX };
    trace_args(&l, &fbsd_trace_abi, e ? e->kinds : unknown, c->a, (long)c->f->rax, !failed);
    tl_putc(&l, ')');
    put_result(&l, c, e, r);
    if (trace_cfg.show_time)
        tl_printf(&l, " <%llu.%06llu>", (unsigned long long)(ns / 1000000000ull),
                  (unsigned long long)(ns / 1000 % 1000000));
    trace_emit(&l);
}
