/* handles.h — the process's handle table: every kernel object a Windows
 * program holds (files, console, events, mutexes, semaphores, threads,
 * processes, find searches …) is a w32_object behind a HANDLE value. */
#ifndef XENO_W32_HANDLES_H
#define XENO_W32_HANDLES_H

#include <pthread.h>
#include "w32.h"

enum w32_htype {
    W32_H_FILE = 1,   /* a host file descriptor: file, pipe, console, device */
    W32_H_EVENT, W32_H_MUTEX, W32_H_SEMAPHORE, W32_H_THREAD, W32_H_PROCESS,
    W32_H_FIND, W32_H_IOCP, W32_H_TIMER, W32_H_OTHER,
};

struct w32_object {
    enum w32_htype type;
    int refs;
    /* Waitable state, guarded by w32_wait_lock: signalled objects satisfy
     * a wait (and auto-reset/mutex/semaphore ones are acquired by it). */
    int signalled;
    void (*destroy)(struct w32_object *o);
};

/* The current process's pseudo handles. */
#define W32_CURRENT_PROCESS ((HANDLE)(intptr_t)-1)
#define W32_CURRENT_THREAD ((HANDLE)(intptr_t)-2)

HANDLE w32_handle_new(struct w32_object *o);
/* The object behind H with a reference taken (release with w32_obj_put),
 * or NULL with ERROR_INVALID_HANDLE set. TYPE 0 accepts any type. */
struct w32_object *w32_handle_get(HANDLE h, enum w32_htype type);
void w32_obj_put(struct w32_object *o);
BOOL w32_handle_close(HANDLE h);
/* Another handle to the same object. */
HANDLE w32_handle_dup(HANDLE h);

/* One lock and condition variable serve every wait: objects change state
 * under the lock and broadcast. */
extern pthread_mutex_t w32_wait_lock;
void w32_wait_broadcast(void);

#endif
