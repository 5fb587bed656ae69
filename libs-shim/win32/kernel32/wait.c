/* wait.c — WaitForSingleObject(Ex), WaitForMultipleObjects(Ex) (any and
 * all), SignalObjectAndWait, Sleep/SleepEx/SwitchToThread and the ntdll
 * waits. Every waitable object changes state under w32_wait_lock and
 * wakes its waiters; a wait re-checks its objects on each wake-up, and takes
 * them (auto-reset events, semaphores, mutexes) only when the whole wait
 * is satisfied. Alertable waits end with WAIT_IO_COMPLETION after
 * running queued APCs. */
#include <errno.h>
#include <sched.h>

#include "k32.h"

#define POLL_NS 5000000L /* descriptor-backed objects: re-check every 5 ms */

static int obj_ready(struct w32_object *o, DWORD tid)
{
    return o->wait && o->wait->ready ? o->wait->ready(o, tid) : o->signalled;
}

static int obj_take(struct w32_object *o, DWORD tid)
{
    return o->wait && o->wait->acquire ? o->wait->acquire(o, tid) : 0;
}

/* Lock held: the result if the wait can end now, else WAIT_TIMEOUT. */
static DWORD check(DWORD n, struct w32_object **objs, int all, DWORD tid)
{
    if (all) {
        for (DWORD i = 0; i < n; i++)
            if (!obj_ready(objs[i], tid))
                return WAIT_TIMEOUT;
        int abandoned = 0;
        for (DWORD i = 0; i < n; i++)
            abandoned |= obj_take(objs[i], tid);
        return abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0;
    }
    for (DWORD i = 0; i < n; i++)
        if (obj_ready(objs[i], tid))
            return (obj_take(objs[i], tid) ? WAIT_ABANDONED_0 : WAIT_OBJECT_0) + i;
    return WAIT_TIMEOUT;
}

static int passed(const struct timespec *d)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > d->tv_sec || (now.tv_sec == d->tv_sec && now.tv_nsec >= d->tv_nsec);
}

/* The next wake-up: DEADLINE, or sooner when objects must be polled. */
static const struct timespec *next_wake(const struct timespec *deadline, int polled,
                                        struct timespec *buf)
{
    if (!polled)
        return deadline;
    clock_gettime(CLOCK_MONOTONIC, buf);
    buf->tv_nsec += POLL_NS;
    if (buf->tv_nsec >= 1000000000L)
        buf->tv_sec++, buf->tv_nsec -= 1000000000L;
    if (deadline && (deadline->tv_sec < buf->tv_sec ||
                     (deadline->tv_sec == buf->tv_sec && deadline->tv_nsec < buf->tv_nsec)))
        return deadline;
    return buf;
}

static int duplicates(DWORD n, struct w32_object **objs)
{
    for (DWORD i = 0; i < n; i++)
        for (DWORD j = i + 1; j < n; j++)
            if (objs[i] == objs[j])
                return 1;
    return 0;
}

