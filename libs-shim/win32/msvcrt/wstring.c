/* wstring.c — wide (UTF-16) string functions: wchar_t is 16 bits on
 * Windows, so none of these can use the host's. */
#include "../unicode.h"
#include "crt.h"

static size_t WINAPI ms_wcslen(const WCHAR *s) { return w32_wcslen(s); }

static size_t WINAPI w32_wcsnlen(const WCHAR *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i])
        i++;
    return i;
}

static int WINAPI w32_wcscmp(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a < *b ? -1 : *a > *b;
}

static int WINAPI w32_wcsncmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (; n; n--, a++, b++)
        if (*a != *b || !*a)
            return *a < *b ? -1 : *a > *b;
    return 0;
}

static WCHAR *WINAPI w32_wcscpy(WCHAR *d, const WCHAR *s)
{
    WCHAR *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

static WCHAR *WINAPI w32_wcschr(const WCHAR *s, WCHAR c)
{
    for (;; s++) {
        if (*s == c)
            return (WCHAR *)s;
        if (!*s)
            return NULL;
    }
}

#define WSTRING_EXPORTS \
    EXPORT_AS("wcslen", ms_wcslen, "w:q"), EXPORT(wcsnlen, "wq:q"), EXPORT(wcscmp, "ww:i"), \
    EXPORT(wcsncmp, "wwq:i"), EXPORT(wcscpy, "pw:p"), EXPORT(wcschr, "wu:p")

W32_EXPORTS(msvcrt) = { WSTRING_EXPORTS };
W32_EXPORTS(ucrtbase) = { WSTRING_EXPORTS };
