/* thread.c — the CRT's threads: _beginthreadex/_endthreadex and
 * _beginthread/_endthread on kernel32's threads (w32_create_thread and
 * w32_exit_thread from kernel32/k32api.h), so each has its TEB, TLS
 * callbacks and a waitable handle. _beginthread's handle belongs to the
 * CRT: it is closed when the thread ends, as on Windows, so programs
 * must not wait on it. */
#include <pthread.h>
#include <stdlib.h>

#include "../handles.h"
#include "../kernel32/k32api.h"
#include "../teb.h"
#include "crt.h"

#pragma weak w32_create_thread
#pragma weak w32_exit_thread

typedef unsigned (WINAPI *startex_fn)(void *);
typedef void (WINAPI *start_fn)(void *);

static __thread HANDLE own_handle; /* _beginthread threads: closed at their end */

static uintptr_t create(w32_thread_fn fn, void *arg, unsigned stack, unsigned flags, unsigned *tid)
{
    DWORD id = 0;
    if (!w32_create_thread) {
        crt_fail(MS_EAGAIN);
        return 0;
    }
    HANDLE h = w32_create_thread(fn, arg, stack, flags, &id);
    if (!h) {
        crt_fail(MS_EAGAIN);
        return 0;
    }
    if (tid)
        *tid = id;
    return (uintptr_t)h;
}

static uintptr_t WINAPI w32__beginthreadex(void *security, unsigned stack, startex_fn fn, void *arg,
                                            unsigned flags, unsigned *tid)
{
    (void)security;
    if (!fn)
        return crt_invalid("_beginthreadex", MS_EINVAL), 0;
    return create((w32_thread_fn)fn, arg, stack, flags, tid);
}

static void WINAPI w32__endthreadex(unsigned code)
{
    if (w32_exit_thread)
        w32_exit_thread(code);
    pthread_exit(NULL);
}

/* _beginthread: the thread learns its handle once the creator has it. */
struct begin {
    start_fn fn;
    void *arg;
    HANDLE h;
    int ready;
    pthread_mutex_t m;
    pthread_cond_t c;
};

static void release(struct begin *b)
{
    pthread_mutex_lock(&b->m);
    while (!b->ready)
        pthread_cond_wait(&b->c, &b->m);
    own_handle = b->h;
    pthread_mutex_unlock(&b->m);
    pthread_mutex_destroy(&b->m);
    pthread_cond_destroy(&b->c);
    free(b);
}

static void end_own(unsigned code)
{
    if (own_handle)
        w32_handle_close(own_handle);
    own_handle = NULL;
    w32__endthreadex(code);
}

static DWORD WINAPI begin_main(PVOID p)
{
    struct begin *b = p;
    start_fn fn = b->fn;
    void *arg = b->arg;
    release(b);
    fn(arg);
    end_own(0);
    return 0;
}

static uintptr_t WINAPI w32__beginthread(start_fn fn, unsigned stack, void *arg)
{
    if (!fn)
        return crt_invalid("_beginthread", MS_EINVAL), (uintptr_t)-1;
    struct begin *b = calloc(1, sizeof *b);
    if (!b)
        return crt_fail(MS_ENOMEM), (uintptr_t)-1;
    b->fn = fn, b->arg = arg;
    pthread_mutex_init(&b->m, NULL);
    pthread_cond_init(&b->c, NULL);
    uintptr_t h = create(begin_main, b, stack, 0, NULL);
    if (!h) {
        free(b);
        return (uintptr_t)-1;
    }
    pthread_mutex_lock(&b->m);
    b->h = (HANDLE)h, b->ready = 1;
    pthread_cond_signal(&b->c);
    pthread_mutex_unlock(&b->m);
    return h;
}

static void WINAPI w32__endthread(void) { end_own(0); }

static DWORD WINAPI w32___threadid(void) { return (DWORD)(uintptr_t)w32_teb()->UniqueThread; }
static HANDLE WINAPI w32___threadhandle(void) { return (HANDLE)(intptr_t)-2; /* GetCurrentThread */ }

#define THREAD_EXPORTS \
    EXPORT(_beginthreadex, "pupppp:p"), EXPORT(_endthreadex, "u:v"), EXPORT(_beginthread, "pup:p"), \
    EXPORT(_endthread, ":v"), EXPORT(__threadid, ":u"), EXPORT(__threadhandle, ":h")

W32_EXPORTS(msvcrt) = { THREAD_EXPORTS };
W32_EXPORTS(ucrtbase) = { THREAD_EXPORTS };
