/* sync.c — events (manual and auto reset), mutexes (recursive, owned by
 * a thread, abandoned when it dies) and semaphores: Create*, Open*,
 * SetEvent/ResetEvent/PulseEvent, ReleaseMutex, ReleaseSemaphore, named
 * or not. State lives in the object under w32_wait_lock (see wait.c). */
#include <sched.h>
#include <stdlib.h>

#include "../unicode.h"
#include "k32.h"

#define CREATE_EVENT_MANUAL_RESET 1
#define CREATE_EVENT_INITIAL_SET 2
#define CREATE_MUTEX_INITIAL_OWNER 1

struct event { struct w32_object o; int manual; };
struct mutex { struct w32_object o; DWORD owner; int count, abandoned; struct mutex *next; };
struct semaphore { struct w32_object o; LONG count, max; };

static struct mutex *mutexes; /* all mutexes, for abandonment; under w32_wait_lock */

static DWORD self_tid(void)
{
    return (DWORD)(uintptr_t)w32_teb()->UniqueThread;
}

/* ---- waits ---- */
static int event_take(struct w32_object *o, DWORD tid)
{
    (void)tid;
    if (!((struct event *)o)->manual)
        o->signalled = 0;
    return 0;
}

static int mutex_ready(struct w32_object *o, DWORD tid)
{
    struct mutex *m = (struct mutex *)o;
    return m->owner == 0 || m->owner == tid;
}

static int mutex_take(struct w32_object *o, DWORD tid)
{
    struct mutex *m = (struct mutex *)o;
    m->owner = tid;
    m->count++;
    int ab = m->abandoned;
    m->abandoned = 0;
    return ab;
}

static int sem_ready(struct w32_object *o, DWORD tid)
{
    (void)tid;
    return ((struct semaphore *)o)->count > 0;
}

static int sem_take(struct w32_object *o, DWORD tid)
{
    (void)tid;
    ((struct semaphore *)o)->count--;
    return 0;
}

static const struct w32_waitops event_ops = { NULL, event_take, 0 };
static const struct w32_waitops mutex_ops = { mutex_ready, mutex_take, 0 };
static const struct w32_waitops sem_ops = { sem_ready, sem_take, 0 };

void k32_mutex_abandon(DWORD tid)
{
    int any = 0;
    pthread_mutex_lock(&w32_wait_lock);
    for (struct mutex *m = mutexes; m; m = m->next)
        if (m->owner == tid) {
            m->owner = 0, m->count = 0, m->abandoned = 1;
            any = 1;
        }
    if (any)
        w32_wait_broadcast();
    pthread_mutex_unlock(&w32_wait_lock);
}

/* ---- creation ---- */
static void destroy_plain(struct w32_object *o)
{
    k32_name_remove(o);
    free(o);
}

static void destroy_mutex(struct w32_object *o)
{
    k32_name_remove(o);
    pthread_mutex_lock(&w32_wait_lock);
    for (struct mutex **pp = &mutexes; *pp; pp = &(*pp)->next)
        if (*pp == (struct mutex *)o) {
            *pp = (*pp)->next;
            break;
        }
    pthread_mutex_unlock(&w32_wait_lock);
    free(o);
}

/* The handle for a new object O (named NAME), or the existing object of
 * that name. */
static HANDLE publish(struct w32_object *o, const WCHAR *name, const SECURITY_ATTRIBUTES *sa)
{
    int found;
    if (name && *name) {
        HANDLE h = k32_open_existing(name, o->type, &found);
        if (found) {
            o->destroy(o);
            return h;
        }
        k32_name_add(o, name);
    }
    HANDLE h = k32_handle_for(o, sa);
    if (!h)
        o->destroy(o);
    else
        w32_set_last_error(ERROR_SUCCESS);
    return h;
}

static struct w32_object *new_obj(size_t size, enum w32_htype type, const struct w32_waitops *ops,
                                  void (*destroy)(struct w32_object *))
{
    struct w32_object *o = calloc(1, size);
    if (!o) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    o->type = type;
    o->wait = ops;
    o->destroy = destroy;
    return o;
}

static HANDLE WINAPI w32_CreateEventExW(const SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                                        DWORD access)
{
    (void)access;
    struct event *e = (struct event *)new_obj(sizeof *e, W32_H_EVENT, &event_ops, destroy_plain);
    if (!e)
        return NULL;
    e->manual = !!(flags & CREATE_EVENT_MANUAL_RESET);
    e->o.signalled = !!(flags & CREATE_EVENT_INITIAL_SET);
    return publish(&e->o, name, sa);
}

static HANDLE WINAPI w32_CreateEventW(const SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial,
                                      LPCWSTR name)
{
    return w32_CreateEventExW(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET : 0) |
                                            (initial ? CREATE_EVENT_INITIAL_SET : 0), 0);
}

