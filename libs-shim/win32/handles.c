/* handles.c — the handle table: small integers (multiples of 4, as on
 * Windows) naming reference-counted objects. */
#include <stdlib.h>

#include "handles.h"

#define MAX_HANDLES 65536
#define ERROR_INVALID_HANDLE 6

static struct w32_object *table[MAX_HANDLES];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t w32_wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wait_cond = PTHREAD_COND_INITIALIZER;

void w32_wait_broadcast(void)
{
    pthread_cond_broadcast(&wait_cond);
}

pthread_cond_t *w32_wait_cond(void)
{
    return &wait_cond;
}

HANDLE w32_handle_new(struct w32_object *o)
{
    pthread_mutex_lock(&table_lock);
    for (size_t i = 1; i < MAX_HANDLES; i++) {
        if (!table[i]) {
            table[i] = o;
            __atomic_add_fetch(&o->refs, 1, __ATOMIC_RELAXED);
            pthread_mutex_unlock(&table_lock);
            return (HANDLE)(uintptr_t)(i * 4);
        }
    }
    pthread_mutex_unlock(&table_lock);
    return NULL;
}

static size_t slot_of(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (v & 3 || v / 4 >= MAX_HANDLES)
        return 0;
    return v / 4;
}

struct w32_object *w32_handle_get(HANDLE h, enum w32_htype type)
{
    size_t i = slot_of(h);
    pthread_mutex_lock(&table_lock);
    struct w32_object *o = i ? table[i] : NULL;
    if (o && (type == 0 || o->type == type))
        __atomic_add_fetch(&o->refs, 1, __ATOMIC_RELAXED);
    else
        o = NULL;
    pthread_mutex_unlock(&table_lock);
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
    size_t i = slot_of(h);
    pthread_mutex_lock(&table_lock);
    struct w32_object *o = i ? table[i] : NULL;
    if (o)
        table[i] = NULL;
    pthread_mutex_unlock(&table_lock);
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
