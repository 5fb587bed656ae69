/* trace_summary.c — what the tracer prints besides one line per call:
 * the -c table (counters shared with forked children), the --stats line,
 * the end of a process, and the --host notes handlers record. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "intercept.h"
#include "linux/ltrace.h"
#include "rewrite.h"
#include "trace.h"

#define MAX_NR 4096 /* system call numbers, or the Windows relays' ids */
#define HOST_TEXT_MAX 2048

struct count {
    const char *name;
    uint64_t calls, errors, ns;
};
/* In memory shared with forked children, so that the first process's
 * table counts the whole tree (mapped on the first count). */
static struct count *counts;

static struct count *count_table(void)
{
    if (!counts) {
        void *p = mmap(NULL, MAX_NR * sizeof *counts, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        counts = p;
    }
    return counts;
}

void trace_summary_prepare(void)
{
    count_table();
}

void trace_count(int nr, const char *name, int failed, uint64_t ns)
{
    struct count *t = count_table();
    if (!t || nr < 0 || nr >= MAX_NR)
        return;
    struct count *c = &t[nr];
    c->name = name;
    __atomic_add_fetch(&c->calls, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&c->ns, ns, __ATOMIC_RELAXED);
    if (failed)
        __atomic_add_fetch(&c->errors, 1, __ATOMIC_RELAXED);
}

void trace_count_ns(int nr, uint64_t ns)
{
    if (counts && nr >= 0 && nr < MAX_NR)
        __atomic_add_fetch(&counts[nr].ns, ns, __ATOMIC_RELAXED);
}

static int by_time(const void *a, const void *b)
{
    const struct count *x = a, *y = b;
    if (x->ns != y->ns)
        return x->ns < y->ns ? 1 : -1;
    if (x->calls != y->calls)
        return x->calls < y->calls ? 1 : -1;
    return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

static const char *what = "syscall";

void trace_summary_label(const char *label)
{
    what = label;
}

static const char rule[] = "------ ----------- ----------- --------- --------- ----------------";

static void summary_row(struct tline *l, const struct count *c, uint64_t total_ns)
{
    tl_printf(l, "%6.2f %11.6f %11llu %9llu ",
              total_ns ? 100.0 * (double)c->ns / (double)total_ns : 0.0, (double)c->ns / 1e9,
              (unsigned long long)(c->calls ? c->ns / 1000 / c->calls : 0),
              (unsigned long long)c->calls);
    if (c->errors)
        tl_printf(l, "%9llu ", (unsigned long long)c->errors);
    else
        tl_printf(l, "%9s ", "");
    tl_puts(l, c->name ? c->name : "?");
}

/* The table strace -c prints: by time spent, then a total. */
void trace_summary(void)
{
    static struct count sorted[MAX_NR];
    struct count total = { "total", 0, 0, 0 };
    size_t n = 0;
    for (int i = 0; counts && i < MAX_NR; i++)
        if (counts[i].calls) {
            sorted[n++] = counts[i];
            total.ns += counts[i].ns, total.calls += counts[i].calls;
            total.errors += counts[i].errors;
        }
    qsort(sorted, n, sizeof *sorted, by_time);
    struct tline l;
    tl_init(&l);
    tl_printf(&l, "%% time     seconds  usecs/call     calls    errors %s\n%s", what, rule);
    trace_emit(&l);
    for (size_t i = 0; i < n; i++) {
        tl_init(&l);
        summary_row(&l, &sorted[i], total.ns);
        trace_emit(&l);
    }
    tl_init(&l);
    tl_puts(&l, rule);
    trace_emit(&l);
    tl_init(&l);
    summary_row(&l, &total, total.ns);
    if (total.ns)
        memcpy(l.buf, "100.00", 6);
    trace_emit(&l);
}

void trace_stats(void)
{
    struct tline l;
    tl_init(&l);
    unsigned long long sud = xeno_stats.sud, rw = xeno_stats.rewrite;
    if (trace_cfg.json)
        tl_printf(&l, "{\"pid\":%d,\"event\":\"stats\",\"rewritten\":%llu,\"sud\":%llu,"
                      "\"sites\":%u,\"displaced\":%u,\"via_gap\":%u,\"left\":%u}",
                  trace_pid(), rw, sud, rw_stats.sites, rw_stats.displaced, rw_stats.via_gap,
                  rw_stats.left);
    else
        tl_printf(&l, "xeno: stats: %llu calls through rewritten sites (gate), %llu trapped by "
                      "Syscall User Dispatch; syscall sites: %u found, %u rewritten by "
                      "displacement, %u through padding, %u left to SUD",
                  rw, sud, rw_stats.sites, rw_stats.displaced, rw_stats.via_gap, rw_stats.left);
    trace_emit(&l);
}

void trace_process_exit(int tid, int code, const char *signame)
{
    if (!trace_enabled)
        return;
    int first = trace_is_first_process();
    if ((first || trace_cfg.follow) && !trace_cfg.summary) {
        struct tline l;
        tl_init(&l);
        if (trace_cfg.json) {
            tl_json_open(&l, tid);
            if (signame)
                tl_printf(&l, ",\"event\":\"killed\",\"signal\":\"%s\"}", signame);
            else
                tl_printf(&l, ",\"event\":\"exited\",\"status\":%d}", code & 0xff);
        } else {
            tl_prefix(&l, tid);
            if (signame)
                tl_printf(&l, "+++ killed by %s +++", signame);
            else
                tl_printf(&l, "+++ exited with %d +++", code & 0xff);
        }
        trace_emit(&l);
    }
    if (first && trace_cfg.summary)
        trace_summary();
    if (first && trace_cfg.stats)
        trace_stats();
    trace_flush();
}

void trace_process_killed(int tid, int host_sig, const char *signame)
{
    static const int survives[] = { SIGCHLD, SIGURG, SIGWINCH, SIGCONT, SIGSTOP, SIGTSTP,
                                    SIGTTIN, SIGTTOU };
    for (size_t i = 0; i < sizeof survives / sizeof survives[0]; i++)
        if (host_sig == survives[i])
            return;
    trace_process_exit(tid, 0, signame ? signame : "SIGKILL");
}

/* ---- --host ---- */

int trace_host_on;
static __thread struct tline *host_line;

void trace_host_begin(void)
{
    if (host_line)
        tl_init(host_line);
}

void trace_host_record(long nr, const long a[6], long ret)
{
    if (!host_line) {
        void *p = mmap(NULL, sizeof *host_line, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return;
        host_line = p;
        tl_init(host_line);
    }
    if (host_line->len > HOST_TEXT_MAX)
        return;
    if (host_line->len)
        tl_puts(host_line, "; ");
    linux_format_call(host_line, nr, a, ret);
}

const char *trace_host_text(void)
{
    return host_line ? host_line->buf : "";
}
