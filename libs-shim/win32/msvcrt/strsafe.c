/* strsafe.c — the "secure" copy functions with Microsoft's argument
 * checks: strcpy_s, strncpy_s, strcat_s, strncat_s and their wide twins,
 * memcpy_s/memmove_s and wmemcpy_s/wmemmove_s. A NULL or too small
 * destination calls the invalid parameter handler and returns EINVAL or
 * ERANGE with the destination emptied (when it can be); count _TRUNCATE
 * truncates and returns STRUNCATE. One template serves both widths. */
#include <string.h>

#include "crt.h"

#define STRUNCATE 80
#define TRUNCATE ((size_t)-1)

#define SAFE_FUNCS(T, P, LEN)                                                               \
    static size_t P##nlen(const T *s, size_t n)                                             \
    {                                                                                       \
        size_t i = 0;                                                                       \
        while (i < n && s[i])                                                               \
            i++;                                                                            \
        return i;                                                                           \
    }                                                                                       \
    /* Copy N units of SRC to D (size DN) + terminator, or fail with ERANGE. */             \
    static int P##put(T *d, size_t dn, const T *src, size_t n, const char *fn)              \
    {                                                                                       \
        if (n >= dn) {                                                                      \
            d[0] = 0;                                                                       \
            return crt_invalid(fn, MS_ERANGE);                                              \
        }                                                                                   \
        memmove(d, src, n * sizeof(T));                                                     \
        d[n] = 0;                                                                           \
        return 0;                                                                           \
    }                                                                                       \
    static int P##cpy_s(T *d, size_t dn, const T *s, const char *fn)                        \
    {                                                                                       \
        CRT_CHECK(d && dn, fn, MS_EINVAL);                                                  \
        if (!s) {                                                                           \
            d[0] = 0;                                                                       \
            return crt_invalid(fn, MS_EINVAL);                                              \
        }                                                                                   \
        return P##put(d, dn, s, LEN(s), fn);                                                \
    }                                                                                       \
    static int P##ncpy_s(T *d, size_t dn, const T *s, size_t cnt, const char *fn)           \
    {                                                                                       \
        if (!cnt && !d && !dn)                                                              \
            return 0;                                                                       \
        CRT_CHECK(d && dn, fn, MS_EINVAL);                                                  \
        if (!cnt) {                                                                         \
            d[0] = 0;                                                                       \
            return 0;                                                                       \
        }                                                                                   \
        if (!s) {                                                                           \
            d[0] = 0;                                                                       \
            return crt_invalid(fn, MS_EINVAL);                                              \
        }                                                                                   \
        size_t n = P##nlen(s, cnt == TRUNCATE ? dn : cnt);                                  \
        if (cnt == TRUNCATE && n >= dn) {                                                   \
            P##put(d, dn, s, dn - 1, fn);                                                   \
            return STRUNCATE;                                                               \
        }                                                                                   \
        return P##put(d, dn, s, n, fn);                                                     \
    }                                                                                       \
    static int P##cat_s(T *d, size_t dn, const T *s, size_t cnt, const char *fn)            \
    {                                                                                       \
        CRT_CHECK(d && dn, fn, MS_EINVAL);                                                  \
        size_t have = P##nlen(d, dn);                                                       \
        if (!s || have == dn) {                                                             \
            d[0] = 0;                                                                       \
            return crt_invalid(fn, MS_EINVAL);                                              \
        }                                                                                   \
        size_t room = dn - have;                                                            \
        size_t n = P##nlen(s, cnt == TRUNCATE ? room : cnt);                                \
        if (cnt == TRUNCATE && n >= room) {                                                 \
            P##put(d + have, room, s, room - 1, fn);                                        \
            return STRUNCATE;                                                               \
        }                                                                                   \
        int r = P##put(d + have, room, s, n, fn);                                           \
        if (r)                                                                              \
            d[0] = 0;                                                                       \
        return r;                                                                           \
    }

static size_t wlen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

