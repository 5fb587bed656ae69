/* registry.c — the table of builtin DLLs and name resolution for imports,
 * LoadLibrary and GetProcAddress. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "registry.h"

#define DLLS(X) X(kernel32) X(msvcrt) X(ucrtbase) X(ntdll) X(advapi32) X(shell32) \
    X(bcryptprimitives) X(ws2_32) X(mswsock) X(winmm) X(user32) X(ole32) X(bcrypt) \
    X(secur32) X(setupapi) X(userenv)

/* Each DLL's exports are the w32x_NAME linker section. */
#define DECLARE(n) \
    extern struct w32_export __start_w32x_##n[], __stop_w32x_##n[]; \
    struct w32_dll w32_dll_##n = { .name = #n ".dll", .exports = __start_w32x_##n };
DLLS(DECLARE)
#undef DECLARE

static void count_exports(void)
{
#define COUNT(n) w32_dll_##n.nexports = (size_t)(__stop_w32x_##n - __start_w32x_##n);
    DLLS(COUNT)
#undef COUNT
}

#define ENTRY(n) &w32_dll_##n,
struct w32_dll *const w32_dlls[] = { DLLS(ENTRY) NULL };
#undef ENTRY

/* Other names for the same DLLs: prefixes of api sets, and DLLs whose
 * exports are a subset of one we have. */
static const struct { const char *prefix; struct w32_dll *dll; } aliases[] = {
    { "api-ms-win-crt-", &w32_dll_ucrtbase },
    { "api-ms-win-core-", &w32_dll_kernel32 },
    { "api-ms-win-security-", &w32_dll_advapi32 },
    { "api-ms-win-eventing-", &w32_dll_advapi32 },
    { "kernelbase", &w32_dll_kernel32 },
    { "msvcr", &w32_dll_msvcrt },   /* msvcr100.dll … msvcr120.dll */
    { "ucrtbased", &w32_dll_ucrtbase },
    { "vcruntime140", &w32_dll_ucrtbase },
    { "cryptbase", &w32_dll_advapi32 },
    { "sspicli", &w32_dll_secur32 },    /* where GetUserNameEx lives since Windows 7 */
    { "combase", &w32_dll_ole32 },      /* the COM base ole32 forwards to */
    { "psapi", &w32_dll_kernel32 },     /* its functions are kernel32's K32* (forward.c) */
};

/* "KERNEL32.dll" → "kernel32" in BUF. */
static void base_name(const char *name, char *buf, size_t n)
{
    size_t i = 0;
    for (; name[i] && i + 1 < n; i++)
        buf[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    buf[i] = 0;
    if (i > 4 && !strcmp(buf + i - 4, ".dll"))
        buf[i - 4] = 0;
}

struct w32_dll *w32_find_dll(const char *name)
{
    char b[128], d[128];
    base_name(name, b, sizeof b);
    for (size_t i = 0; w32_dlls[i]; i++) {
        base_name(w32_dlls[i]->name, d, sizeof d);
        if (!strcmp(b, d))
            return w32_dlls[i];
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strncmp(b, aliases[i].prefix, strlen(aliases[i].prefix)))
            return aliases[i].dll;
    return NULL;
}

struct w32_dll *w32_dll_by_handle(const void *h)
{
    for (size_t i = 0; w32_dlls[i]; i++)
        if (w32_dlls[i]->handle == h)
            return w32_dlls[i];
    return NULL;
}

struct w32_dll *w32_dll_by_export_address(const void *addr)
{
    for (size_t i = 0; w32_dlls[i]; i++)
        for (size_t j = 0; j < w32_dlls[i]->nexports; j++)
            if (w32_dlls[i]->exports[j].addr == addr)
                return w32_dlls[i];
    return NULL;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

/* An open-addressed table of a DLL's export names, at most half full. It
 * is built the first time the DLL is searched: most programs use two or
 * three of the DLLs, and building costs O(n) where sorting at start-up
 * cost O(n log n) for all of them. The first of two equal names wins. */
static uint32_t *build_index(struct w32_dll *d)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    uint32_t *idx = d->index;
    if (!idx) {
        uint32_t size = 16;
        while (size < 2 * d->nexports)
            size *= 2;
        idx = calloc(size, sizeof *idx);
        for (size_t i = 0; idx && i < d->nexports; i++) {
            uint32_t h = name_hash(d->exports[i].name) & (size - 1);
            while (idx[h] && strcmp(d->exports[idx[h] - 1].name, d->exports[i].name))
                h = (h + 1) & (size - 1);
            if (!idx[h])
                idx[h] = (uint32_t)i + 1;
        }
        d->mask = size - 1;
        __atomic_store_n(&d->index, idx, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&lock);
    return idx;
}

const struct w32_export *w32_find_export(const struct w32_dll *dll, const char *name,
                                         unsigned ordinal)
{
    if (!name) {
        for (size_t i = 0; i < dll->nexports; i++)
            if (ordinal && dll->exports[i].ordinal == ordinal)
                return &dll->exports[i];
        return NULL;
    }
    struct w32_dll *d = (struct w32_dll *)dll;
    uint32_t *idx = __atomic_load_n(&d->index, __ATOMIC_ACQUIRE);
    if (!idx && !(idx = build_index(d)))
        return NULL;
    for (uint32_t h = name_hash(name) & d->mask; idx[h]; h = (h + 1) & d->mask)
        if (!strcmp(d->exports[idx[h] - 1].name, name))
            return &d->exports[idx[h] - 1];
    return w32_forwarded_export(dll, name);
}

/* A module handle points at a minimal image header ("MZ", "PE") so code
 * that checks the header of a module it got from GetModuleHandle is not
 * surprised. */
static void *fake_module(void)
{
    static uint8_t *page;
    static size_t used;
    if (!page || used + 512 > 65536) {
        page = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED)
            return NULL;
        used = 0;
    }
    uint8_t *h = page + used;
    used += 512;
    h[0] = 'M', h[1] = 'Z';
    h[0x3c] = 0x40;
    memcpy(h + 0x40, "PE\0\0\x64\x86", 6);
    return h;
}

void w32_registry_init(void)
{
    static int done;
    if (done++)
        return;
    count_exports();
    for (size_t i = 0; w32_dlls[i]; i++) {
        w32_dlls[i]->handle = fake_module();
    }
}
