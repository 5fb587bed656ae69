/* strings.c — kernel32's string functions: lstrlen/lstrcpy(n)/lstrcat/
 * lstrcmp(i) (A and W), CompareString(A/W/Ex) and CompareStringOrdinal,
 * LCMapString(W/Ex) (case mapping and sort keys), GetStringType(Ex)W,
 * and MulDiv. The linguistic comparison is a basic version of Windows'
 * "word sort": punctuation before digits before letters, accents and then
 * case only break ties (lower case first), and hyphens and apostrophes
 * are ignored unless SORT_STRINGSORT is given. */
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <wctype.h>

#include "../unicode.h"
#include "k32.h"
#include "strsort.h"

#define CSTR_LESS_THAN 1
#define CSTR_EQUAL 2
#define CSTR_GREATER_THAN 3
#define LCMAP_LOWERCASE 0x100
#define LCMAP_UPPERCASE 0x200
#define LCMAP_SORTKEY 0x400
#define LCMAP_BYTEREV 0x800
#define CT_CTYPE1 1
#define CT_CTYPE2 2
#define CT_CTYPE3 4

/* ---- lstr* ---- */
static int WINAPI w32_lstrlenA(LPCSTR s) { return s ? (int)strlen(s) : 0; }
static int WINAPI w32_lstrlenW(LPCWSTR s) { return s ? (int)w32_wcslen(s) : 0; }

static LPSTR WINAPI w32_lstrcpyA(LPSTR d, LPCSTR s)
{
    if (!d || !s)
        return NULL;
    return strcpy(d, s);
}

static LPWSTR WINAPI w32_lstrcpyW(LPWSTR d, LPCWSTR s)
{
    if (!d || !s)
        return NULL;
    memcpy(d, s, (w32_wcslen(s) + 1) * sizeof *s);
    return d;
}

