/* handles.c — the handle table: small integers (multiples of 4, as on
 * Windows) naming reference-counted objects, with the per-handle flags
 * (inherit, protect from close); the pseudo handles of the current
 * process and thread; and the one lock/condition variable every wait
 * sleeps on. */
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
static pthread_cond_t wait_cond;
static pthread_once_t cond_once = PTHREAD_ONCE_INIT;

static void cond_init(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&wait_cond, &a);
    pthread_condattr_destroy(&a);
}

pthread_cond_t *w32_wait_cond(void)
{
    pthread_once(&cond_once, cond_init);
    return &wait_cond;
}

void w32_wait_broadcast(void)
{
    pthread_cond_broadcast(w32_wait_cond());
}

int w32_wait_until(const struct timespec *deadline)
{
    pthread_cond_t *c = w32_wait_cond();
    if (!deadline)
        return pthread_cond_wait(c, &w32_wait_lock);
    return pthread_cond_timedwait(c, &w32_wait_lock, deadline);
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
