/* resource.c — resources of a loaded image: FindResource(Ex)(A/W),
 * LoadResource, LockResource, SizeofResource, FreeResource. A module
 * handle is the image base (NULL: the program); the walk itself is
 * rsrcdir.c, bounds-checked against the image. A HRSRC points at the
 * resource's data entry in the image and a resource "handle" at its data,
 * as on Windows. Builtin DLLs have no resources. */
#include <stdlib.h>
#include <string.h>

#include "../native.h"
#include "../registry.h"
#include "../unicode.h"
#include "k32.h"
#include "rsrcdir.h"

#define LANG_NEUTRAL 0
#define SUBLANGID(l) ((l) >> 10)
#define PRIMARYLANGID(l) ((l) & 0x3ff)

/* The resource view of module H: 0, or a Win32 error. */
static DWORD module_view(HMODULE h, struct rsrc_view *v)
{
    const struct pe_file *pe;
    uint64_t base;
    struct w32_native *m = NULL;
    if (!h || h == (HMODULE)w32_proc.img.base) {
        pe = w32_proc.pe, base = w32_proc.img.base;
    } else if ((m = w32_native_by_handle(h))) {
        pe = &m->pe, base = m->img.base;
    } else {
        return w32_dll_by_handle(h) ? ERROR_RESOURCE_DATA_NOT_FOUND : ERROR_INVALID_HANDLE;
    }
    memset(v, 0, sizeof *v);
    if (!pe)
        return ERROR_RESOURCE_DATA_NOT_FOUND;
    v->img = (const uint8_t *)base;
    v->img_size = pe->size_of_image;
    if (pe->ndirs > PE_DIR_RESOURCE)
        v->dir_rva = pe->dir[PE_DIR_RESOURCE].rva, v->dir_size = pe->dir[PE_DIR_RESOURCE].size;
    return 0;
}

/* Languages to try: the one asked for; for a neutral request the neutral,
 * default and English (United States) entries, then whatever is there. */
static DWORD find_in(const struct rsrc_view *v, const struct rsrc_key *type,
                     const struct rsrc_key *name, WORD lang, uint32_t *entry)
{
    if (PRIMARYLANGID(lang) != LANG_NEUTRAL) {
        uint16_t l[] = { lang, (uint16_t)PRIMARYLANGID(lang) };
        return rsrc_find(v, type, name, l, 2, 0, entry);
    }
    uint16_t l[] = { lang, 0x0000, 0x0400, 0x0800, 0x0409 };
    return rsrc_find(v, type, name, l, sizeof l / sizeof l[0], 1, entry);
}

static void *find_resource(HMODULE h, LPCWSTR type, LPCWSTR name, WORD lang)
{
    struct rsrc_view v;
    struct rsrc_key tk, nk;
    uint32_t entry;
    DWORD err = module_view(h, &v);
    if (!err) {
        rsrc_key_from_w(&tk, type);
        rsrc_key_from_w(&nk, name);
        err = find_in(&v, &tk, &nk, lang, &entry);
    }
    if (err) {
        w32_set_last_error(err);
        return NULL;
    }
    return (void *)(v.img + entry);
}

static HANDLE WINAPI w32_FindResourceExW(HMODULE h, LPCWSTR type, LPCWSTR name, WORD lang)
{
    return find_resource(h, type, name, lang);
}

static HANDLE WINAPI w32_FindResourceW(HMODULE h, LPCWSTR name, LPCWSTR type)
{
    return find_resource(h, type, name, 0);
}

/* An ANSI type or name: an id stays an id, a string becomes UTF-16. */
static WCHAR *key_w(LPCSTR s)
{
    return (uintptr_t)s < 0x10000 ? (WCHAR *)(uintptr_t)s : w32_utf8_to_wide(s);
}

static HANDLE WINAPI w32_FindResourceExA(HMODULE h, LPCSTR type, LPCSTR name, WORD lang)
{
    WCHAR *t = key_w(type), *n = key_w(name);
    HANDLE r = find_resource(h, t, n, lang);
    if ((uintptr_t)t >= 0x10000)
        free(t);
    if ((uintptr_t)n >= 0x10000)
        free(n);
    return r;
}

static HANDLE WINAPI w32_FindResourceA(HMODULE h, LPCSTR name, LPCSTR type)
{
    return w32_FindResourceExA(h, type, name, 0);
}

/* The data entry HRES of module H: 0 and the data, or an error. */
static DWORD entry_data(HMODULE h, HANDLE hres, const void **data, DWORD *size)
{
    struct rsrc_view v;
    uint32_t rva, sz;
    DWORD err = module_view(h, &v);
    if (err)
        return err;
    if (!hres || (const uint8_t *)hres < v.img || (uint64_t)((const uint8_t *)hres - v.img) >= v.img_size)
        return ERROR_INVALID_HANDLE;
    err = rsrc_data(&v, (uint32_t)((const uint8_t *)hres - v.img), &rva, &sz);
    if (err)
        return err;
    *data = v.img + rva, *size = sz;
    return 0;
}

static HANDLE WINAPI w32_LoadResource(HMODULE h, HANDLE hres)
{
    const void *data;
    DWORD size, err = entry_data(h, hres, &data, &size);
    if (err) {
        w32_set_last_error(err);
        return NULL;
    }
    return (HANDLE)data;
}

static DWORD WINAPI w32_SizeofResource(HMODULE h, HANDLE hres)
{
    const void *data;
    DWORD size, err = entry_data(h, hres, &data, &size);
    if (err) {
        w32_set_last_error(err);
        return 0;
    }
    return size;
}

static LPVOID WINAPI w32_LockResource(HANDLE res)
{
    return res;
}

/* Obsolete: resources are freed with their module; always FALSE. */
static BOOL WINAPI w32_FreeResource(HANDLE res)
{
    (void)res;
    return FALSE;
}

DWORD k32_resource_data(HMODULE h, const struct rsrc_key *type, const struct rsrc_key *name,
                        WORD lang, const void **data, DWORD *size)
{
    struct rsrc_view v;
    uint32_t entry;
    DWORD err = module_view(h, &v);
    if (!err)
        err = find_in(&v, type, name, lang, &entry);
    if (!err)
        err = entry_data(h, (HANDLE)(v.img + entry), data, size);
    return err;
}

W32_EXPORTS(kernel32) = {
    EXPORT(FindResourceW, "pww:p"),
    EXPORT(FindResourceExW, "pwwu:p"),
    EXPORT(FindResourceA, "pss:p"),
    EXPORT(FindResourceExA, "pssu:p"),
    EXPORT(LoadResource, "pp:p"),
    EXPORT(SizeofResource, "pp:u"),
    EXPORT(LockResource, "p:p"),
    EXPORT(FreeResource, "p:i"),
};