static HANDLE WINAPI w32_CreateMutexExW(const SECURITY_ATTRIBUTES *sa, LPCWSTR name, DWORD flags,
                                        DWORD access)
{
    (void)access;
    struct mutex *m = (struct mutex *)new_obj(sizeof *m, W32_H_MUTEX, &mutex_ops, destroy_mutex);
    if (!m)
        return NULL;
    pthread_mutex_lock(&w32_wait_lock);
    m->next = mutexes;
    mutexes = m;
    pthread_mutex_unlock(&w32_wait_lock);
    HANDLE h = publish(&m->o, name, sa);
    if (h && (flags & CREATE_MUTEX_INITIAL_OWNER) && w32_get_last_error() == ERROR_SUCCESS) {
        pthread_mutex_lock(&w32_wait_lock);
        m->owner = self_tid();
        m->count = 1;
        pthread_mutex_unlock(&w32_wait_lock);
    }
    return h;
}

static HANDLE WINAPI w32_CreateMutexW(const SECURITY_ATTRIBUTES *sa, BOOL owner, LPCWSTR name)
{
    return w32_CreateMutexExW(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0, 0);
}

static HANDLE WINAPI w32_CreateSemaphoreExW(const SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                                            LPCWSTR name, DWORD flags, DWORD access)
{
    (void)flags, (void)access;
    if (max <= 0 || initial < 0 || initial > max) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct semaphore *s = (struct semaphore *)new_obj(sizeof *s, W32_H_SEMAPHORE, &sem_ops,
                                                      destroy_plain);
    if (!s)
        return NULL;
    s->count = initial;
    s->max = max;
    return publish(&s->o, name, sa);
}

static HANDLE WINAPI w32_CreateSemaphoreW(const SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                                          LPCWSTR name)
{
    return w32_CreateSemaphoreExW(sa, initial, max, name, 0, 0);
}

/* ---- ANSI names ---- */
#define WITH_WIDE(name, expr)                          \
    ({ WCHAR *w_ = w32_utf8_to_wide(name);             \
       HANDLE r_ = (expr);                             \
       free(w_);                                       \
       r_; })

static HANDLE WINAPI w32_CreateEventA(const SECURITY_ATTRIBUTES *sa, BOOL m, BOOL i, LPCSTR name)
{
    return WITH_WIDE(name, w32_CreateEventW(sa, m, i, w_));
}

static HANDLE WINAPI w32_CreateEventExA(const SECURITY_ATTRIBUTES *sa, LPCSTR name, DWORD f, DWORD a)
{
    return WITH_WIDE(name, w32_CreateEventExW(sa, w_, f, a));
}

static HANDLE WINAPI w32_CreateMutexA(const SECURITY_ATTRIBUTES *sa, BOOL owner, LPCSTR name)
{
    return WITH_WIDE(name, w32_CreateMutexW(sa, owner, w_));
}

static HANDLE WINAPI w32_CreateMutexExA(const SECURITY_ATTRIBUTES *sa, LPCSTR name, DWORD f, DWORD a)
{
    return WITH_WIDE(name, w32_CreateMutexExW(sa, w_, f, a));
}

static HANDLE WINAPI w32_CreateSemaphoreA(const SECURITY_ATTRIBUTES *sa, LONG i, LONG m, LPCSTR name)
{
    return WITH_WIDE(name, w32_CreateSemaphoreW(sa, i, m, w_));
}

static HANDLE WINAPI w32_CreateSemaphoreExA(const SECURITY_ATTRIBUTES *sa, LONG i, LONG m, LPCSTR name,
                                            DWORD f, DWORD a)
{
    return WITH_WIDE(name, w32_CreateSemaphoreExW(sa, i, m, w_, f, a));
}

