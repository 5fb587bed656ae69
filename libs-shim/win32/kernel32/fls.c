/* fls.c — fibre-local storage (FlsAlloc with destructor callbacks,
 * FlsGetValue/FlsSetValue/FlsFree). Without fibres it is per-thread
 * storage whose destructors run when a thread exits, and, for every
 * thread's non-NULL value, when the index is freed. Each thread's values
 * hang off TEB.FlsData; all such blocks are listed so FlsFree can reach
 * every thread's value. */
#include <stdlib.h>

#include "k32.h"

#define FLS_MAX 1024
#define FLS_OUT_OF_INDEXES 0xffffffffu

typedef void (WINAPI *fls_cb)(PVOID);

struct fls_block {
    struct fls_block *next, *prev;
    PVOID v[FLS_MAX];
};

static struct {
    int used;
    fls_cb cb;
} slots[FLS_MAX];
static struct fls_block *blocks;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct fls_block *mine(int create)
{
    TEB *t = w32_teb();
    struct fls_block *b = t->FlsData;
    if (b || !create)
        return b;
    if (!(b = calloc(1, sizeof *b)))
        return NULL;
    pthread_mutex_lock(&lock);
    b->next = blocks;
    if (blocks)
        blocks->prev = b;
    blocks = b;
    pthread_mutex_unlock(&lock);
    t->FlsData = b;
    return b;
}

static DWORD WINAPI w32_FlsAlloc(fls_cb cb)
{
    pthread_mutex_lock(&lock);
    for (DWORD i = 1; i < FLS_MAX; i++) { /* index 0 is never handed out, as on Windows */
        if (!slots[i].used) {
            slots[i].used = 1;
            slots[i].cb = cb;
            for (struct fls_block *b = blocks; b; b = b->next)
                b->v[i] = NULL;
            pthread_mutex_unlock(&lock);
            return i;
        }
    }
    pthread_mutex_unlock(&lock);
    w32_set_last_error(ERROR_NO_MORE_ITEMS);
    return FLS_OUT_OF_INDEXES;
}

static int valid(DWORD i)
{
    if (i < FLS_MAX && slots[i].used)
        return 1;
    w32_set_last_error(ERROR_INVALID_PARAMETER);
    return 0;
}

static PVOID WINAPI w32_FlsGetValue(DWORD i)
{
    if (!valid(i))
        return NULL;
    struct fls_block *b = mine(0);
    w32_set_last_error(ERROR_SUCCESS);
    return b ? b->v[i] : NULL;
}

static BOOL WINAPI w32_FlsSetValue(DWORD i, PVOID v)
{
    if (!valid(i))
        return FALSE;
    struct fls_block *b = mine(1);
    if (!b) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    b->v[i] = v;
    return TRUE;
}

/* Every thread's value at I goes to the callback, on the calling thread. */
static BOOL WINAPI w32_FlsFree(DWORD i)
{
    pthread_mutex_lock(&lock);
    if (i >= FLS_MAX || !slots[i].used) {
        pthread_mutex_unlock(&lock);
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    fls_cb cb = slots[i].cb;
    slots[i].used = 0;
    slots[i].cb = NULL;
    for (;;) {
        PVOID v = NULL;
        for (struct fls_block *b = blocks; b && !v; b = b->next)
            if ((v = b->v[i]))
                b->v[i] = NULL;
        if (!v)
            break;
        if (cb) {
            pthread_mutex_unlock(&lock);
            cb(v);
            pthread_mutex_lock(&lock);
        }
    }
    pthread_mutex_unlock(&lock);
    return TRUE;
}

void k32_fls_thread_exit(void)
{
    struct fls_block *b = mine(0);
    if (!b)
        return;
    for (DWORD i = 1; i < FLS_MAX; i++) {
        pthread_mutex_lock(&lock);
        fls_cb cb = slots[i].used ? slots[i].cb : NULL;
        PVOID v = b->v[i];
        b->v[i] = NULL;
        pthread_mutex_unlock(&lock);
        if (v && cb)
            cb(v);
    }
    pthread_mutex_lock(&lock);
    if (b->prev)
        b->prev->next = b->next;
    else
        blocks = b->next;
    if (b->next)
        b->next->prev = b->prev;
    pthread_mutex_unlock(&lock);
    w32_teb()->FlsData = NULL;
    free(b);
}

W32_EXPORTS(kernel32) = {
    EXPORT(FlsAlloc, "p:u"),
    EXPORT(FlsFree, "u:i"),
    EXPORT(FlsGetValue, "u:p"),
    EXPORT(FlsSetValue, "up:i"),
};