SAFE_FUNCS(char, s_, strlen)
SAFE_FUNCS(WCHAR, w_, wlen)

static int WINAPI w32_strcpy_s(char *d, size_t n, const char *s) { return s_cpy_s(d, n, s, "strcpy_s"); }
static int WINAPI w32_strncpy_s(char *d, size_t n, const char *s, size_t c) { return s_ncpy_s(d, n, s, c, "strncpy_s"); }
static int WINAPI w32_strcat_s(char *d, size_t n, const char *s) { return s_cat_s(d, n, s, TRUNCATE - 1, "strcat_s"); }
static int WINAPI w32_strncat_s(char *d, size_t n, const char *s, size_t c) { return s_cat_s(d, n, s, c, "strncat_s"); }
static int WINAPI w32_wcscpy_s(WCHAR *d, size_t n, const WCHAR *s) { return w_cpy_s(d, n, s, "wcscpy_s"); }
static int WINAPI w32_wcsncpy_s(WCHAR *d, size_t n, const WCHAR *s, size_t c) { return w_ncpy_s(d, n, s, c, "wcsncpy_s"); }
static int WINAPI w32_wcscat_s(WCHAR *d, size_t n, const WCHAR *s) { return w_cat_s(d, n, s, TRUNCATE - 1, "wcscat_s"); }
static int WINAPI w32_wcsncat_s(WCHAR *d, size_t n, const WCHAR *s, size_t c) { return w_cat_s(d, n, s, c, "wcsncat_s"); }

/* memcpy_s empties the destination on failure; memmove_s leaves it. */
static int mem_s(void *d, size_t dn, const void *s, size_t n, int zero, const char *fn)
{
    if (!n)
        return 0;
    CRT_CHECK(d, fn, MS_EINVAL);
    if (!s || dn < n) {
        if (zero)
            memset(d, 0, dn);
        return crt_invalid(fn, s ? MS_ERANGE : MS_EINVAL);
    }
    memmove(d, s, n);
    return 0;
}

static int WINAPI w32_memcpy_s(void *d, size_t dn, const void *s, size_t n) { return mem_s(d, dn, s, n, 1, "memcpy_s"); }
static int WINAPI w32_memmove_s(void *d, size_t dn, const void *s, size_t n) { return mem_s(d, dn, s, n, 0, "memmove_s"); }

static int WINAPI w32_wmemcpy_s(WCHAR *d, size_t dn, const WCHAR *s, size_t n)
{
    if (dn > ((size_t)-1) / 2 || n > ((size_t)-1) / 2)
        return crt_invalid("wmemcpy_s", MS_ERANGE);
    return mem_s(d, dn * 2, s, n * 2, 1, "wmemcpy_s");
}

static int WINAPI w32_wmemmove_s(WCHAR *d, size_t dn, const WCHAR *s, size_t n)
{
    if (dn > ((size_t)-1) / 2 || n > ((size_t)-1) / 2)
        return crt_invalid("wmemmove_s", MS_ERANGE);
    return mem_s(d, dn * 2, s, n * 2, 0, "wmemmove_s");
}


#define STRSAFE_EXPORTS \
    EXPORT(strcpy_s, "pqs:i"), EXPORT(strncpy_s, "pqsq:i"), EXPORT(strcat_s, "pqs:i"), \
    EXPORT(strncat_s, "pqsq:i"), EXPORT(wcscpy_s, "pqw:i"), EXPORT(wcsncpy_s, "pqwq:i"), \
    EXPORT(wcscat_s, "pqw:i"), EXPORT(wcsncat_s, "pqwq:i"), EXPORT(memcpy_s, "pqpq:i"), \
    EXPORT(memmove_s, "pqpq:i"), EXPORT(wmemcpy_s, "pqpq:i"), EXPORT(wmemmove_s, "pqpq:i")

W32_EXPORTS(msvcrt) = { STRSAFE_EXPORTS };
W32_EXPORTS(ucrtbase) = { STRSAFE_EXPORTS };