/* ---- Open* ---- */
static HANDLE open_named(const WCHAR *name, enum w32_htype type, BOOL inherit)
{
    if (!name) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct w32_object *o = k32_name_lookup(name);
    if (!o) {
        w32_set_last_error(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    HANDLE h = NULL;
    if (o->type != type)
        w32_set_last_error(ERROR_INVALID_HANDLE);
    else if ((h = w32_handle_new(o)) && inherit)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    w32_obj_put(o);
    return h;
}

static HANDLE WINAPI w32_OpenEventW(DWORD a, BOOL inh, LPCWSTR n) { (void)a; return open_named(n, W32_H_EVENT, inh); }
static HANDLE WINAPI w32_OpenMutexW(DWORD a, BOOL inh, LPCWSTR n) { (void)a; return open_named(n, W32_H_MUTEX, inh); }
static HANDLE WINAPI w32_OpenSemaphoreW(DWORD a, BOOL inh, LPCWSTR n) { (void)a; return open_named(n, W32_H_SEMAPHORE, inh); }
static HANDLE WINAPI w32_OpenEventA(DWORD a, BOOL inh, LPCSTR n) { return WITH_WIDE(n, w32_OpenEventW(a, inh, w_)); }
static HANDLE WINAPI w32_OpenMutexA(DWORD a, BOOL inh, LPCSTR n) { return WITH_WIDE(n, w32_OpenMutexW(a, inh, w_)); }
static HANDLE WINAPI w32_OpenSemaphoreA(DWORD a, BOOL inh, LPCSTR n) { return WITH_WIDE(n, w32_OpenSemaphoreW(a, inh, w_)); }

/* ---- state changes ---- */
static BOOL set_event(HANDLE h, int state, int pulse)
{
    struct w32_object *o = w32_handle_get(h, W32_H_EVENT);
    if (!o)
        return FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    o->signalled = state;
    if (state)
        w32_wait_notify(o);
    pthread_mutex_unlock(&w32_wait_lock);
    if (pulse) { /* wake whoever waits now, then reset */
        sched_yield();
        pthread_mutex_lock(&w32_wait_lock);
        o->signalled = 0;
        pthread_mutex_unlock(&w32_wait_lock);
    }
    w32_obj_put(o);
    return TRUE;
}

static BOOL WINAPI w32_SetEvent(HANDLE h) { return set_event(h, 1, 0); }
static BOOL WINAPI w32_ResetEvent(HANDLE h) { return set_event(h, 0, 0); }
static BOOL WINAPI w32_PulseEvent(HANDLE h) { return set_event(h, 1, 1); }

static BOOL WINAPI w32_ReleaseMutex(HANDLE h)
{
    struct mutex *m = (struct mutex *)w32_handle_get(h, W32_H_MUTEX);
    if (!m)
        return FALSE;
    BOOL ok = FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    if (m->owner != self_tid() || m->count == 0) {
        w32_set_last_error(ERROR_NOT_OWNER);
    } else {
        ok = TRUE;
        if (--m->count == 0) {
            m->owner = 0;
            w32_wait_notify(&m->o);
        }
    }
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&m->o);
    return ok;
}

static BOOL WINAPI w32_ReleaseSemaphore(HANDLE h, LONG n, LONG *prev)
{
    struct semaphore *s = (struct semaphore *)w32_handle_get(h, W32_H_SEMAPHORE);
    if (!s)
        return FALSE;
    BOOL ok = FALSE;
    pthread_mutex_lock(&w32_wait_lock);
    if (n <= 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
    } else if (n > s->max - s->count) {
        w32_set_last_error(ERROR_TOO_MANY_POSTS);
    } else {
        if (prev)
            *prev = s->count;
        s->count += n;
        ok = TRUE;
        w32_wait_notify(&s->o);
    }
    pthread_mutex_unlock(&w32_wait_lock);
    w32_obj_put(&s->o);
    return ok;
}

BOOL k32_set_event_handle(HANDLE h)
{
    return w32_SetEvent(h);
}

/* SignalObjectAndWait's first half. */
BOOL k32_signal_object(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, 0);
    if (!o)
        return FALSE;
    enum w32_htype t = o->type;
    w32_obj_put(o);
    if (t == W32_H_EVENT)
        return w32_SetEvent(h);
    if (t == W32_H_MUTEX)
        return w32_ReleaseMutex(h);
    if (t == W32_H_SEMAPHORE)
        return w32_ReleaseSemaphore(h, 1, NULL);
    w32_set_last_error(ERROR_INVALID_HANDLE);
    return FALSE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateEventA, "piis:h"),
    EXPORT(CreateEventW, "piiw:h"),
    EXPORT(CreateEventExA, "psuu:h"),
    EXPORT(CreateEventExW, "pwuu:h"),
    EXPORT(OpenEventA, "uis:h"),
    EXPORT(OpenEventW, "uiw:h"),
    EXPORT(SetEvent, "h:i"),
    EXPORT(ResetEvent, "h:i"),
    EXPORT(PulseEvent, "h:i"),
    EXPORT(CreateMutexA, "pis:h"),
    EXPORT(CreateMutexW, "piw:h"),
    EXPORT(CreateMutexExA, "psuu:h"),
    EXPORT(CreateMutexExW, "pwuu:h"),
    EXPORT(OpenMutexA, "uis:h"),
    EXPORT(OpenMutexW, "uiw:h"),
    EXPORT(ReleaseMutex, "h:i"),
    EXPORT(CreateSemaphoreA, "piis:h"),
    EXPORT(CreateSemaphoreW, "piiw:h"),
    EXPORT(CreateSemaphoreExA, "piisuu:h"),
    EXPORT(CreateSemaphoreExW, "piiwuu:h"),
    EXPORT(OpenSemaphoreA, "uis:h"),
    EXPORT(OpenSemaphoreW, "uiw:h"),
    EXPORT(ReleaseSemaphore, "hip:i"),
};
