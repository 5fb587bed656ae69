/* heap.c — malloc and friends of the CRTs, on the host allocator. */
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

#define HEAP_EXPORTS \
    EXPORT(malloc, "q:p"), EXPORT(calloc, "qq:p"), EXPORT(realloc, "pq:p"), \
    EXPORT(free, "p:v"), EXPORT(_msize, "p:q"), EXPORT(_aligned_malloc, "qq:p"), \
    EXPORT(_aligned_free, "p:v"), EXPORT(_recalloc, "pqq:p")

W32_EXPORTS(msvcrt) = { HEAP_EXPORTS };
W32_EXPORTS(ucrtbase) = { HEAP_EXPORTS };
