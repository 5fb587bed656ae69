/* chars.c — user32's character helpers: CharUpper/CharLower (a string in
 * place, or a single character passed in the pointer's low word),
 * CharUpperBuff/CharLowerBuff, CharNext/CharPrev, IsCharAlpha/
 * IsCharAlphaNumeric/IsCharUpper/IsCharLower, and wsprintf/wvsprintf
 * (the C runtime's formatter, output limited to 1024 characters as
 * documented). Case mapping is Unicode's simple mapping: ß has no
 * one-character upper case and stays. ANSI strings are UTF-8. */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "../msvcrt/crt.h"
#include "../unicode.h"
#include "../w32.h"

#define WSPRINTF_MAX 1024

typedef __builtin_ms_va_list ms_va_list_;

static int is_char(const void *p)
{
    return (uintptr_t)p >> 16 == 0;
}

static void map_w(WCHAR *s, size_t n, int upper)
{
    for (size_t i = 0; i < n; i++)
        s[i] = upper ? w32_towupper(s[i]) : w32_towlower(s[i]);
}

static LPWSTR WINAPI w32_CharUpperW(LPWSTR s)
{
    if (is_char(s))
        return (LPWSTR)(uintptr_t)w32_towupper((WCHAR)(uintptr_t)s);
    map_w(s, w32_wcslen(s), 1);
    return s;
}

static LPWSTR WINAPI w32_CharLowerW(LPWSTR s)
{
    if (is_char(s))
        return (LPWSTR)(uintptr_t)w32_towlower((WCHAR)(uintptr_t)s);
    map_w(s, w32_wcslen(s), 0);
    return s;
}

static DWORD WINAPI w32_CharUpperBuffW(LPWSTR s, DWORD n) { if (s) map_w(s, n, 1); return s ? n : 0; }
static DWORD WINAPI w32_CharLowerBuffW(LPWSTR s, DWORD n) { if (s) map_w(s, n, 0); return s ? n : 0; }

/* UTF-8 in place: characters whose mapping has the same encoded length
 * are changed (all of ASCII and the common scripts). */
static void map_a(char *s, size_t n, int upper)
{
    for (size_t i = 0; i < n;) {
        WCHAR w[2];
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xc0)
            len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (i + len > n)
            break;
        if (len <= 3 && w32_utf8_to_utf16(s + i, (long)len, w, 2) == 1) {
            WCHAR m = upper ? w32_towupper(w[0]) : w32_towlower(w[0]);
            char out[4];
            if (w32_utf16_to_utf8(&m, 1, out, sizeof out) == len)
                memcpy(s + i, out, len);
        }
        i += len;
    }
}

