/* heap.c — malloc and friends of the CRTs, on the host allocator:
 * malloc(0) gives a unique block, realloc(p, 0) frees, _msize reports the
 * usable size (at least what was asked for), the _aligned_* family (free
 * with _aligned_free), _expand (in place only), the heap checks that a
 * host allocator answers with "fine" (_heapchk → _HEAPOK), and the
 * new-handler hooks C++ runtimes use. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "crt.h"

static void *oom(void *p)
{
    if (!p)
        crt_errno = MS_ENOMEM;
    return p;
}

static void *WINAPI w32_malloc(size_t n) { return oom(malloc(n ? n : 1)); }
static void *WINAPI w32_calloc(size_t a, size_t b) { return oom(calloc(a ? a : 1, b ? b : 1)); }
static void *WINAPI w32_realloc(void *p, size_t n)
{
    if (p && !n) {
        free(p);
        return NULL;
    }
    return oom(realloc(p, n));
}
static void WINAPI w32_free(void *p) { free(p); }
static size_t WINAPI w32__msize(void *p) { return p ? malloc_usable_size(p) : (size_t)-1; }

static void *WINAPI w32__aligned_malloc(size_t n, size_t align)
{
    void *p = NULL;
    if (align < sizeof(void *))
        align = sizeof(void *);
    if (align & (align - 1)) {
        crt_errno = MS_EINVAL;
        return NULL;
    }
    return posix_memalign(&p, align, n ? n : 1) == 0 ? p : oom(NULL);
}

static void WINAPI w32__aligned_free(void *p) { free(p); }

static void *WINAPI w32__recalloc(void *p, size_t a, size_t b)
{
    size_t old = p ? malloc_usable_size(p) : 0, n = a * b;
    void *q = oom(realloc(p, n ? n : 1));
    if (q && n > old)
        memset((char *)q + old, 0, n - old);
    return q;
}

static void *WINAPI w32__aligned_realloc(void *p, size_t n, size_t align)
{
    if (!p)
        return w32__aligned_malloc(n, align);
    if (!n) {
        free(p);
        return NULL;
    }
    void *q = w32__aligned_malloc(n, align);
    if (q) {
        size_t old = malloc_usable_size(p);
        memcpy(q, p, old < n ? old : n);
        free(p);
    }
    return q;
}

static void *WINAPI w32__aligned_recalloc(void *p, size_t num, size_t size, size_t align)
{
    size_t n = num * size, old = p ? malloc_usable_size(p) : 0;
    if (size && n / size != num)
        return oom(NULL);
    void *q = w32__aligned_realloc(p, n, align);
    if (q && n > old)
        memset((char *)q + old, 0, n - old);
    return q;
}

static size_t WINAPI w32__aligned_msize(void *p, size_t align, size_t off)
{
    (void)align, (void)off;
    return p ? malloc_usable_size(p) : (size_t)-1;
}

/* _aligned_offset_malloc: P + OFFSET is aligned. */
static void *WINAPI w32__aligned_offset_malloc(size_t n, size_t align, size_t off)
{
    if (align & (align - 1) || (off && off >= n))
        return crt_invalid("_aligned_offset_malloc", MS_EINVAL), NULL;
    if (!off)
        return w32__aligned_malloc(n, align);
    crt_fail(MS_ENOMEM); /* not supported: the block could not be freed with free() */
    return NULL;
}

static void *WINAPI w32__expand(void *p, size_t n)
{
    return p && n <= malloc_usable_size(p) ? p : (crt_errno = MS_ENOMEM, NULL);
}

static int WINAPI w32__heapchk(void) { return -2; /* _HEAPOK */ }
static int WINAPI w32__heapmin(void) { malloc_trim(0); return 0; }
static int WINAPI w32__heapset(unsigned fill) { (void)fill; return -2; }
static intptr_t WINAPI w32__get_heap_handle(void) { return 0; }
/* _heapwalk: the host allocator cannot be walked; report the end. */
static int WINAPI w32__heapwalk(void *entry) { (void)entry; return -5; /* _HEAPEND */ }

typedef int (WINAPI *new_handler)(size_t);
static new_handler new_h;
static int new_mode;

static new_handler WINAPI w32__set_new_handler(new_handler h)
{
    return __atomic_exchange_n(&new_h, h, __ATOMIC_ACQ_REL);
}

static new_handler WINAPI w32__query_new_handler(void) { return new_h; }
static int WINAPI w32__callnewh(size_t n) { return new_h && new_h(n) ? 1 : 0; }

static int WINAPI w32__set_new_mode(int m)
{
    int old = new_mode;
    if (m != 0 && m != 1)
        return crt_invalid("_set_new_mode", MS_EINVAL), -1;
    new_mode = m;
    return old;
}

static int WINAPI w32__query_new_mode(void) { return new_mode; }

#define HEAP_EXPORTS \
    EXPORT(_aligned_realloc, "pqq:p"), EXPORT(_aligned_recalloc, "pqqq:p"), \
    EXPORT(_aligned_msize, "pqq:q"), EXPORT(_aligned_offset_malloc, "qqq:p"), \
    EXPORT(_expand, "pq:p"), EXPORT(_heapchk, ":i"), EXPORT(_heapmin, ":i"), EXPORT(_heapset, "u:i"), \
    EXPORT(_get_heap_handle, ":p"), EXPORT(_heapwalk, "p:i"), EXPORT(_set_new_handler, "p:p"), \
    EXPORT(_query_new_handler, ":p"), EXPORT(_callnewh, "q:i"), EXPORT(_set_new_mode, "i:i"), \
    EXPORT(_query_new_mode, ":i"), \
    EXPORT(malloc, "q:p"), EXPORT(calloc, "qq:p"), EXPORT(realloc, "pq:p"), \
    EXPORT(free, "p:v"), EXPORT(_msize, "p:q"), EXPORT(_aligned_malloc, "qq:p"), \
    EXPORT(_aligned_free, "p:v"), EXPORT(_recalloc, "pqq:p")

W32_EXPORTS(msvcrt) = { HEAP_EXPORTS };
W32_EXPORTS(ucrtbase) = {
    HEAP_EXPORTS, EXPORT_AS("_malloc_base", w32_malloc, "q:p"), EXPORT_AS("_calloc_base", w32_calloc, "qq:p"),
    EXPORT_AS("_realloc_base", w32_realloc, "pq:p"), EXPORT_AS("_free_base", w32_free, "p:v"),
};
