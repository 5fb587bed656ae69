/* event_filt.c — what each kqueue filter watches and reports, after
 * FreeBSD's filterops (sys/kern/kern_event.c, sys_pipe.c, uipc_socket.c,
 * vfs_subr.c):
 *   EVFILT_READ/WRITE  a descriptor, registered edge-triggered in the
 *                      kqueue's epoll set; data is bytes to read (pipes,
 *                      sockets, ttys), connections waiting (listening
 *                      sockets), space to write, or size minus offset
 *                      (regular files, which epoll refuses: always looked
 *                      at); EV_EOF when the other side is gone.
 *   EVFILT_USER        NOTE_TRIGGER and the NOTE_FF* operations on fflags.
 *   EVFILT_TIMER       a period (or an absolute time) in s/ms/us/ns; data
 *                      counts expirations; EV_CLEAR is implied.
 *   EVFILT_PROC        NOTE_EXIT through a pidfd; data is the wait status.
 * Socket errors are not reported in fflags: Linux can only read a pending
 * socket error by consuming it (SO_ERROR), which the program's own
 * getsockopt or read must still see. A descriptor has one edge-triggered
 * registration for both filters (a second one would need a duplicate that
 * keeps the file open after the guest closes it), so a read wakeup can
 * report an EV_CLEAR EVFILT_WRITE again while the socket stays writable:
 * spurious readiness, which kqueue users must already tolerate. */
#include <errno.h>
#include <fcntl.h>
#include <linux/wait.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "event.h"
#include "rawsys.h"
#include "xeno.h"

#define FBSD_NOTE_LOWAT 0x0001
#define FBSD_NOTE_FILE_POLL 0x0002
#define FBSD_NOTE_SECONDS 0x01
#define FBSD_NOTE_MSECONDS 0x02
#define FBSD_NOTE_USECONDS 0x04
#define FBSD_NOTE_NSECONDS 0x08
#define FBSD_NOTE_ABSTIME 0x10
#define FBSD_NOTE_TIMER_PRECMASK 0x0f
#define FBSD_NOTE_EXIT 0x80000000u
#define FBSD_PIPE_BUF 512

/* ------------------------------------------------------------ descriptors */

static int fd_revents(int fd)
{
    struct pollfd p = { fd, POLLIN | POLLOUT | POLLRDHUP, 0 };
    struct timespec zero = { 0, 0 };
    return hsys5(SYS_ppoll, (long)&p, 1, (long)&zero, 0, 0) < 0 ? POLLNVAL : p.revents;
}

static int ioctl_int(int fd, unsigned long req, int dflt)
{
    int v;
    return hsys3(SYS_ioctl, fd, (long)req, (long)&v) < 0 ? dflt : v;
}

static int sockopt_int(int fd, int level, int name, int dflt)
{
    int v;
    socklen_t len = sizeof v;
    return hsys5(SYS_getsockopt, fd, level, name, (long)&v, (long)&len) < 0 ? dflt : v;
}

/* Connections waiting on a listening socket: Linux's TCP_INFO reports the
 * accept queue in tcpi_unacked for a listener. */
static int64_t backlog(int fd)
{
    struct tcp_info ti;
    socklen_t len = sizeof ti;
    if (hsys5(SYS_getsockopt, fd, IPPROTO_TCP, TCP_INFO, (long)&ti, (long)&len) == 0 &&
        ti.tcpi_state == TCP_LISTEN)
        return ti.tcpi_unacked;
    return 1;
}

/* Epoll interest for FD from its READ and WRITE knotes: added, changed or
 * removed. Re-arming also reports the current state once (an edge). */
static void fd_rearm(struct kq *kq, int fd)
{
    struct knote *r = kq_find(kq, (uint64_t)fd, FBSD_EVFILT_READ);
    struct knote *w = kq_find(kq, (uint64_t)fd, FBSD_EVFILT_WRITE);
    struct epoll_event ev = { EPOLLET | (r ? EPOLLIN | EPOLLRDHUP : 0) | (w ? EPOLLOUT : 0),
                              { .u64 = KQ_DATA(KQ_TAG_FD, fd) } };
    if (kq->dead)
        return;
    if (!r && !w) {
        hsys4(SYS_epoll_ctl, kq->fd, EPOLL_CTL_DEL, fd, (long)&ev);
        return;
    }
    long e = hsys4(SYS_epoll_ctl, kq->fd, EPOLL_CTL_MOD, fd, (long)&ev);
    if (e == -ENOENT)
        e = hsys4(SYS_epoll_ctl, kq->fd, EPOLL_CTL_ADD, fd, (long)&ev);
    if (r)
        r->nopoll = e == -EPERM;
    if (w)
        w->nopoll = e == -EPERM;
}

