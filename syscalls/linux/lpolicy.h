/* lpolicy.h — what libxeno-preload.so does with each system call of a
 * Linux program: trace it (XENO_TRACE), rewrite its paths (XENO_REMAP),
 * fail it (XENO_DENY). Installed as the host personality's policy. */
#ifndef XENO_LPOLICY_H
#define XENO_LPOLICY_H

#include <stddef.h>

/* Read XENO_TRACE*, XENO_REMAP and XENO_DENY and install the policy if
 * any is set. 0, or -1 with a message in ERR (N bytes). Call before the
 * engine starts. */
int linux_policy_configure(char *err, size_t n);
/* For the rewritten-site fast path: *ALL is set when every call must
 * reach the policy (tracing); else OUT (MAX entries, -1 terminated) lists
 * the calls it acts on (paths to remap, calls to deny). */
void linux_policy_calls(int *all, int *out, int max);
/* While ON, calls pass untouched (the engine's own work at start-up,
 * which reaches the gate like the program's). */
void linux_policy_pause(int on);
/* After the engine started: the first trace line, the execve that
 * started this program (ARGV and ENVP as the constructor got them). */
void linux_policy_started(char **argv, char **envp);

#endif
