/* strsort.h — the collation behind CompareString and LCMAP_SORTKEY
 * (pure; see strsort.c). */
#ifndef XENO_K32_STRSORT_H
#define XENO_K32_STRSORT_H

#include <stddef.h>
#include "../w32.h"

#define K32_NORM_IGNORECASE 0x1
#define K32_NORM_IGNORENONSPACE 0x2
#define K32_NORM_IGNORESYMBOLS 0x4
#define K32_LINGUISTIC_IGNORECASE 0x10
#define K32_LINGUISTIC_IGNOREDIACRITIC 0x20
#define K32_SORT_STRINGSORT 0x1000

/* <0, 0, >0 as A (NA units) sorts before, with, after B under FLAGS. */
int k32_sort_compare(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, DWORD flags);
/* The sort key of S: bytes whose memcmp order is that of
 * k32_sort_compare. Returns its size; writes at most CAP bytes. */
size_t k32_sort_key(const WCHAR *s, size_t n, DWORD flags, BYTE *out, size_t cap);

#endif
