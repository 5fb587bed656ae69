/* trace.h — the one tracer every personality prints through: a buffered
 * sink (stderr or -o FILE, kept on a descriptor the program cannot close
 * by accident), line prefixes (thread id, timestamps), and the summary
 * counters behind -c. */
#ifndef XENO_TRACE_H
#define XENO_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "trace_opts.h"

extern int trace_enabled;            /* a single predictable branch when off */
extern struct trace_opts trace_cfg;

/* Start tracing with O (copied). Returns 0, or -1 if -o FILE can't be opened. */
int trace_init(const struct trace_opts *o);
/* Options from XENO_TRACE / XENO_TRACE_FILE / XENO_TRACE_FILTER. 0 when
 * tracing is not asked for. */
int trace_opts_from_env(struct trace_opts *o);

/* Line building without allocation. */
struct tline {
    char buf[4096];
    size_t len;
};
void tl_init(struct tline *l);
void tl_printf(struct tline *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_puts(struct tline *l, const char *s);
void tl_putc(struct tline *l, char c);
/* A quoted, escaped, truncated (strsize) string like strace prints. */
void tl_quoted(struct tline *l, const void *s, size_t n, int complete);
/* Prefix: "[pid N] " or "N " (for -f), then timestamps (-t/-tt/-ttt). */
void tl_prefix(struct tline *l, int tid);
/* Emit the line (adds '\n'). Thread-safe, buffered. */
void trace_emit(struct tline *l);
void trace_flush(void);

/* Monotonic nanoseconds, for -T and -c. */
uint64_t trace_now_ns(void);

/* -c: count a call. */
void trace_count(int nr, const char *name, int failed, uint64_t ns);
/* Print the -c table (at exit). */
void trace_summary(void);

#endif
