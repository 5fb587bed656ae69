/* names.c — the namespace of named kernel objects (events, mutexes,
 * semaphores, waitable timers) within this process. Names compare case
 * sensitively, as the Create* documentation says; the "Global\" and
 * "Local\" prefixes name the same (only) namespace. Objects shared
 * between processes by name are not supported: each xeno process has its
 * own namespace. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "k32.h"

struct w32_named {
    WCHAR *name;
    struct w32_object *o;
    struct w32_named *next;
};

static struct w32_named *names;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int prefixed(const WCHAR *s, const char *p)
{
    for (; *p; p++, s++)
        if (*s != (WCHAR)*p)
            return 0;
    return 1;
}

static const WCHAR *strip(const WCHAR *n)
{
    if (prefixed(n, "Global\\"))
        return n + 7;
    if (prefixed(n, "Local\\"))
        return n + 6;
    return n;
}

static int wcs_eq(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* Take a reference unless the object is already being destroyed. */
static int ref_live(struct w32_object *o)
{
    int r = __atomic_load_n(&o->refs, __ATOMIC_RELAXED);
    while (r > 0)
        if (__atomic_compare_exchange_n(&o->refs, &r, r + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            return 1;
    return 0;
}

struct w32_object *k32_name_lookup(const WCHAR *name)
{
    if (!name || !*name)
        return NULL;
    name = strip(name);
    struct w32_object *o = NULL;
    pthread_mutex_lock(&lock);
    for (struct w32_named *n = names; n; n = n->next)
        if (wcs_eq(n->name, name) && ref_live(n->o)) {
            o = n->o;
            break;
        }
    pthread_mutex_unlock(&lock);
    return o;
}

int k32_name_add(struct w32_object *o, const WCHAR *name)
{
    name = strip(name);
    size_t len = w32_wcslen(name);
    struct w32_named *n = malloc(sizeof *n);
    WCHAR *copy = malloc((len + 1) * sizeof *copy);
    if (!n || !copy) {
        free(n), free(copy);
        return 0;
    }
    memcpy(copy, name, (len + 1) * sizeof *copy);
    n->name = copy;
    n->o = o;
    pthread_mutex_lock(&lock);
    n->next = names;
    names = n;
    o->name = n;
    pthread_mutex_unlock(&lock);
    return 1;
}

void k32_name_remove(struct w32_object *o)
{
    if (!o->name)
        return;
    pthread_mutex_lock(&lock);
    for (struct w32_named **pp = &names; *pp; pp = &(*pp)->next) {
        if (*pp == o->name) {
            struct w32_named *n = *pp;
            *pp = n->next;
            free(n->name);
            free(n);
            break;
        }
    }
    o->name = NULL;
    pthread_mutex_unlock(&lock);
}

HANDLE k32_handle_for(struct w32_object *o, const SECURITY_ATTRIBUTES *sa)
{
    HANDLE h = w32_handle_new(o);
    if (!h) {
        w32_set_last_error(ERROR_TOO_MANY_OPEN_FILES);
        return NULL;
    }
    if (sa && k32_readable(sa, sizeof *sa) && sa->bInheritHandle)
        w32_handle_set_flags(h, W32_HANDLE_FLAG_INHERIT, W32_HANDLE_FLAG_INHERIT);
    return h;
}

HANDLE k32_open_existing(const WCHAR *name, enum w32_htype type, int *found)
{
    struct w32_object *o = k32_name_lookup(name);
    *found = o != NULL;
    if (!o)
        return NULL;
    HANDLE h = NULL;
    if (o->type != type)
        w32_set_last_error(ERROR_INVALID_HANDLE);
    else if ((h = w32_handle_new(o)))
        w32_set_last_error(ERROR_ALREADY_EXISTS);
    w32_obj_put(o);
    return h;
}
