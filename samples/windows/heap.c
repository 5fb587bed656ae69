/* heap.c — the Win32 heaps: GetProcessHeap and GetProcessHeaps, HeapAlloc
 * with and without HEAP_ZERO_MEMORY, HeapSize, HeapReAlloc (growing keeps
 * the contents, HEAP_REALLOC_IN_PLACE_ONLY), HeapFree, HeapValidate, a
 * private growable heap (HeapCreate/HeapDestroy) under many allocations, a
 * fixed-size heap running out (HeapAlloc returns NULL), HeapWalk
 * summing busy blocks, and LocalAlloc/LocalFree and GlobalAlloc/
 * GlobalLock/GlobalFree.  Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * process heap listed by GetProcessHeaps: yes
 * HEAP_ZERO_MEMORY: zeroed yes, HeapSize 1000, 16-byte aligned yes
 * HeapReAlloc to 100000: contents kept yes, HeapSize 100000
 * HeapReAlloc with HEAP_ZERO_MEMORY zeroes the new part: yes
 * shrink in place: same block yes, HeapSize 100
 * HeapValidate(block): 1, HeapFree: 1
 * private heap: 2000 blocks, 3975000 bytes by HeapSize, odd blocks intact after freeing even: yes
 * HeapValidate(heap): 1
 * HeapWalk: busy bytes cover the 1988000 live bytes yes, ends with error 259
 * HeapDestroy: 1
 * fixed 64 KiB heap, 1 MiB request: NULL
 * LocalAlloc: zeroed yes, LocalSize 64, LocalFree returns NULL yes
 * GlobalAlloc movable: locked [global memory], size 128
 * GlobalUnlock: 0 error 0, GlobalFree returns NULL yes
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    HANDLE ph = GetProcessHeap();
    HANDLE heaps[64];
    DWORD nh = GetProcessHeaps(64, heaps);
    int listed = 0;
    for (DWORD i = 0; i < nh && i < 64; i++)
        listed |= heaps[i] == ph;
    printf("process heap listed by GetProcessHeaps: %s\n", listed ? "yes" : "no");

    unsigned char *z = HeapAlloc(ph, HEAP_ZERO_MEMORY, 1000);
    int zero = 1;
    for (int i = 0; i < 1000; i++)
        zero &= z[i] == 0;
    printf("HEAP_ZERO_MEMORY: zeroed %s, HeapSize %llu, 16-byte aligned %s\n", zero ? "yes" : "no",
           (unsigned long long)HeapSize(ph, 0, z), ((ULONG_PTR)z & 15) == 0 ? "yes" : "no");
    for (int i = 0; i < 1000; i++)
        z[i] = (unsigned char)(i * 7);
    unsigned char *g = HeapReAlloc(ph, 0, z, 100000);
    int kept = 1;
    for (int i = 0; i < 1000; i++)
        kept &= g[i] == (unsigned char)(i * 7);
    printf("HeapReAlloc to 100000: contents kept %s, HeapSize %llu\n", kept ? "yes" : "no",
           (unsigned long long)HeapSize(ph, 0, g));
    unsigned char *zg = HeapReAlloc(ph, HEAP_ZERO_MEMORY, g, 200000);
    zero = 1;
    for (int i = 100000; i < 200000; i++)
        zero &= zg[i] == 0;
    printf("HeapReAlloc with HEAP_ZERO_MEMORY zeroes the new part: %s\n", zero ? "yes" : "no");
    unsigned char *shrunk = HeapReAlloc(ph, HEAP_REALLOC_IN_PLACE_ONLY, zg, 100);
    printf("shrink in place: same block %s, HeapSize %llu\n", shrunk == zg ? "yes" : "no",
           (unsigned long long)HeapSize(ph, 0, zg));
    BOOL valid = HeapValidate(ph, 0, zg);
    printf("HeapValidate(block): %d, HeapFree: %d\n", valid, HeapFree(ph, 0, zg));

    HANDLE priv = HeapCreate(0, 0, 0);
    void *blocks[2000];
    unsigned long long total = 0;
    for (int i = 0; i < 2000; i++) {
        SIZE_T size = 16 + (SIZE_T)(i * 37 % 4000);
        blocks[i] = HeapAlloc(priv, 0, size);
        memset(blocks[i], i & 0xff, size);
        total += HeapSize(priv, 0, blocks[i]);
    }
    for (int i = 0; i < 2000; i += 2)
        HeapFree(priv, 0, blocks[i]);
    int intact = 1;
    for (int i = 1; i < 2000; i += 2)
        intact &= ((unsigned char *)blocks[i])[0] == (i & 0xff);
    printf("private heap: 2000 blocks, %llu bytes by HeapSize, odd blocks intact after freeing even: %s\n", total,
           intact ? "yes" : "no");
    printf("HeapValidate(heap): %d\n", HeapValidate(priv, 0, NULL));
    PROCESS_HEAP_ENTRY e;
    e.lpData = NULL;
    unsigned long long busy = 0, live = 0;
    for (int i = 1; i < 2000; i += 2)
        live += HeapSize(priv, 0, blocks[i]);
    HeapLock(priv);
    while (HeapWalk(priv, &e))
        if (e.wFlags & PROCESS_HEAP_ENTRY_BUSY)
            busy += e.cbData;
    DWORD walk_end = GetLastError();
    HeapUnlock(priv);
    /* the low-fragmentation heap reports whole subsegments as busy blocks */
    printf("HeapWalk: busy bytes cover the %llu live bytes %s, ends with error %lu\n", live,
           busy >= live ? "yes" : "no", walk_end);
    printf("HeapDestroy: %d\n", HeapDestroy(priv));

    HANDLE fixed = HeapCreate(0, 64 * 1024, 64 * 1024);
    void *big = HeapAlloc(fixed, 0, 1024 * 1024);
    printf("fixed 64 KiB heap, 1 MiB request: %s\n", big ? "allocated" : "NULL");
    HeapDestroy(fixed);

    HLOCAL l = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, 64);
    SIZE_T lsize = LocalSize(l);
    int lzero = ((char *)l)[63] == 0;
    printf("LocalAlloc: zeroed %s, LocalSize %llu, LocalFree returns NULL %s\n", lzero ? "yes" : "no",
           (unsigned long long)lsize, LocalFree(l) == NULL ? "yes" : "no");
    HGLOBAL hg = GlobalAlloc(GMEM_MOVEABLE, 128);
    char *p = GlobalLock(hg);
    strcpy(p, "global memory");
    printf("GlobalAlloc movable: locked [%s], size %llu\n", p, (unsigned long long)GlobalSize(hg));
    SetLastError(0);
    BOOL still_locked = GlobalUnlock(hg);
    printf("GlobalUnlock: %d error %lu, GlobalFree returns NULL %s\n", still_locked, GetLastError(),
           GlobalFree(hg) == NULL ? "yes" : "no");
    return 0;
}
