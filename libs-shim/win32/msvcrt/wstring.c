/* wstring.c — wide (UTF-16) string functions: wchar_t is 16 bits on
 * Windows, so none of these can use the host's. Case-insensitive
 * comparison and case mapping fold ASCII only, as in the "C" locale;
 * collation is code-unit order. msvcrt.dll's wcstok is the old
 * two-argument form; the UCRT's takes a context (and _wcstok is the old
 * one). */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "crt.h"

static WCHAR fold(WCHAR c) { return c >= 'A' && c <= 'Z' ? (WCHAR)(c + 32) : c; }
static WCHAR upper(WCHAR c) { return c >= 'a' && c <= 'z' ? (WCHAR)(c - 32) : c; }

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

static int WINAPI w32__wcsnicmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    if ((!a || !b) && n)
        return crt_invalid("_wcsnicmp", MS_EINVAL), 0x7fffffff;
    for (; n; n--, a++, b++) {
        WCHAR x = fold(*a), y = fold(*b);
        if (x != y || !x)
            return x - y;
    }
    return 0;
}

static int WINAPI w32__wcsicmp(const WCHAR *a, const WCHAR *b) { return w32__wcsnicmp(a, b, (size_t)-1); }

static WCHAR *WINAPI w32_wcscpy(WCHAR *d, const WCHAR *s)
{
    WCHAR *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

static WCHAR *WINAPI w32_wcsncpy(WCHAR *d, const WCHAR *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

static WCHAR *WINAPI w32_wcscat(WCHAR *d, const WCHAR *s)
{
    w32_wcscpy(d + w32_wcslen(d), s);
    return d;
}

static WCHAR *WINAPI w32_wcsncat(WCHAR *d, const WCHAR *s, size_t n)
{
    WCHAR *e = d + w32_wcslen(d);
    size_t i = 0;
    for (; i < n && s[i]; i++)
        e[i] = s[i];
    e[i] = 0;
    return d;
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

static WCHAR *WINAPI w32_wcsrchr(const WCHAR *s, WCHAR c)
{
    const WCHAR *r = NULL;
    for (;; s++) {
        if (*s == c)
            r = s;
        if (!*s)
            return (WCHAR *)r;
    }
}

static WCHAR *WINAPI w32_wcsstr(const WCHAR *h, const WCHAR *n)
{
    size_t nl = w32_wcslen(n);
    for (; *h; h++)
        if (!w32_wcsncmp(h, n, nl))
            return (WCHAR *)h;
    return nl ? NULL : (WCHAR *)h;
}

static size_t span(const WCHAR *s, const WCHAR *set, int in)
{
    size_t i = 0;
    while (s[i] && (w32_wcschr(set, s[i]) != NULL) == in)
        i++;
    return i;
}

static size_t WINAPI w32_wcsspn(const WCHAR *s, const WCHAR *set) { return span(s, set, 1); }
static size_t WINAPI w32_wcscspn(const WCHAR *s, const WCHAR *set) { return span(s, set, 0); }

static WCHAR *WINAPI w32_wcspbrk(const WCHAR *s, const WCHAR *set)
{
    s += span(s, set, 0);
    return *s ? (WCHAR *)s : NULL;
}

static WCHAR *tokenize(WCHAR *s, const WCHAR *delim, WCHAR **ctx)
{
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    s += span(s, delim, 1);
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    WCHAR *end = s + span(s, delim, 0);
    if (*end)
        *end++ = 0;
    *ctx = end;
    return s;
}

static __thread WCHAR *tok_ctx;

static WCHAR *WINAPI w32__wcstok(WCHAR *s, const WCHAR *d) { return tokenize(s, d, &tok_ctx); }

static WCHAR *WINAPI w32_wcstok_ucrt(WCHAR *s, const WCHAR *d, WCHAR **ctx)
{
    return tokenize(s, d, ctx ? ctx : &tok_ctx);
}

static WCHAR *WINAPI w32_wcstok_s(WCHAR *s, const WCHAR *d, WCHAR **ctx)
{
    if (!d || !ctx || (!s && !*ctx))
        return crt_invalid("wcstok_s", MS_EINVAL), NULL;
    return tokenize(s, d, ctx);
}

static WCHAR *WINAPI w32__wcsdup(const WCHAR *s)
{
    if (!s)
        return NULL;
    size_t n = (w32_wcslen(s) + 1) * sizeof(WCHAR);
    WCHAR *d = malloc(n);
    if (!d)
        crt_fail(MS_ENOMEM);
    return d ? memcpy(d, s, n) : NULL;
}

static WCHAR *map(WCHAR *s, size_t n, WCHAR (*f)(WCHAR))
{
    for (size_t i = 0; i < n && s[i]; i++)
        s[i] = f(s[i]);
    return s;
}

static WCHAR *WINAPI w32__wcslwr(WCHAR *s) { return s ? map(s, (size_t)-1, fold) : NULL; }
static WCHAR *WINAPI w32__wcsupr(WCHAR *s) { return s ? map(s, (size_t)-1, upper) : NULL; }

static int case_s(WCHAR *s, size_t n, WCHAR (*f)(WCHAR), const char *fn)
{
    CRT_CHECK(s, fn, MS_EINVAL);
    if (w32_wcsnlen(s, n) >= n) {
        if (n)
            *s = 0;
        return crt_invalid(fn, MS_EINVAL);
    }
    map(s, n, f);
    return 0;
}

static int WINAPI w32__wcslwr_s(WCHAR *s, size_t n) { return case_s(s, n, fold, "_wcslwr_s"); }
static int WINAPI w32__wcsupr_s(WCHAR *s, size_t n) { return case_s(s, n, upper, "_wcsupr_s"); }

static WCHAR *WINAPI w32__wcsrev(WCHAR *s)
{
    for (size_t i = 0, j = w32_wcslen(s); j > i + 1; i++, j--) {
        WCHAR t = s[i];
        s[i] = s[j - 1];
        s[j - 1] = t;
    }
    return s;
}

static WCHAR *WINAPI w32__wcsset(WCHAR *s, WCHAR c)
{
    for (WCHAR *p = s; *p; p++)
        *p = c;
    return s;
}

static WCHAR *WINAPI w32__wcsnset(WCHAR *s, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++)
        s[i] = c;
    return s;
}

static int WINAPI w32__wcsncoll(const WCHAR *a, const WCHAR *b, size_t n) { return w32_wcsncmp(a, b, n); }
static int WINAPI w32__wcsnicoll(const WCHAR *a, const WCHAR *b, size_t n) { return w32__wcsnicmp(a, b, n); }

static size_t WINAPI w32_wcsxfrm(WCHAR *d, const WCHAR *s, size_t n)
{
    size_t len = w32_wcslen(s);
    if (n)
        w32_wcsncpy(d, s, n);
    return len;
}

static WCHAR *WINAPI w32_wmemchr(const WCHAR *s, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return (WCHAR *)s + i;
    return NULL;
}

static int WINAPI w32_wmemcmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static WCHAR *WINAPI w32_wmemcpy(WCHAR *d, const WCHAR *s, size_t n) { return memcpy(d, s, n * 2); }
static WCHAR *WINAPI w32_wmemmove(WCHAR *d, const WCHAR *s, size_t n) { return memmove(d, s, n * 2); }

static WCHAR *WINAPI w32_wmemset(WCHAR *d, WCHAR c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = c;
    return d;
}

#define WSTRING_EXPORTS \
    EXPORT_AS("__wcsncnt", w32_wcsnlen, "wq:q"), \
    EXPORT_AS("wcslen", ms_wcslen, "w:q"), EXPORT(wcsnlen, "wq:q"), EXPORT(wcscmp, "ww:i"), \
    EXPORT(wcsncmp, "wwq:i"), EXPORT(_wcsicmp, "ww:i"), EXPORT(_wcsnicmp, "wwq:i"), \
    EXPORT(wcscpy, "pw:p"), EXPORT(wcsncpy, "pwq:p"), EXPORT(wcscat, "pw:p"), \
    EXPORT(wcsncat, "pwq:p"), EXPORT(wcschr, "wu:p"), EXPORT(wcsrchr, "wu:p"), \
    EXPORT(wcsstr, "ww:p"), EXPORT(wcsspn, "ww:q"), EXPORT(wcscspn, "ww:q"), \
    EXPORT(wcspbrk, "ww:p"), EXPORT(_wcstok, "pw:p"), EXPORT(wcstok_s, "pwp:p"), \
    EXPORT(_wcsdup, "w:p"), EXPORT(_wcslwr, "p:p"), EXPORT(_wcsupr, "p:p"), \
    EXPORT(_wcslwr_s, "pq:i"), EXPORT(_wcsupr_s, "pq:i"), EXPORT(_wcsrev, "p:p"), \
    EXPORT(_wcsset, "pu:p"), EXPORT(_wcsnset, "puq:p"), EXPORT_AS("wcscoll", w32_wcscmp, "ww:i"), \
    EXPORT(_wcsncoll, "wwq:i"), EXPORT_AS("_wcsicoll", w32__wcsicmp, "ww:i"), \
    EXPORT(_wcsnicoll, "wwq:i"), EXPORT(wcsxfrm, "pwq:q"), EXPORT(wmemchr, "puq:p"), \
    EXPORT(wmemcmp, "ppq:i"), EXPORT(wmemcpy, "ppq:p"), EXPORT(wmemmove, "ppq:p"), \
    EXPORT(wmemset, "puq:p"), EXPORT_AS("wcsdup", w32__wcsdup, "w:p"), \
    EXPORT_AS("wcsicmp", w32__wcsicmp, "ww:i"), EXPORT_AS("wcsnicmp", w32__wcsnicmp, "wwq:i"), \
    EXPORT_AS("wcslwr", w32__wcslwr, "p:p"), EXPORT_AS("wcsupr", w32__wcsupr, "p:p"), \
    EXPORT_AS("wcsrev", w32__wcsrev, "p:p"), EXPORT_AS("wcsset", w32__wcsset, "pu:p"), \
    EXPORT_AS("wcsnset", w32__wcsnset, "puq:p"), EXPORT_AS("wcsicoll", w32__wcsicmp, "ww:i")

W32_EXPORTS(msvcrt) = { WSTRING_EXPORTS, EXPORT_AS("wcstok", w32__wcstok, "pw:p") };
W32_EXPORTS(ucrtbase) = { WSTRING_EXPORTS, EXPORT_AS("wcstok", w32_wcstok_ucrt, "pwp:p") };
