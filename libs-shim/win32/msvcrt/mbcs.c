/* mbcs.c — multibyte ⇄ wide conversions with UTF-8 as the multibyte code
 * page and UTF-16 wide characters: mbstowcs/wcstombs (and _s forms),
 * mbtowc/wctomb/mblen, the restartable mbrtowc/wcrtomb/mbrlen/mbsrtowcs/
 * wcsrtombs (Windows' mbstate_t is 8 bytes: we keep the bits of a
 * character in progress, or the first half of a surrogate pair that
 * wcrtomb is waiting to complete), btowc/wctob and mbsinit. A character
 * outside the BMP needs two wide units: the string functions produce the
 * pair; mbrtowc/mbtowc, which return one unit, report EILSEQ for it. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "crt.h"

typedef struct { uint32_t acc; uint16_t need, high; } ms_mbstate;
_Static_assert(sizeof(ms_mbstate) == 8, "mbstate_t");

static int lead_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
}

/* Decode one character from S (N bytes) continuing ST; returns bytes
 * used, 0 for NUL, -2 incomplete, -1 invalid (EILSEQ). */
static long decode(const char *s, size_t n, ms_mbstate *st, uint32_t *cp)
{
    size_t i = 0;
    if (!st->need) {
        if (!n)
            return -2;
        int len = lead_len((unsigned char)s[0]);
        if (!len)
            return -1;
        st->acc = len == 1 ? (unsigned char)s[0] : (unsigned char)s[0] & (0x7f >> len);
        st->need = (uint16_t)(len - 1);
        i = 1;
    }
    for (; st->need && i < n; i++, st->need--) {
        if (((unsigned char)s[i] & 0xc0) != 0x80) {
            st->need = 0;
            return -1;
        }
        st->acc = st->acc << 6 | ((unsigned char)s[i] & 0x3f);
    }
    if (st->need)
        return -2;
    *cp = st->acc;
    if (*cp > 0x10ffff || (*cp >= 0xd800 && *cp < 0xe000))
        return -1;
    return *cp ? (long)i : 0;
}

static size_t WINAPI w32_mbrtowc(WCHAR *pwc, const char *s, size_t n, ms_mbstate *st)
{
    static __thread ms_mbstate own;
    ms_mbstate *m = st ? st : &own;
    uint32_t cp = 0;
    if (!s)
        return m->need = 0, 0;
    long r = decode(s, n, m, &cp);
    if (r == -2)
        return (size_t)-2;
    if (r == -1 || cp > 0xffff) {
        m->need = 0;
        crt_errno = MS_EILSEQ;
        return (size_t)-1;
    }
    if (pwc)
        *pwc = (WCHAR)cp;
    return (size_t)r;
}

static size_t WINAPI w32_mbrlen(const char *s, size_t n, ms_mbstate *st)
{
    static __thread ms_mbstate own;
    return w32_mbrtowc(NULL, s, n, st ? st : &own);
}

static int WINAPI w32_mbtowc(WCHAR *pwc, const char *s, size_t n)
{
    ms_mbstate st = { 0 };
    if (!s)
        return 0; /* UTF-8 has no shift states */
    size_t r = w32_mbrtowc(pwc, s, n, &st);
    return r == (size_t)-2 || r == (size_t)-1 ? (crt_errno = MS_EILSEQ, -1) : (int)r;
}

static int WINAPI w32_mblen(const char *s, size_t n) { return w32_mbtowc(NULL, s, n); }

