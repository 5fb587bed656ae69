/* poll.c — FreeBSD readiness calls: poll (209), ppoll (545), select (93)
 * and pselect (522). pollfd and fd_set have the Linux layout; the poll
 * event bits above POLLNVAL differ (POLLWRBAND, POLLINIGNEOF, POLLRDHUP)
 * and are converted both ways. FreeBSD never writes the remaining time
 * back, never restarts these calls after a signal (EINTR), and rejects
 * negative poll timeouts other than INFTIM. Every wait goes through
 * fbsd_wait_begin so a signal that arrives just before it is not lost.
 * Also the helpers fbsd_io.h declares for the other I/O files. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "fbsd_io.h"
#include "fbsd_signal.h"
#include "rawsys.h"

/* Host signals xeno never blocks (synchronous faults, its own SIGSYS);
 * the same set signal.c keeps open. */
#define HOST_UNBLOCKABLE ((1ull << (SIGSEGV - 1)) | (1ull << (SIGBUS - 1)) | \
    (1ull << (SIGILL - 1)) | (1ull << (SIGFPE - 1)) | (1ull << (SIGTRAP - 1)) | \
    (1ull << (SIGSYS - 1)))
#define POLL_STACK 64
#define POLL_MAX 65536     /* FreeBSD: more than maxfilesperproc is EINVAL */

/* ------------------------------------------------------------ helpers */

int fbsd_hide_fd(int fd)
{
    long h = hsys3(SYS_fcntl, fd, F_DUPFD_CLOEXEC, FBSD_HIDDEN_FD_MIN);
    if (h < 0) {
        hsys3(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
        return fd;
    }
    hsys1(SYS_close, fd);
    return (int)h;
}

static int deliverable(const struct fbsd_thread *ft)
{
    for (int w = 0; w < 4; w++)
        if (ft->pending.bits[w] & ~ft->sigmask.bits[w])
            return 1;
    return 0;
}

int fbsd_wait_begin(struct fcall *c, const fbsd_sigset_t *tmp, uint64_t *lmask)
{
    struct fbsd_thread *ft = fbsd_thread(c->t);
    uint64_t all = ~HOST_UNBLOCKABLE;
    xsys4(SYS_rt_sigprocmask, SIG_SETMASK, (long)&all, 0, 8);
    if (tmp) {
        ft->saved_mask = ft->sigmask;
        ft->has_saved_mask = 1;
        ft->sigmask = *tmp;
    }
    if (deliverable(ft))
        return -EINTR;
    *lmask = 0;
    fbsd_sigset_to_linux(&ft->sigmask, lmask);
    *lmask &= ~HOST_UNBLOCKABLE;
    return 0;
}

void fbsd_wait_end(struct fcall *c)
{
    fbsd_signal_apply_mask(fbsd_thread(c->t));
}

int fbsd_timeout_in(uint64_t uts, struct timespec *ts)
{
    struct fbsd_timespec f;
    if (fbsd_copyin(&f, uts, sizeof f) < 0)
        return -EFAULT;
    if (f.tv_sec < 0 || f.tv_nsec < 0 || f.tv_nsec >= 1000000000)
        return -EINVAL;
    ts->tv_sec = f.tv_sec;
    ts->tv_nsec = f.tv_nsec;
    return 0;
}

/* The optional FreeBSD sigset argument of ppoll/pselect. */
static int mask_in(uint64_t umask, fbsd_sigset_t *m, const fbsd_sigset_t **out)
{
    *out = NULL;
    if (!umask)
        return 0;
    if (fbsd_copyin(m, umask, sizeof *m) < 0)
        return -EFAULT;
    *out = m;
    return 0;
}

/* ------------------------------------------------------------ poll */

static void events_to_linux(struct pollfd *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i].events = (short)fbsd_flags_to_linux(fbsd_poll_events, (uint16_t)p[i].events, NULL);
}

/* Writes the converted revents back into the guest array (FreeBSD copies
 * out every revents field, zero or not). */
