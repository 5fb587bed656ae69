/* timer.c — waitable timers: CreateWaitableTimer(Ex)A/W, OpenWaitableTimer,
 * SetWaitableTimer(Ex) (due time in 100 ns units, negative relative or
 * positive absolute; optional period; optional completion routine run
 * as an APC of the thread that set the timer), CancelWaitableTimer.
 * One host thread sleeps until the earliest due time of all timers,
 * signals the timers that are due and wakes every waiter. Manual-reset
 * timers stay signalled until set again; synchronisation timers are
 * taken by the wait that sees them. */
#include <stdlib.h>

#include "../unicode.h"
#include "k32.h"

#define CREATE_WAITABLE_TIMER_MANUAL_RESET 1

typedef void (WINAPI *timer_apc)(PVOID arg, DWORD lo, DWORD hi);

struct wtimer {
    struct w32_object o;
    int manual, armed;
    struct timespec due;       /* monotonic */
    uint64_t due_ft;           /* FILETIME of the due time, for the APC */
    LONG period_ms;
    timer_apc fn;
    PVOID arg;
    struct w32_thread_obj *setter;
    struct wtimer *next;       /* the armed list */
};

static struct wtimer *armed;   /* under w32_wait_lock */
static pthread_cond_t tick = PTHREAD_COND_INITIALIZER;
static int thread_started;

static int before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void add_ms(struct timespec *t, long ms)
{
    t->tv_sec += ms / 1000;
    t->tv_nsec += (ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L)
        t->tv_sec++, t->tv_nsec -= 1000000000L;
}

/* Lock held. */
static void unarm(struct wtimer *t)
{
    for (struct wtimer **pp = &armed; *pp; pp = &(*pp)->next)
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    t->armed = 0;
}

struct timer_call {
    timer_apc fn;
    PVOID arg;
    uint64_t ft;
};

static void WINAPI run_call(ULONG_PTR p)
{
    struct timer_call *c = (struct timer_call *)p;
    c->fn(c->arg, (DWORD)c->ft, (DWORD)(c->ft >> 32));
    free(c);
}

/* Lock held. */
static void fire(struct wtimer *t)
{
    t->o.signalled = 1;
    if (t->fn && t->setter) { /* runs when the setting thread next waits alertably */
        struct timer_call *c = malloc(sizeof *c);
        if (c) {
            c->fn = t->fn, c->arg = t->arg, c->ft = t->due_ft;
            k32_queue_apc_locked(t->setter, run_call, (ULONG_PTR)c);
        }
    }
    if (t->period_ms > 0)
        add_ms(&t->due, t->period_ms), t->due_ft += (uint64_t)t->period_ms * 10000;
    else
        unarm(t);
}

static void *timer_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&w32_wait_lock);
    for (;;) {
        struct timespec now, *next = NULL;
        clock_gettime(CLOCK_MONOTONIC, &now);
        int fired = 0;
        for (struct wtimer *t = armed, *n; t; t = n) {
            n = t->next;
            if (!before(&now, &t->due))
                fire(t), fired = 1;
        }
        for (struct wtimer *t = armed; t; t = t->next)
            if (!next || before(&t->due, next))
                next = &t->due;
        if (fired)
            w32_wait_broadcast();
        struct timespec until = next ? *next : now;
        if (next)
            pthread_cond_timedwait(&tick, &w32_wait_lock, &until);
        else
            pthread_cond_wait(&tick, &w32_wait_lock);
    }
    return NULL;
}

static void start_thread(void)
{
    if (thread_started)
        return;
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&tick, &a);
    pthread_condattr_destroy(&a);
    pthread_t th;
    if (pthread_create(&th, NULL, timer_thread, NULL) == 0) {
        pthread_detach(th);
        thread_started = 1;
    }
}

static int timer_take(struct w32_object *o, DWORD tid)
{
    (void)tid;
    if (!((struct wtimer *)o)->manual)
        o->signalled = 0;
    return 0;
}

static const struct w32_waitops timer_ops = { NULL, timer_take, 0 };

static void timer_destroy(struct w32_object *o)
{
    struct wtimer *t = (struct wtimer *)o;
    k32_name_remove(o);
    pthread_mutex_lock(&w32_wait_lock);
    unarm(t);
    pthread_mutex_unlock(&w32_wait_lock);
    if (t->setter)
        w32_obj_put(&t->setter->o);
    free(t);
}

