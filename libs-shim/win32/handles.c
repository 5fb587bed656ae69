/* handles.c — the handle table: small integers (multiples of 4, as on
 * Windows) naming reference-counted objects, with the per-handle flags
 * (inherit, protect from close); the pseudo handles of the current
 * process and thread; and the lock every wait holds, with the list of
 * sleeping waiters that state changes wake. */
#include <errno.h>
#include <stdlib.h>

#include "handles.h"

#define MAX_HANDLES 65536
#define ERROR_INVALID_HANDLE 6

static struct w32_object *table[MAX_HANDLES];
static uint8_t hflags[MAX_HANDLES];
static size_t hint = 1;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t w32_wait_lock = PTHREAD_MUTEX_INITIALIZER;

/* A thread sleeping in a wait: on its own condition variable, listed with
 * the objects it waits for (none: it wants every wake-up). A state change
 * of one object wakes only the threads that wait for it, not all. */
struct sleeper {
    pthread_cond_t cond;
    int ready;
    struct w32_object *const *objs;
    DWORD n;
    struct sleeper *next, **prevp;
};
static struct sleeper *sleepers; /* under w32_wait_lock */
static __thread struct sleeper me;

static void wake(struct sleeper *s)
{
    pthread_cond_signal(&s->cond);
}

void w32_wait_broadcast(void)
{
    for (struct sleeper *s = sleepers; s; s = s->next)
        wake(s);
}

static int wants(const struct sleeper *s, const struct w32_object *o)
{
    if (!s->n)
        return 1;
    for (DWORD i = 0; i < s->n; i++)
        if (s->objs[i] == o)
            return 1;
    return 0;
}

void w32_wait_notify(struct w32_object *o)
{
    for (struct sleeper *s = sleepers; s; s = s->next)
        if (wants(s, o))
            wake(s);
}

int w32_wait_objs(struct w32_object *const *objs, DWORD n, const struct timespec *deadline)
{
    if (!me.ready) {
        pthread_condattr_t a;
        pthread_condattr_init(&a);
        pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
        pthread_cond_init(&me.cond, &a);
        pthread_condattr_destroy(&a);
        me.ready = 1;
    }
    me.objs = objs, me.n = n;
    me.next = sleepers, me.prevp = &sleepers;
    if (sleepers)
        sleepers->prevp = &me.next;
    sleepers = &me;
    int rc = deadline ? pthread_cond_timedwait(&me.cond, &w32_wait_lock, deadline)
                      : pthread_cond_wait(&me.cond, &w32_wait_lock);
    *me.prevp = me.next;
    if (me.next)
        me.next->prevp = me.prevp;
    return rc;
}

int w32_wait_until(const struct timespec *deadline)
{
    return w32_wait_objs(NULL, 0, deadline);
}

const struct timespec *w32_deadline(DWORD ms, struct timespec *buf)
{
    if (ms == 0xffffffffu)
        return NULL;
    clock_gettime(CLOCK_MONOTONIC, buf);
    buf->tv_sec += ms / 1000;
    buf->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (buf->tv_nsec >= 1000000000L)
        buf->tv_sec++, buf->tv_nsec -= 1000000000L;
    return buf;
}

static __thread int crit_depth, crit_pending;
void (*w32_crit_redeliver)(void);

void w32_crit_enter(void)
{
    __atomic_add_fetch(&crit_depth, 1, __ATOMIC_SEQ_CST);
}

void w32_crit_leave(void)
{
    if (__atomic_sub_fetch(&crit_depth, 1, __ATOMIC_SEQ_CST) == 0 && crit_pending) {
        crit_pending = 0;
        if (w32_crit_redeliver)
            w32_crit_redeliver();
    }
}

int w32_crit_defer(void)
{
    if (!__atomic_load_n(&crit_depth, __ATOMIC_SEQ_CST))
        return 0;
    crit_pending = 1;
    return 1;
}

static void table_enter(void)
{
    w32_crit_enter();
    pthread_mutex_lock(&table_lock);
}

