/* unicode.h — UTF-16 (Windows wide strings) and UTF-8 (the host's and the
 * ANSI code page's encoding) conversions and wide-string helpers. */
#ifndef XENO_W32_UNICODE_H
#define XENO_W32_UNICODE_H

#include <stddef.h>
#include "w32.h"

size_t w32_wcslen(const WCHAR *s);
/* UTF-16 (N units, or up to the NUL if N < 0) → UTF-8 into OUT (CAP bytes,
 * NUL-terminated when there is room). Returns the bytes needed, excluding
 * the NUL. Unpaired surrogates become U+FFFD. */
size_t w32_utf16_to_utf8(const WCHAR *in, long n, char *out, size_t cap);
/* UTF-8 → UTF-16, same conventions, in units. Invalid bytes become U+FFFD. */
size_t w32_utf8_to_utf16(const char *in, long n, WCHAR *out, size_t cap);
/* Whether N bytes at IN are well-formed UTF-8. */
int w32_utf8_valid(const char *in, long n);
/* Allocating forms (malloc; free with free()). NULL in gives NULL. */
char *w32_wide_to_utf8(const WCHAR *s);
WCHAR *w32_utf8_to_wide(const char *s);

/* Simple (one-to-one) Unicode case mapping of a UTF-16 unit, as
 * CharUpperW/CharLowerW and case-insensitive comparisons use it. */
WCHAR w32_towupper(WCHAR c);
WCHAR w32_towlower(WCHAR c);
/* Case-insensitive (upper-cased) comparison of N1 and N2 units. */
int w32_wcsnicmp_units(const WCHAR *a, size_t n1, const WCHAR *b, size_t n2);

#endif
