/* ole32.c — the COM task allocator (ole32.dll, also combase.dll):
 * CoTaskMemAlloc, CoTaskMemRealloc and CoTaskMemFree. As on Windows it
 * hands out blocks of the process heap, so memory another builtin
 * returns for the caller to free with CoTaskMemFree (SHGetKnownFolderPath's
 * path) comes back to the same allocator. COM objects themselves are
 * not there. */
#include "../registry.h"
#include "../teb.h"
#include "../w32.h"

typedef PVOID (WINAPI *heap_alloc_fn)(HANDLE heap, DWORD flags, SIZE_T n);
typedef PVOID (WINAPI *heap_realloc_fn)(HANDLE heap, DWORD flags, PVOID p, SIZE_T n);
typedef BOOL (WINAPI *heap_free_fn)(HANDLE heap, DWORD flags, PVOID p);

/* kernel32's export NAME. */
static void *k32_fn(const char *name)
{
    const struct w32_export *x = w32_find_export(w32_find_dll("kernel32"), name, 0);
    return x ? x->addr : NULL;
}

static HANDLE process_heap(void)
{
    return w32_peb()->ProcessHeap;
}

static PVOID WINAPI w32_CoTaskMemAlloc(SIZE_T n)
{
    heap_alloc_fn f = (heap_alloc_fn)k32_fn("HeapAlloc");
    return f ? f(process_heap(), 0, n) : NULL;
}

static PVOID WINAPI w32_CoTaskMemRealloc(PVOID p, SIZE_T n)
{
    if (!p)
        return w32_CoTaskMemAlloc(n);
    heap_realloc_fn f = (heap_realloc_fn)k32_fn("HeapReAlloc");
    return f ? f(process_heap(), 0, p, n) : NULL;
}

static void WINAPI w32_CoTaskMemFree(PVOID p)
{
    heap_free_fn f = (heap_free_fn)k32_fn("HeapFree");
    if (p && f)
        f(process_heap(), 0, p);
}

W32_EXPORTS(ole32) = {
    EXPORT(CoTaskMemAlloc, "q:p"),
    EXPORT(CoTaskMemRealloc, "pq:p"),
    EXPORT(CoTaskMemFree, "p:v"),
};
