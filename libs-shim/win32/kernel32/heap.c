/* heap.c — Heap* on malloc: every block carries a 32-byte header (its
 * size, its heap, and links in its heap's block list, so HeapWalk can
 * list it and HeapDestroy free it); a heap created with a maximum size is
 * fixed and refuses allocations beyond it. GetProcessHeaps lists the
 * process heap and every created heap. The Global and Local functions
 * allocate from the process heap; movable memory (GMEM_MOVEABLE/LMEM_MOVEABLE) is a handle
 * (8 modulo 16, as Windows hands them out) to a lockable block. */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"

#define HEAP_ZERO_MEMORY 0x8
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10
#define GMEM_MOVEABLE 0x2
#define GMEM_ZEROINIT 0x40
#define GMEM_MODIFY 0x80
#define HEAP_MAGIC 0x48656170u
#define MOVABLE_MAGIC 0x4d6f7665u
#define PROCESS_HEAP_ENTRY_BUSY 0x4
#define FIXED_HEAP_MAX_BLOCK 0x7fff8
#define ERROR_NOT_LOCKED 158

struct hdr;
struct heap {
    uint32_t magic;
    DWORD flags;
    SIZE_T max, used;
    struct hdr *first;
    pthread_mutex_t lock;
    struct heap *next;
};

struct hdr {
    uint64_t size;
    struct heap *heap;
    struct hdr *prev, *next;
};
_Static_assert(sizeof(struct hdr) % 16 == 0, "blocks stay 16-byte aligned");

typedef struct {
    PVOID lpData;
    DWORD cbData;
    BYTE cbOverhead, iRegionIndex;
    WORD wFlags;
    PVOID hMem;
    DWORD dwReserved[3];
} PROCESS_HEAP_ENTRY;

static struct heap process_heap = { HEAP_MAGIC, 0, 0, 0, NULL, PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP, NULL };
static struct heap *heaps = &process_heap;
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;

void w32_heap_init(PEB *peb)
{
    peb->ProcessHeap = &process_heap;
}

static struct heap *valid(HANDLE h)
{
    struct heap *p = h;
    return p && p->magic == HEAP_MAGIC ? p : NULL;
}

static struct hdr *hdr_of(const void *p)
{
    return (struct hdr *)p - 1;
}

/* Heap lock held. */
static void link_block(struct heap *h, struct hdr *b)
{
    b->heap = h;
    b->prev = NULL;
    b->next = h->first;
    if (h->first)
        h->first->prev = b;
    h->first = b;
    h->used += b->size;
}

static void unlink_block(struct heap *h, struct hdr *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        h->first = b->next;
    if (b->next)
        b->next->prev = b->prev;
    h->used -= b->size;
}

static int fits(struct heap *h, SIZE_T n, SIZE_T old)
{
    return !h->max || (n <= FIXED_HEAP_MAX_BLOCK && h->used - old + n <= h->max);
}

static void *alloc_block(struct heap *h, SIZE_T n, int zero)
{
    pthread_mutex_lock(&h->lock);
    struct hdr *b = fits(h, n, 0) ? (zero ? calloc(1, sizeof *b + n) : malloc(sizeof *b + n)) : NULL;
    if (b) {
        b->size = n;
        link_block(h, b);
    }
    pthread_mutex_unlock(&h->lock);
    return b ? b + 1 : NULL;
}

static void free_block(struct heap *h, void *p)
{
    struct hdr *b = hdr_of(p);
    pthread_mutex_lock(&h->lock);
    unlink_block(h, b);
    pthread_mutex_unlock(&h->lock);
    free(b);
}

static HANDLE WINAPI w32_GetProcessHeap(void) { return &process_heap; }

static HANDLE WINAPI w32_HeapCreate(DWORD flags, SIZE_T init, SIZE_T max)
{
    (void)init;
    struct heap *h = calloc(1, sizeof *h);
    if (!h) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&h->lock, &a);
    pthread_mutexattr_destroy(&a);
    h->magic = HEAP_MAGIC;
    h->flags = flags;
    h->max = max;
    pthread_mutex_lock(&list_lock);
    h->next = heaps;
    heaps = h;
    pthread_mutex_unlock(&list_lock);
    return h;
}

static BOOL WINAPI w32_HeapDestroy(HANDLE hh)
{
    struct heap *h = valid(hh);
    if (!h || h == &process_heap) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    pthread_mutex_lock(&list_lock);
    for (struct heap **pp = &heaps; *pp; pp = &(*pp)->next)
        if (*pp == h) {
            *pp = h->next;
            break;
        }
    pthread_mutex_unlock(&list_lock);
    while (h->first) {
        struct hdr *b = h->first;
        h->first = b->next;
        free(b);
    }
    h->magic = 0;
    pthread_mutex_destroy(&h->lock);
    free(h);
    return TRUE;
}

