/* preload.c — libxeno-preload.so: brings the interception engine into an
 * ordinary Linux program at load time, configured from the environment:
 *   XENO_TRACE=1|LETTERS, XENO_TRACE_FILE, XENO_TRACE_FILTER  strace lines
 *   XENO_REMAP=/from=/to[:…]                                 path remapping
 *   XENO_DENY=call[,call]:ERRNO[,…]                          fault injection
 * (see syscalls/linux/lpolicy.h and docs/tracing.md). A configuration
 * error stops the program before it runs (exit 126) rather than running
 * it unobserved. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "host.h"
#include "linux/lpolicy.h"

static void fail(const char *what)
{
    char msg[400];
    int n = snprintf(msg, sizeof msg, "xeno: libxeno-preload.so: %s\n", what);
    if (write(2, msg, n > 0 ? (size_t)n : 0) < 0)
        _exit(126);
    _exit(126);
}

__attribute__((constructor)) static void xeno_preload_init(int argc, char **argv, char **envp)
{
    char err[300];
    (void)argc;
    static int calls[512];
    int all;
    if (linux_policy_configure(err, sizeof err) < 0)
        fail(err);
    linux_policy_calls(&all, calls, 512);
    host_fast_configure(all, calls); /* what rewritten sites still send to the gate */
    if (host_engine_start() < 0)
        fail("cannot start interception");
    linux_policy_pause(1); /* rewriting's own calls are not the program's */
    host_rewrite_loaded();
    linux_policy_pause(0);
    linux_policy_started(argv, envp);
}
