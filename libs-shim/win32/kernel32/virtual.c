/* virtual.c — VirtualAlloc, VirtualFree, VirtualProtect and VirtualQuery
 * on mmap/mprotect. Reservations made here are remembered so queries give
 * the allocation base and state Windows would; everything else is read
 * from /proc/self/maps (the image is MEM_IMAGE based at its base). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "../process.h"
#include "../w32.h"
#include "../winerr.h"

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE 0x8000
#define MEM_FREE 0x10000
#define MEM_RESET 0x80000
#define MEM_TOP_DOWN 0x100000
#define MEM_PRIVATE 0x20000
#define MEM_MAPPED 0x40000
#define MEM_IMAGE 0x1000000
#define PAGE_NOACCESS 0x01
#define PAGE_READONLY 0x02
#define PAGE_READWRITE 0x04
#define PAGE_WRITECOPY 0x08
#define PAGE_EXECUTE 0x10
#define PAGE_EXECUTE_READ 0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD 0x100
#define GRAN (64 * 1024)
#define PG 4096ull

typedef struct {
    PVOID BaseAddress, AllocationBase;
    DWORD AllocationProtect;
    WORD PartitionId;
    SIZE_T RegionSize;
    DWORD State, Protect, Type;
} MEMORY_BASIC_INFORMATION;

struct region {
    uint64_t base, size;
    DWORD alloc_protect;
    uint8_t *committed; /* one byte per page */
    struct region *next;
};
static struct region *regions;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const struct { DWORD win; int prot; } protmap[] = {
    { PAGE_NOACCESS, PROT_NONE }, { PAGE_READONLY, PROT_READ },
    { PAGE_READWRITE, PROT_READ | PROT_WRITE }, { PAGE_WRITECOPY, PROT_READ | PROT_WRITE },
    { PAGE_EXECUTE, PROT_EXEC | PROT_READ }, { PAGE_EXECUTE_READ, PROT_EXEC | PROT_READ },
    { PAGE_EXECUTE_READWRITE, PROT_READ | PROT_WRITE | PROT_EXEC },
    { PAGE_EXECUTE_WRITECOPY, PROT_READ | PROT_WRITE | PROT_EXEC },
};

static int host_prot(DWORD win, int *ok)
{
    *ok = 1;
    for (size_t i = 0; i < sizeof protmap / sizeof protmap[0]; i++)
        if (protmap[i].win == (win & 0xff))
            return protmap[i].prot;
    *ok = 0;
    return 0;
}

static DWORD win_prot(int r, int w, int x)
{
    if (x)
        return w ? PAGE_EXECUTE_READWRITE : r ? PAGE_EXECUTE_READ : PAGE_EXECUTE;
    return w ? PAGE_READWRITE : r ? PAGE_READONLY : PAGE_NOACCESS;
}

static struct region *find_region(uint64_t a)
{
    for (struct region *r = regions; r; r = r->next)
        if (a >= r->base && a < r->base + r->size)
            return r;
    return NULL;
}

