/* module.c — modules: GetModuleHandle, GetModuleFileName, GetProcAddress
 * and LoadLibrary on the program's own image and on builtin DLLs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <limits.h>

#include "../native.h"
#include "../paths.h"
#include "../process.h"
#include "../registry.h"
#include "../relay.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

static int is_self(const char *name)
{
    const char *me = w32_path_base(w32_proc.exe_path_a), *it = w32_path_base(name);
    size_t n = strlen(it);
    if (!strcasecmp(me, it))
        return 1;
    /* "prog" also names prog.exe */
    return !strchr(it, '.') && !strncasecmp(me, it, n) && !strcasecmp(me + n, ".exe");
}

/* A module already in the process: the image, a builtin DLL, or a DLL
 * loaded from a file. LOAD: load a DLL file that is not there yet. */
static HMODULE module_by_name(const char *name, int load)
{
    if (!name)
        return (HMODULE)w32_proc.img.base;
    if (is_self(name))
        return (HMODULE)w32_proc.img.base;
    struct w32_dll *d = w32_find_dll(w32_path_base(name));
    if (d)
        return d->handle;
    char file[300];
    snprintf(file, sizeof file, "%s%s", w32_path_base(name), strchr(w32_path_base(name), '.') ? "" : ".dll");
    struct w32_native *m = w32_native_find(file);
    if (!m && load) {
        struct xerr e;
        m = w32_native_load(file, 0, &e);
        if (m)
            w32_native_process_attach();
    }
    return m ? (HMODULE)m->img.base : NULL;
}

static HMODULE WINAPI w32_GetModuleHandleA(LPCSTR name)
{
    HMODULE h = module_by_name(name, 0);
    if (!h)
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
    return h;
}

static HMODULE WINAPI w32_GetModuleHandleW(LPCWSTR name)
{
    char *u = w32_wide_to_utf8(name);
    HMODULE h = w32_GetModuleHandleA(u);
    free(u);
    return h;
}

static BOOL WINAPI w32_GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *out)
{
    if (flags & 4) { /* GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS */
        uint64_t a = (uint64_t)name;
        struct w32_native *m = w32_native_by_address(a);
        struct w32_dll *d = w32_dll_by_export_address((const void *)a);
        *out = a >= w32_proc.img.lo && a < w32_proc.img.hi ? (HMODULE)w32_proc.img.base
             : m ? (HMODULE)m->img.base : d ? (HMODULE)d->handle : NULL;
    } else {
        *out = w32_GetModuleHandleW(name);
    }
    if (!*out)
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
    return *out != NULL;
}

static HMODULE WINAPI w32_LoadLibraryA(LPCSTR name)
{
    HMODULE h = name ? module_by_name(name, 1) : NULL;
    if (!h)
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
    return h;
}

static HMODULE WINAPI w32_LoadLibraryW(LPCWSTR name)
{
    char *u = w32_wide_to_utf8(name);
    HMODULE h = w32_LoadLibraryA(u);
    free(u);
    return h;
}

#define LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR 0x100
#define LOAD_LIBRARY_SEARCH_APPLICATION_DIR 0x200
#define LOAD_LIBRARY_SEARCH_USER_DIRS 0x400
#define LOAD_LIBRARY_SEARCH_SYSTEM32 0x800
#define LOAD_LIBRARY_SEARCH_DEFAULT_DIRS 0x1000

/* LOAD_LIBRARY_SEARCH_SYSTEM32 alone: only the system directory, which
 * here holds the builtin DLLs (Go asks for powrprof.dll this way; looking
 * for it in the program's directory and along PATH was a scan of /usr/bin
 * at every start). A name with a directory is not searched for. */
static int system32_only(LPCSTR name, DWORD flags)
{
    DWORD other = LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_APPLICATION_DIR |
                  LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS;
    return (flags & LOAD_LIBRARY_SEARCH_SYSTEM32) && !(flags & other) && name &&
           !strchr(name, '/') && !strchr(name, '\\');
}

static HMODULE WINAPI w32_LoadLibraryExA(LPCSTR name, HANDLE f, DWORD flags)
{
    (void)f;
    if (!system32_only(name, flags))
        return w32_LoadLibraryA(name);
    HMODULE h = module_by_name(name, 0);
    if (!h)
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
    return h;
}

static HMODULE WINAPI w32_LoadLibraryExW(LPCWSTR name, HANDLE f, DWORD flags)
{
    char *u = name ? w32_wide_to_utf8(name) : NULL;
    HMODULE h = w32_LoadLibraryExA(u, f, flags);
    free(u);
    return h;
}