/* At most N-1 characters, always terminated. */
static LPSTR WINAPI w32_lstrcpynA(LPSTR d, LPCSTR s, int n)
{
    if (!d || !s || n <= 0)
        return n == 0 ? d : NULL;
    int i = 0;
    for (; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    d[i] = 0;
    return d;
}

static LPWSTR WINAPI w32_lstrcpynW(LPWSTR d, LPCWSTR s, int n)
{
    if (!d || !s || n <= 0)
        return n == 0 ? d : NULL;
    int i = 0;
    for (; i < n - 1 && s[i]; i++)
        d[i] = s[i];
    d[i] = 0;
    return d;
}

static LPSTR WINAPI w32_lstrcatA(LPSTR d, LPCSTR s)
{
    if (!d || !s)
        return NULL;
    return strcat(d, s);
}

static LPWSTR WINAPI w32_lstrcatW(LPWSTR d, LPCWSTR s)
{
    if (!d || !s)
        return NULL;
    w32_lstrcpyW(d + w32_wcslen(d), s);
    return d;
}

/* ---- comparisons ---- */
static int cstr(int c) { return c < 0 ? CSTR_LESS_THAN : c > 0 ? CSTR_GREATER_THAN : CSTR_EQUAL; }

static size_t len_of(const WCHAR *s, int n)
{
    return n < 0 ? w32_wcslen(s) : (size_t)n;
}

static int WINAPI w32_CompareStringW(DWORD lcid, DWORD flags, LPCWSTR a, int na, LPCWSTR b, int nb)
{
    (void)lcid;
    if (!a || !b) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return cstr(k32_sort_compare(a, len_of(a, na), b, len_of(b, nb), flags));
}

static int WINAPI w32_CompareStringEx(LPCWSTR locale, DWORD flags, LPCWSTR a, int na, LPCWSTR b, int nb,
                                      PVOID ver, PVOID res, LONG_PTR param)
{
    (void)locale, (void)ver, (void)res, (void)param;
    return w32_CompareStringW(0, flags, a, na, b, nb);
}

static int WINAPI w32_CompareStringA(DWORD lcid, DWORD flags, LPCSTR a, int na, LPCSTR b, int nb)
{
    if (!a || !b) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t la = na < 0 ? strlen(a) : (size_t)na, lb = nb < 0 ? strlen(b) : (size_t)nb;
    size_t wa = w32_utf8_to_utf16(a, (long)la, NULL, 0), wb = w32_utf8_to_utf16(b, (long)lb, NULL, 0);
    WCHAR *x = malloc((wa + 1) * 2), *y = malloc((wb + 1) * 2);
    int r = 0;
    if (x && y) {
        w32_utf8_to_utf16(a, (long)la, x, wa + 1);
        w32_utf8_to_utf16(b, (long)lb, y, wb + 1);
        r = w32_CompareStringW(lcid, flags, x, (int)wa, y, (int)wb);
    }
    free(x), free(y);
    return r;
}

static int WINAPI w32_CompareStringOrdinal(LPCWSTR a, int na, LPCWSTR b, int nb, BOOL icase)
{
    if (!a || !b) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t la = len_of(a, na), lb = len_of(b, nb);
    if (icase)
        return cstr(w32_wcsnicmp_units(a, la, b, lb));
    for (size_t i = 0; i < la && i < lb; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
    return cstr(la < lb ? -1 : la > lb);
}

static const WCHAR empty[1] = { 0 };

static int WINAPI w32_lstrcmpW(LPCWSTR a, LPCWSTR b)
{
    return w32_CompareStringW(0, 0, a ? a : empty, -1, b ? b : empty, -1) - 2;
}

static int WINAPI w32_lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
    return w32_CompareStringW(0, 1 /* NORM_IGNORECASE */, a ? a : empty, -1, b ? b : empty, -1) - 2;
}

static int WINAPI w32_lstrcmpA(LPCSTR a, LPCSTR b)
{
    return w32_CompareStringA(0, 0, a ? a : "", -1, b ? b : "", -1) - 2;
}

static int WINAPI w32_lstrcmpiA(LPCSTR a, LPCSTR b)
{
    return w32_CompareStringA(0, 1, a ? a : "", -1, b ? b : "", -1) - 2;
}

/* ---- LCMapString ---- */
static int WINAPI w32_LCMapStringW(DWORD lcid, DWORD flags, LPCWSTR src, int n, LPWSTR dst, int cap)
{
    (void)lcid;
    if (!src || cap < 0 || (cap && !dst)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t len = n < 0 ? w32_wcslen(src) + 1 : (size_t)n;
    if (flags & LCMAP_SORTKEY) {
        size_t need = k32_sort_key(src, n < 0 ? len - 1 : len, flags, NULL, 0);
        if (cap && need > (size_t)cap) {
            w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        if (cap)
            k32_sort_key(src, n < 0 ? len - 1 : len, flags, (BYTE *)dst, (size_t)cap);
        return (int)need;
    }
    if (!cap)
        return (int)len;
    if (len > (size_t)cap) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        WCHAR c = src[i];
        c = (flags & LCMAP_UPPERCASE) ? w32_towupper(c) : (flags & LCMAP_LOWERCASE) ? w32_towlower(c) : c;
        dst[i] = (flags & LCMAP_BYTEREV) ? (WCHAR)(c << 8 | c >> 8) : c;
    }
    return (int)len;
}

static int WINAPI w32_LCMapStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, int n, LPWSTR dst, int cap,
                                    PVOID ver, PVOID res, LONG_PTR param)
{
    (void)locale, (void)ver, (void)res, (void)param;
    return w32_LCMapStringW(0, flags, src, n, dst, cap);
}

/* ---- character types ---- */
static WORD ctype1(WCHAR c)
{
    static locale_t loc;
    if (!loc)
        loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    WORD t = 0x200; /* C1_DEFINED */
    if (iswupper_l(c, loc)) t |= 0x1;
    if (iswlower_l(c, loc)) t |= 0x2;
    if (iswdigit_l(c, loc)) t |= 0x4;
    if (iswspace_l(c, loc)) t |= 0x8;
    if (iswpunct_l(c, loc)) t |= 0x10;
    if (iswcntrl_l(c, loc)) t |= 0x20;
    if (c == ' ' || c == '\t') t |= 0x40;
    if (iswxdigit_l(c, loc)) t |= 0x80;
    if (iswalpha_l(c, loc)) t |= 0x100;
    return t;
}

static BOOL WINAPI w32_GetStringTypeW(DWORD type, LPCWSTR src, int n, WORD *out)
{
    if (!src || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    size_t len = n < 0 ? w32_wcslen(src) + 1 : (size_t)n;
    for (size_t i = 0; i < len; i++)
        out[i] = type == CT_CTYPE1 ? ctype1(src[i])
               : type == CT_CTYPE2 ? (src[i] < 0x80 ? (iswalpha(src[i]) ? 1 : 0) : 1) /* C2_LEFTTORIGHT */
               : 0;
    return TRUE;
}

static BOOL WINAPI w32_GetStringTypeExW(DWORD lcid, DWORD type, LPCWSTR src, int n, WORD *out)
{
    (void)lcid;
    return w32_GetStringTypeW(type, src, n, out);
}

static BOOL WINAPI w32_GetStringTypeA(DWORD lcid, DWORD type, LPCSTR src, int n, WORD *out)
{
    (void)lcid;
    if (!src || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    size_t len = n < 0 ? strlen(src) + 1 : (size_t)n;
    for (size_t i = 0; i < len; i++) {
        WCHAR c = (unsigned char)src[i];
        w32_GetStringTypeW(type, &c, 1, &out[i]);
    }
    return TRUE;
}

/* ---- MulDiv: (a*b)/c rounded half away from zero; -1 on overflow or c 0 ---- */
static int WINAPI w32_MulDiv(int a, int b, int c)
{
    if (c == 0)
        return -1;
    long long p = (long long)a * b;
    int neg = (p < 0) != (c < 0);
    unsigned long long ap = (unsigned long long)(p < 0 ? -p : p), ac = (unsigned long long)(c < 0 ? -(long long)c : c);
    unsigned long long q = (ap + ac / 2) / ac;
    if (q > 0x7fffffffull + (unsigned)neg)
        return -1;
    return neg ? -(int)q : (int)q;
}

W32_EXPORTS(kernel32) = {
    EXPORT(lstrlenA, "s:i"),
    EXPORT(lstrlenW, "w:i"),
    EXPORT(lstrcpyA, "ps:p"),
    EXPORT(lstrcpyW, "pw:p"),
    EXPORT(lstrcpynA, "psi:p"),
    EXPORT(lstrcpynW, "pwi:p"),
    EXPORT(lstrcatA, "ps:p"),
    EXPORT(lstrcatW, "pw:p"),
    EXPORT(lstrcmpA, "ss:i"),
    EXPORT(lstrcmpW, "ww:i"),
    EXPORT(lstrcmpiA, "ss:i"),
    EXPORT(lstrcmpiW, "ww:i"),
    EXPORT_AS("lstrlen", w32_lstrlenA, "s:i"),
    EXPORT_AS("lstrcpy", w32_lstrcpyA, "ps:p"),
    EXPORT_AS("lstrcpyn", w32_lstrcpynA, "psi:p"),
    EXPORT_AS("lstrcat", w32_lstrcatA, "ps:p"),
    EXPORT_AS("lstrcmp", w32_lstrcmpA, "ss:i"),
    EXPORT_AS("lstrcmpi", w32_lstrcmpiA, "ss:i"),
    EXPORT(CompareStringA, "uuiuiu:i"),
    EXPORT(CompareStringW, "uupipi:i"),
    EXPORT(CompareStringEx, "wupipippq:i"),
    EXPORT(CompareStringOrdinal, "pipii:i"),
    EXPORT(LCMapStringW, "uupipi:i"),
    EXPORT(LCMapStringEx, "wupipippq:i"),
    EXPORT(GetStringTypeW, "upip:i"),
    EXPORT(GetStringTypeExW, "uupip:i"),
    EXPORT(GetStringTypeA, "uusip:i"),
    EXPORT(MulDiv, "iii:i"),
};