/* wcrtomb: a high surrogate waits in the state for its partner. */
static size_t WINAPI w32_wcrtomb(char *s, WCHAR wc, ms_mbstate *st)
{
    static __thread ms_mbstate own;
    ms_mbstate *m = st ? st : &own;
    char tmp[8];
    if (!s) {
        m->high = 0;
        return 1;
    }
    if (wc >= 0xd800 && wc < 0xdc00) {
        m->high = wc;
        return 0;
    }
    WCHAR pair[2] = { m->high, wc };
    int two = m->high && wc >= 0xdc00 && wc < 0xe000;
    if (!two && wc >= 0xdc00 && wc < 0xe000) {
        m->high = 0;
        crt_errno = MS_EILSEQ;
        return (size_t)-1;
    }
    m->high = 0;
    size_t len = w32_utf16_to_utf8(two ? pair : &wc, two ? 2 : 1, tmp, sizeof tmp);
    memcpy(s, tmp, len);
    return len;
}

static int WINAPI w32_wctomb(char *s, WCHAR wc)
{
    ms_mbstate st = { 0 };
    if (!s)
        return 0;
    size_t r = w32_wcrtomb(s, wc, &st);
    return r == 0 ? (crt_errno = MS_EILSEQ, -1) : (int)r;
}

static int WINAPI w32_wctomb_s(int *ret, char *s, size_t n, WCHAR wc)
{
    char tmp[8];
    int r = w32_wctomb(tmp, wc);
    if (ret)
        *ret = r;
    if (!s)
        return 0;
    CRT_CHECK(r >= 0, "wctomb_s", MS_EILSEQ);
    CRT_CHECK((size_t)r <= n, "wctomb_s", MS_ERANGE);
    memcpy(s, tmp, (size_t)r);
    return 0;
}

/* Whole strings. DST NULL: the length needed (without the terminator). */
static size_t to_wide(WCHAR *dst, const char *src, size_t n)
{
    size_t len = strlen(src);
    if (!w32_utf8_valid(src, (long)len)) {
        crt_errno = MS_EILSEQ;
        return (size_t)-1;
    }
    size_t units = w32_utf8_to_utf16(src, (long)len, NULL, 0);
    if (!dst)
        return units;
    size_t k = units < n ? units : n;
    WCHAR *tmp = malloc((units + 1) * sizeof *tmp);
    if (!tmp)
        return (size_t)-1;
    w32_utf8_to_utf16(src, (long)len, tmp, units + 1);
    memcpy(dst, tmp, k * sizeof *dst);
    if (k < n)
        dst[k] = 0;
    free(tmp);
    return k;
}

static size_t to_multi(char *dst, const WCHAR *src, size_t n)
{
    size_t units = w32_wcslen(src), len = w32_utf16_to_utf8(src, (long)units, NULL, 0);
    if (!dst)
        return len;
    char *tmp = malloc(len + 1);
    if (!tmp)
        return (size_t)-1;
    w32_utf16_to_utf8(src, (long)units, tmp, len + 1);
    size_t k = len < n ? len : n;
    while (k < len && k > 0 && ((unsigned char)tmp[k] & 0xc0) == 0x80)
        k--; /* never cut a character */
    memcpy(dst, tmp, k);
    if (k < n)
        dst[k] = 0;
    free(tmp);
    return k;
}

static size_t WINAPI w32_mbstowcs(WCHAR *d, const char *s, size_t n)
{
    if (!s)
        return crt_invalid("mbstowcs", MS_EINVAL), (size_t)-1;
    return to_wide(d, s, n);
}

static size_t WINAPI w32_wcstombs(char *d, const WCHAR *s, size_t n)
{
    if (!s)
        return crt_invalid("wcstombs", MS_EINVAL), (size_t)-1;
    return to_multi(d, s, n);
}

/* _s forms: COUNT limits what is converted (_TRUNCATE: as much as fits);
 * *RET gets the characters written including the terminator. */
