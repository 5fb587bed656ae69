/* trace.c — the tracer's sink, line formatting and -c summary. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "rawsys.h"
#include "trace.h"

#define TRACE_FD_MIN 987      /* out of the way of the program's descriptors */
#define OUTBUF_SIZE (256 * 1024)
#define MAX_NR 1024

int trace_enabled;
struct trace_opts trace_cfg;
static int out_fd = -1, unbuffered;
static char outbuf[OUTBUF_SIZE];
static size_t outlen;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

struct count {
    const char *name;
    uint64_t calls, errors, ns;
};
static struct count counts[MAX_NR];

int trace_init(const struct trace_opts *o)
{
    trace_cfg = *o;
    if (trace_cfg.strsize <= 0)
        trace_cfg.strsize = 32;
    int fd = o->outfile ? open(o->outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)
                        : dup(2);
    if (fd < 0)
        return -1;
    out_fd = fcntl(fd, F_DUPFD_CLOEXEC, TRACE_FD_MIN);
    close(fd);
    if (out_fd < 0)
        return -1;
    unbuffered = isatty(out_fd);
    trace_enabled = 1;
    return 0;
}

static void parse_flag(struct trace_opts *o, const char *f, size_t n)
{
    if (n == 1 && *f == 'f') o->follow = 1;
    else if (n == 1 && *f == 'T') o->show_time = 1;
    else if (n == 1 && *f == 'c') o->summary = 1;
    else if (n >= 1 && n <= 3 && !strncmp(f, "ttt", n)) o->timestamps = (int)n;
    else if (n == 4 && !strncmp(f, "json", 4)) o->json = 1;
    else if (n == 4 && !strncmp(f, "host", 4)) o->host = 1;
    else if (n == 5 && !strncmp(f, "stats", 5)) o->stats = 1;
    else if (n > 1 && *f == 's') o->strsize = atoi(f + 1);
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
    o->filter = getenv("XENO_TRACE_FILTER");
    return 1;
}

void tl_init(struct tline *l)
{
    l->len = 0;
    l->buf[0] = 0;
}

void tl_printf(struct tline *l, const char *fmt, ...)
{
    va_list ap;
    if (l->len >= sizeof l->buf - 1)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, sizeof l->buf - l->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->len = l->len + (size_t)n < sizeof l->buf ? l->len + (size_t)n : sizeof l->buf - 1;
}

void tl_puts(struct tline *l, const char *s)
{
    size_t n = strlen(s);
    if (n > sizeof l->buf - 1 - l->len)
        n = sizeof l->buf - 1 - l->len;
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    l->buf[l->len] = 0;
}

void tl_putc(struct tline *l, char c)
{
    if (l->len < sizeof l->buf - 1) {
        l->buf[l->len++] = c;
        l->buf[l->len] = 0;
    }
}

void tl_quoted(struct tline *l, const void *sv, size_t n, int complete)
{
    const unsigned char *s = sv;
    size_t max = (size_t)trace_cfg.strsize;
    tl_putc(l, '"');
    for (size_t i = 0; i < n && i < max; i++) {
        unsigned char c = s[i];
        static const char esc[] = { '\n', 'n', '\t', 't', '\r', 'r', '"', '"', '\\', '\\',
                                    '\v', 'v', '\f', 'f', 0 };
        const char *e = c ? strchr(esc, c) : NULL;
        if (e && (e - esc) % 2 == 0)
            tl_printf(l, "\\%c", e[1]);
        else if (c < 0x20 || c >= 0x7f)
            tl_printf(l, "\\%o", c);
        else
            tl_putc(l, (char)c);
    }
    tl_putc(l, '"');
    if (n > max || !complete)
        tl_puts(l, "...");
}

uint64_t trace_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void tl_prefix(struct tline *l, int tid)
{
    if (trace_cfg.follow)
        tl_printf(l, "%-5d ", tid);
    if (!trace_cfg.timestamps)
        return;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (trace_cfg.timestamps >= 3) {
        tl_printf(l, "%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
        return;
    }
    struct tm tm;
    localtime_r(&ts.tv_sec, &tm);
    tl_printf(l, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (trace_cfg.timestamps == 2)
        tl_printf(l, ".%06ld", ts.tv_nsec / 1000);
    tl_putc(l, ' ');
}

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

void trace_emit(struct tline *l)
{
    tl_putc(l, '\n');
    pthread_mutex_lock(&out_lock);
    if (unbuffered) {
        write_all(l->buf, l->len);
    } else {
        if (outlen + l->len > sizeof outbuf) {
            write_all(outbuf, outlen);
            outlen = 0;
        }
        memcpy(outbuf + outlen, l->buf, l->len);
        outlen += l->len;
    }
    pthread_mutex_unlock(&out_lock);
}

void trace_flush(void)
{
    if (!trace_enabled)
        return;
    pthread_mutex_lock(&out_lock);
    write_all(outbuf, outlen);
    outlen = 0;
    pthread_mutex_unlock(&out_lock);
}

void trace_count(int nr, const char *name, int failed, uint64_t ns)
{
    if (nr < 0 || nr >= MAX_NR)
        return;
    struct count *c = &counts[nr];
    c->name = name;
    __atomic_add_fetch(&c->calls, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&c->ns, ns, __ATOMIC_RELAXED);
    if (failed)
        __atomic_add_fetch(&c->errors, 1, __ATOMIC_RELAXED);
}

static int by_time(const void *a, const void *b)
{
    const struct count *x = a, *y = b;
    return x->ns < y->ns ? 1 : x->ns > y->ns ? -1 : strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

void trace_summary(void)
{
    static struct count sorted[MAX_NR];
    uint64_t total_ns = 0, calls = 0, errors = 0;
    size_t n = 0;
    for (int i = 0; i < MAX_NR; i++)
        if (counts[i].calls) {
            sorted[n++] = counts[i];
            total_ns += counts[i].ns, calls += counts[i].calls, errors += counts[i].errors;
        }
    qsort(sorted, n, sizeof *sorted, by_time);
    struct tline l;
    tl_init(&l);
    tl_printf(&l, "%% time     seconds  usecs/call     calls    errors syscall\n"
                  "------ ----------- ----------- --------- --------- ----------------");
    trace_emit(&l);
    for (size_t i = 0; i < n; i++) {
        const struct count *c = &sorted[i];
        tl_init(&l);
        tl_printf(&l, "%6.2f %11.6f %11llu %9llu ", total_ns ? 100.0 * (double)c->ns / (double)total_ns : 0.0,
                  (double)c->ns / 1e9, (unsigned long long)(c->ns / 1000 / c->calls),
                  (unsigned long long)c->calls);
        if (c->errors)
            tl_printf(&l, "%9llu ", (unsigned long long)c->errors);
        else
            tl_printf(&l, "%9s ", "");
        tl_puts(&l, c->name ? c->name : "?");
        trace_emit(&l);
    }
    tl_init(&l);
    tl_printf(&l, "------ ----------- ----------- --------- --------- ----------------\n"
                  "100.00 %11.6f %11llu %9llu %9llu total", (double)total_ns / 1e9,
              (unsigned long long)(calls ? total_ns / 1000 / calls : 0),
              (unsigned long long)calls, (unsigned long long)errors);
    trace_emit(&l);
    trace_flush();
}
