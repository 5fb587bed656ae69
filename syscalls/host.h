/* host.h — the host personality (Linux programs under libxeno-preload.so):
 * the engine executes each call; a policy may observe or change it. */
#ifndef XENO_HOST_H
#define XENO_HOST_H

#include "xthread.h"

struct host_policy {
    /* Before a call: A may be rewritten; return 1 with *RET set to skip
     * the call (deny). */
    int (*before)(struct xframe *f, long nr, long *a, long *ret);
    /* After a call (or a denial), with its result. */
    void (*after)(struct xframe *f, long nr, const long *a, long ret);
};
extern struct host_policy host_policy;

/* Start intercepting the calling thread (the process's only thread). */
int host_engine_start(void);
void host_syscall(struct xframe *f);
struct xthread *host_new_thread_block(void);

#endif
