/* wctype.c — classes and case of wide (UTF-16) characters: iswalpha …,
 * iswctype with Microsoft's class bits, wctype names, towupper/towlower,
 * and the _pwctype table for U+0000–U+00FF. Windows classifies with
 * Unicode data; so do we, through the host's C.UTF-8 tables. */
#include <locale.h>
#include <string.h>
#include <wctype.h>

#include "crt.h"

enum { U = 0x1, L = 0x2, D = 0x4, S = 0x8, P = 0x10, C = 0x20, B = 0x40, H = 0x80, A = 0x100 };

static locale_t uloc;
static unsigned short pwctype[256];
static const unsigned short *pwctype_ptr = pwctype;

int crt_wflags(unsigned c)
{
    if (c < 0x80)
        return crt_isctype((int)c, 0x1ff);
    if (!uloc || (c >= 0xd800 && c < 0xe000))
        return 0;
    wint_t w = c;
    return (iswupper_l(w, uloc) ? U : 0) | (iswlower_l(w, uloc) ? L : 0) |
           (iswdigit_l(w, uloc) ? D : 0) | (iswspace_l(w, uloc) ? S : 0) |
           (iswpunct_l(w, uloc) ? P : 0) | (iswcntrl_l(w, uloc) ? C : 0) |
           (iswblank_l(w, uloc) ? B : 0) | (iswxdigit_l(w, uloc) ? H : 0) |
           (iswalpha_l(w, uloc) ? A : 0);
}

void crt_wctype_init(void)
{
    uloc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!uloc)
        uloc = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    for (unsigned c = 0; c < 256; c++)
        pwctype[c] = (unsigned short)crt_wflags(c);
}


static int WINAPI w32_iswctype(WCHAR c, unsigned short mask) { return crt_wflags(c) & mask; }
static int WINAPI w32__iswctype_l(WCHAR c, unsigned short mask, void *l) { (void)l; return crt_wflags(c) & mask; }
static const unsigned short *WINAPI w32___pwctype_func(void) { return pwctype; }

#define WCLASS(name, mask) \
    static int WINAPI w32_##name(WCHAR c) { return crt_wflags(c) & (mask); } \
    static int WINAPI w32__##name##_l(WCHAR c, void *l) { (void)l; return crt_wflags(c) & (mask); }
WCLASS(iswalpha, A)
WCLASS(iswupper, U)
WCLASS(iswlower, L)
WCLASS(iswdigit, D)
WCLASS(iswxdigit, H)
WCLASS(iswspace, S)
WCLASS(iswpunct, P)
WCLASS(iswalnum, A | D)
WCLASS(iswprint, A | D | P | B)
WCLASS(iswgraph, A | D | P)
WCLASS(iswcntrl, C)

static int WINAPI w32_iswblank(WCHAR c) { return c == '\t' ? B : crt_wflags(c) & B; }
static int WINAPI w32__iswblank_l(WCHAR c, void *l) { (void)l; return w32_iswblank(c); }
static int WINAPI w32_iswascii(WCHAR c) { return c < 0x80; }
static int WINAPI w32___iswcsymf(WCHAR c) { return (crt_wflags(c) & A) || c == '_'; }
static int WINAPI w32___iswcsym(WCHAR c) { return (crt_wflags(c) & (A | D)) || c == '_'; }

static WCHAR WINAPI w32_towupper(WCHAR c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    wint_t r = uloc && (c < 0xd800 || c >= 0xe000) ? towupper_l(c, uloc) : c;
    return r <= 0xffff ? (WCHAR)r : c;
}

static WCHAR WINAPI w32_towlower(WCHAR c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    wint_t r = uloc && (c < 0xd800 || c >= 0xe000) ? towlower_l(c, uloc) : c;
    return r <= 0xffff ? (WCHAR)r : c;
}

WCHAR crt_towupper(WCHAR c) { return w32_towupper(c); }
WCHAR crt_towlower(WCHAR c) { return w32_towlower(c); }
static WCHAR WINAPI w32__towupper_l(WCHAR c, void *l) { (void)l; return w32_towupper(c); }
static WCHAR WINAPI w32__towlower_l(WCHAR c, void *l) { (void)l; return w32_towlower(c); }

/* wctype("alpha") → the class bits iswctype tests. */
static const struct { const char *name; unsigned short mask; } classes[] = {
    { "alnum", A | D | U | L }, { "alpha", A | U | L }, { "blank", B }, { "cntrl", C },
    { "digit", D }, { "graph", P | A | U | L | D }, { "lower", L }, { "print", B | P | A | U | L | D },
    { "punct", P }, { "space", S }, { "upper", U }, { "xdigit", H },
};

static unsigned short WINAPI w32_wctype(const char *name)
{
    for (size_t i = 0; name && i < sizeof classes / sizeof classes[0]; i++)
        if (!strcmp(name, classes[i].name))
            return classes[i].mask;
    return 0;
}

/* wctrans("toupper") is 1, "tolower" 2; towctrans applies it. */
static unsigned short WINAPI w32_wctrans(const char *name)
{
    return !name ? 0 : !strcmp(name, "toupper") ? 1 : !strcmp(name, "tolower") ? 2 : 0;
}

static WCHAR WINAPI w32_towctrans(WCHAR c, unsigned short t)
{
    return t == 1 ? w32_towupper(c) : t == 2 ? w32_towlower(c) : c;
}

#define WCLASS_EXPORT(n) EXPORT(n, "u:i"), EXPORT(_##n##_l, "up:i")
#define WCTYPE_EXPORTS \
    WCLASS_EXPORT(iswalpha), WCLASS_EXPORT(iswupper), WCLASS_EXPORT(iswlower), \
    WCLASS_EXPORT(iswdigit), WCLASS_EXPORT(iswxdigit), WCLASS_EXPORT(iswspace), \
    WCLASS_EXPORT(iswpunct), WCLASS_EXPORT(iswalnum), WCLASS_EXPORT(iswprint), \
    WCLASS_EXPORT(iswgraph), WCLASS_EXPORT(iswcntrl), WCLASS_EXPORT(iswblank), \
    EXPORT(iswascii, "u:i"), EXPORT(__iswcsymf, "u:i"), EXPORT(__iswcsym, "u:i"), \
    EXPORT(iswctype, "uu:i"), EXPORT(_iswctype_l, "uup:i"), EXPORT_AS("is_wctype", w32_iswctype, "uu:i"), \
    EXPORT(__pwctype_func, ":p"), EXPORT(towupper, "u:u"), EXPORT(towlower, "u:u"), \
    EXPORT(_towupper_l, "up:u"), EXPORT(_towlower_l, "up:u"), EXPORT(wctype, "s:u"), \
    EXPORT(wctrans, "s:u"), EXPORT(towctrans, "uu:u")

W32_EXPORTS(msvcrt) = { WCTYPE_EXPORTS, EXPORT_DATA(_pwctype, pwctype_ptr) };
W32_EXPORTS(ucrtbase) = { WCTYPE_EXPORTS };