static PVOID WINAPI w32_HeapAlloc(HANDLE hh, DWORD flags, SIZE_T n)
{
    struct heap *h = valid(hh);
    if (!h) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    void *p = alloc_block(h, n, flags & HEAP_ZERO_MEMORY);
    if (!p)
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

static BOOL WINAPI w32_HeapFree(HANDLE hh, DWORD flags, PVOID p)
{
    (void)flags;
    struct heap *h = valid(hh);
    if (!p)
        return TRUE;
    if (!h || hdr_of(p)->heap != h) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    free_block(h, p);
    return TRUE;
}

static PVOID realloc_block(struct heap *h, DWORD flags, PVOID p, SIZE_T n)
{
    struct hdr *b = hdr_of(p);
    uint64_t old = b->size;
    int in_place = flags & HEAP_REALLOC_IN_PLACE_ONLY;
    pthread_mutex_lock(&h->lock);
    if (!fits(h, n, old) || (in_place && n > old && n > malloc_usable_size(b) - sizeof *b)) {
        pthread_mutex_unlock(&h->lock);
        return NULL;
    }
    unlink_block(h, b);
    struct hdr *nb = in_place ? b : realloc(b, sizeof *nb + n);
    int ok = nb != NULL;
    if (ok)
        nb->size = n;
    else
        nb = b;
    link_block(h, nb);
    pthread_mutex_unlock(&h->lock);
    if (!ok)
        return NULL;
    if (n > old && (flags & HEAP_ZERO_MEMORY))
        memset((char *)(nb + 1) + old, 0, n - old);
    return nb + 1;
}

static PVOID WINAPI w32_HeapReAlloc(HANDLE hh, DWORD flags, PVOID p, SIZE_T n)
{
    struct heap *h = valid(hh);
    if (!h || !p || hdr_of(p)->heap != h) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    PVOID r = realloc_block(h, flags, p, n);
    if (!r) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return r;
}

static SIZE_T WINAPI w32_HeapSize(HANDLE h, DWORD flags, LPCVOID p)
{
    (void)flags;
    if (!p || !valid(h) || hdr_of(p)->heap != h) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return (SIZE_T)-1;
    }
    return hdr_of(p)->size;
}

static BOOL WINAPI w32_HeapValidate(HANDLE h, DWORD flags, LPCVOID p)
{
    (void)flags;
    return valid(h) && (!p || hdr_of(p)->heap == h);
}

static BOOL WINAPI w32_HeapLock(HANDLE hh)
{
    struct heap *h = valid(hh);
    if (!h)
        return FALSE;
    pthread_mutex_lock(&h->lock);
    return TRUE;
}

static BOOL WINAPI w32_HeapUnlock(HANDLE hh)
{
    struct heap *h = valid(hh);
    if (!h)
        return FALSE;
    pthread_mutex_unlock(&h->lock);
    return TRUE;
}

/* The next block after E->lpData (the first when NULL). */
static BOOL WINAPI w32_HeapWalk(HANDLE hh, PROCESS_HEAP_ENTRY *e)
{
    struct heap *h = valid(hh);
    if (!h || !e) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pthread_mutex_lock(&h->lock);
    struct hdr *b = h->first;
    if (e->lpData) {
        while (b && b + 1 != e->lpData)
            b = b->next;
        b = b ? b->next : NULL;
    }
    if (b) {
        memset(e, 0, sizeof *e);
        e->lpData = b + 1;
        e->cbData = (DWORD)b->size;
        e->cbOverhead = sizeof *b;
        e->wFlags = PROCESS_HEAP_ENTRY_BUSY;
    }
    pthread_mutex_unlock(&h->lock);
    if (!b)
        w32_set_last_error(ERROR_NO_MORE_ITEMS);
    return b != NULL;
}

static DWORD WINAPI w32_GetProcessHeaps(DWORD n, HANDLE *out)
{
    DWORD count = 0;
    pthread_mutex_lock(&list_lock);
    for (struct heap *h = heaps; h; h = h->next, count++)
        if (count < n)
            out[count] = h;
    pthread_mutex_unlock(&list_lock);
    return count;
}

static SIZE_T WINAPI w32_HeapCompact(HANDLE h, DWORD flags)
{
    (void)flags;
    return valid(h) ? 0x100000 : 0;
}

static BOOL WINAPI w32_HeapSetInformation(HANDLE h, int cls, PVOID info, SIZE_T len)
{
    (void)h, (void)cls, (void)info, (void)len;
    return TRUE;
}