static void table_leave(void)
{
    pthread_mutex_unlock(&table_lock);
    w32_crit_leave();
}

void w32_obj_ref(struct w32_object *o)
{
    __atomic_add_fetch(&o->refs, 1, __ATOMIC_RELAXED);
}

static HANDLE put_at(size_t i, struct w32_object *o)
{
    table[i] = o;
    hflags[i] = 0;
    w32_obj_ref(o);
    return (HANDLE)(uintptr_t)(i * 4);
}

HANDLE w32_handle_new(struct w32_object *o)
{
    table_enter();
    for (size_t n = 1; n < MAX_HANDLES; n++) {
        size_t i = (hint + n - 1) % (MAX_HANDLES - 1) + 1;
        if (!table[i]) {
            hint = i + 1;
            HANDLE h = put_at(i, o);
            table_leave();
            return h;
        }
    }
    table_leave();
    return NULL;
}

static size_t slot_of(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (v & 3 || v / 4 >= MAX_HANDLES)
        return 0;
    return v / 4;
}

HANDLE w32_handle_new_at(HANDLE value, struct w32_object *o)
{
    size_t i = slot_of(value);
    HANDLE h = NULL;
    table_enter();
    if (i && !table[i])
        h = put_at(i, o);
    table_leave();
    return h;
}

struct w32_object *w32_handle_get(HANDLE h, enum w32_htype type)
{
    struct w32_object *o = NULL;
    if (h == W32_CURRENT_THREAD || h == W32_CURRENT_PROCESS) {
        o = h == W32_CURRENT_THREAD ? w32_thread_self_object() : w32_process_self_object();
        if (o && (type == 0 || o->type == type))
            w32_obj_ref(o);
        else
            o = NULL;
    } else {
        size_t i = slot_of(h);
        table_enter();
        o = i ? table[i] : NULL;
        if (o && (type == 0 || o->type == type))
            w32_obj_ref(o);
        else
            o = NULL;
        table_leave();
    }
    if (!o)
        w32_set_last_error(ERROR_INVALID_HANDLE);
    return o;
}

void w32_obj_put(struct w32_object *o)
{
    if (o && __atomic_sub_fetch(&o->refs, 1, __ATOMIC_ACQ_REL) == 0) {
        if (o->destroy)
            o->destroy(o);
        else
            free(o);
    }
}

BOOL w32_handle_close(HANDLE h)
{
    if (h == W32_CURRENT_THREAD || h == W32_CURRENT_PROCESS)
        return TRUE; /* closing a pseudo handle does nothing */
    size_t i = slot_of(h);
    table_enter();
    struct w32_object *o = i ? table[i] : NULL;
    if (o && (hflags[i] & W32_HANDLE_FLAG_PROTECT_FROM_CLOSE))
        o = NULL;
    else if (o)
        table[i] = NULL, hflags[i] = 0;
    table_leave();
    if (!o) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    w32_obj_put(o);
    return TRUE;
}

HANDLE w32_handle_dup(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, 0);
    if (!o)
        return NULL;
    HANDLE n = w32_handle_new(o);
    w32_obj_put(o);
    return n;
}

int w32_handle_flags(HANDLE h)
{
    size_t i = slot_of(h);
    table_enter();
    int f = i && table[i] ? hflags[i] : -1;
    table_leave();
    return f;
}

int w32_handle_set_flags(HANDLE h, DWORD mask, DWORD flags)
{
    size_t i = slot_of(h);
    int ok = 0;
    table_enter();
    if (i && table[i]) {
        hflags[i] = (uint8_t)((hflags[i] & ~mask) | (flags & mask & 3));
        ok = 1;
    }
    table_leave();
    return ok;
}

void w32_handle_foreach(void (*fn)(HANDLE h, struct w32_object *o, int flags, void *ctx), void *ctx)
{
    table_enter();
    for (size_t i = 1; i < MAX_HANDLES; i++)
        if (table[i])
            fn((HANDLE)(uintptr_t)(i * 4), table[i], hflags[i], ctx);
    table_leave();
}
