/* event.c — FreeBSD kqueue (362), kqueuex (583), kevent (560) and
 * freebsd11_kevent (363, the 32-byte struct without ext[]) on Linux epoll.
 *
 * The guest's kqueue descriptor is an epoll descriptor; its state (knotes,
 * active queue, timers) is in a table indexed by that number. Descriptors
 * are registered edge-triggered: an epoll event only activates knotes, and
 * a scan evaluates each active knote as FreeBSD's kqueue_scan calls
 * f_event — EV_CLEAR knotes then leave the queue until the next edge,
 * level-triggered ones stay queued and are evaluated again next time.
 * Timers, EVFILT_USER and descriptors epoll refuses (regular files) need
 * no kernel object; an eventfd in the epoll set wakes a waiting thread
 * when another thread changes something it must see.
 *
 * kevent follows kern_kevent: changes are applied in order; an error (or
 * any change with EV_RECEIPT) becomes an EV_ERROR event while there is
 * room, else the call fails; if any were reported nothing is scanned.
 * A kqueue is not inherited across fork (the child closes it, as FreeBSD's
 * fork does not copy it) and is close-on-exec only when asked for
 * (kqueuex(KQUEUE_CLOEXEC), FD_CLOEXEC). A kqueue closed without xeno
 * seeing it (the rewritten fast path closes directly) is noticed when
 * epoll refuses the number or when the number becomes a kqueue again. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "event.h"
#include "rawsys.h"

#define FBSD_KQUEUE_CLOEXEC 1
#define FBSD_EV_KEEPUDATA 0x0200
#define FBSD_EV_SYSFLAGS 0xf000
#define KQ_MAX_EVENTS (1 << 20)
#define HARVEST 64

/* ------------------------------------------------------------ table */

static pthread_mutex_t tab_lock = PTHREAD_MUTEX_INITIALIZER;
static struct kq **tab;
static int tabn;
static int nkq; /* live kqueues: fbsd_kqueue_forget's fast exit */

static void kn_free_all(struct kq *kq);