static int fd_attach(struct kq *kq, struct knote *kn)
{
    fd_rearm(kq, (int)kn->kev.ident);
    return 0;
}

static void fd_detach(struct kq *kq, struct knote *kn)
{
    fd_rearm(kq, (int)kn->kev.ident);
}

static void set_eof(struct knote *kn, int eof)
{
    if (eof)
        kn->kev.flags |= FBSD_EV_EOF;
    else
        kn->kev.flags &= (uint16_t)~FBSD_EV_EOF;
}

/* filt_vfsread: what is left to read; ready unless at the end. */
static int vnode_read(struct knote *kn)
{
    struct stat st;
    int fd = (int)kn->kev.ident;
    long off = hsys3(SYS_lseek, fd, 0, SEEK_CUR);
    if (hsys2(SYS_fstat, fd, (long)&st) < 0)
        return -1;
    kn->kev.data = S_ISREG(st.st_mode) && off >= 0 ? st.st_size - off : 0;
    return kn->kev.data != 0 || (kn->sfflags & FBSD_NOTE_FILE_POLL);
}

static int fd_read_event(struct kq *kq, struct knote *kn)
{
    int fd = (int)kn->kev.ident;
    (void)kq;
    if (kn->nopoll)
        return vnode_read(kn);
    int rev = fd_revents(fd);
    if (rev & POLLNVAL)
        return -1;
    int eof = kn->kind == KQ_SOCKET ? (rev & (POLLRDHUP | POLLHUP)) != 0 : (rev & POLLHUP) != 0;
    int data = rev & (POLLIN | POLLHUP | POLLRDHUP) ? ioctl_int(fd, FIONREAD, -1) : 0;
    kn->kev.data = data >= 0 ? data : kn->kind == KQ_SOCKET && (rev & POLLIN) ? backlog(fd) : 0;
    kn->kev.fflags = 0;
    set_eof(kn, eof);
    if (eof || (kn->kind == KQ_SOCKET && (rev & POLLERR)))
        return 1;
    if (kn->sfflags & FBSD_NOTE_LOWAT)
        return kn->kev.data >= (kn->sdata > 0 ? kn->sdata : 1);
    return (rev & POLLIN) != 0;
}

/* Space left in a pipe or in a socket's send buffer. */
static int64_t write_space(int fd, enum kq_kind kind)
{
    int used = ioctl_int(fd, kind == KQ_PIPE ? FIONREAD : TIOCOUTQ, 0);
    long size = kind == KQ_PIPE ? hsys2(SYS_fcntl, fd, F_GETPIPE_SZ)
                                : sockopt_int(fd, SOL_SOCKET, SO_SNDBUF, 0);
    return size > used ? size - used : 0;
}

static int fd_write_event(struct kq *kq, struct knote *kn)
{
    int fd = (int)kn->kev.ident;
    (void)kq;
    kn->kev.fflags = 0;
    if (kn->nopoll) { /* filt_vfswrite: always ready */
        kn->kev.data = 0;
        return 1;
    }
    int rev = fd_revents(fd);
    if (rev & POLLNVAL)
        return -1;
    int eof = kn->kind == KQ_PIPE ? (rev & POLLERR) != 0 : (rev & POLLHUP) != 0;
    set_eof(kn, eof);
    kn->kev.data = eof || kn->kind == KQ_OTHER || kn->kind == KQ_VNODE ? 0 : write_space(fd, kn->kind);
    if (eof || (kn->kind == KQ_SOCKET && (rev & POLLERR)))
        return 1;
    if (!(rev & POLLOUT))
        return 0;
    if (kn->sfflags & FBSD_NOTE_LOWAT)
        return kn->kev.data >= kn->sdata;
    return kn->kind != KQ_PIPE || kn->kev.data >= FBSD_PIPE_BUF;
}

/* ------------------------------------------------------------ EVFILT_USER */

static int user_attach(struct kq *kq, struct knote *kn)
{
    (void)kq;
    kn->triggered = 0; /* NOTE_TRIGGER at EV_ADD does not fire (filt_userattach) */
    return 0;
}

static int user_event(struct kq *kq, struct knote *kn)
{
    (void)kq;
    return kn->triggered;
}