static PVOID reserve(uint64_t addr, SIZE_T size, DWORD prot, DWORD type)
{
    size = (size + PG - 1) & ~(PG - 1);
    uint64_t base = addr & ~(uint64_t)(GRAN - 1);
    void *p = mmap(addr ? (void *)base : NULL, size, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (addr ? MAP_FIXED_NOREPLACE : 0),
                   -1, 0);
    if (p == MAP_FAILED || (addr && (uint64_t)p != base)) {
        if (p != MAP_FAILED)
            munmap(p, size);
        w32_set_last_error(ERROR_INVALID_ADDRESS);
        return NULL;
    }
    struct region *r = calloc(1, sizeof *r);
    uint8_t *c = calloc(size / PG, 1);
    if (!r || !c) {
        free(r), free(c);
        munmap(p, size);
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    r->base = (uint64_t)p, r->size = size, r->alloc_protect = prot, r->committed = c;
    (void)type;
    r->next = regions;
    regions = r;
    return p;
}

static BOOL commit(uint64_t addr, SIZE_T size, DWORD prot)
{
    struct region *r = find_region(addr);
    uint64_t start = addr & ~(PG - 1), end = (addr + size + PG - 1) & ~(PG - 1);
    int ok, hp = host_prot(prot, &ok);
    if (!r || !ok || end > r->base + r->size) {
        w32_set_last_error(ok ? ERROR_INVALID_ADDRESS : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (uint64_t p = start; p < end; p += PG) {
        uint8_t *c = &r->committed[(p - r->base) / PG];
        if (!*c) /* fresh commit: zero pages */
            mmap((void *)p, PG, hp, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        else
            mprotect((void *)p, PG, hp);
        *c = 1;
    }
    return TRUE;
}

static PVOID WINAPI w32_VirtualAlloc(PVOID addr, SIZE_T size, DWORD type, DWORD prot)
{
    if (!size) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    uint64_t a = (uint64_t)addr;
    if ((type & MEM_RESERVE) || (!a && (type & MEM_COMMIT))) {
        PVOID p = reserve(a, size, prot, type);
        if (!p) {
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        a = (uint64_t)p + (a & (GRAN - 1));
        if (!(type & MEM_COMMIT)) {
            pthread_mutex_unlock(&lock);
            return p;
        }
    }
    BOOL ok = (type & (MEM_COMMIT | MEM_RESET)) ? commit(a, size, prot) : FALSE;
    pthread_mutex_unlock(&lock);
    return ok ? (PVOID)(a & ~(PG - 1)) : NULL;
}

static BOOL WINAPI w32_VirtualFree(PVOID addr, SIZE_T size, DWORD type)
{
    pthread_mutex_lock(&lock);
    struct region **pp = &regions, *r;
    while ((r = *pp) && !((uint64_t)addr >= r->base && (uint64_t)addr < r->base + r->size))
        pp = &r->next;
    BOOL ok = FALSE;
    if (r && (type & MEM_RELEASE) && (uint64_t)addr == r->base && size == 0) {
        munmap((void *)r->base, r->size);
        *pp = r->next;
        free(r->committed);
        free(r);
        ok = TRUE;
    } else if (r && (type & MEM_DECOMMIT)) {
        uint64_t s = (uint64_t)addr & ~(PG - 1);
        uint64_t e = size ? ((uint64_t)addr + size + PG - 1) & ~(PG - 1) : r->base + r->size;
        mmap((void *)s, e - s, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
        memset(&r->committed[(s - r->base) / PG], 0, (e - s) / PG);
        ok = TRUE;
    }
    pthread_mutex_unlock(&lock);
    if (!ok)
        w32_set_last_error(ERROR_INVALID_PARAMETER);
    return ok;
}

/* One line of /proc/self/maps containing ADDR. */
static int map_of(uint64_t addr, uint64_t *lo, uint64_t *hi, char perms[5])
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    uint64_t prev_hi = 0;
    *lo = 0;
    while (f && fgets(line, sizeof line, f)) {
        unsigned long a, b;
        char p[5];
        if (sscanf(line, "%lx-%lx %4s", &a, &b, p) != 3)
            continue;
        if (addr >= a && addr < b) {
            *lo = a, *hi = b;
            memcpy(perms, p, 5);
            found = 1;
            break;
        }
        if (addr < a) { /* a hole: free memory up to the next mapping */
            *lo = prev_hi, *hi = a;
            break;
        }
        prev_hi = b;
    }
    if (f)
        fclose(f);
    return found;
}

static SIZE_T WINAPI w32_VirtualQuery(LPCVOID addr, MEMORY_BASIC_INFORMATION *mbi, SIZE_T len)
{
    if (len < sizeof *mbi) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    uint64_t a = (uint64_t)addr & ~(PG - 1), lo, hi;
    char perms[5] = "---p";
    memset(mbi, 0, sizeof *mbi);
    mbi->BaseAddress = (PVOID)a;
    int mapped = map_of(a, &lo, &hi, perms);
    mbi->RegionSize = (hi > a ? hi : a + PG) - a;
    if (!mapped) {
        mbi->State = MEM_FREE;
        mbi->Protect = PAGE_NOACCESS;
        return sizeof *mbi;
    }
    DWORD p = win_prot(perms[0] == 'r', perms[1] == 'w', perms[2] == 'x');
    const struct ximage *img = &w32_proc.img;
    pthread_mutex_lock(&lock);
    struct region *r = find_region(a);
    if (r) {
        mbi->AllocationBase = (PVOID)r->base;
        mbi->AllocationProtect = r->alloc_protect;
        mbi->Type = MEM_PRIVATE;
        mbi->State = r->committed[(a - r->base) / PG] ? MEM_COMMIT : MEM_RESERVE;
        uint64_t e = a;
        while (e < r->base + r->size && e < hi &&
               r->committed[(e - r->base) / PG] == r->committed[(a - r->base) / PG])
            e += PG;
        mbi->RegionSize = e - a;
    } else {
        int in_image = a >= img->lo && a < img->hi;
        mbi->AllocationBase = in_image ? (PVOID)img->base : (PVOID)lo;
        mbi->AllocationProtect = in_image ? PAGE_EXECUTE_WRITECOPY : p;
        mbi->Type = in_image ? MEM_IMAGE : perms[3] == 's' ? MEM_MAPPED : MEM_PRIVATE;
        mbi->State = MEM_COMMIT;
    }
    pthread_mutex_unlock(&lock);
    mbi->Protect = mbi->State == MEM_COMMIT ? p : 0;
    return sizeof *mbi;
}

static BOOL WINAPI w32_VirtualProtect(PVOID addr, SIZE_T size, DWORD prot, DWORD *old)
{
    MEMORY_BASIC_INFORMATION mbi;
    int ok, hp = host_prot(prot, &ok);
    if (!ok || !old) {
        w32_set_last_error(ok ? ERROR_NOACCESS : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    w32_VirtualQuery(addr, &mbi, sizeof mbi);
    uint64_t s = (uint64_t)addr & ~(PG - 1), e = ((uint64_t)addr + size + PG - 1) & ~(PG - 1);
    if (mprotect((void *)s, e - s, hp) < 0) {
        w32_set_last_error(errno == ENOMEM ? ERROR_INVALID_ADDRESS : w32_error_from_errno(errno));
        return FALSE;
    }
    *old = mbi.Protect;
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(VirtualAlloc, "pquu:p"),
    EXPORT(VirtualFree, "pqu:i"),
    EXPORT(VirtualQuery, "ppq:q"),
    EXPORT(VirtualProtect, "pqup:i"),
};