static void kq_put(struct kq *kq)
{
    if (__atomic_sub_fetch(&kq->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    pthread_mutex_lock(&kq->lock);
    kq->dead = 1;
    kn_free_all(kq);
    pthread_mutex_unlock(&kq->lock);
    hsys1(SYS_close, kq->wakefd);
    free(kq->hash);
    pthread_mutex_destroy(&kq->lock);
    free(kq);
}

static struct kq *kq_get(int fd)
{
    struct kq *kq = NULL;
    pthread_mutex_lock(&tab_lock);
    if (fd >= 0 && fd < tabn && (kq = tab[fd]))
        __atomic_add_fetch(&kq->refs, 1, __ATOMIC_ACQ_REL);
    pthread_mutex_unlock(&tab_lock);
    return kq;
}

/* Remove FD's entry (if it is still KQ, or any when KQ is NULL). */
static void kq_unlist(int fd, struct kq *kq)
{
    struct kq *old = NULL;
    pthread_mutex_lock(&tab_lock);
    if (fd >= 0 && fd < tabn && tab[fd] && (!kq || tab[fd] == kq)) {
        old = tab[fd];
        tab[fd] = NULL;
        nkq--;
    }
    pthread_mutex_unlock(&tab_lock);
    if (old) {
        __atomic_store_n(&old->dead, 1, __ATOMIC_RELEASE);
        kq_put(old);
    }
}

static int kq_list(struct kq *kq)
{
    int fd = kq->fd;
    kq_unlist(fd, NULL); /* a kqueue closed behind our back had this number */
    pthread_mutex_lock(&tab_lock);
    if (fd >= tabn) {
        int n = tabn ? tabn : 64;
        while (n <= fd)
            n *= 2;
        struct kq **t = realloc(tab, (size_t)n * sizeof *t);
        if (!t) {
            pthread_mutex_unlock(&tab_lock);
            return -ENOMEM;
        }
        memset(t + tabn, 0, (size_t)(n - tabn) * sizeof *t);
        tab = t, tabn = n;
    }
    tab[fd] = kq;
    nkq++;
    pthread_mutex_unlock(&tab_lock);
    return 0;
}

void fbsd_kqueue_forget(int fd)
{
    if (__atomic_load_n(&nkq, __ATOMIC_RELAXED))
        kq_unlist(fd, NULL);
}

/* FreeBSD's fork does not copy kqueues: the child closes its copies. */
static void after_fork_child(void)
{
    for (int fd = 0; fd < tabn; fd++) {
        struct kq *kq = tab[fd];
        if (!kq)
            continue;
        xsys1(SYS_close, kq->fd);
        xsys1(SYS_close, kq->wakefd);
        for (size_t b = 0; b < kq->nbuckets; b++)
            for (struct knote *kn = kq->hash[b]; kn; kn = kn->hnext)
                if (kn->pidfd > 0)
                    xsys1(SYS_close, kn->pidfd);
        tab[fd] = NULL; /* the memory is left alone: locks may be held */
    }
    nkq = 0;
    pthread_mutex_init(&tab_lock, NULL);
}

static void register_atfork(void)
{
    pthread_atfork(NULL, NULL, after_fork_child);
}

/* ------------------------------------------------------------ knotes */

int64_t kq_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

static size_t bucket(const struct kq *kq, uint64_t ident, int16_t filter)
{
    uint64_t h = (ident * 0x9e3779b97f4a7c15ull) ^ (uint64_t)(uint16_t)filter;
    return (size_t)(h >> 20) & (kq->nbuckets - 1);
}

struct knote *kq_find(struct kq *kq, uint64_t ident, int16_t filter)
{
    struct knote *kn = kq->hash[bucket(kq, ident, filter)];
    while (kn && (kn->kev.ident != ident || kn->kev.filter != filter))
        kn = kn->hnext;
    return kn;
}

static void rehash(struct kq *kq)
{
    size_t old = kq->nbuckets, n = old * 2;
    struct knote **h = calloc(n, sizeof *h), **oh = kq->hash;
    if (!h)
        return; /* longer chains, still correct */
    kq->hash = h, kq->nbuckets = n;
    for (size_t b = 0; b < old; b++)
        for (struct knote *kn = oh[b], *next; kn; kn = next) {
            next = kn->hnext;
            size_t i = bucket(kq, kn->kev.ident, kn->kev.filter);
            kn->hnext = h[i], h[i] = kn;
        }
    free(oh);
}

static void kn_link(struct kq *kq, struct knote *kn)
{
    if (kq->count >= kq->nbuckets)
        rehash(kq);
    size_t i = bucket(kq, kn->kev.ident, kn->kev.filter);
    kn->hnext = kq->hash[i], kq->hash[i] = kn;
    kq->count++;
}

static void kn_unlink(struct kq *kq, struct knote *kn)
{
    struct knote **p = &kq->hash[bucket(kq, kn->kev.ident, kn->kev.filter)];
    while (*p && *p != kn)
        p = &(*p)->hnext;
    if (*p) {
        *p = kn->hnext;
        kq->count--;
    }
}

void kq_activate(struct kq *kq, struct knote *kn)
{
    if (kn->queued)
        return;
    TAILQ_INSERT_TAIL(&kq->active, kn, aq);
    kn->queued = 1;
    kq->nactive++;
    if (kq->waiters)
        kq->need_wake = 1;
}

void kq_deactivate(struct kq *kq, struct knote *kn)
{
    if (!kn->queued)
        return;
    TAILQ_REMOVE(&kq->active, kn, aq);
    kn->queued = 0;
    kq->nactive--;
}

static void kn_drop(struct kq *kq, struct knote *kn)
{
    kq_deactivate(kq, kn);
    kn_unlink(kq, kn);
    if (kn->fop->detach)
        kn->fop->detach(kq, kn);
    free(kn);
}

static void kn_free_all(struct kq *kq)
{
    for (size_t b = 0; b < kq->nbuckets; b++)
        while (kq->hash[b])
            kn_drop(kq, kq->hash[b]);
}

/* ------------------------------------------------------------ kqueue */

static long kq_create(unsigned flags)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    if (flags & ~FBSD_KQUEUE_CLOEXEC)
        return -EINVAL;
    pthread_once(&once, register_atfork);
    struct kq *kq = calloc(1, sizeof *kq);
    struct knote **hash = calloc(64, sizeof *hash);
    long ep = hsys1(SYS_epoll_create1, flags & FBSD_KQUEUE_CLOEXEC ? EPOLL_CLOEXEC : 0);
    long wfd = ep < 0 ? -1 : hsys2(SYS_eventfd2, 0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct epoll_event ev = { EPOLLIN, { .u64 = KQ_DATA(KQ_TAG_WAKE, 0) } };
    long r = !kq || !hash ? -ENOMEM : ep < 0 ? ep : wfd < 0 ? wfd : 0;
    if (r == 0) {
        wfd = fbsd_hide_fd((int)wfd);
        r = hsys4(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, wfd, (long)&ev);
    }
    if (r == 0) {
        pthread_mutex_init(&kq->lock, NULL);
        kq->fd = (int)ep, kq->wakefd = (int)wfd, kq->refs = 1;
        kq->hash = hash, kq->nbuckets = 64;
        TAILQ_INIT(&kq->active);
        TAILQ_INIT(&kq->timers);
        if ((r = kq_list(kq)) == 0)
            return ep;
    }
    if (wfd >= 0)
        hsys1(SYS_close, wfd);
    if (ep >= 0)
        hsys1(SYS_close, ep);
    free(hash), free(kq);
    return r;
}

long fbsd_sys_kqueue(struct fcall *c) { (void)c; return kq_create(0); }
long fbsd_sys_kqueuex(struct fcall *c) { return kq_create((unsigned)c->a[0]); }

/* ------------------------------------------------------------ changes */

static enum kq_kind kind_of(mode_t mode)
{
    if (S_ISSOCK(mode))
        return KQ_SOCKET;
    if (S_ISFIFO(mode))
        return KQ_PIPE;
    return S_ISREG(mode) || S_ISDIR(mode) ? KQ_VNODE : KQ_OTHER;
}

static struct knote *kn_new(const struct fbsd_kevent *kev,
                            const struct kfilt *fop, const struct stat *st)
{
    struct knote *kn = calloc(1, sizeof *kn);
    if (!kn)
        return NULL;
    kn->fop = fop;
    kn->kev = *kev;
    kn->kev.flags &= (uint16_t)~(FBSD_EV_ADD | FBSD_EV_DELETE | FBSD_EV_ENABLE | FBSD_EV_DISABLE |
                                 FBSD_EV_FORCEONESHOT | FBSD_EV_KEEPUDATA);
    kn->kev.fflags = 0, kn->kev.data = 0;
    kn->sfflags = kev->fflags, kn->sdata = kev->data;
    kn->disabled = (kev->flags & FBSD_EV_DISABLE) != 0;
    kn->pidfd = -1;
    if (st)
        kn->dev = st->st_dev, kn->ino = st->st_ino, kn->kind = kind_of(st->st_mode);
    return kn;
}

static int kn_add(struct kq *kq, const struct fbsd_kevent *kev, const struct kfilt *fop,
                  const struct stat *st)
{
    struct knote *kn = kn_new(kev, fop, st);
    if (!kn)
        return -ENOMEM;
    kn_link(kq, kn);
    int r = fop->attach ? fop->attach(kq, kn) : 0;
    if (r < 0) {
        kn_unlink(kq, kn);
        free(kn);
        return r;
    }
    if (!kn->disabled)
        kq_activate(kq, kn);
    if (kq->waiters)
        kq->need_wake = 1; /* a new timer changes how long a waiter sleeps */
    return 0;
}

static int kn_modify(struct kq *kq, struct knote *kn, const struct fbsd_kevent *kev)
{
    if (kev->flags & FBSD_EV_FORCEONESHOT)
        kn->kev.flags |= FBSD_EV_ONESHOT;
    if (kev->flags & FBSD_EV_ENABLE)
        kn->disabled = 0;
    else if (kev->flags & FBSD_EV_DISABLE)
        kn->disabled = 1;
    if (!(kev->flags & FBSD_EV_KEEPUDATA))
        kn->kev.udata = kev->udata;
    int r = 0;
    if (kn->fop->touch) {
        r = kn->fop->touch(kq, kn, kev);
    } else {
        kn->sfflags = kev->fflags;
        kn->sdata = kev->data;
    }
    if (!kn->disabled)
        kq_activate(kq, kn); /* FreeBSD evaluates the filter again */
    return r;
}

/* An fd filter's descriptor: open (EBADF), not the kqueue itself (EINVAL). */
static int fd_check(struct kq *kq, uint64_t ident, struct stat *st)
{
    if (ident > INT_MAX || hsys2(SYS_fstat, (long)ident, (long)st) < 0)
        return -EBADF;
    return (int)ident == kq->fd ? -EINVAL : 0;
}

/* FD was closed and its number reused since these knotes were added (FreeBSD
 * drops a descriptor's knotes when it is closed): forget them. */
static void drop_stale(struct kq *kq, uint64_t fd, const struct stat *st)
{
    static const int16_t filters[] = { FBSD_EVFILT_READ, FBSD_EVFILT_WRITE };
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        struct knote *kn = kq_find(kq, fd, filters[i]);
        if (kn && (kn->dev != st->st_dev || kn->ino != st->st_ino))
            kn_drop(kq, kn);
    }
}

/* kqueue_register: one change. 0 or -errno. */
static int kq_register(struct kq *kq, const struct fbsd_kevent *kev)
{
    int err = 0;
    struct stat st;
    if ((kev->flags & (FBSD_EV_ENABLE | FBSD_EV_DISABLE)) == (FBSD_EV_ENABLE | FBSD_EV_DISABLE))
        return -EINVAL;
    const struct kfilt *fop = kfilt_find(kev->filter, &err);
    if (!fop)
        return err;
    if (fop->isfd && (err = fd_check(kq, kev->ident, &st)) < 0)
        return err;
    if (fop->isfd)
        drop_stale(kq, kev->ident, &st);
    struct knote *kn = kq_find(kq, kev->ident, kev->filter);
    if (!kn)
        return kev->flags & FBSD_EV_ADD ? kn_add(kq, kev, fop, fop->isfd ? &st : NULL) : -ENOENT;
    if (kev->flags & FBSD_EV_DELETE) {
        kn_drop(kq, kn);
        return 0;
    }
    return kn_modify(kq, kn, kev);
}

/* ------------------------------------------------------------ scanning */

/* epoll events only activate knotes; the scan decides what to report. */
static void kq_take(struct kq *kq, const struct epoll_event *ev, int n)
{
    const uint32_t rd = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR | EPOLLPRI;
    const uint32_t wr = EPOLLOUT | EPOLLHUP | EPOLLERR;
    for (int i = 0; i < n; i++) {
        uint64_t tag = ev[i].data.u64 >> KQ_TAG_SHIFT;
        uint64_t num = ev[i].data.u64 & ((1ull << KQ_TAG_SHIFT) - 1);
        struct knote *r = NULL, *w = NULL;
        if (tag == KQ_TAG_WAKE) {
            uint64_t v;
            hsys3(SYS_read, kq->wakefd, (long)&v, sizeof v);
        } else if (tag == KQ_TAG_FD) {
            r = ev[i].events & rd ? kq_find(kq, num, FBSD_EVFILT_READ) : NULL;
            w = ev[i].events & wr ? kq_find(kq, num, FBSD_EVFILT_WRITE) : NULL;
        } else if (tag == KQ_TAG_PROC) {
            r = kq_find(kq, num, FBSD_EVFILT_PROC);
        }
        if (r && !r->disabled)
            kq_activate(kq, r);
        if (w && !w->disabled)
            kq_activate(kq, w);
    }
}

/* Collects what epoll has without waiting; -EBADF when the number is no
 * longer an epoll descriptor (the kqueue was closed behind our back). */
static long kq_harvest(struct kq *kq)
{
    struct epoll_event ev[HARVEST];
    long r;
    do {
        r = hsys4(SYS_epoll_wait, kq->fd, (long)ev, HARVEST, 0);
        if (r == -EBADF || r == -EINVAL) {
            kq->dead = 1;
            return -EBADF;
        }
        if (r > 0)
            kq_take(kq, ev, (int)r);
    } while (r == HARVEST);
    return 0;
}

static void kq_report(struct kq *kq, struct knote *kn, struct fbsd_kevent *out)
{
    if (kn->fop->process) {
        kn->fop->process(kn, out);
    } else {
        *out = kn->kev;
        if (kn->kev.flags & FBSD_EV_CLEAR)
            kn->kev.data = 0, kn->kev.fflags = 0;
    }
    if (kn->kev.flags & FBSD_EV_DISPATCH)
        kn->disabled = 1;
    else if (!(kn->kev.flags & FBSD_EV_CLEAR))
        kq_activate(kq, kn); /* level-triggered: evaluated again next time */
}

/* One pass over the active queue, as kqueue_scan with its marker. */
static int kq_scan(struct kq *kq, struct fbsd_kevent *out, int max)
{
    int n = 0;
    for (size_t todo = kq->nactive; n < max && todo > 0; todo--) {
        struct knote *kn = TAILQ_FIRST(&kq->active);
        kq_deactivate(kq, kn);
        if (kn->disabled)
            continue;
        int ready = kn->fop->event(kq, kn);
        if (ready < 0) {
            kn_drop(kq, kn);
        } else if (!ready) {
            if (kn->nopoll) /* nothing will tell us: look again next time */
                kq_activate(kq, kn);
        } else if (kn->kev.flags & FBSD_EV_ONESHOT) {
            out[n++] = kn->kev;
            kn_drop(kq, kn);
        } else {
            kq_report(kq, kn, &out[n++]);
        }
    }
    return n;
}

static void kq_flush_wake(struct kq *kq)
{
    if (kq->need_wake) {
        uint64_t one = 1;
        kq->need_wake = 0;
        hsys3(SYS_write, kq->wakefd, (long)&one, sizeof one);
    }
}

/* Sleeps in epoll (unlocked) for at most NS nanoseconds (< 0: no limit). */
static long kq_sleep(struct fcall *c, struct kq *kq, int64_t ns)
{
    struct epoll_event ev[HARVEST];
    struct timespec ts = { ns / 1000000000, ns % 1000000000 };
    uint64_t lmask;
    kq->waiters++;
    pthread_mutex_unlock(&kq->lock);
    long r = fbsd_wait_begin(c, NULL, &lmask);
    if (r == 0)
        r = hsys6(SYS_epoll_pwait2, kq->fd, (long)ev, HARVEST, ns < 0 ? 0 : (long)&ts,
                  (long)&lmask, 8);
    fbsd_wait_end(c);
    pthread_mutex_lock(&kq->lock);
    kq->waiters--;
    if (r == -EBADF || r == -EINVAL)
        return kq->dead = 1, -EBADF;
    if (r > 0)
        kq_take(kq, ev, (int)r);
    return r < 0 ? r : 0;
}

/* Scan, and wait while nothing is ready and time is left. TS NULL: no
 * limit; zero: just look. A timeout beyond INT32_MAX seconds is no limit,
 * as in kqueue_scan. */
static long kq_collect(struct fcall *c, struct kq *kq, struct fbsd_kevent *out, int max,
                       const struct timespec *ts)
{
    int look = ts && !ts->tv_sec && !ts->tv_nsec, forever = !ts || ts->tv_sec > INT32_MAX;
    int64_t now = kq_now_ns(), deadline = forever ? 0 : now + ts->tv_sec * 1000000000ll + ts->tv_nsec;
    long n;
    pthread_mutex_lock(&kq->lock);
    for (;;) {
        if ((n = kq_harvest(kq)) < 0)
            break;
        now = kq_now_ns();
        int64_t next = kfilt_timers_run(kq, now);
        if ((n = kq_scan(kq, out, max)) > 0 || look || (!forever && now >= deadline))
            break;
        int64_t until = forever ? next : next && next < deadline ? next : deadline;
        if ((n = kq_sleep(c, kq, until ? (until > now ? until - now : 0) : -1)) < 0)
            break;
    }
    pthread_mutex_unlock(&kq->lock);
    return n;
}

/* ------------------------------------------------------------ kevent */

/* The two struct kevent layouts a guest may use. */
struct kev_abi {
    size_t size;
    void (*in)(const void *raw, struct fbsd_kevent *k);
    void (*out)(const struct fbsd_kevent *k, void *raw);
};

struct fbsd_kevent11 {
    uint64_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t data;
    uint64_t udata;
};
_Static_assert(sizeof(struct fbsd_kevent11) == 32, "struct kevent_freebsd11");

static void in64(const void *raw, struct fbsd_kevent *k) { memcpy(k, raw, sizeof *k); }
static void out64(const struct fbsd_kevent *k, void *raw) { memcpy(raw, k, sizeof *k); }

static void in32(const void *raw, struct fbsd_kevent *k)
{
    const struct fbsd_kevent11 *o = raw;
    memset(k, 0, sizeof *k);
    k->ident = o->ident, k->filter = o->filter, k->flags = o->flags;
    k->fflags = o->fflags, k->data = o->data, k->udata = o->udata;
}

static void out32(const struct fbsd_kevent *k, void *raw)
{
    struct fbsd_kevent11 o = { k->ident, k->filter, k->flags, k->fflags, k->data, k->udata };
    memcpy(raw, &o, sizeof o);
}

static const struct kev_abi abi64 = { sizeof(struct fbsd_kevent), in64, out64 };
static const struct kev_abi abi32 = { sizeof(struct fbsd_kevent11), in32, out32 };

/* The changelist: returns 0 and the number of EV_ERROR events written, or
 * -errno when a change fails with no room left to report it. */
static long kq_changes(struct fcall *c, struct kq *kq, const struct kev_abi *abi, int *nevents,
                       int *nerrors)
{
    unsigned char raw[sizeof(struct fbsd_kevent)];
    struct fbsd_kevent kev;
    long r = 0;
    pthread_mutex_lock(&kq->lock);
    if ((int)c->a[2] > 0)
        r = kq_harvest(kq); /* also: is the number still an epoll descriptor? */
    for (int i = 0; r == 0 && i < (int)c->a[2]; i++) {
        if (fbsd_copyin(raw, c->a[1] + (uint64_t)i * abi->size, abi->size) < 0) {
            r = -EFAULT;
            break;
        }
        abi->in(raw, &kev);
        if (!kev.filter)
            continue;
        kev.flags &= (uint16_t)~FBSD_EV_SYSFLAGS;
        int e = kq_register(kq, &kev);
        if (!e && !(kev.flags & FBSD_EV_RECEIPT))
            continue;
        if (*nevents == 0) {
            r = e;
            break;
        }
        kev.flags = FBSD_EV_ERROR;
        kev.data = e ? fbsd_errno_of(-e) : 0;
        abi->out(&kev, raw);
        fbsd_copyout(c->a[3] + (uint64_t)*nerrors * abi->size, raw, abi->size);
        (*nevents)--, (*nerrors)++;
    }
    kq_flush_wake(kq);
    pthread_mutex_unlock(&kq->lock);
    return r;
}

static long kq_events_out(struct fcall *c, const struct kev_abi *abi, const struct fbsd_kevent *ev, long n)
{
    unsigned char raw[sizeof(struct fbsd_kevent)];
    for (long i = 0; i < n; i++) {
        abi->out(&ev[i], raw);
        if (fbsd_copyout(c->a[3] + (uint64_t)i * abi->size, raw, abi->size) < 0)
            return -EFAULT;
    }
    return n;
}

static long kq_wait(struct fcall *c, struct kq *kq, const struct kev_abi *abi, int nevents,
                    const struct timespec *ts)
{
    struct fbsd_kevent stackbuf[HARVEST], *ev = stackbuf;
    int max = nevents < KQ_MAX_EVENTS ? nevents : KQ_MAX_EVENTS;
    if (max > HARVEST && !(ev = malloc((size_t)max * sizeof *ev)))
        return -ENOMEM;
    long n = kq_collect(c, kq, ev, max, ts);
    if (n > 0)
        n = kq_events_out(c, abi, ev, n);
    if (ev != stackbuf)
        free(ev);
    return n;
}

static long kevent_common(struct fcall *c, const struct kev_abi *abi)
{
    struct fbsd_timespec fts;
    int nevents = (int)c->a[4], nerrors = 0;
    if (c->a[5] && fbsd_copyin(&fts, c->a[5], sizeof fts) < 0)
        return -EFAULT;
    struct kq *kq = kq_get((int)c->a[0]);
    if (!kq)
        return -EBADF;
    long r = nevents < 0 ? -EINVAL : kq_changes(c, kq, abi, &nevents, &nerrors);
    if (r == 0 && nerrors) {
        r = nerrors;
    } else if (r == 0 && nevents > 0) {
        struct timespec ts = { fts.tv_sec, fts.tv_nsec };
        if (c->a[5] && (fts.tv_sec < 0 || fts.tv_nsec < 0 || fts.tv_nsec >= 1000000000))
            r = -EINVAL;
        else
            r = kq_wait(c, kq, abi, nevents, c->a[5] ? &ts : NULL);
    }
    if (kq->dead)
        kq_unlist((int)c->a[0], kq);
    kq_put(kq);
    return r;
}

long fbsd_sys_kevent(struct fcall *c) { return kevent_common(c, &abi64); }
long fbsd_sys_freebsd11_kevent(struct fcall *c) { return kevent_common(c, &abi32); }
