/* strsort.c — a basic linguistic collation in the manner of Windows'
 * default ("word sort") ordering, in three levels: the base character
 * (punctuation and symbols before digits before letters, letters
 * compared without case or accent), then accents, then case (lower
 * before upper). Hyphens and apostrophes are ignored at these levels
 * unless SORT_STRINGSORT asks for them, and only break a final tie. */
#include "../unicode.h"
#include "strsort.h"

/* Base letters of U+00C0..U+00FF ('.' when it is not a letter). */
static const char latin1_base[] =
    "AAAAAAACEEEEIIII" "DNOOOOO.OUUUUYTs"
    "aaaaaaaceeeeiiii" "dnooooo.ouuuuyty";

static WCHAR base_of(WCHAR c)
{
    if (c >= 0xc0 && c <= 0xff && latin1_base[c - 0xc0] != '.')
        return (WCHAR)latin1_base[c - 0xc0];
    return c;
}

static int ignorable(WCHAR c, DWORD flags)
{
    return !(flags & K32_SORT_STRINGSORT) && (c == '-' || c == '\'');
}

static int is_digit(WCHAR c) { return c >= '0' && c <= '9'; }

static int is_letter(WCHAR c)
{
    WCHAR u = w32_towupper(c), l = w32_towlower(c);
    return u != l || (c >= 0xc0 && c != 0xd7 && c != 0xf7 && c < 0x250) || c >= 0x370;
}

/* Level-1 weight; 0 for characters skipped at this level. */
static uint32_t primary(WCHAR c, DWORD flags)
{
    if (ignorable(c, flags))
        return 0;
    WCHAR b = w32_towupper(base_of(c));
    int cls = is_letter(c) ? 3 : is_digit(c) ? 2 : 1;
    if (cls == 1 && (flags & K32_NORM_IGNORESYMBOLS))
        return 0;
    return (uint32_t)cls << 16 | b;
}

static uint8_t secondary(WCHAR c, DWORD flags)
{
    if (flags & (K32_NORM_IGNORENONSPACE | K32_LINGUISTIC_IGNOREDIACRITIC))
        return 0;
    return base_of(c) != c ? (uint8_t)(c & 0x3f) + 1 : 0;
}

static uint8_t tertiary(WCHAR c, DWORD flags)
{
    if (flags & (K32_NORM_IGNORECASE | K32_LINGUISTIC_IGNORECASE))
        return 0;
    return w32_towlower(c) != c; /* upper case after lower */
}

/* Compare level L of A and B (skipping characters with no weight). */
static int level(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, DWORD flags, int l)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < na && !primary(a[i], flags))
            i++;
        while (j < nb && !primary(b[j], flags))
            j++;
        if (i == na || j == nb)
            return (i < na) - (j < nb);
        uint32_t x = l == 1 ? primary(a[i], flags) : l == 2 ? secondary(a[i], flags) : tertiary(a[i], flags);
        uint32_t y = l == 1 ? primary(b[j], flags) : l == 2 ? secondary(b[j], flags) : tertiary(b[j], flags);
        if (x != y)
            return x < y ? -1 : 1;
        i++, j++;
    }
}

int k32_sort_compare(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, DWORD flags)
{
    for (int l = 1; l <= 3; l++) {
        int c = level(a, na, b, nb, flags, l);
        if (c)
            return c;
    }
    /* a final tie: the ignored punctuation, in order */
    size_t i = 0, j = 0;
    for (;;) {
        while (i < na && !ignorable(a[i], flags))
            i++;
        while (j < nb && !ignorable(b[j], flags))
            j++;
        if (i == na || j == nb)
            return (i < na) - (j < nb);
        if (a[i] != b[j])
            return a[i] < b[j] ? -1 : 1;
        i++, j++;
    }
}

static void emit(BYTE *out, size_t cap, size_t *o, BYTE v)
{
    if (out && *o < cap)
        out[*o] = v;
    (*o)++;
}

size_t k32_sort_key(const WCHAR *s, size_t n, DWORD flags, BYTE *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t p = primary(s[i], flags);
        if (p)
            emit(out, cap, &o, (BYTE)((p >> 16) + 1)), emit(out, cap, &o, (BYTE)(p >> 8)), emit(out, cap, &o, (BYTE)p);
    }
    for (int l = 2; l <= 3; l++) {
        emit(out, cap, &o, 1);
        for (size_t i = 0; i < n; i++)
            if (primary(s[i], flags))
                emit(out, cap, &o, (BYTE)((l == 2 ? secondary(s[i], flags) : tertiary(s[i], flags)) + 2));
    }
    emit(out, cap, &o, 1);
    for (size_t i = 0; i < n; i++)
        if (ignorable(s[i], flags))
            emit(out, cap, &o, (BYTE)s[i]);
    emit(out, cap, &o, 0);
    return o;
}