static int conv_s(size_t *ret, void *d, size_t dn, const void *s, size_t count, int wide, const char *fn)
{
    CRT_CHECK(s || (!d && !dn) , fn, MS_EINVAL);
    CRT_CHECK(d || !dn, fn, MS_EINVAL);
    size_t need = wide ? to_wide(NULL, s, 0) : to_multi(NULL, s, 0);
    if (need == (size_t)-1) {
        if (ret)
            *ret = (size_t)-1;
        return crt_errno;
    }
    size_t lim = count == (size_t)-1 ? (dn ? dn - 1 : need) : count;
    size_t want = need < lim ? need : lim;
    if (ret)
        *ret = want + 1;
    if (!d)
        return 0;
    if (want >= dn) {
        if (dn)
            wide ? (*(WCHAR *)d = 0) : (*(char *)d = 0);
        return crt_invalid(fn, MS_ERANGE);
    }
    size_t k = wide ? to_wide(d, s, want) : to_multi(d, s, want);
    wide ? (((WCHAR *)d)[k] = 0) : (((char *)d)[k] = 0);
    if (ret)
        *ret = k + 1;
    return count == (size_t)-1 && need > want ? 80 /* STRUNCATE */ : 0;
}

static int WINAPI w32_mbstowcs_s(size_t *r, WCHAR *d, size_t dn, const char *s, size_t c) { return conv_s(r, d, dn, s, c, 1, "mbstowcs_s"); }
static int WINAPI w32_wcstombs_s(size_t *r, char *d, size_t dn, const WCHAR *s, size_t c) { return conv_s(r, d, dn, s, c, 0, "wcstombs_s"); }

/* Bytes of valid UTF-8 at S that make up UNITS UTF-16 units. */
static size_t bytes_for_units(const char *s, size_t units)
{
    size_t b = 0;
    while (units && s[b]) {
        int len = lead_len((unsigned char)s[b]);
        size_t u = len == 4 ? 2 : 1;
        if (u > units)
            break;
        b += (size_t)(len ? len : 1), units -= u;
    }
    return b;
}

/* mbsrtowcs/wcsrtombs: *SRC moves past what was converted, or becomes
 * NULL when the terminator was. */
static size_t WINAPI w32_mbsrtowcs(WCHAR *d, const char **src, size_t n, ms_mbstate *st)
{
    (void)st;
    if (!src || !*src)
        return crt_invalid("mbsrtowcs", MS_EINVAL), (size_t)-1;
    size_t r = to_wide(d, *src, n);
    if (d && r != (size_t)-1)
        *src = r < n ? NULL : *src + bytes_for_units(*src, r);
    return r;
}

static size_t WINAPI w32_wcsrtombs(char *d, const WCHAR **src, size_t n, ms_mbstate *st)
{
    (void)st;
    if (!src || !*src)
        return crt_invalid("wcsrtombs", MS_EINVAL), (size_t)-1;
    size_t r = to_multi(d, *src, n);
    if (d && r != (size_t)-1) {
        if (r < n) {
            *src = NULL;
        } else { /* advance by the units whose UTF-8 fitted */
            size_t u = 0, b = 0;
            while ((*src)[u] && b < r) {
                int pair = (*src)[u] >= 0xd800 && (*src)[u] < 0xdc00;
                b += w32_utf16_to_utf8(*src + u, pair ? 2 : 1, NULL, 0);
                u += pair ? 2 : 1;
            }
            *src += u;
        }
    }
    return r;
}

/* C11 <uchar.h>: char16_t is a UTF-16 unit (like wchar_t here); char32_t
 * a code point. */
static size_t WINAPI w32_mbrtoc32(uint32_t *pc, const char *s, size_t n, ms_mbstate *st)
{
    static __thread ms_mbstate own;
    ms_mbstate *m = st ? st : &own;
    uint32_t cp = 0;
    if (!s)
        return m->need = 0, 0;
    long r = decode(s, n, m, &cp);
    if (r == -2)
        return (size_t)-2;
    if (r == -1) {
        m->need = 0;
        crt_errno = MS_EILSEQ;
        return (size_t)-1;
    }
    if (pc)
        *pc = cp;
    return (size_t)r;
}

/* mbrtoc16: a character beyond the BMP gives its high surrogate, then
 * (size_t)-3 with the low one on the next call. */
