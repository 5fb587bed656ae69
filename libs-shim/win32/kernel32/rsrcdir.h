/* rsrcdir.h — walking a PE image's resource directory (type → name →
 * language → data entry) in memory, with every offset checked against the
 * directory and the image: a damaged directory gives an error, never a
 * read outside the image. Pure functions, used by resource.c (FindResource
 * and friends) and the unit tests. */
#ifndef XENO_K32_RSRCDIR_H
#define XENO_K32_RSRCDIR_H

#include <stddef.h>
#include <stdint.h>

#include "../w32.h"

#define ERROR_RESOURCE_DATA_NOT_FOUND 1812
#define ERROR_RESOURCE_TYPE_NOT_FOUND 1813
#define ERROR_RESOURCE_NAME_NOT_FOUND 1814
#define ERROR_RESOURCE_LANG_NOT_FOUND 1815

/* A mapped image and its resource data directory (RVA and size). */
struct rsrc_view {
    const uint8_t *img;
    size_t img_size;
    uint32_t dir_rva, dir_size;
};

/* A type or name as FindResource takes it: an integer (MAKEINTRESOURCE,
 * or a string "#123") or a string compared without case. */
struct rsrc_key {
    int is_id;
    uint16_t id;
    const WCHAR *str;  /* NUL-terminated, when !is_id */
};

/* LPCWSTR as passed to FindResource (a pointer below 0x10000 is an id). */
void rsrc_key_from_w(struct rsrc_key *k, const WCHAR *p);

/* Find TYPE/NAME and a language among LANGS (tried in order; NLANGS may be
 * 0), taking the first language present when ANY_LANG. On success sets
 * *ENTRY_RVA (the IMAGE_RESOURCE_DATA_ENTRY, which is also what a HRSRC
 * points at) and returns 0; else an ERROR_RESOURCE_* code. */
DWORD rsrc_find(const struct rsrc_view *v, const struct rsrc_key *type,
                const struct rsrc_key *name, const uint16_t *langs, size_t nlangs,
                int any_lang, uint32_t *entry_rva);

/* The data a data entry at ENTRY_RVA describes: its RVA and size, both
 * checked to lie inside the image. 0, or ERROR_RESOURCE_DATA_NOT_FOUND. */
DWORD rsrc_data(const struct rsrc_view *v, uint32_t entry_rva, uint32_t *data_rva,
                uint32_t *size);

/* String NUM (0..15) of a RT_STRING block of SIZE bytes at DATA: sets *S and
 * *LEN (units, no NUL). Returns 0 when the block is too short for it. */
int rsrc_string_in_block(const uint8_t *data, uint32_t size, unsigned num,
                         const WCHAR **s, size_t *len);

/* resource.c: find TYPE/NAME in module H (NULL: the program) as
 * FindResourceExW does for LANG and map it: *DATA and *SIZE. Returns 0 or
 * a Win32 error (builtin DLLs have no resources). For user32's LoadString. */
DWORD k32_resource_data(HMODULE h, const struct rsrc_key *type, const struct rsrc_key *name,
                        WORD lang, const void **data, DWORD *size);

#endif
