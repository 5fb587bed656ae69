/* mbstring.c — the _mbs* family (<mbstring.h>) for the multibyte code
 * page, which is UTF-8 here: a character is one UTF-8 sequence. Lead
 * bytes are 0xC2-0xF4, trail bytes 0x80-0xBF (the _mbctype table says
 * so: _M1 0x04 lead, _M2 0x08 trail); _mbsnextc returns a character's
 * code point and _mbclen its length. Searching, copying and comparing
 * work on bytes, which UTF-8 makes correct at character boundaries; case
 * mapping and case-blind comparison fold ASCII letters, as in the "C"
 * locale. The _l forms ignore their locale. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crt.h"

#define M1 0x04 /* lead byte */
#define M2 0x08 /* trail byte */

static unsigned char mbctype[257];
static unsigned char mbcasemap[256];

void crt_mbctype_init(void)
{
    for (int c = 0x80; c < 0xc0; c++)
        mbctype[c + 1] |= M2;
    for (int c = 0xc2; c < 0xf5; c++)
        mbctype[c + 1] |= M1;
    for (int c = 0; c < 256; c++)
        mbcasemap[c] = (unsigned char)(c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static int seq(const unsigned char *s)
{
    unsigned c = *s;
    int n = c < 0xc2 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 1;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 1;
    return n;
}

static unsigned char *WINAPI w32__mbsinc(const unsigned char *s) { return (unsigned char *)s + (*s ? seq(s) : 1); }

static unsigned char *WINAPI w32__mbsdec(const unsigned char *start, const unsigned char *cur)
{
    if (!start || !cur || cur <= start)
        return NULL;
    const unsigned char *p = cur - 1;
    while (p > start && (*p & 0xc0) == 0x80 && cur - p < 4)
        p--;
    return (unsigned char *)(seq(p) == cur - p ? p : cur - 1);
}

static size_t WINAPI w32__mbslen(const unsigned char *s)
{
    size_t n = 0;
    for (; *s; s += seq(s))
        n++;
    return n;
}

static size_t WINAPI w32__mbsnlen(const unsigned char *s, size_t max)
{
    size_t n = 0;
    for (; *s && n < max; s += seq(s))
        n++;
    return n;
}

/* The code point of the character at S. */
static unsigned WINAPI w32__mbsnextc(const unsigned char *s)
{
    int n = seq(s);
    if (n == 1)
        return *s;
    unsigned v = *s & (0x7f >> n);
    for (int i = 1; i < n; i++)
        v = v << 6 | (s[i] & 0x3f);
    return v;
}

static size_t WINAPI w32__mbclen(const unsigned char *s) { return (size_t)seq(s); }

static unsigned char *WINAPI w32__mbsninc(const unsigned char *s, size_t n)
{
    if (!s)
        return NULL;
    while (n-- && *s)
        s += seq(s);
    return (unsigned char *)s;
}

static size_t WINAPI w32__mbsnbcnt(const unsigned char *s, size_t chars)
{
    return (size_t)(w32__mbsninc(s, chars) - s);
}

static size_t WINAPI w32__mbsnccnt(const unsigned char *s, size_t bytes)
{
    size_t n = 0;
    for (const unsigned char *p = s; *p && (size_t)(p - s) < bytes; p += seq(p))
        n++;
    return n;
}

static void WINAPI w32__mbccpy(unsigned char *d, const unsigned char *s) { memcpy(d, s, (size_t)seq(s)); }

static int WINAPI w32__ismbblead(unsigned c) { return mbctype[(c & 0xff) + 1] & M1; }
static int WINAPI w32__ismbbtrail(unsigned c) { return mbctype[(c & 0xff) + 1] & M2; }

/* Whether POS is the lead (or a trail) byte of a character in STR. */
static int WINAPI w32__ismbslead(const unsigned char *str, const unsigned char *pos)
{
    return (mbctype[*pos + 1] & M1) && w32__mbsdec(str, w32__mbsinc(pos)) == pos ? -1 : 0;
}

static int WINAPI w32__ismbstrail(const unsigned char *str, const unsigned char *pos)
{
    if (!(mbctype[*pos + 1] & M2) || pos == str)
        return 0;
    const unsigned char *lead = pos;
    while (lead > str && (*lead & 0xc0) == 0x80)
        lead--;
    return lead + seq(lead) > pos ? -1 : 0;
}

/* Find character C (a code point) in S. */
static unsigned char *find_char(const unsigned char *s, unsigned c, int last)
{
    const unsigned char *hit = NULL;
    for (;; s += seq(s)) {
        if (w32__mbsnextc(s) == c)
            hit = s;
        if ((hit && !last) || !*s)
            return (unsigned char *)hit;
    }
}

static unsigned char *WINAPI w32__mbschr(const unsigned char *s, unsigned c) { return find_char(s, c, 0); }
static unsigned char *WINAPI w32__mbsrchr(const unsigned char *s, unsigned c) { return find_char(s, c, 1); }

static unsigned char *case_map(unsigned char *s, int up)
{
    for (unsigned char *p = s; p && *p; p++)
        if (up ? (*p >= 'a' && *p <= 'z') : (*p >= 'A' && *p <= 'Z'))
            *p = mbcasemap[*p];
    return s;
}

static unsigned char *WINAPI w32__mbsupr(unsigned char *s) { return case_map(s, 1); }
static unsigned char *WINAPI w32__mbslwr(unsigned char *s) { return case_map(s, 0); }

static unsigned char *WINAPI w32__mbsrev(unsigned char *s)
{
    size_t n = strlen((char *)s);
    unsigned char *tmp = malloc(n + 1), *o = tmp + n;
    if (!tmp)
        return s;
    *o = 0;
    for (unsigned char *p = s; *p;) {
        int k = seq(p);
        o -= k;
        memcpy(o, p, (size_t)k);
        p += k;
    }
    memcpy(s, tmp, n);
    free(tmp);
    return s;
}

static unsigned char *WINAPI w32__mbstok(unsigned char *s, const unsigned char *delim)
{
    static __thread char *ctx;
    if (!s)
        s = (unsigned char *)ctx;
    if (!s)
        return NULL;
    s += strspn((char *)s, (const char *)delim);
    if (!*s)
        return (unsigned char *)(ctx = NULL);
    char *end = (char *)s + strcspn((char *)s, (const char *)delim);
    ctx = *end ? end + 1 : NULL;
    *end = 0;
    return s;
}

/* Byte-wise operations, correct for UTF-8. */
#define B(name, ret, params, call) static ret WINAPI w32_##name params { return call; }
B(_mbscmp, int, (const unsigned char *a, const unsigned char *b), strcmp((const char *)a, (const char *)b))
B(_mbsncmp, int, (const unsigned char *a, const unsigned char *b, size_t n),
  strncmp((const char *)a, (const char *)b, w32__mbsnbcnt(a, n) > w32__mbsnbcnt(b, n) ? w32__mbsnbcnt(a, n) : w32__mbsnbcnt(b, n)))
B(_mbsnbcmp, int, (const unsigned char *a, const unsigned char *b, size_t n), strncmp((const char *)a, (const char *)b, n))
B(_mbsicmp, int, (const unsigned char *a, const unsigned char *b), strcasecmp((const char *)a, (const char *)b))
B(_mbsnbicmp, int, (const unsigned char *a, const unsigned char *b, size_t n), strncasecmp((const char *)a, (const char *)b, n))
B(_mbsnicmp, int, (const unsigned char *a, const unsigned char *b, size_t n),
  strncasecmp((const char *)a, (const char *)b, w32__mbsnbcnt(a, n) > w32__mbsnbcnt(b, n) ? w32__mbsnbcnt(a, n) : w32__mbsnbcnt(b, n)))
B(_mbscpy, unsigned char *, (unsigned char *d, const unsigned char *s), (unsigned char *)strcpy((char *)d, (const char *)s))
B(_mbscat, unsigned char *, (unsigned char *d, const unsigned char *s), (unsigned char *)strcat((char *)d, (const char *)s))
B(_mbsdup, unsigned char *, (const unsigned char *s), (unsigned char *)strdup((const char *)s))
B(_mbsstr, unsigned char *, (const unsigned char *a, const unsigned char *b), (unsigned char *)strstr((const char *)a, (const char *)b))
B(_mbsspn, size_t, (const unsigned char *a, const unsigned char *b), strspn((const char *)a, (const char *)b))
B(_mbscspn, size_t, (const unsigned char *a, const unsigned char *b), strcspn((const char *)a, (const char *)b))
B(_mbspbrk, unsigned char *, (const unsigned char *a, const unsigned char *b), (unsigned char *)strpbrk((const char *)a, (const char *)b))
B(_mbsnbcpy, unsigned char *, (unsigned char *d, const unsigned char *s, size_t n), (unsigned char *)strncpy((char *)d, (const char *)s, n))
B(_mbsnbcat, unsigned char *, (unsigned char *d, const unsigned char *s, size_t n), (unsigned char *)strncat((char *)d, (const char *)s, n))
B(_mbsncpy, unsigned char *, (unsigned char *d, const unsigned char *s, size_t n), (unsigned char *)strncpy((char *)d, (const char *)s, w32__mbsnbcnt(s, n)))
B(_mbsncat, unsigned char *, (unsigned char *d, const unsigned char *s, size_t n), (unsigned char *)strncat((char *)d, (const char *)s, w32__mbsnbcnt(s, n)))
B(_mbscoll, int, (const unsigned char *a, const unsigned char *b), strcmp((const char *)a, (const char *)b))
B(_mbsicoll, int, (const unsigned char *a, const unsigned char *b), strcasecmp((const char *)a, (const char *)b))

static unsigned char *WINAPI w32__mbsspnp(const unsigned char *a, const unsigned char *b)
{
    a += strspn((const char *)a, (const char *)b);
    return *a ? (unsigned char *)a : NULL;
}

static const unsigned char *WINAPI w32___p__mbctype(void) { return mbctype; }
static const unsigned char *WINAPI w32___p__mbcasemap(void) { return mbcasemap; }
static int WINAPI w32__ismbcdigit(unsigned c) { return c >= '0' && c <= '9'; }
static int WINAPI w32__ismbcspace(unsigned c) { return c == ' ' || (c >= 9 && c <= 13); }
static int WINAPI w32__ismbcalpha(unsigned c) { return c < 0x80 ? crt_isctype((int)c, 0x100) != 0 : (crt_wflags(c) & 0x100) != 0; }
static int WINAPI w32__ismbcupper(unsigned c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : (crt_wflags(c) & 1) != 0; }
static int WINAPI w32__ismbclower(unsigned c) { return c < 0x80 ? c >= 'a' && c <= 'z' : (crt_wflags(c) & 2) != 0; }
static unsigned WINAPI w32__mbctoupper(unsigned c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static unsigned WINAPI w32__mbctolower(unsigned c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

#define MBS_EXPORTS \
    EXPORT(_mbsinc, "p:p"), EXPORT(_mbsdec, "pp:p"), EXPORT(_mbslen, "p:q"), EXPORT(_mbsnlen, "pq:q"), \
    EXPORT(_mbsnextc, "p:u"), EXPORT(_mbclen, "p:q"), EXPORT(_mbsninc, "pq:p"), EXPORT(_mbsnbcnt, "pq:q"), \
    EXPORT(_mbsnccnt, "pq:q"), EXPORT(_mbccpy, "pp:v"), EXPORT(_ismbblead, "u:i"), EXPORT(_ismbbtrail, "u:i"), \
    EXPORT(_ismbslead, "pp:i"), EXPORT(_ismbstrail, "pp:i"), EXPORT(_mbschr, "pu:p"), EXPORT(_mbsrchr, "pu:p"), \
    EXPORT(_mbsupr, "p:p"), EXPORT(_mbslwr, "p:p"), EXPORT(_mbsrev, "p:p"), EXPORT(_mbstok, "pp:p"), \
    EXPORT(_mbscmp, "pp:i"), EXPORT(_mbsncmp, "ppq:i"), EXPORT(_mbsnbcmp, "ppq:i"), EXPORT(_mbsicmp, "pp:i"), \
    EXPORT(_mbsnbicmp, "ppq:i"), EXPORT(_mbsnicmp, "ppq:i"), EXPORT(_mbscpy, "pp:p"), EXPORT(_mbscat, "pp:p"), \
    EXPORT(_mbsdup, "p:p"), EXPORT(_mbsstr, "pp:p"), EXPORT(_mbsspn, "pp:q"), EXPORT(_mbscspn, "pp:q"), \
    EXPORT(_mbspbrk, "pp:p"), EXPORT(_mbsnbcpy, "ppq:p"), EXPORT(_mbsnbcat, "ppq:p"), EXPORT(_mbsncpy, "ppq:p"), \
    EXPORT(_mbsncat, "ppq:p"), EXPORT(_mbscoll, "pp:i"), EXPORT(_mbsicoll, "pp:i"), EXPORT(_mbsspnp, "pp:p"), \
    EXPORT(__p__mbctype, ":p"), EXPORT(__p__mbcasemap, ":p"), EXPORT(_ismbcdigit, "u:i"), \
    EXPORT(_ismbcspace, "u:i"), EXPORT(_ismbcalpha, "u:i"), EXPORT(_ismbcupper, "u:i"), \
    EXPORT(_ismbclower, "u:i"), EXPORT(_mbctoupper, "u:u"), EXPORT(_mbctolower, "u:u")

W32_EXPORTS(msvcrt) = {
    MBS_EXPORTS, EXPORT_DATA(_mbctype, mbctype), EXPORT_DATA(_mbcasemap, mbcasemap),
};
W32_EXPORTS(ucrtbase) = { MBS_EXPORTS };
