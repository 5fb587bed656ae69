/* fbsd_io.h — what the FreeBSD I/O readiness, terminal and socket files
 * (poll.c, event.c, event_filt.c, ioctl.c, net.c) share: blocking waits a
 * guest signal interrupts without a lost wakeup, descriptors xeno keeps for
 * itself out of the guest's way, and FreeBSD timeout checks. */
#ifndef XENO_FBSD_IO_H
#define XENO_FBSD_IO_H

#include <stdint.h>
#include <time.h>

#include "fbsd.h"
#include "trace.h"

/* Host calls made for the guest's call, reported by xeno trace --host
 * (trace.h has hsys0..hsys4). */
#ifndef hsys5
#define hsys5(n, a, b, c, d, e) trace_hsys6((n), (a), (b), (c), (d), (e), 0)
#endif
#ifndef hsys6
#define hsys6(n, a, b, c, d, e, f) trace_hsys6((n), (a), (b), (c), (d), (e), (f))
#endif

/* xeno's own descriptors (kqueue wakeups, process descriptors) live at or
 * above this number, below the tracer's (987). */
#define FBSD_HIDDEN_FD_MIN 900

/* Move FD (an xeno-internal descriptor) to FBSD_HIDDEN_FD_MIN or above,
 * close-on-exec; returns the new number (FD itself if it cannot move). */
int fbsd_hide_fd(int fd);

/* Before a blocking host call that takes a signal mask (ppoll, pselect6,
 * epoll_pwait2): blocks every host signal xeno may block, installs TMP as
 * the guest mask for the call (sigsuspend-like: restored after delivery)
 * when not NULL, and fails with -EINTR when a signal the guest can take is
 * already queued. On 0, *LMASK is the host mask to wait with. Either way,
 * call fbsd_wait_end afterwards. */
int fbsd_wait_begin(struct fcall *c, const fbsd_sigset_t *tmp, uint64_t *lmask);
/* After the wait: the host mask follows the guest's mask again. */
void fbsd_wait_end(struct fcall *c);

/* A FreeBSD timespec from guest memory, checked as FreeBSD checks timeouts
 * (tv_sec >= 0, 0 <= tv_nsec < 10^9): 0, -EFAULT or -EINVAL. */
int fbsd_timeout_in(uint64_t uts, struct timespec *ts);

/* kqueue: forget the per-kqueue state of descriptor FD if it is one (the
 * descriptor is being closed). Cheap when no kqueue exists. */
void fbsd_kqueue_forget(int fd);

#endif
