/* ltrace.h — strace-format lines for Linux system calls: the calls of a
 * program under libxeno-preload.so, and the --host notes of the other
 * personalities ("openat(AT_FDCWD, "a", O_RDONLY) = 3"). */
#ifndef XENO_LTRACE_H
#define XENO_LTRACE_H

#include "trace.h"
#include "trace_decode.h"

/* Parse the -e trace= filter against the Linux names: 0, or -1 (unknown). */
int linux_trace_filter(const char *spec);
/* Is call NR of thread TID shown? */
int linux_trace_wants(long nr, int tid);
/* "name(args) = result" of a host call, for --host. */
void linux_format_call(struct tline *l, long nr, const long a[6], long ret);
/* One traced call: RET is the kernel's (-errno on failure); PRE holds the
 * input arguments rendered before the call (or NULL); FLAGS are LT_*. */
enum { LT_INJECTED = 1, LT_UNFINISHED = 2, LT_RESUMED = 4 };
void linux_trace_call(int tid, long nr, const long *a, long ret, uint64_t ns,
                      const struct trace_pre *pre, int flags);
/* "name(args) = ?" for a call that does not return (exit, exit_group). */
void linux_trace_noreturn(int tid, long nr, const long *a);
/* The execve that started this program, as strace shows it (printed by
 * the new image, which alone knows it succeeded). */
void linux_trace_exec(int tid, const char *path, char **argv, char **envp);

#endif
