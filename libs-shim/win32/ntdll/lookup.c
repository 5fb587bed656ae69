/* lookup.c — finding a function's unwind data from a code address:
 * RtlLookupFunctionEntry (binary search of the .pdata of the program or of
 * a DLL shipped with it (native.c), then the
 * tables programs register with RtlAddFunctionTable, then host code,
 * which hostunwind.c describes with a stand-in entry), RtlPcToFileHeader,
 * RtlAddFunctionTable, RtlInstallFunctionTableCallback (JIT compilers) and
 * RtlDeleteFunctionTable. */
#include <pthread.h>

#include "../native.h"
#include "seh.h"

#define MAX_TABLES 64

typedef RUNTIME_FUNCTION *(WINAPI *table_callback)(DWORD64 pc, PVOID context);

struct fn_table {
    DWORD64 base, lo, hi;       /* image base and the code range covered */
    const RUNTIME_FUNCTION *fn;
    DWORD count;
    int is_image;               /* a PE image (RtlPcToFileHeader answers) */
    table_callback callback;    /* RtlInstallFunctionTableCallback */
    PVOID context;
};

static struct fn_table tables[MAX_TABLES];
static int ntables;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int add_table(const struct fn_table *t)
{
    pthread_mutex_lock(&lock);
    int ok = ntables < MAX_TABLES;
    if (ok)
        tables[ntables++] = *t;
    pthread_mutex_unlock(&lock);
    return ok;
}

void seh_register_image(DWORD64 base, DWORD size, DWORD pdata_rva, DWORD pdata_size)
{
    struct fn_table t = { base, base, base + size, (const RUNTIME_FUNCTION *)(base + pdata_rva),
                          pdata_size / sizeof(RUNTIME_FUNCTION), 1, NULL, NULL };
    if (!pdata_rva)
        t.count = 0;
    add_table(&t);
}

/* A DLL shipped with the program (native.c) holding PC, as a table. */
static int native_table(DWORD64 pc, struct fn_table *out)
{
    const struct w32_native *m = w32_native_by_address(pc);
    if (!m)
        return 0;
    const struct pe_file *pe = &m->pe;
    DWORD rva = pe->dir[PE_DIR_EXCEPTION].rva;
    *out = (struct fn_table){ m->img.base, m->img.lo, m->img.hi, (const RUNTIME_FUNCTION *)(m->img.base + rva),
                              rva ? pe->dir[PE_DIR_EXCEPTION].size / sizeof(RUNTIME_FUNCTION) : 0, 1, NULL,
                              NULL };
    return 1;
}

/* The table covering PC, copied out under the lock. */
static int find_table(DWORD64 pc, struct fn_table *out)
{
    if (native_table(pc, out))
        return 1;
    int found = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < ntables && !found; i++)
        if (pc >= tables[i].lo && pc < tables[i].hi) {
            *out = tables[i];
            found = 1;
        }
    pthread_mutex_unlock(&lock);
    return found;
}

int seh_pc_in_image(DWORD64 pc)
{
    struct fn_table t;
    return find_table(pc, &t);
}

static RUNTIME_FUNCTION *search(const struct fn_table *t, DWORD rva)
{
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const RUNTIME_FUNCTION *f = &t->fn[mid];
        if (rva < f->BeginAddress)
            hi = mid;
        else if (rva >= f->EndAddress)
            lo = mid + 1;
        else if (f->UnwindData & 1)             /* RUNTIME_FUNCTION_INDIRECT */
            return (RUNTIME_FUNCTION *)(t->base + (f->UnwindData & ~1u));
        else
            return (RUNTIME_FUNCTION *)f;
    }
    return NULL;
}

RUNTIME_FUNCTION *WINAPI w32_RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base, UNWIND_HISTORY_TABLE *h)
{
    (void)h;
    struct fn_table t;
    *base = 0;
    if (find_table(pc, &t)) {
        *base = t.base;
        return t.callback ? t.callback(pc, t.context) : search(&t, (DWORD)(pc - t.base));
    }
    return seh_host_lookup(pc, base);
}

static PVOID WINAPI w32_RtlPcToFileHeader(PVOID pc, PVOID *base)
{
    struct fn_table t;
    *base = NULL;
    if (find_table((DWORD64)pc, &t) && t.is_image)
        *base = (PVOID)t.base;
    return *base;
}

static BOOLEAN WINAPI w32_RtlAddFunctionTable(RUNTIME_FUNCTION *fn, DWORD count, DWORD64 base)
{
    struct fn_table t = { base, ~0ull, 0, fn, count, 0, NULL, NULL };
    for (DWORD i = 0; i < count; i++) {
        if (base + fn[i].BeginAddress < t.lo)
            t.lo = base + fn[i].BeginAddress;
        if (base + fn[i].EndAddress > t.hi)
            t.hi = base + fn[i].EndAddress;
    }
    return count && add_table(&t);
}

/* ID is the table's identifier: its base address with the low two bits
 * set; RtlDeleteFunctionTable takes it back. */
static BOOLEAN WINAPI w32_RtlInstallFunctionTableCallback(DWORD64 id, DWORD64 base, DWORD length,
                                                          table_callback cb, PVOID context, LPCWSTR dll)
{
    (void)dll;
    struct fn_table t = { base, base, base + length, (const RUNTIME_FUNCTION *)id, 0, 0, cb, context };
    return (id & 3) == 3 && cb && length && add_table(&t);
}

static BOOLEAN WINAPI w32_RtlDeleteFunctionTable(RUNTIME_FUNCTION *fn)
{
    BOOLEAN found = FALSE;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < ntables; i++)
        if (!tables[i].is_image && tables[i].fn == fn) {
            tables[i] = tables[--ntables];
            found = TRUE;
            break;
        }
    pthread_mutex_unlock(&lock);
    return found;
}

W32_EXPORTS(ntdll) = {
    EXPORT(RtlLookupFunctionEntry, "qpp:p"),
    EXPORT(RtlPcToFileHeader, "pp:p"),
    EXPORT(RtlAddFunctionTable, "puq:i"),
    EXPORT(RtlDeleteFunctionTable, "p:i"),
    EXPORT(RtlInstallFunctionTableCallback, "qqupps:i"),
};
W32_EXPORTS(kernel32) = {
    EXPORT(RtlLookupFunctionEntry, "qpp:p"),
    EXPORT(RtlPcToFileHeader, "pp:p"),
    EXPORT(RtlAddFunctionTable, "puq:i"),
    EXPORT(RtlDeleteFunctionTable, "p:i"),
    EXPORT(RtlInstallFunctionTableCallback, "qqupps:i"),
};