static int user_touch(struct kq *kq, struct knote *kn, const struct fbsd_kevent *kev)
{
    uint32_t ff = kev->fflags & FBSD_NOTE_FFLAGSMASK;
    (void)kq;
    if (kev->fflags & FBSD_NOTE_TRIGGER)
        kn->triggered = 1;
    switch (kev->fflags & FBSD_NOTE_FFCTRLMASK) {
    case FBSD_NOTE_FFAND: kn->sfflags &= ff; break;
    case FBSD_NOTE_FFOR: kn->sfflags |= ff; break;
    case FBSD_NOTE_FFCOPY: kn->sfflags = ff; break;
    }
    kn->sdata = kev->data;
    if (kev->flags & FBSD_EV_CLEAR)
        kn->triggered = 0, kn->kev.data = 0, kn->kev.fflags = 0;
    return 0;
}

static void user_process(struct knote *kn, struct fbsd_kevent *out)
{
    *out = kn->kev;
    out->fflags = kn->sfflags;
    out->data = kn->sdata;
    if (kn->kev.flags & FBSD_EV_CLEAR)
        kn->triggered = 0, kn->kev.data = 0, kn->kev.fflags = 0;
}

/* ------------------------------------------------------------ EVFILT_TIMER */

/* timer2sbintime: the period in nanoseconds, saturating; -1 for more than
 * one unit. */
