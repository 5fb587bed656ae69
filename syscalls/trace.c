/* trace.c — the tracer's sink: options from the environment, the output
 * descriptor, one process-wide buffer behind a small owner lock, and what
 * happens to both around fork. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rawsys.h"
#include "trace.h"

#define TRACE_FD_MIN 987      /* out of the way of the program's descriptors */
#define OUTBUF_SIZE (256 * 1024)

int trace_enabled;
struct trace_opts trace_cfg;
int (*trace_self_tid)(void);
static int out_fd = -1, unbuffered;
static char outbuf[OUTBUF_SIZE];
static size_t outlen;
static int out_owner;         /* tid of the thread filling outbuf, 0 when free */
static int first_pid, first_tid, my_pid;

int trace_init(const struct trace_opts *o)
{
    trace_cfg = *o;
    if (trace_cfg.strsize <= 0)
        trace_cfg.strsize = 32;
    int fd = o->outfile ? open(o->outfile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)
                        : fcntl(2, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    out_fd = fcntl(fd, F_DUPFD_CLOEXEC, TRACE_FD_MIN);
    close(fd);
    if (out_fd < 0)
        return -1;
    unbuffered = isatty(out_fd);
    first_pid = my_pid = (int)xsys0(SYS_getpid);
    first_tid = (int)xsys0(SYS_gettid);
    if (trace_cfg.summary)
        trace_summary_prepare();
    trace_enabled = 1;
    return 0;
}

int trace_fd(void)
{
    return out_fd;
}

/* ---- XENO_TRACE ---- */

static void parse_flag(struct trace_opts *o, const char *f, size_t n)
{
    static const struct { const char *name; size_t off; int val; } flags[] = {
        { "1", 0, 0 },
        { "f", offsetof(struct trace_opts, follow), 1 },
        { "T", offsetof(struct trace_opts, show_time), 1 },
        { "c", offsetof(struct trace_opts, summary), 1 },
        { "t", offsetof(struct trace_opts, timestamps), 1 },
        { "tt", offsetof(struct trace_opts, timestamps), 2 },
        { "ttt", offsetof(struct trace_opts, timestamps), 3 },
        { "json", offsetof(struct trace_opts, json), 1 },
        { "host", offsetof(struct trace_opts, host), 1 },
        { "stats", offsetof(struct trace_opts, stats), 1 },
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strlen(flags[i].name) == n && !strncmp(f, flags[i].name, n)) {
            if (flags[i].val) /* "1" only turns tracing on */
                *(int *)((char *)o + flags[i].off) = flags[i].val;
            return;
        }
    if (n > 1 && *f == 's' && atoi(f + 1) > 0)
        o->strsize = atoi(f + 1);
}

int trace_opts_from_env(struct trace_opts *o)
{
    const char *v = getenv("XENO_TRACE");
    memset(o, 0, sizeof *o);
    o->strsize = 32;
    if (!v || !*v || !strcmp(v, "0"))
        return 0;
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, ",");
        parse_flag(o, p, n);
        p += n + (p[n] == ',');
    }
    o->outfile = getenv("XENO_TRACE_FILE");
    if (o->outfile && !*o->outfile)
        o->outfile = NULL;
    o->filter = getenv("XENO_TRACE_FILTER");
    return 1;
}

void trace_opts_format(const struct trace_opts *o, char *buf, size_t n)
{
    static const char *const ts[] = { "", ",t", ",tt", ",ttt" };
    snprintf(buf, n, "1,s%d%s%s%s%s%s%s%s", o->strsize > 0 ? o->strsize : 32,
             o->follow ? ",f" : "", ts[o->timestamps > 3 ? 3 : o->timestamps],
             o->show_time ? ",T" : "", o->summary ? ",c" : "", o->json ? ",json" : "",
             o->host ? ",host" : "", o->stats ? ",stats" : "");
}

/* ---- the sink ---- */

static void write_all(const char *p, size_t n)
{
    while (n) {
        long r = xsys3(SYS_write, out_fd, (long)p, (long)n);
        if (r == -EINTR)
            continue;
        if (r <= 0)
            return;
        p += r, n -= (size_t)r;
    }
}

static int self_tid(void)
{
    return trace_self_tid ? trace_self_tid() : (int)xsys0(SYS_gettid);
}

/* 1: ME now owns the buffer; 0: ME already did (a signal handler
 * interrupted this thread's own emit), so the caller must not wait. */
static int lock_sink(int me)
{
    for (unsigned spins = 0;; spins++) {
        int owner = 0;
        if (__atomic_compare_exchange_n(&out_owner, &owner, me, 0, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return 1;
        if (owner == me)
            return 0;
        if (spins < 100)
            __builtin_ia32_pause();
        else
            xsys0(SYS_sched_yield);
    }
}

static void unlock_sink(void)
{
    __atomic_store_n(&out_owner, 0, __ATOMIC_RELEASE);
}

void trace_emit(struct tline *l)
{
    if (l->len >= sizeof l->buf - 1)
        l->len = sizeof l->buf - 2;
    l->buf[l->len++] = '\n';
    int owned = lock_sink(l->tid ? l->tid : self_tid());
    if (!owned || unbuffered) {
        write_all(l->buf, l->len);
        if (owned)
            unlock_sink();
        return;
    }
    if (outlen + l->len > sizeof outbuf) {
        write_all(outbuf, outlen);
        outlen = 0;
    }
    memcpy(outbuf + outlen, l->buf, l->len);
    outlen += l->len;
    unlock_sink();
}

void trace_flush(void)
{
    if (!trace_enabled)
        return;
    if (!lock_sink(self_tid())) {
        write_all(outbuf, outlen); /* interrupted our own emit: leave its state alone */
        return;
    }
    write_all(outbuf, outlen);
    outlen = 0;
    unlock_sink();
}

/* ---- processes ---- */

int trace_follows(int tid)
{
    return trace_cfg.follow || tid == first_tid;
}

int trace_is_first_process(void)
{
    return my_pid == first_pid;
}

int trace_pid(void)
{
    return my_pid;
}

void trace_before_fork(void)
{
    trace_flush();
}

void trace_after_fork_child(int pid)
{
    if (!trace_enabled)
        return;
    my_pid = pid;
    outlen = 0; /* the parent writes what was buffered */
    unlock_sink();
}
