/* unicode.c — UTF-16 ↔ UTF-8 for the wide and ANSI Windows APIs. */
#include <locale.h>
#include <stdlib.h>
#include <wctype.h>

#include "unicode.h"

size_t w32_wcslen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void put8(char *out, size_t cap, size_t *pos, unsigned cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xc0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3f)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xe0 | cp >> 12), b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp & 0x3f)), n = 3;
    } else {
        b[0] = (unsigned char)(0xf0 | cp >> 18), b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    for (size_t i = 0; i < n; i++, (*pos)++)
        if (*pos < cap)
            out[*pos] = (char)b[i];
}

size_t w32_utf16_to_utf8(const WCHAR *in, long n, char *out, size_t cap)
{
    size_t pos = 0;
    size_t len = n < 0 ? w32_wcslen(in) : (size_t)n;
    for (size_t i = 0; i < len; i++) {
        unsigned cp = in[i];
        if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < len && in[i + 1] >= 0xdc00 && in[i + 1] < 0xe000)
            cp = 0x10000 + ((cp - 0xd800) << 10) + (in[++i] - 0xdc00u);
        else if (cp >= 0xd800 && cp < 0xe000)
            cp = 0xfffd;
        put8(out, cap, &pos, cp);
    }
    if (out && pos < cap)
        out[pos] = 0;
    return pos;
}

/* Decode one UTF-8 sequence at S (AVAIL bytes); sets *used. */
static unsigned get8(const unsigned char *s, size_t avail, size_t *used)
{
    unsigned c = s[0];
    int need = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
    *used = 1;
    if (need <= 0)
        return need == 0 ? c : 0xfffd;
    if ((size_t)need >= avail)
        return 0xfffd;
    unsigned cp = c & (0x3f >> need);
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0xfffd;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    *used = (size_t)need + 1;
    if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp < 0xe000))
        return 0xfffd;
    return cp;
}

size_t w32_utf8_to_utf16(const char *in, long n, WCHAR *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t len = 0, pos = 0;
    if (n < 0)
        while (s[len])
            len++;
    else
        len = (size_t)n;
    for (size_t i = 0; i < len;) {
        size_t used;
        unsigned cp = get8(s + i, len - i, &used);
        i += used;
        if (cp >= 0x10000) {
            if (pos < cap) out[pos] = (WCHAR)(0xd800 + ((cp - 0x10000) >> 10));
            pos++;
            cp = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        }
        if (pos < cap)
            out[pos] = (WCHAR)cp;
        pos++;
    }
    if (out && pos < cap)
        out[pos] = 0;
    return pos;
}

char *w32_wide_to_utf8(const WCHAR *s)
{
    if (!s)
        return NULL;
    size_t n = w32_utf16_to_utf8(s, -1, NULL, 0);
    char *r = malloc(n + 1);
    if (r)
        w32_utf16_to_utf8(s, -1, r, n + 1);
    return r;
}

WCHAR *w32_utf8_to_wide(const char *s)
{
    if (!s)
        return NULL;
    size_t n = w32_utf8_to_utf16(s, -1, NULL, 0);
    WCHAR *r = malloc((n + 1) * sizeof *r);
    if (r)
        w32_utf8_to_utf16(s, -1, r, n + 1);
    return r;
}

int w32_utf8_valid(const char *in, long n)
{
    const unsigned char *s = (const unsigned char *)in;
    for (long i = 0; i < n;) {
        size_t used;
        unsigned cp = get8(s + i, (size_t)(n - i), &used);
        if (cp == 0xfffd && !(used == 3 && s[i] == 0xef && s[i + 1] == 0xbf && s[i + 2] == 0xbd))
            return 0;
        i += (long)used;
    }
    return 1;
}

static locale_t utf8_locale(void)
{
    static locale_t loc;
    if (!loc) {
        locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (!l)
            l = newlocale(LC_CTYPE_MASK, "C", (locale_t)0);
        loc = l;
    }
    return loc;
}

WCHAR w32_towupper(WCHAR c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? (WCHAR)(c - 32) : c;
    if (c >= 0xd800 && c < 0xe000)
        return c;
    wint_t u = towupper_l(c, utf8_locale());
    return u > 0xffff ? c : (WCHAR)u;
}

WCHAR w32_towlower(WCHAR c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? (WCHAR)(c + 32) : c;
    if (c >= 0xd800 && c < 0xe000)
        return c;
    wint_t l = towlower_l(c, utf8_locale());
    return l > 0xffff ? c : (WCHAR)l;
}

int w32_wcsnicmp_units(const WCHAR *a, size_t n1, const WCHAR *b, size_t n2)
{
    for (size_t i = 0; i < n1 && i < n2; i++) {
        WCHAR x = w32_towupper(a[i]), y = w32_towupper(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return n1 < n2 ? -1 : n1 > n2;
}
