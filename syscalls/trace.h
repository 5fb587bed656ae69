/* trace.h — the one tracer every personality prints through: a buffered
 * sink (stderr or -o FILE, kept on a descriptor the program cannot close
 * by accident), line prefixes (thread id, timestamps), process events
 * (fork, exit), the summary counters behind -c, the interception counts
 * behind --stats, and the --host hook through which a personality's
 * handlers report the host calls they made.
 *
 * Cost when off: every entry point is behind `trace_enabled` (or
 * `trace_host_on`), a global read once per call. When on: lines are built
 * on the stack and copied into one process-wide buffer; nothing is
 * allocated per call. */
#ifndef XENO_TRACE_H
#define XENO_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "rawsys.h"
#include "trace_opts.h"

extern int trace_enabled;            /* a single predictable branch when off */
extern struct trace_opts trace_cfg;

/* Start tracing with O (copied). The -o file is opened for appending
 * (`xeno trace` truncates it once, before the program starts, so that
 * children and exec'd programs add to the same file). Returns 0, or -1 if
 * the file can't be opened. */
int trace_init(const struct trace_opts *o);
/* Options from XENO_TRACE / XENO_TRACE_FILE / XENO_TRACE_FILTER. 0 when
 * tracing is not asked for. XENO_TRACE is "1" or a comma-separated list of
 * option letters: f, t, tt, ttt, T, c, sN (string size), json, host, stats. */
int trace_opts_from_env(struct trace_opts *o);
/* The XENO_TRACE value that gives O back (BUF of N bytes). */
void trace_opts_format(const struct trace_opts *o, char *buf, size_t n);

/* Line building without allocation. */
struct tline {
    char buf[4096];
    size_t len;
    int tid;       /* the thread the line is about (0: the caller) */
};
void tl_init(struct tline *l);
void tl_printf(struct tline *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_puts(struct tline *l, const char *s);
void tl_putc(struct tline *l, char c);
void tl_write(struct tline *l, const char *s, size_t n);
/* A quoted, escaped, truncated (strsize) string like strace prints; "..."
 * follows when N exceeds strsize or the string is not COMPLETE. */
void tl_quoted(struct tline *l, const void *s, size_t n, int complete);
/* S (N bytes) as a JSON string, quotes included. */
void tl_json_string(struct tline *l, const char *s, size_t n);
/* Prefix of a text line: the thread id for -f ("1234  " in a file,
 * "[pid  1234] " on stderr), then the time for -t/-tt/-ttt. */
void tl_prefix(struct tline *l, int tid);
/* Only the -t/-tt/-ttt time (relay lines carry their own thread id). */
void tl_time(struct tline *l);
/* The opening of a JSON record: {"pid":P,"tid":T[,"time":…], */
void tl_json_open(struct tline *l, int tid);
/* Emit the line (adds '\n'). Thread-safe, buffered, and safe to call from
 * a signal handler that interrupted another emit on the same thread. */
void trace_emit(struct tline *l);
void trace_flush(void);
/* The sink's descriptor (-1 before trace_init): the program's calls must
 * not close it. */
int trace_fd(void);
/* How the sink learns the calling thread's id without a system call
 * (the personality's thread block); NULL: gettid. */
extern int (*trace_self_tid)(void);

/* Monotonic nanoseconds, for -T and -c. */
uint64_t trace_now_ns(void);
/* " <0.000012>" for -T. */
void tl_duration(struct tline *l, uint64_t ns);

/* ---- processes and threads ---- */

/* Is a call of thread TID shown? Always with -f; otherwise only the
 * calls of the thread that started tracing (strace without -f). */
int trace_follows(int tid);
/* Is this the process that started tracing (not a forked child)? */
int trace_is_first_process(void);
/* This process's id (cached; updated in forked children). */
int trace_pid(void);
/* Around fork: the parent flushes so that the child does not inherit
 * buffered lines; the child (PID: its own id, known to the caller) drops
 * what it inherited anyway and resets the sink's lock (another thread may
 * have held it). */
void trace_before_fork(void);
void trace_after_fork_child(int pid);
/* The process ends: "+++ exited with CODE +++" (or "+++ killed by SIG
 * +++" when SIGNAME is set), then, in the first process, the -c table
 * and the --stats line; the buffer is flushed. */
void trace_process_exit(int tid, int code, const char *signame);
/* The process is about to be killed by host signal HOST_SIG (SIGNAME in
 * the program's own naming): trace_process_exit if that signal's default
 * action ends the process, else nothing. */
void trace_process_killed(int tid, int host_sig, const char *signame);

/* Windows relay: is DLL.NAME (or NAME) in the -e trace= list SPEC? Any
 * name when SPEC is NULL, empty or "all". */
int trace_filter_names(const char *spec, const char *dll, const char *name);

/* ---- -c ---- */
/* Map the counters (shared with children forked later). */
void trace_summary_prepare(void);
void trace_count(int nr, const char *name, int failed, uint64_t ns);
void trace_summary(void);
/* Time for a call trace_count already counted (with 0 ns). */
void trace_count_ns(int nr, uint64_t ns);
/* The last column's title in the -c table ("syscall"; Windows: "function"). */
void trace_summary_label(const char *label);

/* ---- --stats ---- */
void trace_stats(void);

/* ---- --host ----
 * A personality's handler reports each host system call it made for the
 * guest call in progress; `xeno trace --host` appends them to the line:
 *     open("a", O_RDONLY) = 3 [host: openat(AT_FDCWD, "a", O_RDONLY) = 3]
 * Handlers call trace_hsys6() (or the hsysN shorthands) instead of xsysN:
 * one branch when --host is off. The dispatcher calls trace_host_begin()
 * before the handler and trace_host_text() after it. */
extern int trace_host_on;
void trace_host_record(long nr, const long a[6], long ret);
void trace_host_begin(void);
/* What was recorded since trace_host_begin ("" if nothing). */
const char *trace_host_text(void);

static inline long trace_hsys6(long nr, long a, long b, long c, long d, long e, long f)
{
    long r = xsys6(nr, a, b, c, d, e, f);
    if (__builtin_expect(trace_host_on, 0)) {
        long v[6] = { a, b, c, d, e, f };
        trace_host_record(nr, v, r);
    }
    return r;
}
#define hsys0(n) trace_hsys6((n), 0, 0, 0, 0, 0, 0)
#define hsys1(n, a) trace_hsys6((n), (a), 0, 0, 0, 0, 0)
#define hsys2(n, a, b) trace_hsys6((n), (a), (b), 0, 0, 0, 0)
#define hsys3(n, a, b, c) trace_hsys6((n), (a), (b), (c), 0, 0, 0)
#define hsys4(n, a, b, c, d) trace_hsys6((n), (a), (b), (c), (d), 0, 0)

#endif
