/* async.c — the engine behind overlapped socket I/O. Every socket has a
 * slot in a table and two queues of pending operations (receives and
 * accepts; sends and connects). An operation is tried at once when it
 * is started; if it would block it waits in its queue, and the socket's
 * descriptor is registered with one epoll instance for exactly the
 * directions that have waiting operations (level-triggered, so nothing
 * is missed and nothing spins). One host thread waits in epoll_wait,
 * retries the heads of the ready queues under the engine lock, and
 * delivers what finished — events, completion packets, APCs — after
 * dropping it. Cancelling (CancelIo(Ex), closesocket, the last handle
 * going) ends waiting operations with WSA_OPERATION_ABORTED. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ws.h"
#include "../teb.h"

#define SLOTS 65536
#define ARCH_SET_GS 0x1001

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct ws_socket *table[SLOTS];
static uint32_t gens[SLOTS];
static unsigned hint = 1;
static int epfd = -1;
static int moved_ops; /* AcceptEx operations waiting on their accepting socket */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* A thread is not parked by SuspendThread while it holds the engine lock
 * (that would stall every socket's completions): the request waits for
 * engine_unlock, as for kernel32's own locks. */
static void engine_lock(void)
{
    w32_crit_enter();
    pthread_mutex_lock(&lock);
}

static void engine_unlock(void)
{
    pthread_mutex_unlock(&lock);
    w32_crit_leave();
}

int ws_engine_add(struct ws_socket *s)
{
    engine_lock();
    for (unsigned n = 1; n < SLOTS; n++) {
        unsigned i = (hint + n - 1) % (SLOTS - 1) + 1;
        if (!table[i]) {
            table[i] = s;
            s->slot = i;
            hint = i + 1;
            engine_unlock();
            return 0;
        }
    }
    engine_unlock();
    return -1;
}

static struct ws_op **queue_of(struct ws_op *op)
{
    int rd = op->kind == WS_OP_RECV || op->kind == WS_OP_ACCEPT;
    return rd ? &op->sock->rq : &op->sock->wq;
}

/* Watch S for the directions its queues wait for (lock held). */
static void rearm(struct ws_socket *s)
{
    uint32_t want = (s->rq ? ws_op_events(s->rq) : 0) | (s->wq ? ws_op_events(s->wq) : 0);
    if (want == s->armed || epfd < 0)
        return;
    struct epoll_event ev = { .events = want, .data.u64 = (uint64_t)gens[s->slot] << 32 | s->slot };
    if (!want)
        epoll_ctl(epfd, EPOLL_CTL_DEL, s->f.fd, NULL);
    else if (epoll_ctl(epfd, s->armed ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, s->f.fd, &ev) < 0)
        epoll_ctl(epfd, s->armed ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, s->f.fd, &ev);
    s->armed = want;
}

void ws_enqueue_locked(struct ws_op *op)
{
    struct ws_op **q = queue_of(op);
    while (*q)
        q = &(*q)->next;
    op->next = NULL;
    *q = op;
    if (op->sock != op->owner)
        moved_ops++;
    rearm(op->sock);
}

/* Unlink *PP (lock held) and append it to the list at **TAIL. */
static void take(struct ws_op **pp, struct ws_op ***tail)
{
    struct ws_op *op = *pp;
    *pp = op->next;
    op->next = NULL;
    if (op->sock != op->owner)
        moved_ops--;
    **tail = op;
    *tail = &op->next;
}

/* Move the operations of OWNER in queue Q matching OVL/TID to TAIL. */
static int take_matching(struct ws_op **q, struct ws_socket *owner, OVERLAPPED *ovl, DWORD tid,
                         struct ws_op ***tail)
{
    int n = 0;
    while (*q) {
        struct ws_op *op = *q;
        if (op->owner == owner && (!ovl || op->ovl == ovl) && (!tid || op->tid == tid)) {
            take(q, tail);
            n++;
        } else {
            q = &op->next;
        }
    }
    return n;
}

static int take_all(struct ws_socket *s, OVERLAPPED *ovl, DWORD tid, struct ws_op ***tail)
{
    int n = take_matching(&s->rq, s, ovl, tid, tail) + take_matching(&s->wq, s, ovl, tid, tail);
    rearm(s);
    for (unsigned i = 1; moved_ops && i < SLOTS; i++)
        if (table[i] && table[i] != s && take_matching(&table[i]->rq, s, ovl, tid, tail))
            rearm(table[i]), n++;
    return n;
}

static void finish_all(struct ws_op *list, int err)
{
    while (list) {
        struct ws_op *next = list->next;
        if (err)
            list->result = err, list->moved = 0;
        ws_deliver(list, 0);
        list = next;
    }
}

void ws_engine_remove(struct ws_socket *s)
{
    struct ws_op *done = NULL, **tail = &done;
    engine_lock();
    table[s->slot] = NULL;
    gens[s->slot]++;
    take_all(s, NULL, 0, &tail);
    if (s->armed && epfd >= 0)
        epoll_ctl(epfd, EPOLL_CTL_DEL, s->f.fd, NULL);
    s->armed = 0;
    engine_unlock();
    finish_all(done, WSA_OPERATION_ABORTED);
}

int ws_cancel(struct ws_socket *s, OVERLAPPED *ovl, int any_thread)
{
    struct ws_op *done = NULL, **tail = &done;
    DWORD tid = any_thread ? 0 : (DWORD)(uintptr_t)w32_teb()->UniqueThread;
    engine_lock();
    int n = take_all(s, ovl, tid, &tail);
    engine_unlock();
    finish_all(done, WSA_OPERATION_ABORTED);
    return n;
}

/* Retry the operations waiting in Q until one would block (lock held);
 * finished ones go to TAIL. Returns whether anything moved. */
static int run_queue(struct ws_op **q, struct ws_op ***tail)
{
    int moved = 0;
    while (*q) {
        struct ws_op *op = *q, *next = op->next;
        DWORD n = 0;
        int r = ws_attempt(op, &n);
        if (r == WS_AGAIN)
            break;
        moved = 1;
        if (r == WS_MOVED) { /* now in its accepting socket's queue */
            *q = next;
            continue;
        }
        op->result = r, op->moved = n;
        take(q, tail);
    }
    return moved;
}

/* The descriptor reports an error or hang-up, yet the operations at the
 * heads of the queues still would block: end them with the error. */
static void fail_heads(struct ws_socket *s, struct ws_op ***tail)
{
    int e = 0;
    socklen_t len = sizeof e;
    getsockopt(s->f.fd, SOL_SOCKET, SO_ERROR, &e, &len);
    struct ws_op **qs[] = { &s->rq, &s->wq };
    for (int i = 0; i < 2; i++)
        if (*qs[i]) {
            (*qs[i])->result = e ? ws_error_from_errno(e) : WSAECONNRESET;
            take(qs[i], tail);
        }
}

static void progress(struct ws_socket *s, uint32_t events, struct ws_op ***tail)
{
    int moved = run_queue(&s->rq, tail);
    moved |= run_queue(&s->wq, tail);
    if (!moved && (events & (EPOLLERR | EPOLLHUP)))
        fail_heads(s, tail);
    rearm(s);
}

static void *poller(void *peb)
{
    static TEB teb; /* for the kernel32 calls that set LastError */
    teb.Self = &teb;
    teb.ProcessEnvironmentBlock = peb;
    syscall(SYS_arch_prctl, ARCH_SET_GS, &teb);
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    struct epoll_event ev[64];
    for (;;) {
        int n = epoll_wait(epfd, ev, 64, -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            perror("xeno: ws2_32: epoll_wait");
            return NULL;
        }
        struct ws_op *done = NULL, **tail = &done;
        engine_lock();
        for (int i = 0; i < n; i++) {
            uint32_t slot = (uint32_t)ev[i].data.u64, gen = (uint32_t)(ev[i].data.u64 >> 32);
            if (slot < SLOTS && table[slot] && gens[slot] == gen)
                progress(table[slot], ev[i].events, &tail);
        }
        engine_unlock();
        finish_all(done, 0);
    }
}

static void start(void)
{
    epfd = epoll_create1(EPOLL_CLOEXEC);
    pthread_t t;
    if (epfd < 0 || pthread_create(&t, NULL, poller, w32_peb()) != 0) {
        fprintf(stderr, "xeno: ws2_32: cannot start the socket I/O thread\n");
        return;
    }
    pthread_detach(t);
}

int ws_start(struct ws_op *op, DWORD *bytes)
{
    pthread_once(&once, start);
    op->ovl->Internal = STATUS_PENDING;
    op->ovl->InternalHigh = 0;
    DWORD n = 0;
    int r = WS_AGAIN;
    engine_lock();
    if (!*queue_of(op))
        r = ws_attempt(op, &n);
    if (r == WS_AGAIN)
        ws_enqueue_locked(op);
    engine_unlock();
    if (r == WS_AGAIN || r == WS_MOVED)
        return WSA_IO_PENDING;
    *bytes = n;
    op->result = r, op->moved = n;
    if (r) { /* failed at once: no completion is reported */
        op->ovl->Internal = ws_status_from_error(r);
        op->ovl->InternalHigh = n;
        ws_op_free(op);
        return r;
    }
    ws_deliver(op, 1);
    return 0;
}

int ws_wait_fd(struct ws_socket *s, short events, DWORD ms)
{
    struct pollfd p = { s->f.fd, events, 0 };
    int r;
    do
        r = poll(&p, 1, ms ? (int)(ms > 0x7fffffff ? 0x7fffffff : ms) : -1);
    while (r < 0 && errno == EINTR);
    return r == 0 ? WSAETIMEDOUT : 0;
}

int ws_run(struct ws_op *op, DWORD *bytes)
{
    struct ws_socket *s = op->sock;
    int rd = op->kind == WS_OP_RECV || op->kind == WS_OP_ACCEPT;
    DWORD n = 0;
    int r;
    for (;;) {
        r = ws_attempt(op, &n);
        if (r != WS_AGAIN)
            break;
        if (s->nonblocking) {
            r = op->kind == WS_OP_SEND && op->done ? 0 : WSAEWOULDBLOCK;
            n = (DWORD)op->done;
            break;
        }
        if ((r = ws_wait_fd(s, rd ? POLLIN : POLLOUT, rd ? s->rcvtimeo : s->sndtimeo)))
            break;
    }
    *bytes = n;
    ws_op_free(op);
    return r;
}