static size_t WINAPI w32_mbrtoc16(uint16_t *pc, const char *s, size_t n, ms_mbstate *st)
{
    static __thread ms_mbstate own;
    ms_mbstate *m = st ? st : &own;
    if (m->high) {
        if (pc)
            *pc = m->high;
        m->high = 0;
        return (size_t)-3;
    }
    uint32_t cp;
    size_t r = w32_mbrtoc32(&cp, s, n, m);
    if (r == (size_t)-1 || r == (size_t)-2 || !s)
        return r;
    if (cp > 0xffff) {
        cp -= 0x10000;
        m->high = (uint16_t)(0xdc00 | (cp & 0x3ff));
        cp = 0xd800 | (cp >> 10);
    }
    if (pc)
        *pc = (uint16_t)cp;
    return r;
}

static size_t WINAPI w32_c32rtomb(char *s, uint32_t c, ms_mbstate *st)
{
    (void)st;
    if (!s)
        return 1;
    if (c > 0x10ffff || (c >= 0xd800 && c < 0xe000)) {
        crt_errno = MS_EILSEQ;
        return (size_t)-1;
    }
    WCHAR w[2];
    int n = 1;
    if (c > 0xffff)
        w[0] = (WCHAR)(0xd800 | ((c - 0x10000) >> 10)), w[1] = (WCHAR)(0xdc00 | ((c - 0x10000) & 0x3ff)), n = 2;
    else
        w[0] = (WCHAR)c;
    return w32_utf16_to_utf8(w, n, s, 8);
}

static size_t WINAPI w32_c16rtomb(char *s, uint16_t c, ms_mbstate *st) { return w32_wcrtomb(s, c, st); }
static int WINAPI w32_isleadbyte(int c) { return lead_len((unsigned char)c) > 1 && c >= 0 && c < 256; }
static int WINAPI w32__isleadbyte_l(int c, void *l) { (void)l; return w32_isleadbyte(c); }

static uint32_t WINAPI w32_btowc(int c) { return c >= 0 && c < 0x80 ? (uint32_t)c : 0xffff; }
static int WINAPI w32_wctob(WCHAR c) { return c < 0x80 ? c : -1; }
static int WINAPI w32_mbsinit(const ms_mbstate *st) { return !st || (!st->need && !st->high); }
static size_t WINAPI w32__mbstrlen(const char *s) { return to_wide(NULL, s, 0); }

#define MBCS_EXPORTS \
    EXPORT(mbrtowc, "ppqp:q"), EXPORT(mbrlen, "pqp:q"), EXPORT(mbtowc, "ppq:i"), EXPORT(mblen, "pq:i"), \
    EXPORT(wcrtomb, "pup:q"), EXPORT(wctomb, "pu:i"), EXPORT(wctomb_s, "ppqu:i"), \
    EXPORT(mbstowcs, "psq:q"), EXPORT(wcstombs, "pwq:q"), EXPORT(mbstowcs_s, "ppqsq:i"), \
    EXPORT(wcstombs_s, "ppqwq:i"), EXPORT(mbsrtowcs, "ppqp:q"), EXPORT(wcsrtombs, "ppqp:q"), \
    EXPORT(btowc, "i:u"), EXPORT(wctob, "u:i"), EXPORT(mbsinit, "p:i"), EXPORT(_mbstrlen, "s:q"), \
    EXPORT(mbrtoc16, "ppqp:q"), EXPORT(mbrtoc32, "ppqp:q"), EXPORT(c16rtomb, "pup:q"), \
    EXPORT(c32rtomb, "pup:q"), EXPORT(isleadbyte, "i:i"), EXPORT(_isleadbyte_l, "ip:i")

W32_EXPORTS(msvcrt) = { MBCS_EXPORTS };
W32_EXPORTS(ucrtbase) = { MBCS_EXPORTS };
