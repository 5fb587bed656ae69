/* strmisc.c — byte-string functions that are Microsoft's own or differ
 * from the host's: strtok (per-thread state, as the CRT keeps it) and
 * strtok_s, case mapping in place (_strlwr/_strupr and _s/_l forms),
 * _strrev, _strset/_strnset, _memicmp, _memccpy, and collation in the
 * "C" locale (strcoll is strcmp, strxfrm copies). */
#include <string.h>
#include <strings.h>

#include "crt.h"

#define STRUNCATE 80

static char *tokenize(char *s, const char *delim, char **ctx)
{
    if (!s)
        s = *ctx;
    if (!s)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        *ctx = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end)
        *end++ = 0;
    *ctx = end;
    return s;
}

static char *WINAPI w32_strtok(char *s, const char *delim)
{
    static __thread char *ctx;
    if (!delim)
        return crt_invalid("strtok", MS_EINVAL), NULL;
    return tokenize(s, delim, &ctx);
}

static char *WINAPI w32_strtok_s(char *s, const char *delim, char **ctx)
{
    if (!delim || !ctx || (!s && !*ctx))
        return crt_invalid("strtok_s", MS_EINVAL), NULL;
    return tokenize(s, delim, ctx);
}

static char *map_case(char *s, int upper)
{
    for (char *p = s; p && *p; p++) {
        if (upper && *p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
        else if (!upper && *p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    }
    return s;
}

static char *WINAPI w32__strlwr(char *s)
{
    if (!s)
        return crt_invalid("_strlwr", MS_EINVAL), NULL;
    return map_case(s, 0);
}

static char *WINAPI w32__strupr(char *s)
{
    if (!s)
        return crt_invalid("_strupr", MS_EINVAL), NULL;
    return map_case(s, 1);
}

static char *WINAPI w32__strlwr_l(char *s, void *l) { (void)l; return w32__strlwr(s); }
static char *WINAPI w32__strupr_l(char *s, void *l) { (void)l; return w32__strupr(s); }

static int case_s(char *s, size_t n, int upper, const char *fn)
{
    CRT_CHECK(s, fn, MS_EINVAL);
    if (strnlen(s, n) >= n) {
        if (n)
            *s = 0;
        return crt_invalid(fn, MS_EINVAL);
    }
    map_case(s, upper);
    return 0;
}

static int WINAPI w32__strlwr_s(char *s, size_t n) { return case_s(s, n, 0, "_strlwr_s"); }
static int WINAPI w32__strupr_s(char *s, size_t n) { return case_s(s, n, 1, "_strupr_s"); }
static int WINAPI w32__strlwr_s_l(char *s, size_t n, void *l) { (void)l; return case_s(s, n, 0, "_strlwr_s_l"); }
static int WINAPI w32__strupr_s_l(char *s, size_t n, void *l) { (void)l; return case_s(s, n, 1, "_strupr_s_l"); }

static char *WINAPI w32__strrev(char *s)
{
    if (!s)
        return crt_invalid("_strrev", MS_EINVAL), NULL;
    for (size_t i = 0, j = strlen(s); j > i + 1; i++, j--) {
        char t = s[i];
        s[i] = s[j - 1];
        s[j - 1] = t;
    }
    return s;
}

static char *WINAPI w32__strset(char *s, int c)
{
    if (!s)
        return crt_invalid("_strset", MS_EINVAL), NULL;
    memset(s, c, strlen(s));
    return s;
}

static char *WINAPI w32__strnset(char *s, int c, size_t n)
{
    if (!s && n)
        return crt_invalid("_strnset", MS_EINVAL), NULL;
    size_t l = strnlen(s, n);
    memset(s, c, l);
    return s;
}

static int WINAPI w32__strset_s(char *s, size_t n, int c)
{
    CRT_CHECK(s && n, "_strset_s", MS_EINVAL);
    size_t l = strnlen(s, n);
    if (l == n) {
        *s = 0;
        return crt_invalid("_strset_s", MS_EINVAL);
    }
    memset(s, c, l);
    return 0;
}

static int WINAPI w32__strnset_s(char *s, size_t n, int c, size_t count)
{
    CRT_CHECK(s && n, "_strnset_s", MS_EINVAL);
    size_t l = strnlen(s, n);
    if (l == n) {
        *s = 0;
        return crt_invalid("_strnset_s", MS_EINVAL);
    }
    memset(s, c, l < count ? l : count);
    return 0;
}

static int WINAPI w32__memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    if ((!a || !b) && n)
        return crt_invalid("_memicmp", MS_EINVAL), 0x7fffffff;
    for (size_t i = 0; i < n; i++) {
        int c = x[i] >= 'A' && x[i] <= 'Z' ? x[i] + 32 : x[i];
        int d = y[i] >= 'A' && y[i] <= 'Z' ? y[i] + 32 : y[i];
        if (c != d)
            return c - d;
    }
    return 0;
}

static int WINAPI w32__memicmp_l(const void *a, const void *b, size_t n, void *l) { (void)l; return w32__memicmp(a, b, n); }
static void *WINAPI w32__memccpy(void *d, const void *s, int c, size_t n) { return memccpy(d, s, c, n); }

/* Collation in the "C" locale: byte order. */
static int WINAPI w32_strcoll(const char *a, const char *b) { return strcmp(a, b); }
static int WINAPI w32__strcoll_l(const char *a, const char *b, void *l) { (void)l; return strcmp(a, b); }
static int WINAPI w32__strncoll(const char *a, const char *b, size_t n) { return strncmp(a, b, n); }
static int WINAPI w32__stricoll(const char *a, const char *b) { return strcasecmp(a, b); }
static int WINAPI w32__strnicoll(const char *a, const char *b, size_t n) { return strncasecmp(a, b, n); }
static int WINAPI w32__stricmp_l(const char *a, const char *b, void *l) { (void)l; return strcasecmp(a, b); }
static int WINAPI w32__strnicmp_l(const char *a, const char *b, size_t n, void *l) { (void)l; return strncasecmp(a, b, n); }

static size_t WINAPI w32_strxfrm(char *d, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (n)
        strncpy(d, s, n); /* copies the terminator when it fits */
    return len;
}

static size_t WINAPI w32__strxfrm_l(char *d, const char *s, size_t n, void *l) { (void)l; return w32_strxfrm(d, s, n); }

static size_t WINAPI w32___strncnt(const char *s, size_t n) { return strnlen(s, n); }

#define STRMISC_EXPORTS \
    EXPORT(__strncnt, "sq:q"), \
    EXPORT(strtok, "ss:p"), EXPORT(strtok_s, "ssp:p"), EXPORT(_strlwr, "p:p"), EXPORT(_strupr, "p:p"), \
    EXPORT(_strlwr_l, "pp:p"), EXPORT(_strupr_l, "pp:p"), EXPORT(_strlwr_s, "pq:i"), \
    EXPORT(_strupr_s, "pq:i"), EXPORT(_strlwr_s_l, "pqp:i"), EXPORT(_strupr_s_l, "pqp:i"), \
    EXPORT(_strrev, "p:p"), EXPORT(_strset, "pi:p"), EXPORT(_strnset, "piq:p"), \
    EXPORT(_strset_s, "pqi:i"), EXPORT(_strnset_s, "pqiq:i"), EXPORT(_memicmp, "ppq:i"), \
    EXPORT(_memicmp_l, "ppqp:i"), EXPORT(_memccpy, "ppiq:p"), EXPORT(strcoll, "ss:i"), \
    EXPORT(_strcoll_l, "ssp:i"), EXPORT(_strncoll, "ssq:i"), EXPORT(_stricoll, "ss:i"), \
    EXPORT(_strnicoll, "ssq:i"), EXPORT(_stricmp_l, "ssp:i"), EXPORT(_strnicmp_l, "ssqp:i"), \
    EXPORT(strxfrm, "psq:q"), EXPORT(_strxfrm_l, "psqp:q"), \
    EXPORT_AS("strlwr", w32__strlwr, "p:p"), EXPORT_AS("strupr", w32__strupr, "p:p"), \
    EXPORT_AS("strrev", w32__strrev, "p:p"), EXPORT_AS("strset", w32__strset, "pi:p"), \
    EXPORT_AS("strnset", w32__strnset, "piq:p"), EXPORT_AS("memicmp", w32__memicmp, "ppq:i"), \
    EXPORT_AS("memccpy", w32__memccpy, "ppiq:p"), EXPORT_AS("stricoll", w32__stricoll, "ss:i")

W32_EXPORTS(msvcrt) = { STRMISC_EXPORTS };
W32_EXPORTS(ucrtbase) = { STRMISC_EXPORTS };
