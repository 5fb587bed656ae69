/* native.c — DLLs that come with a program (libstdc++-6.dll,
 * libgcc_s_seh-1.dll, the program's own DLLs): found next to the program
 * (then in the current directory and on PATH), mapped and relocated like
 * the image, their own imports bound recursively, and their DllMain called
 * for process and thread attach, as Windows' loader does. Builtin DLLs
 * always win over a file of the same name. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "native.h"
#include "paths.h"
#include "process.h"
#include "registry.h"
#include "xeno.h"

#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3
#define MAX_DEPTH 32

static struct w32_native *loaded;     /* in load order (dependencies first) */
static struct w32_native **tail = &loaded;

/* A case-insensitive match of NAME in host directory DIR. */
static int find_in_dir(const char *dir, const char *name, char *out, size_t n)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int found = 0;
    while (d && !found && (de = readdir(d)) != NULL)
        if (!strcasecmp(de->d_name, name)) {
            snprintf(out, n, "%s/%s", dir, de->d_name);
            found = access(out, R_OK) == 0;
        }
    if (d)
        closedir(d);
    return found;
}

/* Windows' search order for a DLL named by an import: the program's
 * directory, the current directory, then PATH. */
static int search(const char *name, char *out, size_t n)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", w32_proc.exe_host ? w32_proc.exe_host : ".");
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        strcpy(dir, ".");
    if (find_in_dir(dir, name, out, n) || find_in_dir(".", name, out, n))
        return 1;
    const char *path = getenv("PATH");
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path ? path : "");
    for (char *save = NULL, *p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
        if (find_in_dir(p, name, out, n))
            return 1;
    return 0;
}

struct w32_native *w32_native_find(const char *name)
{
    const char *b = w32_path_base(name);
    for (struct w32_native *m = loaded; m; m = m->next)
        if (!strcasecmp(m->name, b))
            return m;
    return NULL;
}

struct w32_native *w32_native_by_handle(const void *h)
{
    for (struct w32_native *m = loaded; m; m = m->next)
        if ((const void *)m->img.base == h)
            return m;
    return NULL;
}

struct w32_native *w32_native_by_address(uint64_t a)
{
    for (struct w32_native *m = loaded; m; m = m->next)
        if (a >= m->img.lo && a < m->img.hi)
            return m;
    return NULL;
}

static void *export_by(struct w32_native *m, const char *name, unsigned ordinal, int depth);

/* "OTHER.Name" or "OTHER.#12": resolve in that DLL (builtin or native). */
static void *forwarded(const char *fwd, int depth)
{
    char dll[256];
    const char *dot = strrchr(fwd, '.');
    if (!dot || (size_t)(dot - fwd) >= sizeof dll - 5)
        return NULL;
    memcpy(dll, fwd, (size_t)(dot - fwd));
    dll[dot - fwd] = 0;
    const char *fn = dot + 1;
    unsigned ord = fn[0] == '#' ? (unsigned)atoi(fn + 1) : 0;
    struct w32_dll *b = w32_find_dll(dll);
    if (b) {
        const struct w32_export *x = w32_find_export(b, ord ? NULL : fn, ord);
        return x ? x->addr : NULL;
    }
    strcat(dll, ".dll");
    struct xerr e;
    struct w32_native *m = w32_native_load(dll, depth + 1, &e);
    return m ? export_by(m, ord ? NULL : fn, ord, depth + 1) : NULL;
}

static void *export_by(struct w32_native *m, const char *name, unsigned ordinal, int depth)
{
    if (depth > MAX_DEPTH)
        return NULL;
    for (size_t i = 0; i < m->pe.nexports; i++) {
        const struct pe_export *x = &m->pe.exports[i];
        if (!x->rva || (name ? !x->name || strcmp(x->name, name) : x->ordinal != ordinal))
            continue;
        return x->forward ? forwarded(x->forward, depth) : (void *)(m->img.base + x->rva);
    }
    return NULL;
}

void *w32_native_export(struct w32_native *m, const char *name, unsigned ordinal)
{
    return export_by(m, name, ordinal, 0);
}

static int map_dll(struct w32_native *m, const char *path, struct xerr *e)
{
    if (xfile_open(&m->f, m->path, e) < 0 || pe_parse(&m->pe, &m->f, e) < 0)
        return -1;
    if (m->pe.machine != PE_MACHINE_AMD64 || m->pe.magic != 0x20b)
        return xerr_set(e, "%s is not an x86-64 DLL", path);
    return pe_map_image(&m->pe, &m->img, e);
}

struct w32_native *w32_native_load(const char *name, int depth, struct xerr *e)
{
    char path[PATH_MAX];
    struct w32_native *m = w32_native_find(name);
    if (m)
        return m;
    if (depth > MAX_DEPTH) {
        xerr_set(e, "DLLs import each other too deeply");
        return NULL;
    }
    if (!search(w32_path_base(name), path, sizeof path)) {
        xerr_set(e, "%s: not found next to the program, in the current directory or on PATH",
                 w32_path_base(name));
        return NULL;
    }
    m = calloc(1, sizeof *m);
    if (!m || !(m->name = strdup(w32_path_base(name))) || !(m->path = strdup(path))) {
        xerr_set(e, "out of memory");
        return NULL;
    }
    if (map_dll(m, path, e) < 0)
        return NULL;
    /* Registered before its imports are bound, so cycles terminate. */
    *tail = m;
    tail = &m->next;
    if (w32_bind_imports_depth(&m->pe, m->img.base, depth + 1, e) < 0)
        return NULL;
    pe_protect_image(&m->pe, &m->img);
    return m;
}

static void call_entry(struct w32_native *m, DWORD reason)
{
    const struct pe_file *pe = &m->pe;
    uint64_t delta = m->img.base - pe->image_base;
    for (size_t i = 0; i < pe->ntls_callbacks; i++) {
        void (WINAPI *cb)(PVOID, DWORD, PVOID) =
            (void (WINAPI *)(PVOID, DWORD, PVOID))(pe->tls_callbacks[i] + delta);
        cb((PVOID)m->img.base, reason, NULL);
    }
    if (!pe->entry_rva)
        return;
    BOOL (WINAPI *entry)(PVOID, DWORD, PVOID) =
        (BOOL (WINAPI *)(PVOID, DWORD, PVOID))(m->img.base + pe->entry_rva);
    if (!entry((PVOID)m->img.base, reason, NULL) && reason == DLL_PROCESS_ATTACH)
        xeno_die(XENO_EXIT_NOLOAD, "%s: DllMain of %s failed", w32_proc.exe_path_a, m->name);
}

/* Dependencies were registered first, so load order is initialisation
 * order. */
void w32_native_process_attach(void)
{
    for (struct w32_native *m = loaded; m; m = m->next)
        if (!m->inited) {
            m->inited = 1;
            call_entry(m, DLL_PROCESS_ATTACH);
        }
}

void w32_native_thread_event(int attach)
{
    for (struct w32_native *m = loaded; m; m = m->next)
        if (m->inited && !m->no_thread_calls)
            call_entry(m, attach ? DLL_THREAD_ATTACH : DLL_THREAD_DETACH);
}

void w32_native_process_detach(void)
{
    /* reverse order: collect, then walk back */
    struct w32_native *v[256];
    size_t n = 0;
    for (struct w32_native *m = loaded; m && n < 256; m = m->next)
        if (m->inited)
            v[n++] = m;
    while (n)
        call_entry(v[--n], DLL_PROCESS_DETACH);
}

struct w32_native *w32_native_list(void)
{
    return loaded;
}
