/* ctype.c — character classes of the "C" locale as Microsoft's CRT keeps
 * them: the _ctype table (257 entries, index -1 for EOF) whose flags
 * programs may read directly through _pctype/__pctype_func, _isctype,
 * the is* functions, toupper/tolower and the _l, __is* and _to* forms.
 * Bytes 0x80-0xFF have no class in the "C" locale. */
#include "crt.h"

#define U 0x001   /* _UPPER */
#define L 0x002   /* _LOWER */
#define D 0x004   /* _DIGIT */
#define S 0x008   /* _SPACE */
#define P 0x010   /* _PUNCT */
#define C 0x020   /* _CONTROL */
#define B 0x040   /* _BLANK: the space only; isblank adds the tab */
#define H 0x080   /* _HEX */
#define A 0x100   /* _ALPHA (with _UPPER or _LOWER) */

/* Ranges of the "C" locale's table. */
static const struct { int lo, hi; unsigned short flags; } ranges[] = {
    { 0x00, 0x08, C }, { 0x09, 0x0d, C | S }, { 0x0e, 0x1f, C },
    { 0x20, 0x20, S | B }, { 0x21, 0x2f, P }, { 0x30, 0x39, D | H }, { 0x3a, 0x40, P },
    { 0x41, 0x46, U | H | A }, { 0x47, 0x5a, U | A }, { 0x5b, 0x60, P },
    { 0x61, 0x66, L | H | A }, { 0x67, 0x7a, L | A }, { 0x7b, 0x7e, P }, { 0x7f, 0x7f, C },
};

unsigned short crt_ctype[257];                 /* [0] is EOF */
static const unsigned short *crt_pctype = crt_ctype + 1;

void crt_ctype_init(void)
{
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        for (int c = ranges[i].lo; c <= ranges[i].hi; c++)
            crt_ctype[c + 1] = ranges[i].flags;
}

int crt_isctype(int c, int mask)
{
    if (c < -1 || c > 255)
        return 0;
    return crt_ctype[c + 1] & mask;
}

static int WINAPI w32__isctype(int c, int mask) { return crt_isctype(c, mask); }
static int WINAPI w32__isctype_l(int c, int mask, void *l) { (void)l; return crt_isctype(c, mask); }
static const unsigned short *WINAPI w32___pctype_func(void) { return crt_pctype; }
static const unsigned short **WINAPI w32___p__pctype(void) { return &crt_pctype; }

/* The class functions: NAME(c) and _NAME_l(c, locale). */
#define CLASS(name, mask) \
    static int WINAPI w32_##name(int c) { return crt_isctype(c, mask); } \
    static int WINAPI w32__##name##_l(int c, void *l) { (void)l; return crt_isctype(c, mask); }
CLASS(isalpha, A)
CLASS(isupper, U)
CLASS(islower, L)
CLASS(isdigit, D)
CLASS(isxdigit, H)
CLASS(isspace, S)
CLASS(ispunct, P)
CLASS(isalnum, A | D)
CLASS(isprint, A | D | P | B)
CLASS(isgraph, A | D | P)
CLASS(iscntrl, C)

static int WINAPI w32_isblank(int c) { return c == '\t' || c == ' ' ? B : 0; }
static int WINAPI w32__isblank_l(int c, void *l) { (void)l; return w32_isblank(c); }
static int WINAPI w32___isascii(int c) { return (unsigned)c < 0x80; }
static int WINAPI w32___toascii(int c) { return c & 0x7f; }
static int WINAPI w32___iscsymf(int c) { return crt_isctype(c, A) || c == '_'; }
static int WINAPI w32___iscsym(int c) { return crt_isctype(c, A | D) || c == '_'; }

static int WINAPI w32_toupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static int WINAPI w32_tolower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int WINAPI w32__toupper_l(int c, void *l) { (void)l; return w32_toupper(c); }
static int WINAPI w32__tolower_l(int c, void *l) { (void)l; return w32_tolower(c); }
/* _toupper/_tolower convert unconditionally. */
static int WINAPI w32__toupper(int c) { return c - 'a' + 'A'; }
static int WINAPI w32__tolower(int c) { return c - 'A' + 'a'; }

#define CLASS_EXPORT(n) EXPORT(n, "i:i"), EXPORT(_##n##_l, "ip:i")
#define CTYPE_EXPORTS \
    CLASS_EXPORT(isalpha), CLASS_EXPORT(isupper), CLASS_EXPORT(islower), CLASS_EXPORT(isdigit), \
    CLASS_EXPORT(isxdigit), CLASS_EXPORT(isspace), CLASS_EXPORT(ispunct), CLASS_EXPORT(isalnum), \
    CLASS_EXPORT(isprint), CLASS_EXPORT(isgraph), CLASS_EXPORT(iscntrl), CLASS_EXPORT(isblank), \
    EXPORT(_isctype, "ii:i"), EXPORT(_isctype_l, "iip:i"), EXPORT(__pctype_func, ":p"), \
    EXPORT(__isascii, "i:i"), EXPORT(__toascii, "i:i"), EXPORT(__iscsymf, "i:i"), \
    EXPORT(__iscsym, "i:i"), EXPORT(toupper, "i:i"), EXPORT(tolower, "i:i"), \
    EXPORT(_toupper_l, "ip:i"), EXPORT(_tolower_l, "ip:i"), EXPORT(_toupper, "i:i"), \
    EXPORT(_tolower, "i:i"), EXPORT_AS("isascii", w32___isascii, "i:i"), \
    EXPORT_AS("toascii", w32___toascii, "i:i"), EXPORT_AS("iscsym", w32___iscsym, "i:i"), \
    EXPORT_AS("iscsymf", w32___iscsymf, "i:i")

W32_EXPORTS(msvcrt) = {
    CTYPE_EXPORTS, EXPORT(__p__pctype, ":p"), EXPORT_DATA(_pctype, crt_pctype),
    EXPORT_DATA(_ctype, crt_ctype),
};
W32_EXPORTS(ucrtbase) = { CTYPE_EXPORTS };
