/* rsrcdir.c — the resource directory walk behind FindResource and
 * LoadString (see rsrcdir.h). Layout (PE/COFF specification, ".rsrc
 * section"): a directory table is 16 bytes ending with the counts of named
 * and id entries, followed by 8-byte entries {name or id, offset}; a set
 * high bit on the name marks an offset to a counted UTF-16 string, on the
 * offset a subdirectory (else a 16-byte data entry {RVA, size, code page,
 * reserved}). All offsets are from the directory's start; data RVAs are
 * image RVAs. Entries are searched linearly so unsorted ones still work. */
#include <string.h>

#include "../unicode.h"
#include "rsrcdir.h"

#define HIGH 0x80000000u

static int rd16(const struct rsrc_view *v, uint64_t off, uint16_t *out)
{
    if (off + 2 > v->dir_size)
        return 0;
    memcpy(out, v->img + v->dir_rva + off, 2);
    return 1;
}

static int rd32(const struct rsrc_view *v, uint64_t off, uint32_t *out)
{
    if (off + 4 > v->dir_size)
        return 0;
    memcpy(out, v->img + v->dir_rva + off, 4);
    return 1;
}

static int view_ok(const struct rsrc_view *v)
{
    return v->img && v->dir_rva && v->dir_size >= 16 &&
           (uint64_t)v->dir_rva + v->dir_size <= v->img_size;
}

void rsrc_key_from_w(struct rsrc_key *k, const WCHAR *p)
{
    memset(k, 0, sizeof *k);
    if ((uintptr_t)p < 0x10000) {
        k->is_id = 1, k->id = (uint16_t)(uintptr_t)p;
        return;
    }
    if (p[0] == '#') {
        uint32_t n = 0;
        const WCHAR *q = p + 1;
        for (; *q >= '0' && *q <= '9' && n <= 0xffff; q++)
            n = n * 10 + (uint32_t)(*q - '0');
        if (q > p + 1 && !*q && n <= 0xffff) {
            k->is_id = 1, k->id = (uint16_t)n;
            return;
        }
    }
    k->str = p;
}

/* Whether the counted string at directory offset OFF equals KEY, ignoring case. */
static int name_matches(const struct rsrc_view *v, uint32_t off, const WCHAR *key)
{
    uint16_t len, c;
    if (!rd16(v, off, &len))
        return 0;
    size_t i = 0;
    for (; i < len; i++) {
        if (!key[i] || !rd16(v, (uint64_t)off + 2 + 2 * i, &c))
            return 0;
        if (w32_towupper(c) != w32_towupper(key[i]))
            return 0;
    }
    return key[i] == 0;
}

/* The offset field of the entry of directory DIR matching KEY; 0 if none. */
static int find_entry(const struct rsrc_view *v, uint32_t dir, const struct rsrc_key *key,
                      uint32_t *target)
{
    uint16_t named, ids;
    if (!rd16(v, (uint64_t)dir + 12, &named) || !rd16(v, (uint64_t)dir + 14, &ids))
        return 0;
    for (uint32_t i = 0; i < (uint32_t)named + ids; i++) {
        uint64_t e = (uint64_t)dir + 16 + 8 * (uint64_t)i;
        uint32_t name, off;
        if (!rd32(v, e, &name) || !rd32(v, e + 4, &off))
            return 0;
        int hit = key->is_id ? !(name & HIGH) && name == key->id
                             : (name & HIGH) && name_matches(v, name & ~HIGH, key->str);
        if (hit) {
            *target = off;
            return 1;
        }
    }
    return 0;
}

/* The subdirectory an entry's offset field names, checked. */
static int subdir(const struct rsrc_view *v, uint32_t off, uint32_t *dir)
{
    if (!(off & HIGH) || (uint64_t)(off & ~HIGH) + 16 > v->dir_size)
        return 0;
    *dir = off & ~HIGH;
    return 1;
}

/* A language entry's data entry, checked to lie inside the directory. */
static int data_entry(const struct rsrc_view *v, uint32_t off, uint32_t *entry_rva)
{
    if ((off & HIGH) || (uint64_t)off + 16 > v->dir_size)
        return 0;
    *entry_rva = v->dir_rva + off;
    return 1;
}

/* The first language entry of directory DIR that is a data entry. */
static int first_lang(const struct rsrc_view *v, uint32_t dir, uint32_t *entry_rva)
{
    uint16_t named, ids;
    if (!rd16(v, (uint64_t)dir + 12, &named) || !rd16(v, (uint64_t)dir + 14, &ids))
        return 0;
    for (uint32_t i = 0; i < (uint32_t)named + ids; i++) {
        uint32_t off;
        if (!rd32(v, (uint64_t)dir + 16 + 8 * (uint64_t)i + 4, &off))
            return 0;
        if (data_entry(v, off, entry_rva))
            return 1;
    }
    return 0;
}

DWORD rsrc_find(const struct rsrc_view *v, const struct rsrc_key *type,
                const struct rsrc_key *name, const uint16_t *langs, size_t nlangs,
                int any_lang, uint32_t *entry_rva)
{
    uint32_t off, tdir, ndir;
    if (!view_ok(v))
        return ERROR_RESOURCE_DATA_NOT_FOUND;
    if (!find_entry(v, 0, type, &off) || !subdir(v, off, &tdir))
        return ERROR_RESOURCE_TYPE_NOT_FOUND;
    if (!find_entry(v, tdir, name, &off) || !subdir(v, off, &ndir))
        return ERROR_RESOURCE_NAME_NOT_FOUND;
    for (size_t i = 0; i < nlangs; i++) {
        struct rsrc_key lk = { .is_id = 1, .id = langs[i] };
        if (find_entry(v, ndir, &lk, &off) && data_entry(v, off, entry_rva))
            return 0;
    }
    if (any_lang && first_lang(v, ndir, entry_rva))
        return 0;
    return ERROR_RESOURCE_LANG_NOT_FOUND;
}

DWORD rsrc_data(const struct rsrc_view *v, uint32_t entry_rva, uint32_t *data_rva,
                uint32_t *size)
{
    if (!view_ok(v) || entry_rva < v->dir_rva)
        return ERROR_RESOURCE_DATA_NOT_FOUND;
    uint64_t off = entry_rva - v->dir_rva;
    if (!rd32(v, off, data_rva) || !rd32(v, off + 4, size) ||
        (uint64_t)*data_rva + *size > v->img_size)
        return ERROR_RESOURCE_DATA_NOT_FOUND;
    return 0;
}

int rsrc_string_in_block(const uint8_t *data, uint32_t size, unsigned num,
                         const WCHAR **s, size_t *len)
{
    uint64_t pos = 0;
    for (unsigned i = 0; i <= num && i < 16; i++) {
        uint16_t n;
        if (pos + 2 > size)
            return 0;
        memcpy(&n, data + pos, 2);
        if (pos + 2 + 2 * (uint64_t)n > size)
            return 0;
        if (i == num) {
            *s = (const WCHAR *)(data + pos + 2);
            *len = n;
            return 1;
        }
        pos += 2 + 2 * (uint64_t)n;
    }
    return 0;
}