static int64_t timer_ns(int64_t v, uint32_t fflags)
{
    static const struct { uint32_t unit; int64_t ns; } units[] = {
        { 0, 1000000 }, { FBSD_NOTE_MSECONDS, 1000000 }, { FBSD_NOTE_SECONDS, 1000000000 },
        { FBSD_NOTE_USECONDS, 1000 }, { FBSD_NOTE_NSECONDS, 1 },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if ((fflags & FBSD_NOTE_TIMER_PRECMASK) == units[i].unit)
            return v > INT64_MAX / units[i].ns ? INT64_MAX : v * units[i].ns;
    return -1;
}

/* Monotonic time of the boot's epoch: an absolute CLOCK_REALTIME value
 * minus this is a time since boot, as filt_timervalidate computes it. */
static int64_t boottime_ns(void)
{
    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    return rt.tv_sec * 1000000000ll + rt.tv_nsec - kq_now_ns();
}

/* filt_timervalidate + filt_timerstart. */
static int timer_start(struct knote *kn)
{
    if (kn->sdata < 0)
        return -EINVAL;
    if (kn->sdata == 0 && !(kn->kev.flags & FBSD_EV_ONESHOT))
        kn->sdata = 1;
    if (kn->sfflags & ~(uint32_t)(FBSD_NOTE_TIMER_PRECMASK | FBSD_NOTE_ABSTIME))
        return -EINVAL;
    int64_t to = timer_ns(kn->sdata, kn->sfflags);
    if (to >= 0 && (kn->sfflags & FBSD_NOTE_ABSTIME))
        to -= boottime_ns();
    if (to < 0)
        return -EINVAL;
    if (kn->sfflags & FBSD_NOTE_ABSTIME) {
        kn->next_ns = to > 0 ? to : 1;
        kn->period_ns = 0;
    } else {
        int64_t now = kq_now_ns();
        kn->next_ns = to > INT64_MAX - now ? INT64_MAX : now + to;
        kn->period_ns = to;
    }
    return 0;
}

static int timer_attach(struct kq *kq, struct knote *kn)
{
    int r = timer_start(kn);
    if (r < 0)
        return r;
    if (!(kn->sfflags & FBSD_NOTE_ABSTIME))
        kn->kev.flags |= FBSD_EV_CLEAR; /* automatically set */
    TAILQ_INSERT_TAIL(&kq->timers, kn, tq);
    kn->intimers = 1;
    return 0;
}

static void timer_detach(struct kq *kq, struct knote *kn)
{
    if (kn->intimers)
        TAILQ_REMOVE(&kq->timers, kn, tq);
    kn->intimers = 0;
}

static int timer_event(struct kq *kq, struct knote *kn)
{
    (void)kq;
    return kn->kev.data != 0;
}

/* filt_timertouch: EV_ADD on an existing timer forgets what expired and
 * starts over with the new period. */
static int timer_touch(struct kq *kq, struct knote *kn, const struct fbsd_kevent *kev)
{
    if (!(kev->flags & FBSD_EV_ADD))
        return 0;
    kq_deactivate(kq, kn);
    kn->kev.data = 0;
    kn->sfflags = kev->fflags;
    kn->sdata = kev->data;
    int r = timer_start(kn);
    if (r < 0)
        kn->next_ns = 0;
    return r;
}

int64_t kfilt_timers_run(struct kq *kq, int64_t now)
{
    int64_t next = 0;
    struct knote *kn;
    TAILQ_FOREACH(kn, &kq->timers, tq) {
        if (kn->next_ns && now >= kn->next_ns) {
            if (kn->period_ns > 0 && !(kn->kev.flags & FBSD_EV_ONESHOT)) {
                int64_t k = 1 + (now - kn->next_ns) / kn->period_ns;
                kn->kev.data += k;
                kn->next_ns += k * kn->period_ns;
            } else {
                kn->kev.data++;
                kn->next_ns = 0;
            }
            if (!kn->disabled)
                kq_activate(kq, kn);
        }
        if (kn->next_ns && (!next || kn->next_ns < next))
            next = kn->next_ns;
    }
    return next;
}

/* ------------------------------------------------------------ EVFILT_PROC */

static int proc_attach(struct kq *kq, struct knote *kn)
{
    if (kn->kev.ident > INT32_MAX)
        return -ESRCH;
    long fd = hsys2(SYS_pidfd_open, (long)kn->kev.ident, 0);
    if (fd < 0)
        return fd == -EINVAL ? -ESRCH : (int)fd;
    kn->pidfd = fbsd_hide_fd((int)fd);
    struct epoll_event ev = { EPOLLIN, { .u64 = KQ_DATA(KQ_TAG_PROC, kn->kev.ident) } };
    hsys4(SYS_epoll_ctl, kq->fd, EPOLL_CTL_ADD, kn->pidfd, (long)&ev);
    kn->kev.flags |= FBSD_EV_CLEAR; /* automatically set */
    if (kn->sfflags & ~FBSD_NOTE_EXIT) {
        static int told;
        if (!__atomic_exchange_n(&told, 1, __ATOMIC_RELAXED))
            xeno_warn("freebsd kevent EVFILT_PROC: only NOTE_EXIT is reported");
    }
    return 0;
}

static void proc_detach(struct kq *kq, struct knote *kn)
{
    if (kn->pidfd < 0)
        return;
    if (!kq->dead)
        hsys4(SYS_epoll_ctl, kq->fd, EPOLL_CTL_DEL, kn->pidfd, 0);
    hsys1(SYS_close, kn->pidfd);
    kn->pidfd = -1;
}

/* The exit status of our child, in FreeBSD's wait format; 0 for another
 * process's (Linux tells only a parent). */
static int64_t exit_status(int pidfd)
{
    siginfo_t si = { 0 };
    int st;
    if (hsys5(SYS_waitid, P_PIDFD, pidfd, (long)&si, WEXITED | WNOHANG | WNOWAIT, 0) < 0 ||
        si.si_pid == 0)
        return 0;
    if (si.si_code == CLD_EXITED)
        st = (si.si_status & 0xff) << 8;
    else
        st = (si.si_status & 0x7f) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
    return fbsd_wstatus_from_linux(st);
}

/* filt_proc for NOTE_EXIT: EV_EOF|EV_ONESHOT; without NOTE_EXIT asked
 * for, the event is dropped (EV_DROP). */
static int proc_event(struct kq *kq, struct knote *kn)
{
    struct pollfd p = { kn->pidfd, POLLIN, 0 };
    struct timespec zero = { 0, 0 };
    (void)kq;
    if (hsys5(SYS_ppoll, (long)&p, 1, (long)&zero, 0, 0) <= 0 || !(p.revents & POLLIN))
        return 0;
    kn->kev.flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
    if (!(kn->sfflags & FBSD_NOTE_EXIT))
        return -1;
    kn->kev.fflags |= FBSD_NOTE_EXIT;
    kn->kev.data = exit_status(kn->pidfd);
    return 1;
}

/* ------------------------------------------------------------ table */

static const struct kfilt filters[] = {
    { FBSD_EVFILT_READ, 1, fd_attach, fd_detach, fd_read_event, NULL, NULL },
    { FBSD_EVFILT_WRITE, 1, fd_attach, fd_detach, fd_write_event, NULL, NULL },
    { FBSD_EVFILT_USER, 0, user_attach, NULL, user_event, user_touch, user_process },
    { FBSD_EVFILT_TIMER, 0, timer_attach, timer_detach, timer_event, timer_touch, NULL },
    { FBSD_EVFILT_PROC, 0, proc_attach, proc_detach, proc_event, NULL, NULL },
};

const struct kfilt *kfilt_find(int16_t filter, int *err)
{
    static uint8_t told[16];
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        if (filters[i].filter == filter)
            return &filters[i];
    const char *name = fbsd_val_name(fbsd_kevent_filters, filter);
    if (!name) {
        *err = -EINVAL;
        return NULL;
    }
    if (!__atomic_exchange_n(&told[-filter & 15], 1, __ATOMIC_RELAXED))
        xeno_warn("freebsd kevent filter %s is not implemented", name);
    *err = -ENOSYS;
    return NULL;
}
