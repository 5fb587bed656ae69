/* fbsd_signal.h — FreeBSD signals for guest programs: dispositions,
 * masks, and delivery of host signals to guest handlers with FreeBSD's
 * signal frame (siginfo, ucontext) through the sigcode trampoline. */
#ifndef XENO_FBSD_SIGNAL_H
#define XENO_FBSD_SIGNAL_H

#include "fbsd.h"

/* Install the handlers every guest process needs (faults, SIGSYS). */
void fbsd_signal_init_process(void);
/* After a call (C set when it returned EINTR, for SA_RESTART), or when a
 * signal interrupted guest code: deliver one pending unblocked signal by
 * rewriting the frame to enter the guest's handler. Returns 1 if one was
 * delivered. */
int fbsd_signal_check(struct xframe *f, struct fcall *c);
/* A FreeBSD signal number → the host's, or 0 when it has none. */
int fbsd_sig_to_host(int fsig);
/* Apply the thread's guest mask to the host mask. */
void fbsd_signal_apply_mask(struct fbsd_thread *ft);

#endif
