/* ltrace.c — Linux system calls as trace lines: the host personality's
 * calls (through the one trace_call_emit every personality uses), the
 * -e trace= filter over Linux names, and the --host notes. */
#include <string.h>

#include "ldecode.h"
#include "ltable.h"
#include "ltrace.h"

static struct trace_filter filter;

int linux_trace_filter(const char *spec)
{
    return trace_filter_parse(&filter, spec, &linux_trace_names);
}

int linux_trace_wants(long nr, int tid)
{
    return trace_follows(tid) && trace_filter_match(&filter, (int)nr);
}

static void fill(struct trace_call *c, int tid, long nr, const long *a, long ret)
{
    const struct linux_sysent *e = linux_sysent(nr);
    memset(c, 0, sizeof *c);
    c->tid = tid;
    c->nr = (int)nr;
    c->name = e ? e->name : NULL;
    c->kinds = e ? e->kinds : NULL;
    c->retkind = e ? e->ret : R_INT;
    c->args = (const uint64_t *)a;
    if (ret < 0 && ret >= -4095) { /* -errno (never an address, even for mmap) */
        c->err = (int)-ret;
        c->errname = linux_errname(c->err);
        c->errmsg = linux_errmsg(c->err);
    }
    c->ret = ret;
}

void linux_trace_call(int tid, long nr, const long *a, long ret, uint64_t ns,
                      const struct trace_pre *pre, int flags)
{
    struct trace_call c;
    fill(&c, tid, nr, a, ret);
    if (trace_cfg.summary && !(flags & LT_UNFINISHED)) {
        trace_count((int)nr, c.name ? c.name : "?", c.err != 0, ns);
        return;
    }
    if (trace_cfg.summary)
        return;
    c.ns = ns;
    c.pre = pre;
    c.injected = (flags & LT_INJECTED) != 0;
    c.state = flags & LT_UNFINISHED ? TC_UNFINISHED : flags & LT_RESUMED ? TC_RESUMED : TC_DONE;
    trace_call_emit(&linux_trace_abi, &c);
}

void linux_trace_noreturn(int tid, long nr, const long *a)
{
    struct trace_call c;
    if (trace_cfg.summary) {
        const struct linux_sysent *e = linux_sysent(nr);
        trace_count((int)nr, e ? e->name : "?", 0, 0);
        return;
    }
    fill(&c, tid, nr, a, 0);
    c.state = TC_NORETURN;
    trace_call_emit(&linux_trace_abi, &c);
}

void linux_trace_exec(int tid, const char *path, char **argv, char **envp)
{
    long a[6] = { (long)path, (long)argv, (long)envp, 0, 0, 0 };
    if (!linux_trace_wants(59, tid))
        return;
    linux_trace_call(tid, 59, a, 0, 0, NULL, 0);
}

void linux_format_call(struct tline *l, long nr, const long a[6], long ret)
{
    const struct linux_sysent *e = linux_sysent(nr);
    if (e)
        tl_printf(l, "%s(", e->name);
    else
        tl_printf(l, "syscall_%ld(", nr);
    static const uint16_t hex6[6] = { K_HEX, K_HEX, K_HEX, K_HEX, K_HEX, K_HEX };
    int failed = ret < 0 && ret >= -4095;
    trace_args(l, &linux_trace_abi, e ? e->kinds : hex6, (const uint64_t *)a, ret, !failed);
    tl_putc(l, ')');
    if (failed)
        tl_printf(l, " = -1 %s", linux_errname((int)-ret) ? linux_errname((int)-ret) : "E?");
    else
        trace_result(l, e ? e->ret : R_INT, ret);
}
