/* virtual.c — VirtualAlloc, VirtualFree, VirtualProtect and VirtualQuery
 * (and their *Ex forms for the current process) on mmap/mprotect.
 * Reservations made here are remembered with a Windows protection per
 * page (0 for reserved, not committed), so queries give the allocation
 * base, state, protection and region extent Windows would, guard pages
 * included (PAGE_GUARD pages are inaccessible to the host; the first
 * touch is reported by w32_virtual_guard_fault, which lifts the guard).
 * Everything else is read from /proc/self/maps (the image is MEM_IMAGE
 * based at its base). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "k32.h"

#define MEM_COMMIT 0x1000
#define MEM_RESERVE 0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE 0x8000
#define MEM_FREE 0x10000
#define MEM_RESET 0x80000
#define MEM_RESET_UNDO 0x1000000
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
#define PAGE_NOCACHE 0x200
#define PAGE_WRITECOMBINE 0x400
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
    uint16_t *prot; /* per page: 0 reserved, else the Windows protection */
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

/* The host protection for WIN; *ok is 0 for an invalid value. Guard
 * pages are inaccessible until their first touch. */
static int host_prot(DWORD win, int *ok)
{
    *ok = 0;
    if (win & ~(DWORD)(0xff | PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE))
        return 0;
    for (size_t i = 0; i < sizeof protmap / sizeof protmap[0]; i++)
        if (protmap[i].win == (win & 0xff)) {
            *ok = 1;
            return (win & PAGE_GUARD) ? PROT_NONE : protmap[i].prot;
        }
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

static uint16_t *page(struct region *r, uint64_t a)
{
    return &r->prot[(a - r->base) / PG];
}

static PVOID reserve(uint64_t addr, SIZE_T size, DWORD prot)
{
    uint64_t base = addr & ~(uint64_t)(GRAN - 1);
    size = (size + (addr - base) + PG - 1) & ~(PG - 1);
    void *p = mmap(addr ? (void *)base : NULL, size, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (addr ? MAP_FIXED_NOREPLACE : 0), -1, 0);
    if (p == MAP_FAILED || (addr && (uint64_t)p != base)) {
        if (p != MAP_FAILED)
            munmap(p, size);
        w32_set_last_error(ERROR_INVALID_ADDRESS);
        return NULL;
    }
    if (!addr && ((uint64_t)p & (GRAN - 1))) { /* Windows reservations start on 64 KiB */
        munmap(p, size);
        uint8_t *q = mmap(NULL, size + GRAN, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (q == MAP_FAILED) {
            w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        uint8_t *al = (uint8_t *)(((uint64_t)q + GRAN - 1) & ~(uint64_t)(GRAN - 1));
        if (al > q)
            munmap(q, (size_t)(al - q));
        munmap(al + size, (size_t)(q + size + GRAN - (al + size)));
        p = al;
    }
    struct region *r = calloc(1, sizeof *r);
    uint16_t *pr = calloc(size / PG, sizeof *pr);
    if (!r || !pr) {
        free(r), free(pr);
        munmap(p, size);
        w32_set_last_error(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    r->base = (uint64_t)p, r->size = size, r->alloc_protect = prot, r->prot = pr;
    r->next = regions;
    regions = r;
    return p;
}

static BOOL commit(uint64_t addr, SIZE_T size, DWORD prot, int reset)
{
    struct region *r = find_region(addr);
    uint64_t start = addr & ~(PG - 1), end = (addr + size + PG - 1) & ~(PG - 1);
    int ok, hp = host_prot(prot, &ok);
    if (!r || (!ok && !reset) || end > r->base + r->size) {
        w32_set_last_error(!r || end > (r ? r->base + r->size : 0) ? ERROR_INVALID_ADDRESS
                                                                     : ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    /* one host call per run of pages in the same state (committed or not) */
    for (uint64_t p = start, q; p < end; p = q) {
        int was = *page(r, p) != 0;
        for (q = p; q < end && (*page(r, q) != 0) == was; q += PG)
            if (!reset)
                *page(r, q) = (uint16_t)prot;
        if (reset) {
            if (was)
                madvise((void *)p, q - p, MADV_DONTNEED);
        } else if (!was) { /* a fresh commit: zero pages */
            mmap((void *)p, q - p, hp, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        } else {
            mprotect((void *)p, q - p, hp);
        }
    }
    return TRUE;
}

static PVOID WINAPI w32_VirtualAlloc(PVOID addr, SIZE_T size, DWORD type, DWORD prot)
{
    int ok;
    host_prot(prot, &ok);
    if (!size || (!ok && !(type & (MEM_RESET | MEM_RESET_UNDO))) ||
        !(type & (MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_RESET_UNDO))) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (type & MEM_RESET_UNDO)
        return addr;
    pthread_mutex_lock(&lock);
    uint64_t a = (uint64_t)addr;
    if ((type & MEM_RESERVE) || (!a && (type & MEM_COMMIT))) {
        PVOID p = reserve(a, size, prot);
        if (!p || !(type & MEM_COMMIT)) {
            pthread_mutex_unlock(&lock);
            return p;
        }
        a = (uint64_t)p + (a & (GRAN - 1));
    }
    BOOL done = commit(a, size, prot, !!(type & MEM_RESET));
    pthread_mutex_unlock(&lock);
    return done ? (PVOID)(a & ~(PG - 1)) : NULL;
}

static BOOL WINAPI w32_VirtualFree(PVOID addr, SIZE_T size, DWORD type)
{
    pthread_mutex_lock(&lock);
    struct region **pp = &regions, *r;
    while ((r = *pp) && !((uint64_t)addr >= r->base && (uint64_t)addr < r->base + r->size))
        pp = &r->next;
    BOOL ok = FALSE;
    DWORD err = ERROR_INVALID_PARAMETER;
    if (!r) {
        err = ERROR_INVALID_ADDRESS;
    } else if (type == MEM_RELEASE && (uint64_t)addr == r->base && size == 0) {
        munmap((void *)r->base, r->size);
        *pp = r->next;
        free(r->prot);
        free(r);
        ok = TRUE;
    } else if (type == MEM_DECOMMIT) {
        uint64_t s = (uint64_t)addr & ~(PG - 1);
        uint64_t e = size ? ((uint64_t)addr + size + PG - 1) & ~(PG - 1) : r->base + r->size;
        if (e <= r->base + r->size) {
            mmap((void *)s, e - s, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
            memset(page(r, s), 0, (e - s) / PG * sizeof *r->prot);
            ok = TRUE;
        }
    }
    pthread_mutex_unlock(&lock);
    if (!ok)
        w32_set_last_error(err);
    return ok;
}

/* One line of /proc/self/maps containing ADDR, or the hole it is in. */
static int map_of(uint64_t addr, uint64_t *lo, uint64_t *hi, char perms[5])
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int found = 0;
    uint64_t prev_hi = 0;
    *lo = 0;
    *hi = 0x7ffffffeffffull + 1;
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

/* Lock held: a query inside one of our reservations. */
static void query_region(struct region *r, uint64_t a, MEMORY_BASIC_INFORMATION *mbi)
{
    uint16_t p = *page(r, a);
    uint64_t e = a;
    while (e < r->base + r->size && *page(r, e) == p)
        e += PG;
    mbi->AllocationBase = (PVOID)r->base;
    mbi->AllocationProtect = r->alloc_protect;
    mbi->Type = MEM_PRIVATE;
    mbi->State = p ? MEM_COMMIT : MEM_RESERVE;
    mbi->Protect = p;
    mbi->RegionSize = e - a;
}

static SIZE_T WINAPI w32_VirtualQuery(LPCVOID addr, MEMORY_BASIC_INFORMATION *out, SIZE_T len)
{
    MEMORY_BASIC_INFORMATION m;
    if (len < sizeof m) {
        w32_set_last_error(ERROR_BAD_LENGTH);
        return 0;
    }
    uint64_t a = (uint64_t)addr & ~(PG - 1), lo, hi;
    char perms[5] = "---p";
    memset(&m, 0, sizeof m);
    m.BaseAddress = (PVOID)a;
    pthread_mutex_lock(&lock);
    struct region *r = find_region(a);
    if (r)
        query_region(r, a, &m);
    pthread_mutex_unlock(&lock);
    if (!r) {
        int mapped = map_of(a, &lo, &hi, perms);
        const struct ximage *img = &w32_proc.img;
        int in_image = a >= img->lo && a < img->hi;
        m.RegionSize = (hi > a ? hi : a + PG) - a;
        if (!mapped) {
            m.State = MEM_FREE;
            m.Protect = PAGE_NOACCESS;
        } else {
            m.AllocationBase = in_image ? (PVOID)img->base : (PVOID)lo;
            m.AllocationProtect = in_image ? PAGE_EXECUTE_WRITECOPY : win_prot(perms[0] == 'r', perms[1] == 'w', perms[2] == 'x');
            m.Type = in_image ? MEM_IMAGE : perms[3] == 's' ? MEM_MAPPED : MEM_PRIVATE;
            m.State = MEM_COMMIT;
            m.Protect = win_prot(perms[0] == 'r', perms[1] == 'w', perms[2] == 'x');
        }
    }
    if (!k32_copy_out(out, &m, sizeof m)) {
        w32_set_last_error(ERROR_NOACCESS);
        return 0;
    }
    return sizeof m;
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
    pthread_mutex_lock(&lock);
    struct region *r = find_region(s);
    if (r) { /* every page must be committed */
        for (uint64_t p = s; p < e && p < r->base + r->size; p += PG)
            if (!*page(r, p) || e > r->base + r->size) {
                pthread_mutex_unlock(&lock);
                w32_set_last_error(ERROR_INVALID_ADDRESS);
                return FALSE;
            }
    }
    if (mprotect((void *)s, e - s, hp) < 0) {
        pthread_mutex_unlock(&lock);
        w32_set_last_error(errno == ENOMEM ? ERROR_INVALID_ADDRESS : w32_error_from_errno(errno));
        return FALSE;
    }
    for (uint64_t p = s; r && p < e; p += PG)
        *page(r, p) = (uint16_t)prot;
    pthread_mutex_unlock(&lock);
    *old = mbi.Protect;
    return TRUE;
}

/* A fault at ADDR: if it is a guard page of ours, lift the guard (the
 * page gets its protection back) and return 1 — the fault is then
 * STATUS_GUARD_PAGE_VIOLATION, raised once, as on Windows. */
int w32_virtual_guard_fault(uint64_t addr)
{
    int hit = 0;
    if (pthread_mutex_trylock(&lock) != 0)
        return 0;
    struct region *r = find_region(addr);
    uint16_t *w = r ? page(r, addr) : NULL;
    if (w && (*w & PAGE_GUARD)) {
        int ok;
        *w &= (uint16_t)~PAGE_GUARD;
        mprotect((void *)(addr & ~(PG - 1)), PG, host_prot(*w, &ok));
        hit = 1;
    }
    pthread_mutex_unlock(&lock);
    return hit;
}

/* Is [P, P+N) committed, writable memory (IsBadWritePtr)? */
int k32_writable_range(PVOID p, SIZE_T n)
{
    uint64_t a = (uint64_t)p, end = a + n;
    while (a < end) {
        MEMORY_BASIC_INFORMATION m;
        if (!w32_VirtualQuery((LPCVOID)a, &m, sizeof m) || m.State != MEM_COMMIT ||
            !(m.Protect & (PAGE_READWRITE | PAGE_WRITECOPY | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)) ||
            (m.Protect & PAGE_GUARD))
            return 0;
        a = (uint64_t)m.BaseAddress + m.RegionSize;
    }
    return 1;
}

static int self(HANDLE p)
{
    return p == W32_CURRENT_PROCESS;
}

static PVOID WINAPI w32_VirtualAllocEx(HANDLE p, PVOID a, SIZE_T n, DWORD t, DWORD pr)
{
    if (!self(p)) {
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return NULL;
    }
    return w32_VirtualAlloc(a, n, t, pr);
}

static BOOL WINAPI w32_VirtualFreeEx(HANDLE p, PVOID a, SIZE_T n, DWORD t)
{
    if (!self(p)) {
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    return w32_VirtualFree(a, n, t);
}

static BOOL WINAPI w32_VirtualProtectEx(HANDLE p, PVOID a, SIZE_T n, DWORD pr, DWORD *old)
{
    if (!self(p)) {
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    return w32_VirtualProtect(a, n, pr, old);
}

static SIZE_T WINAPI w32_VirtualQueryEx(HANDLE p, LPCVOID a, MEMORY_BASIC_INFORMATION *m, SIZE_T n)
{
    if (!self(p)) {
        w32_set_last_error(ERROR_ACCESS_DENIED);
        return 0;
    }
    return w32_VirtualQuery(a, m, n);
}

static BOOL WINAPI w32_VirtualLock(PVOID a, SIZE_T n) { (void)a, (void)n; return TRUE; }
static BOOL WINAPI w32_VirtualUnlock(PVOID a, SIZE_T n) { (void)a, (void)n; return TRUE; }
static BOOL WINAPI w32_FlushInstructionCache(HANDLE p, LPCVOID a, SIZE_T n) { (void)p, (void)a, (void)n; return TRUE; }

W32_EXPORTS(kernel32) = {
    EXPORT(VirtualAlloc, "pquu:p"),
    EXPORT(VirtualFree, "pqu:i"),
    EXPORT(VirtualQuery, "ppq:q"),
    EXPORT(VirtualProtect, "pqup:i"),
    EXPORT(VirtualAllocEx, "hpquu:p"),
    EXPORT(VirtualFreeEx, "hpqu:i"),
    EXPORT(VirtualQueryEx, "hppq:q"),
    EXPORT(VirtualProtectEx, "hpqup:i"),
    EXPORT(VirtualLock, "pq:i"),
    EXPORT(VirtualUnlock, "pq:i"),
    EXPORT(FlushInstructionCache, "hpq:i"),
};
