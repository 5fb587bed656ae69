/* host.h — the host personality (Linux programs under libxeno-preload.so):
 * the engine executes each call; a policy may observe or change it. */
#ifndef XENO_HOST_H
#define XENO_HOST_H

#include "xthread.h"

struct host_policy {
    /* Before a call: A may be rewritten; return 1 with *RET set to skip
     * the call (deny), or to report a call the hook ran itself through
     * host_execute (so that rewritten arguments live in its frame). */
    int (*before)(struct xframe *f, long nr, long *a, long *ret);
    /* After a call (or a denial), with its result. */
    void (*after)(struct xframe *f, long nr, const long *a, long ret);
};
extern struct host_policy host_policy;

/* Start intercepting the calling thread (the process's only thread). */
int host_engine_start(void);
void host_syscall(struct xframe *f);
/* Run call NR with arguments A as the host personality does: the calls
 * that would break interception (clone, fork, sigaction …) handled, the
 * rest passed to the kernel. Returns the result (-errno on failure). */
long host_execute(struct xframe *f, long nr, const long *a);
struct xthread *host_new_thread_block(void);

/* The fast path (host_fast.c): which calls trampolines send to the gate
 * (ALL, or the engine's own plus POLICY, a -1-terminated list), and
 * rewriting the syscall sites of every object already loaded. */
void host_fast_configure(int all, const int *policy);
void host_rewrite_loaded(void);
/* After a successful mmap(ADDR, LEN, PROT, FLAGS, FD, OFF): rewrite the
 * syscall sites of a library's text that has just been mapped. */
void host_rewrite_mapping(uint64_t addr, uint64_t len, int prot, int flags, int fd, uint64_t off);

#endif
