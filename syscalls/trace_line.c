/* trace_line.c — building one trace line on the stack: text, strace-style
 * quoted strings, JSON strings, the -f/-t prefixes and -T durations. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>

#include "trace.h"

void tl_init(struct tline *l)
{
    l->len = 0;
    l->buf[0] = 0;
    l->tid = 0;
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

void tl_write(struct tline *l, const char *s, size_t n)
{
    if (n > sizeof l->buf - 1 - l->len)
        n = sizeof l->buf - 1 - l->len;
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    l->buf[l->len] = 0;
}

void tl_puts(struct tline *l, const char *s)
{
    tl_write(l, s, strlen(s));
}

void tl_putc(struct tline *l, char c)
{
    if (l->len < sizeof l->buf - 1) {
        l->buf[l->len++] = c;
        l->buf[l->len] = 0;
    }
}

/* C escapes strace uses; anything else unprintable is octal. */
static const char c_escapes[] = "\n\\n\t\\t\r\\r\v\\v\f\\f\"\\\"\\\\\\";

static void put_escaped(struct tline *l, unsigned char c, unsigned char next)
{
    for (const char *e = c_escapes; *e; e += 3)
        if ((unsigned char)*e == c) {
            tl_write(l, e + 1, 2);
            return;
        }
    if (c >= 0x20 && c < 0x7f)
        tl_putc(l, (char)c);
    else if (next >= '0' && next <= '7')
        tl_printf(l, "\\%03o", c); /* keep "\1" "7" from reading as "\17" */
    else
        tl_printf(l, "\\%o", c);
}

void tl_quoted(struct tline *l, const void *sv, size_t n, int complete)
{
    const unsigned char *s = sv;
    size_t max = (size_t)(trace_cfg.strsize > 0 ? trace_cfg.strsize : 32);
    size_t shown = n < max ? n : max;
    tl_putc(l, '"');
    for (size_t i = 0; i < shown; i++)
        put_escaped(l, s[i], i + 1 < shown ? s[i + 1] : 0);
    tl_putc(l, '"');
    if (n > max || !complete)
        tl_puts(l, "...");
}

/* Length of a valid UTF-8 sequence at S (at most N bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    size_t len = s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

void tl_json_string(struct tline *l, const char *sv, size_t n)
{
    const unsigned char *s = (const unsigned char *)sv;
    tl_putc(l, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        size_t u = c >= 0x80 ? utf8_len(s + i, n - i) : 0;
        if (u) {
            tl_write(l, (const char *)s + i, u);
            i += u - 1;
        } else if (c == '"' || c == '\\') {
            tl_putc(l, '\\');
            tl_putc(l, (char)c);
        } else if (c == '\n') {
            tl_puts(l, "\\n");
        } else if (c == '\t') {
            tl_puts(l, "\\t");
        } else if (c < 0x20 || c >= 0x7f) {
            tl_printf(l, "\\u%04x", c); /* a byte that is not UTF-8: its Latin-1 value */
        } else {
            tl_putc(l, (char)c);
        }
    }
    tl_putc(l, '"');
}

uint64_t trace_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void tl_duration(struct tline *l, uint64_t ns)
{
    tl_printf(l, " <%llu.%06llu>", (unsigned long long)(ns / 1000000000ull),
              (unsigned long long)(ns / 1000 % 1000000));
}

static void put_time(struct tline *l);

void tl_time(struct tline *l)
{
    if (trace_cfg.timestamps)
        put_time(l);
}

static void put_time(struct tline *l)
{
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

void tl_prefix(struct tline *l, int tid)
{
    l->tid = tid;
    if (trace_cfg.follow) {
        if (trace_cfg.outfile)
            tl_printf(l, "%-5d ", tid);
        else
            tl_printf(l, "[pid %5d] ", tid);
    }
    if (trace_cfg.timestamps)
        put_time(l);
}

void tl_json_open(struct tline *l, int tid)
{
    l->tid = tid;
    tl_printf(l, "{\"pid\":%d,\"tid\":%d", trace_pid(), tid);
    if (trace_cfg.timestamps) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        tl_printf(l, ",\"time\":%lld.%06ld", (long long)ts.tv_sec, ts.tv_nsec / 1000);
    }
}
