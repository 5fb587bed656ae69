/* handles.h — the process's handle table: every kernel object a Windows
 * program holds (files, console, events, mutexes, semaphores, threads,
 * processes, find searches …) is a w32_object behind a HANDLE value.
 * Waitable objects describe their state through w32_waitops; all state
 * changes happen under one lock (w32_wait_lock) and wake the threads
 * that wait for the object. */
#ifndef XENO_W32_HANDLES_H
#define XENO_W32_HANDLES_H

#include <pthread.h>
#include <time.h>
#include "w32.h"

enum w32_htype {
    W32_H_FILE = 1,   /* a host file descriptor: file, pipe, console, device */
    W32_H_EVENT, W32_H_MUTEX, W32_H_SEMAPHORE, W32_H_THREAD, W32_H_PROCESS,
    W32_H_FIND, W32_H_IOCP, W32_H_TIMER, W32_H_SECTION, W32_H_OTHER,
};

struct w32_object;

/* How a waitable object answers a wait. Both run under w32_wait_lock;
 * TID is the waiting thread's id. */
struct w32_waitops {
    int (*ready)(struct w32_object *o, DWORD tid);
    /* The wait is satisfied: take the object (reset an auto-reset event,
     * count a semaphore down, own a mutex). Returns 1 if the object was
     * abandoned (a mutex whose owner died), else 0. NULL: nothing to do. */
    int (*acquire)(struct w32_object *o, DWORD tid);
    /* Readiness changes without a broadcast (a descriptor becoming
     * readable): waiters re-check every few milliseconds. */
    int polled;
};

struct w32_object {
    enum w32_htype type;
    int refs;
    /* Waitable state, guarded by w32_wait_lock: signalled objects satisfy
     * a wait (and auto-reset/mutex/semaphore ones are acquired by it). */
    int signalled;
    void (*destroy)(struct w32_object *o);
    const struct w32_waitops *wait; /* NULL: ready when signalled */
    struct w32_named *name;         /* named objects (names.c) */
};

/* The current process's pseudo handles. */
#define W32_CURRENT_PROCESS ((HANDLE)(intptr_t)-1)
#define W32_CURRENT_THREAD ((HANDLE)(intptr_t)-2)

#define W32_HANDLE_FLAG_INHERIT 1
#define W32_HANDLE_FLAG_PROTECT_FROM_CLOSE 2

HANDLE w32_handle_new(struct w32_object *o);
/* A handle with the given value (inherited handles keep their values);
 * NULL if that slot is taken or invalid. */
HANDLE w32_handle_new_at(HANDLE value, struct w32_object *o);
/* The object behind H with a reference taken (release with w32_obj_put),
 * or NULL with ERROR_INVALID_HANDLE set. TYPE 0 accepts any type. The
 * pseudo handles name the current process and thread. */
struct w32_object *w32_handle_get(HANDLE h, enum w32_htype type);
void w32_obj_put(struct w32_object *o);
void w32_obj_ref(struct w32_object *o);
BOOL w32_handle_close(HANDLE h);
/* Another handle to the same object. */
HANDLE w32_handle_dup(HANDLE h);
/* HANDLE_FLAG_* of a handle; -1 if H is not open. */
int w32_handle_flags(HANDLE h);
int w32_handle_set_flags(HANDLE h, DWORD mask, DWORD flags);
/* Call FN for every open handle (under the table lock: FN must not
 * open or close handles). */
void w32_handle_foreach(void (*fn)(HANDLE h, struct w32_object *o, int flags, void *ctx), void *ctx);

/* Objects the pseudo handles stand for (kernel32/thread.c, procobj.c). */
struct w32_object *w32_thread_self_object(void);
struct w32_object *w32_process_self_object(void);

/* Sections a thread must not be parked in by SuspendThread (the handle
 * table's lock, the suspend bookkeeping): a suspend request that arrives
 * inside one is deferred to its end. w32_crit_defer is for the suspend
 * signal handler: 1 (and the request noted) if the thread is inside one. */
void w32_crit_enter(void);
void w32_crit_leave(void);
int w32_crit_defer(void);
/* Set by kernel32 (suspend.c): re-deliver a deferred suspend request. */
extern void (*w32_crit_redeliver)(void);

/* One lock guards every waitable state: objects change state under it,
 * then wake the threads waiting for them (w32_wait_notify) or every
 * waiting thread (w32_wait_broadcast). Times are on CLOCK_MONOTONIC. */
extern pthread_mutex_t w32_wait_lock;
void w32_wait_broadcast(void);
void w32_wait_notify(struct w32_object *o);
/* Sleep (lock held) until woken or DEADLINE (NULL: forever) has passed
 * (then ETIMEDOUT). w32_wait_objs is woken by changes of the N objects
 * and by broadcasts; w32_wait_until by every change. Spurious wake-ups
 * happen: callers re-check. */
int w32_wait_objs(struct w32_object *const *objs, DWORD n, const struct timespec *deadline);
int w32_wait_until(const struct timespec *deadline);
/* The monotonic deadline MS milliseconds from now (INFINITE: NULL). */
const struct timespec *w32_deadline(DWORD ms, struct timespec *buf);

#endif