static BOOL WINAPI w32_HeapQueryInformation(HANDLE h, int cls, PVOID info, SIZE_T len, SIZE_T *ret)
{
    if (!valid(h) || cls != 0 || len < sizeof(ULONG)) { /* HeapCompatibilityInformation */
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *(ULONG *)info = 2; /* the low-fragmentation heap */
    if (ret)
        *ret = sizeof(ULONG);
    return TRUE;
}

/* ---- Global* / Local* ---- */
struct movable {
    uint32_t magic;
    uint16_t flags, locks;
    void *ptr; /* the handle is the address of this field: 8 modulo 16 */
};

static struct movable *movable_of(const void *h)
{
    if (((uintptr_t)h & 15) != 8)
        return NULL;
    struct movable *m = (struct movable *)((char *)h - 8);
    return m->magic == MOVABLE_MAGIC ? m : NULL;
}

static PVOID WINAPI w32_GlobalAlloc(UINT flags, SIZE_T n)
{
    void *p = alloc_block(&process_heap, n ? n : 1, flags & GMEM_ZEROINIT);
    if (!p || !(flags & GMEM_MOVEABLE)) {
        if (!p)
            w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    struct movable *m = aligned_alloc(16, sizeof *m + 8);
    if (!m) {
        free_block(&process_heap, p);
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    m->magic = MOVABLE_MAGIC;
    m->flags = (uint16_t)flags;
    m->locks = 0;
    m->ptr = p;
    return &m->ptr;
}

PVOID w32_local_alloc(SIZE_T n)
{
    return alloc_block(&process_heap, n, 0);
}

static PVOID WINAPI w32_GlobalFree(PVOID h)
{
    struct movable *m = movable_of(h);
    if (m) {
        free_block(&process_heap, m->ptr);
        m->magic = 0;
        free(m);
    } else if (h) {
        free_block(&process_heap, h);
    }
    return NULL;
}

static PVOID WINAPI w32_GlobalLock(PVOID h)
{
    struct movable *m = movable_of(h);
    if (!m)
        return h;
    m->locks++;
    return m->ptr;
}

static BOOL WINAPI w32_GlobalUnlock(PVOID h)
{
    struct movable *m = movable_of(h);
    if (!m)
        return TRUE; /* fixed memory is never locked */
    if (m->locks == 0) {
        w32_set_last_error(ERROR_NOT_LOCKED);
        return FALSE;
    }
    if (--m->locks == 0) {
        w32_set_last_error(ERROR_SUCCESS);
        return FALSE;
    }
    return TRUE;
}

static SIZE_T WINAPI w32_GlobalSize(PVOID h)
{
    struct movable *m = movable_of(h);
    void *p = m ? m->ptr : h;
    return p ? hdr_of(p)->size : 0;
}

static PVOID WINAPI w32_GlobalHandle(PVOID p) { return p; }

static PVOID WINAPI w32_GlobalReAlloc(PVOID h, SIZE_T n, UINT flags)
{
    struct movable *m = movable_of(h);
    if (flags & GMEM_MODIFY)
        return h;
    void *p = m ? m->ptr : h;
    void *r = p ? realloc_block(&process_heap, flags & GMEM_ZEROINIT ? HEAP_ZERO_MEMORY : 0, p, n) : NULL;
    if (!r) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (m) {
        m->ptr = r;
        return h;
    }
    return r;
}

static UINT WINAPI w32_GlobalFlags(PVOID h)
{
    struct movable *m = movable_of(h);
    return m ? m->locks : 0;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetProcessHeap, ":h"),
    EXPORT(GetProcessHeaps, "up:u"),
    EXPORT(HeapCreate, "uqq:h"),
    EXPORT(HeapDestroy, "h:i"),
    EXPORT(HeapAlloc, "huq:p"),
    EXPORT(HeapFree, "hup:i"),
    EXPORT(HeapReAlloc, "hupq:p"),
    EXPORT(HeapSize, "hup:q"),
    EXPORT(HeapValidate, "hup:i"),
    EXPORT(HeapLock, "h:i"),
    EXPORT(HeapUnlock, "h:i"),
    EXPORT(HeapWalk, "hp:i"),
    EXPORT(HeapCompact, "hu:q"),
    EXPORT(HeapSetInformation, "hipq:i"),
    EXPORT(HeapQueryInformation, "hipqp:i"),
    EXPORT(GlobalAlloc, "uq:p"),
    EXPORT(GlobalFree, "p:p"),
    EXPORT(GlobalReAlloc, "pqu:p"),
    EXPORT(GlobalSize, "p:q"),
    EXPORT(GlobalLock, "p:p"),
    EXPORT(GlobalUnlock, "p:i"),
    EXPORT(GlobalHandle, "p:p"),
    EXPORT(GlobalFlags, "p:u"),
    EXPORT_AS("LocalAlloc", w32_GlobalAlloc, "uq:p"),
    EXPORT_AS("LocalFree", w32_GlobalFree, "p:p"),
    EXPORT_AS("LocalReAlloc", w32_GlobalReAlloc, "pqu:p"),
    EXPORT_AS("LocalSize", w32_GlobalSize, "p:q"),
    EXPORT_AS("LocalLock", w32_GlobalLock, "p:p"),
    EXPORT_AS("LocalUnlock", w32_GlobalUnlock, "p:i"),
    EXPORT_AS("LocalHandle", w32_GlobalHandle, "p:p"),
    EXPORT_AS("LocalFlags", w32_GlobalFlags, "p:u"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlAllocateHeap", w32_HeapAlloc, "huq:p"),
    EXPORT_AS("RtlFreeHeap", w32_HeapFree, "hup:i"),
    EXPORT_AS("RtlReAllocateHeap", w32_HeapReAlloc, "hupq:p"),
    EXPORT_AS("RtlSizeHeap", w32_HeapSize, "hup:q"),
};