DWORD k32_wait(DWORD n, struct w32_object **objs, int all, const struct timespec *deadline,
               int alertable)
{
    if (all && duplicates(n, objs)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    struct w32_thread_obj *me = k32_thread_current();
    DWORD tid = me ? me->tid : 0, r;
    int polled = 0;
    static struct w32_object *const nothing[1]; /* a sleep: only broadcasts (APCs) wake it */
    for (DWORD i = 0; i < n; i++)
        polled |= objs[i]->wait && objs[i]->wait->polled;
    pthread_mutex_lock(&w32_wait_lock);
    for (;;) {
        if (alertable && me && k32_apc_pending(me)) {
            r = WAIT_IO_COMPLETION;
            break;
        }
        if ((r = check(n, objs, all, tid)) != WAIT_TIMEOUT)
            break;
        if (deadline && passed(deadline))
            break;
        struct timespec buf;
        w32_wait_objs(n ? objs : nothing, n ? n : 1, next_wake(deadline, polled, &buf));
    }
    pthread_mutex_unlock(&w32_wait_lock);
    if (r == WAIT_IO_COMPLETION)
        k32_apc_run(me);
    return r;
}

DWORD k32_sleep(const struct timespec *deadline, int alertable)
{
    return k32_wait(0, NULL, 0, deadline, alertable) == WAIT_IO_COMPLETION ? WAIT_IO_COMPLETION : 0;
}

/* Handles → objects with references; returns 0 and sets the error if
 * one is not a valid handle. */
static int grab(DWORD n, const HANDLE *hs, struct w32_object **objs)
{
    for (DWORD i = 0; i < n; i++) {
        if (!(objs[i] = w32_handle_get(hs[i], 0))) {
            while (i--)
                w32_obj_put(objs[i]);
            return 0;
        }
    }
    return 1;
}

static void release(DWORD n, struct w32_object **objs)
{
    for (DWORD i = 0; i < n; i++)
        w32_obj_put(objs[i]);
}

static DWORD wait_handles(DWORD n, const HANDLE *hs, BOOL all, const struct timespec *deadline,
                          BOOL alertable)
{
    struct w32_object *objs[MAXIMUM_WAIT_OBJECTS];
    if (n == 0 || n > MAXIMUM_WAIT_OBJECTS || !hs) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    if (!k32_readable(hs, n * sizeof *hs)) {
        w32_set_last_error(ERROR_NOACCESS);
        return WAIT_FAILED;
    }
    if (!grab(n, hs, objs))
        return WAIT_FAILED;
    DWORD r = k32_wait(n, objs, all && n > 1, deadline, alertable);
    release(n, objs);
    return r;
}

static DWORD WINAPI w32_WaitForMultipleObjectsEx(DWORD n, const HANDLE *hs, BOOL all, DWORD ms,
                                                 BOOL alertable)
{
    struct timespec buf;
    return wait_handles(n, hs, all, w32_deadline(ms, &buf), alertable);
}

static DWORD WINAPI w32_WaitForMultipleObjects(DWORD n, const HANDLE *hs, BOOL all, DWORD ms)
{
    return w32_WaitForMultipleObjectsEx(n, hs, all, ms, FALSE);
}

static DWORD WINAPI w32_WaitForSingleObjectEx(HANDLE h, DWORD ms, BOOL alertable)
{
    struct timespec buf;
    return wait_handles(1, &h, FALSE, w32_deadline(ms, &buf), alertable);
}

static DWORD WINAPI w32_WaitForSingleObject(HANDLE h, DWORD ms)
{
    return w32_WaitForSingleObjectEx(h, ms, FALSE);
}

/* Signal one object (as SetEvent/ReleaseMutex/ReleaseSemaphore would),
 * then wait for another. */
static DWORD WINAPI w32_SignalObjectAndWait(HANDLE sig, HANDLE wait, DWORD ms, BOOL alertable)
{
    extern BOOL k32_signal_object(HANDLE h);
    if (!k32_signal_object(sig))
        return WAIT_FAILED;
    return w32_WaitForSingleObjectEx(wait, ms, alertable);
}

static DWORD WINAPI w32_SleepEx(DWORD ms, BOOL alertable)
{
    if (ms == 0 && !alertable) {
        sched_yield();
        return 0;
    }
    struct timespec buf;
    return k32_sleep(w32_deadline(ms, &buf), alertable);
}

static void WINAPI w32_Sleep(DWORD ms)
{
    w32_SleepEx(ms, FALSE);
}

static BOOL WINAPI w32_SwitchToThread(void)
{
    return sched_yield() == 0;
}

/* ntdll: NTSTATUS results, timeouts in 100 ns units. */
static NTSTATUS nt_status(DWORD r)
{
    if (r == WAIT_FAILED) {
        DWORD e = w32_get_last_error();
        return e == ERROR_INVALID_HANDLE ? (NTSTATUS)STATUS_INVALID_HANDLE
                                         : (NTSTATUS)STATUS_INVALID_PARAMETER;
    }
    return (NTSTATUS)r; /* STATUS_WAIT_0+i, STATUS_ABANDONED_WAIT_0+i, STATUS_TIMEOUT, STATUS_USER_APC */
}

static NTSTATUS WINAPI w32_NtWaitForSingleObject(HANDLE h, BOOLEAN alertable, const LARGE_INTEGER *t)
{
    struct timespec buf;
    return nt_status(wait_handles(1, &h, FALSE, k32_nt_deadline(t, &buf), alertable));
}

static NTSTATUS WINAPI w32_NtWaitForMultipleObjects(ULONG n, const HANDLE *hs, int type,
                                                    BOOLEAN alertable, const LARGE_INTEGER *t)
{
    struct timespec buf;
    /* WaitAllObject 0, WaitAnyObject 1 */
    return nt_status(wait_handles(n, hs, type == 0, k32_nt_deadline(t, &buf), alertable));
}

static NTSTATUS WINAPI w32_NtDelayExecution(BOOLEAN alertable, const LARGE_INTEGER *t)
{
    struct timespec buf;
    return k32_sleep(k32_nt_deadline(t, &buf), alertable) == WAIT_IO_COMPLETION ? 0xc0 : 0;
}

static NTSTATUS WINAPI w32_NtYieldExecution(void)
{
    sched_yield();
    return 0;
}

W32_EXPORTS(kernel32) = {
    EXPORT(WaitForSingleObject, "hu:u"),
    EXPORT(WaitForSingleObjectEx, "hui:u"),
    EXPORT(WaitForMultipleObjects, "upiu:u"),
    EXPORT(WaitForMultipleObjectsEx, "upiui:u"),
    EXPORT(SignalObjectAndWait, "hhui:u"),
    EXPORT(Sleep, "u:v"),
    EXPORT(SleepEx, "ui:u"),
    EXPORT(SwitchToThread, ":i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT(NtWaitForSingleObject, "hip:u"),
    EXPORT(NtWaitForMultipleObjects, "upiip:u"),
    EXPORT(NtDelayExecution, "ip:u"),
    EXPORT(NtYieldExecution, ":u"),
};