static BOOL WINAPI w32_FreeLibrary(HMODULE h)
{
    return h != NULL;
}

/* The image's own exports, by name or ordinal. */
static void *image_export(LPCSTR name)
{
    const struct pe_file *pe = w32_proc.pe;
    uint64_t ord = (uint64_t)name;
    for (size_t i = 0; i < pe->nexports; i++) {
        const struct pe_export *x = &pe->exports[i];
        if (x->rva && !x->forward &&
            (ord < 0x10000 ? x->ordinal == ord : x->name && !strcmp(x->name, name)))
            return (void *)(w32_proc.img.base + x->rva);
    }
    return NULL;
}

static void *WINAPI w32_GetProcAddress(HMODULE h, LPCSTR name)
{
    void *p = NULL;
    uint64_t ord = (uint64_t)name;
    struct w32_native *m = w32_native_by_handle(h);
    if (h == (HMODULE)w32_proc.img.base) {
        p = image_export(name);
    } else if (m) {
        p = w32_native_export(m, ord < 0x10000 ? NULL : name, (unsigned)(ord < 0x10000 ? ord : 0));
    } else {
        struct w32_dll *d = w32_dll_by_handle(h);
        const struct w32_export *x = d ? w32_find_export(d, ord < 0x10000 ? NULL : name,
                                                         (unsigned)(ord < 0x10000 ? ord : 0)) : NULL;
        p = x ? w32_relay_wrap(d, x) : NULL;
        if (!d) {
            w32_set_last_error(ERROR_INVALID_HANDLE);
            return NULL;
        }
    }
    if (!p)
        w32_set_last_error(ERROR_PROC_NOT_FOUND);
    return p;
}

/* Copy S into BUF of N units, Windows style: the count copied without
 * the NUL, or N with ERROR_INSUFFICIENT_BUFFER when it does not fit. */
static DWORD copy_name_a(const char *s, char *buf, DWORD n)
{
    size_t len = strlen(s);
    if (n == 0) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (len >= n) {
        memcpy(buf, s, n - 1);
        buf[n - 1] = 0;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return n;
    }
    memcpy(buf, s, len + 1);
    w32_set_last_error(ERROR_SUCCESS);
    return (DWORD)len;
}

static const char *module_path(HMODULE h)
{
    static char buf[300];
    if (!h || h == (HMODULE)w32_proc.img.base)
        return w32_proc.exe_path_a;
    struct w32_native *m = w32_native_by_handle(h);
    if (m) {
        char abs[4096];
        w32_host_to_win(realpath(m->path, abs) ? abs : m->path, buf, sizeof buf);
        return buf;
    }
    struct w32_dll *d = w32_dll_by_handle(h);
    if (!d)
        return NULL;
    snprintf(buf, sizeof buf, "C:\\windows\\system32\\%s", d->name);
    return buf;
}

static DWORD WINAPI w32_GetModuleFileNameA(HMODULE h, LPSTR buf, DWORD n)
{
    const char *p = module_path(h);
    if (!p) {
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    return copy_name_a(p, buf, n);
}

static DWORD WINAPI w32_GetModuleFileNameW(HMODULE h, LPWSTR buf, DWORD n)
{
    const char *p = module_path(h);
    if (!p) {
        w32_set_last_error(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    WCHAR *w = w32_utf8_to_wide(p);
    size_t len = w ? w32_wcslen(w) : 0;
    DWORD r;
    if (n == 0) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        r = 0;
    } else if (len >= n) {
        memcpy(buf, w, (n - 1) * sizeof *w);
        buf[n - 1] = 0;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        r = n;
    } else {
        memcpy(buf, w, (len + 1) * sizeof *w);
        w32_set_last_error(ERROR_SUCCESS);
        r = (DWORD)len;
    }
    free(w);
    return r;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetModuleHandleA, "s:p"),
    EXPORT(GetModuleHandleW, "w:p"),
    EXPORT(GetModuleHandleExW, "uwp:i"),
    EXPORT(LoadLibraryA, "s:p"),
    EXPORT(LoadLibraryW, "w:p"),
    EXPORT(LoadLibraryExA, "shu:p"),
    EXPORT(LoadLibraryExW, "whu:p"),
    EXPORT(FreeLibrary, "p:i"),
    EXPORT(GetProcAddress, "ps:p"),
    EXPORT(GetModuleFileNameA, "ppu:u"),
    EXPORT(GetModuleFileNameW, "ppu:u"),
};
