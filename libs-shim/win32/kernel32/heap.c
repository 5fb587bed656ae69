/* heap.c — Heap*, Global* and Local* allocation on malloc. Each block
 * carries a 16-byte header with its size (HeapSize, HeapReAlloc) and the
 * heap it belongs to; heaps are handles to a small descriptor. */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"

#define HEAP_NO_SERIALIZE 0x1
#define HEAP_GENERATE_EXCEPTIONS 0x4
#define HEAP_ZERO_MEMORY 0x8
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10
#define GMEM_ZEROINIT 0x40
#define HEAP_MAGIC 0x48656170u

struct heap { uint32_t magic; DWORD flags; };
struct hdr { uint64_t size; struct heap *heap; };

static struct heap process_heap = { HEAP_MAGIC, 0 };

void w32_heap_init(PEB *peb)
{
    peb->ProcessHeap = &process_heap;
}

static int valid(HANDLE h)
{
    return h && ((struct heap *)h)->magic == HEAP_MAGIC;
}

static void *alloc_block(struct heap *hp, SIZE_T n, int zero)
{
    struct hdr *b = zero ? calloc(1, sizeof *b + n) : malloc(sizeof *b + n);
    if (!b)
        return NULL;
    b->size = n;
    b->heap = hp;
    return b + 1;
}

static struct hdr *hdr_of(const void *p)
{
    return (struct hdr *)p - 1;
}

static HANDLE WINAPI w32_GetProcessHeap(void) { return &process_heap; }

static HANDLE WINAPI w32_HeapCreate(DWORD flags, SIZE_T init, SIZE_T max)
{
    (void)init, (void)max;
    struct heap *h = malloc(sizeof *h);
    if (!h) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    h->magic = HEAP_MAGIC;
    h->flags = flags;
    return h;
}

static BOOL WINAPI w32_HeapDestroy(HANDLE h)
{
    if (!valid(h) || h == &process_heap) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    ((struct heap *)h)->magic = 0; /* its blocks are not tracked; they stay allocated */
    free(h);
    return TRUE;
}

static PVOID WINAPI w32_HeapAlloc(HANDLE h, DWORD flags, SIZE_T n)
{
    if (!valid(h)) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    void *p = alloc_block(h, n, flags & HEAP_ZERO_MEMORY);
    if (!p)
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

static BOOL WINAPI w32_HeapFree(HANDLE h, DWORD flags, PVOID p)
{
    (void)flags;
    if (!p)
        return TRUE;
    if (!valid(h)) {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    free(hdr_of(p));
    return TRUE;
}

static PVOID WINAPI w32_HeapReAlloc(HANDLE h, DWORD flags, PVOID p, SIZE_T n)
{
    if (!valid(h) || !p) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct hdr *b = hdr_of(p);
    uint64_t old = b->size;
    if (flags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (n > old && n > malloc_usable_size(b) - sizeof *b) {
            w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        if (n > old && (flags & HEAP_ZERO_MEMORY))
            memset((char *)p + old, 0, n - old);
        b->size = n;
        return p;
    }
    struct hdr *nb = realloc(b, sizeof *nb + n);
    if (!nb) {
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (n > old && (flags & HEAP_ZERO_MEMORY))
        memset((char *)(nb + 1) + old, 0, n - old);
    nb->size = n;
    return nb + 1;
}

static SIZE_T WINAPI w32_HeapSize(HANDLE h, DWORD flags, LPCVOID p)
{
    (void)h, (void)flags;
    return p ? hdr_of(p)->size : (SIZE_T)-1;
}

static BOOL WINAPI w32_HeapValidate(HANDLE h, DWORD flags, LPCVOID p)
{
    (void)flags, (void)p;
    return valid(h);
}

static BOOL WINAPI w32_HeapSetInformation(HANDLE h, int cls, PVOID info, SIZE_T len)
{
    (void)h, (void)cls, (void)info, (void)len;
    return TRUE;
}

static PVOID WINAPI w32_GlobalAlloc(UINT flags, SIZE_T n)
{
    return alloc_block(&process_heap, n, flags & GMEM_ZEROINIT);
}

PVOID w32_local_alloc(SIZE_T n)
{
    return alloc_block(&process_heap, n, 0);
}

static PVOID WINAPI w32_GlobalFree(PVOID p)
{
    if (p)
        free(hdr_of(p));
    return NULL;
}

static PVOID WINAPI w32_GlobalReAlloc(PVOID p, SIZE_T n, UINT flags)
{
    return w32_HeapReAlloc(&process_heap, flags & GMEM_ZEROINIT ? HEAP_ZERO_MEMORY : 0, p, n);
}

static SIZE_T WINAPI w32_GlobalSize(PVOID p) { return p ? hdr_of(p)->size : 0; }
static PVOID WINAPI w32_GlobalLock(PVOID p) { return p; }
static BOOL WINAPI w32_GlobalUnlock(PVOID p) { (void)p; return TRUE; }

W32_EXPORTS(kernel32) = {
    EXPORT(GetProcessHeap, ":h"),
    EXPORT(HeapCreate, "uqq:h"),
    EXPORT(HeapDestroy, "h:i"),
    EXPORT(HeapAlloc, "huq:p"),
    EXPORT(HeapFree, "hup:i"),
    EXPORT(HeapReAlloc, "hupq:p"),
    EXPORT(HeapSize, "hup:q"),
    EXPORT(HeapValidate, "hup:i"),
    EXPORT(HeapSetInformation, "hipq:i"),
    EXPORT(GlobalAlloc, "uq:p"),
    EXPORT(GlobalFree, "p:p"),
    EXPORT(GlobalReAlloc, "pqu:p"),
    EXPORT(GlobalSize, "p:q"),
    EXPORT(GlobalLock, "p:p"),
    EXPORT(GlobalUnlock, "p:i"),
    EXPORT_AS("LocalAlloc", w32_GlobalAlloc, "uq:p"),
    EXPORT_AS("LocalFree", w32_GlobalFree, "p:p"),
    EXPORT_AS("LocalReAlloc", w32_GlobalReAlloc, "pqu:p"),
    EXPORT_AS("LocalSize", w32_GlobalSize, "p:q"),
    EXPORT_AS("LocalLock", w32_GlobalLock, "p:p"),
    EXPORT_AS("LocalUnlock", w32_GlobalUnlock, "p:i"),
};
W32_EXPORTS(ntdll) = {
    EXPORT_AS("RtlAllocateHeap", w32_HeapAlloc, "huq:p"),
    EXPORT_AS("RtlFreeHeap", w32_HeapFree, "hup:i"),
    EXPORT_AS("RtlReAllocateHeap", w32_HeapReAlloc, "hupq:p"),
    EXPORT_AS("RtlSizeHeap", w32_HeapSize, "hup:q"),
};