static HANDLE WINAPI w32_CreateWaitableTimerExW(const SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                                                DWORD access)
{
    (void)access;
    int found;
    if (name && *name) {
        HANDLE h = k32_open_existing(name, W32_H_TIMER, &found);
        if (found)
            return h;
    }
    struct wtimer *t = calloc(1, sizeof *t);
    if (!t) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    t->o.type = W32_H_TIMER;
    t->o.wait = &timer_ops;
    t->o.destroy = timer_destroy;
    t->manual = !!(flags & CREATE_WAITABLE_TIMER_MANUAL_RESET);
    if (name && *name)
        k32_name_add(&t->o, name);
    HANDLE h = k32_handle_for(&t->o, sa);
    if (!h)
        timer_destroy(&t->o);
    else
        w32_set_last_error(ERROR_SUCCESS);
    return h;
}

static HANDLE WINAPI w32_CreateWaitableTimerW(const SECURITY_ATTRIBUTES *sa, BOOL manual, LPCWSTR name)
{
    return w32_CreateWaitableTimerExW(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0, 0);
}

static HANDLE WINAPI w32_CreateWaitableTimerA(const SECURITY_ATTRIBUTES *sa, BOOL manual, LPCSTR name)
{
    WCHAR *w = w32_utf8_to_wide(name);
    HANDLE h = w32_CreateWaitableTimerW(sa, manual, w);
    free(w);
    return h;
}

static HANDLE WINAPI w32_CreateWaitableTimerExA(const SECURITY_ATTRIBUTES *sa, LPCSTR name, DWORD f, DWORD a)
{
    WCHAR *w = w32_utf8_to_wide(name);
    HANDLE h = w32_CreateWaitableTimerExW(sa, w, f, a);
    free(w);
    return h;
}

static HANDLE WINAPI w32_OpenWaitableTimerW(DWORD access, BOOL inherit, LPCWSTR name)
{
    (void)access, (void)inherit;
    struct w32_object *o = k32_name_lookup(name);
    if (!o || o->type != W32_H_TIMER) {
        w32_obj_put(o);
        w32_set_last_error(o ? ERROR_INVALID_HANDLE : ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    HANDLE h = w32_handle_new(o);
    w32_obj_put(o);
    return h;
}

static BOOL WINAPI w32_SetWaitableTimer(HANDLE h, const LARGE_INTEGER *due, LONG period, timer_apc fn,
                                        PVOID arg, BOOL resume)
{
    (void)resume;
    struct wtimer *t = (struct wtimer *)w32_handle_get(h, W32_H_TIMER);
    if (!t)
        return FALSE;
    if (!due || period < 0) {
        w32_obj_put(&t->o);
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct timespec d;
    k32_nt_deadline(due, &d);
    struct w32_thread_obj *me = fn ? k32_thread_current() : NULL;
    if (me)
        w32_obj_ref(&me->o);
    pthread_mutex_lock(&w32_wait_lock);
    start_thread();
    if (t->armed)
        unarm(t);
    if (t->setter)
        w32_obj_put(&t->setter->o);
    t->setter = me;
    t->due = d;
    t->due_ft = due->QuadPart > 0 ? (uint64_t)due->QuadPart : k32_now_100ns() + (uint64_t)-due->QuadPart;
    t->period_ms = period;
    t->fn = fn, t->arg = arg;
    t->o.signalled = 0;
    t->armed = 1;
    t->next = armed;
    armed = t;
    pthread_cond_signal(&tick);
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&t->o);
    w32_set_last_error(ERROR_SUCCESS);
    return TRUE;
}

static BOOL WINAPI w32_SetWaitableTimerEx(HANDLE h, const LARGE_INTEGER *due, LONG period, timer_apc fn,
                                          PVOID arg, PVOID reason, ULONG delay)
{
    (void)reason, (void)delay;
    return w32_SetWaitableTimer(h, due, period, fn, arg, FALSE);
}

static BOOL WINAPI w32_CancelWaitableTimer(HANDLE h)
{
    struct wtimer *t = (struct wtimer *)w32_handle_get(h, W32_H_TIMER);
    if (!t)
        return FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    if (t->armed)
        unarm(t);
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&t->o);
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateWaitableTimerA, "pis:h"),
    EXPORT(CreateWaitableTimerW, "piw:h"),
    EXPORT(CreateWaitableTimerExA, "psuu:h"),
    EXPORT(CreateWaitableTimerExW, "pwuu:h"),
    EXPORT(OpenWaitableTimerW, "uiw:h"),
    EXPORT(SetWaitableTimer, "hpippi:i"),
    EXPORT(SetWaitableTimerEx, "hpipppu:i"),
    EXPORT(CancelWaitableTimer, "h:i"),
};