static LPSTR WINAPI w32_CharUpperA(LPSTR s)
{
    if (is_char(s)) {
        unsigned c = (unsigned)(uintptr_t)s & 0xff;
        return (LPSTR)(uintptr_t)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    map_a(s, strlen(s), 1);
    return s;
}

static LPSTR WINAPI w32_CharLowerA(LPSTR s)
{
    if (is_char(s)) {
        unsigned c = (unsigned)(uintptr_t)s & 0xff;
        return (LPSTR)(uintptr_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    map_a(s, strlen(s), 0);
    return s;
}

static DWORD WINAPI w32_CharUpperBuffA(LPSTR s, DWORD n) { if (s) map_a(s, n, 1); return s ? n : 0; }
static DWORD WINAPI w32_CharLowerBuffA(LPSTR s, DWORD n) { if (s) map_a(s, n, 0); return s ? n : 0; }

static LPWSTR WINAPI w32_CharNextW(LPCWSTR s)
{
    if (!*s)
        return (LPWSTR)s;
    return (LPWSTR)(s + ((s[0] >= 0xd800 && s[0] < 0xdc00 && s[1] >= 0xdc00 && s[1] < 0xe000) ? 2 : 1));
}

static LPWSTR WINAPI w32_CharPrevW(LPCWSTR start, LPCWSTR s)
{
    if (s <= start)
        return (LPWSTR)start;
    s--;
    if (s > start && s[0] >= 0xdc00 && s[0] < 0xe000 && s[-1] >= 0xd800 && s[-1] < 0xdc00)
        s--;
    return (LPWSTR)s;
}

static LPSTR WINAPI w32_CharNextA(LPCSTR s)
{
    if (!*s)
        return (LPSTR)s;
    s++;
    while ((*s & 0xc0) == 0x80)
        s++;
    return (LPSTR)s;
}

static LPSTR WINAPI w32_CharPrevA(LPCSTR start, LPCSTR s)
{
    if (s <= start)
        return (LPSTR)start;
    s--;
    while (s > start && (*s & 0xc0) == 0x80)
        s--;
    return (LPSTR)s;
}

static BOOL WINAPI w32_IsCharAlphaW(WCHAR c) { return iswalpha(c) || w32_towupper(c) != w32_towlower(c); }
static BOOL WINAPI w32_IsCharAlphaNumericW(WCHAR c) { return w32_IsCharAlphaW(c) || (c >= '0' && c <= '9'); }
static BOOL WINAPI w32_IsCharUpperW(WCHAR c) { return w32_towlower(c) != c; }
static BOOL WINAPI w32_IsCharLowerW(WCHAR c) { return w32_towupper(c) != c; }
static BOOL WINAPI w32_IsCharAlphaA(CHAR c) { return w32_IsCharAlphaW((unsigned char)c); }
static BOOL WINAPI w32_IsCharAlphaNumericA(CHAR c) { return w32_IsCharAlphaNumericW((unsigned char)c); }
static BOOL WINAPI w32_IsCharUpperA(CHAR c) { return w32_IsCharUpperW((unsigned char)c); }
static BOOL WINAPI w32_IsCharLowerA(CHAR c) { return w32_IsCharLowerW((unsigned char)c); }

/* ---- wsprintf ---- */
static int WINAPI w32_wvsprintfA(LPSTR buf, LPCSTR fmt, ms_va_list_ va)
{
    struct msargs a = { va };
    char tmp[WSPRINTF_MAX + 1];
    int n = crt_vsnprintf(tmp, sizeof tmp, fmt, &a, 0);
    if (n < 0)
        return 0;
    if (n > WSPRINTF_MAX)
        n = WSPRINTF_MAX;
    memcpy(buf, tmp, (size_t)n);
    buf[n] = 0;
    return n;
}

static int WINAPI w32_wvsprintfW(LPWSTR buf, LPCWSTR fmt, ms_va_list_ va)
{
    struct msargs a = { va };
    char *f = w32_wide_to_utf8(fmt), tmp[WSPRINTF_MAX * 4 + 1];
    int n = f ? crt_vsnprintf(tmp, sizeof tmp, f, &a, FMT_WIDE) : -1;
    free(f);
    if (n < 0)
        return 0;
    size_t units = w32_utf8_to_utf16(tmp, -1, buf, WSPRINTF_MAX + 1);
    if (units > WSPRINTF_MAX)
        units = WSPRINTF_MAX;
    buf[units] = 0;
    return (int)units;
}

static int WINAPI_VA w32_wsprintfA(LPSTR buf, LPCSTR fmt, ...)
{
    ms_va_list_ va;
    __builtin_ms_va_start(va, fmt);
    int n = w32_wvsprintfA(buf, fmt, va);
    __builtin_ms_va_end(va);
    return n;
}

static int WINAPI_VA w32_wsprintfW(LPWSTR buf, LPCWSTR fmt, ...)
{
    ms_va_list_ va;
    __builtin_ms_va_start(va, fmt);
    int n = w32_wvsprintfW(buf, fmt, va);
    __builtin_ms_va_end(va);
    return n;
}

W32_EXPORTS(user32) = {
    EXPORT(CharUpperA, "p:p"), EXPORT(CharUpperW, "p:p"),
    EXPORT(CharLowerA, "p:p"), EXPORT(CharLowerW, "p:p"),
    EXPORT(CharUpperBuffA, "pu:u"), EXPORT(CharUpperBuffW, "pu:u"),
    EXPORT(CharLowerBuffA, "pu:u"), EXPORT(CharLowerBuffW, "pu:u"),
    EXPORT(CharNextA, "s:p"), EXPORT(CharNextW, "w:p"),
    EXPORT(CharPrevA, "ss:p"), EXPORT(CharPrevW, "ww:p"),
    EXPORT(IsCharAlphaA, "i:i"), EXPORT(IsCharAlphaW, "u:i"),
    EXPORT(IsCharAlphaNumericA, "i:i"), EXPORT(IsCharAlphaNumericW, "u:i"),
    EXPORT(IsCharUpperA, "i:i"), EXPORT(IsCharUpperW, "u:i"),
    EXPORT(IsCharLowerA, "i:i"), EXPORT(IsCharLowerW, "u:i"),
    EXPORT(wvsprintfA, "psp:i"), EXPORT(wvsprintfW, "pwp:i"),
    EXPORT(wsprintfA, "ps.:i"), EXPORT(wsprintfW, "pw.:i"),
};
