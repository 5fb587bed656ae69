/* event.h — kqueue internals shared by event.c (the queue: descriptors,
 * registration, scanning, waiting) and event_filt.c (what each filter
 * watches and reports). A kqueue is a Linux epoll descriptor — the number
 * the guest sees — plus this state, kept in a table indexed by that
 * number. Knotes live in a hash by (ident, filter); the ones that may have
 * something to report wait in the active queue, in activation order, and
 * are evaluated when kevent scans, as FreeBSD's kqueue_scan does. */
#ifndef XENO_FBSD_EVENT_H
#define XENO_FBSD_EVENT_H

#include <pthread.h>
#include <stdint.h>
#include <sys/queue.h>

#include "fbsd_io.h"

/* What epoll_event.data carries: a tag in the top byte, then a number. */
#define KQ_TAG_SHIFT 56
#define KQ_TAG_FD 0ull   /* a descriptor with READ/WRITE knotes */
#define KQ_TAG_WAKE 1ull /* the kqueue's own eventfd */
#define KQ_TAG_PROC 2ull /* a process descriptor: the number is the pid */
#define KQ_DATA(tag, n) (((tag) << KQ_TAG_SHIFT) | (uint64_t)(n))

/* What an fd-filter knote's descriptor is. */
enum kq_kind { KQ_VNODE, KQ_PIPE, KQ_SOCKET, KQ_OTHER };

struct kq;

struct knote {
    struct knote *hnext;
    TAILQ_ENTRY(knote) aq;     /* active queue */
    TAILQ_ENTRY(knote) tq;     /* the kqueue's timers */
    const struct kfilt *fop;
    /* kn_kevent: ident, filter, udata and ext as registered; flags are
     * the creation flags (EV_CLEAR, EV_ONESHOT ...) plus EV_EOF; fflags
     * and data are the filter's current report (kn_fflags, kn_data). */
    struct fbsd_kevent kev;
    uint32_t sfflags;          /* fflags and data from the registration */
    int64_t sdata;
    uint8_t queued, disabled, intimers, nopoll;
    enum kq_kind kind;         /* fd filters */
    uint64_t dev, ino;         /* fd filters: the file registered */
    int pidfd;                 /* EVFILT_PROC */
    int triggered;             /* EVFILT_USER */
    int64_t next_ns;           /* EVFILT_TIMER: next expiry (0: stopped) */
    int64_t period_ns;         /* EVFILT_TIMER: 0 for a single expiry */
};

/* A filter. attach and touch return 0 or -errno; event returns 1 (ready:
 * kev.data/fflags/flags updated), 0 (nothing), or -1 (drop the knote
 * silently: its descriptor is gone, or EV_DROP); process copies the event
 * out (NULL: kev as is, data and fflags reset by EV_CLEAR). */
struct kfilt {
    int16_t filter;
    uint8_t isfd;
    int (*attach)(struct kq *kq, struct knote *kn);
    void (*detach)(struct kq *kq, struct knote *kn);
    int (*event)(struct kq *kq, struct knote *kn);
    int (*touch)(struct kq *kq, struct knote *kn, const struct fbsd_kevent *kev);
    void (*process)(struct knote *kn, struct fbsd_kevent *out);
};

struct kq {
    pthread_mutex_t lock;
    int fd;                    /* the epoll descriptor: the guest's kqueue */
    int wakefd;                /* eventfd in the epoll set */
    int refs;                  /* the table's, and calls in progress */
    int waiters;               /* threads blocked in epoll_pwait2 */
    int dead;                  /* fd no longer names this kqueue */
    int need_wake;             /* a change a waiter must see */
    struct knote **hash;
    size_t nbuckets, count;
    TAILQ_HEAD(, knote) active;
    size_t nactive;
    TAILQ_HEAD(, knote) timers;
};

/* event.c */
struct knote *kq_find(struct kq *kq, uint64_t ident, int16_t filter);
void kq_activate(struct kq *kq, struct knote *kn);
void kq_deactivate(struct kq *kq, struct knote *kn);
int64_t kq_now_ns(void);

/* event_filt.c */
/* The filter for FILTER, or NULL with *err set (-EINVAL unknown, -ENOSYS
 * known to FreeBSD but not provided by xeno: reported once). */
const struct kfilt *kfilt_find(int16_t filter, int *err);
/* Expire due timers at NOW; returns the next expiry (0: none). */
int64_t kfilt_timers_run(struct kq *kq, int64_t now);

#endif