static long revents_out(uint64_t ufds, const struct pollfd *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int16_t r = (int16_t)fbsd_flags_from_linux(fbsd_poll_events, (uint16_t)p[i].revents, NULL);
        if (fbsd_copyout(ufds + i * sizeof *p + offsetof(struct pollfd, revents), &r, sizeof r) < 0)
            return -EFAULT;
    }
    return 0;
}

static long do_poll(struct fcall *c, uint64_t ufds, uint64_t nfds, const struct timespec *ts,
                    const fbsd_sigset_t *tmp)
{
    struct pollfd stackbuf[POLL_STACK], *p = stackbuf;
    uint64_t lmask;
    if (nfds > POLL_MAX)
        return -EINVAL;
    if (nfds > POLL_STACK && !(p = malloc(nfds * sizeof *p)))
        return -ENOMEM;
    long r = fbsd_copyin(p, ufds, nfds * sizeof *p);
    if (r == 0) {
        struct timespec left, *tp = ts ? (left = *ts, &left) : NULL;
        events_to_linux(p, nfds);
        r = fbsd_wait_begin(c, tmp, &lmask);
        if (r == 0)
            r = hsys5(SYS_ppoll, (long)p, (long)nfds, (long)tp, (long)&lmask, 8);
        fbsd_wait_end(c);
        if (r >= 0 && revents_out(ufds, p, nfds) < 0)
            r = -EFAULT;
    }
    if (p != stackbuf)
        free(p);
    return r;
}

long fbsd_sys_poll(struct fcall *c)
{
    int ms = (int)c->a[2];
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    if (ms < 0 && ms != -1) /* INFTIM is the only negative timeout */
        return -EINVAL;
    return do_poll(c, c->a[0], (uint32_t)c->a[1], ms == -1 ? NULL : &ts, NULL);
}

long fbsd_sys_ppoll(struct fcall *c)
{
    struct timespec ts;
    fbsd_sigset_t m;
    const fbsd_sigset_t *tmp;
    long r;
    if (c->a[2] && (r = fbsd_timeout_in(c->a[2], &ts)) < 0)
        return r;
    if ((r = mask_in(c->a[3], &m, &tmp)) < 0)
        return r;
    return do_poll(c, c->a[0], (uint32_t)c->a[1], c->a[2] ? &ts : NULL, tmp);
}

/* ------------------------------------------------------------ select */

/* fd_set is an array of 64-bit words on both systems (bit n of word
 * n / 64), so the guest's sets go to the host as they are; the kernel
 * reads and writes exactly ceil(nd / 64) words of each. */
static long do_select(struct fcall *c, const struct timespec *ts, const fbsd_sigset_t *tmp)
{
    int nd = (int)c->a[0];
    uint64_t lmask;
    if (nd < 0)
        return -EINVAL;
    struct timespec left, *tp = ts ? (left = *ts, &left) : NULL;
    struct { const uint64_t *mask; size_t size; } sig = { &lmask, 8 };
    long r = fbsd_wait_begin(c, tmp, &lmask);
    if (r == 0)
        r = hsys6(SYS_pselect6, nd, (long)c->a[1], (long)c->a[2], (long)c->a[3], (long)tp,
                  (long)&sig);
    fbsd_wait_end(c);
    return r;
}

long fbsd_sys_select(struct fcall *c)
{
    struct fbsd_timeval tv;
    struct timespec ts;
    if (c->a[4]) {
        if (fbsd_copyin(&tv, c->a[4], sizeof tv) < 0)
            return -EFAULT;
        if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
            return -EINVAL;
        ts.tv_sec = tv.tv_sec;
        ts.tv_nsec = tv.tv_usec * 1000;
    }
    return do_select(c, c->a[4] ? &ts : NULL, NULL);
}

long fbsd_sys_pselect(struct fcall *c)
{
    struct timespec ts;
    fbsd_sigset_t m;
    const fbsd_sigset_t *tmp;
    long r;
    if (c->a[4] && (r = fbsd_timeout_in(c->a[4], &ts)) < 0)
        return r;
    if ((r = mask_in(c->a[5], &m, &tmp)) < 0)
        return r;
    return do_select(c, c->a[4] ? &ts : NULL, tmp);
}
