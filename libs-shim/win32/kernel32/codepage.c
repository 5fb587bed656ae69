/* codepage.c — MultiByteToWideChar / WideCharToMultiByte and code page
 * queries. The ANSI and OEM code pages are UTF-8 (65001), as on a Windows
 * system with the UTF-8 beta option; 1252 (Latin-1 subset) and 20127
 * (ASCII) are also understood. */
#include <string.h>

#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define CP_ACP 0
#define CP_OEMCP 1
#define CP_THREAD_ACP 3
#define CP_UTF8 65001
#define MB_ERR_INVALID_CHARS 8

static int is_utf8(UINT cp)
{
    return cp == CP_UTF8 || cp == CP_ACP || cp == CP_OEMCP || cp == CP_THREAD_ACP;
}

static int known(UINT cp)
{
    return is_utf8(cp) || cp == 1252 || cp == 28591 || cp == 20127;
}

static UINT WINAPI w32_GetACP(void) { return CP_UTF8; }
static BOOL WINAPI w32_IsValidCodePage(UINT cp) { return known(cp) && cp > 1; }
static BOOL WINAPI w32_IsDBCSLeadByteEx(UINT cp, BYTE b) { (void)cp, (void)b; return FALSE; }
static BOOL WINAPI w32_IsDBCSLeadByte(BYTE b) { (void)b; return FALSE; }

static int WINAPI w32_MultiByteToWideChar(UINT cp, DWORD flags, LPCSTR s, int n, LPWSTR out, int cap)
{
    if (!s || cap < 0 || !known(cp) || (out && (void *)out == (void *)s)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    long len = n < 0 ? (long)strlen(s) + 1 : n; /* -1 includes the NUL */
    size_t need;
    if (is_utf8(cp)) {
        need = w32_utf8_to_utf16(s, len, NULL, 0);
        if ((flags & MB_ERR_INVALID_CHARS) && !w32_utf8_valid(s, len)) {
            w32_set_last_error(ERROR_NO_UNICODE_TRANSLATION);
            return 0;
        }
    } else {
        need = (size_t)len;
    }
    if (!cap)
        return (int)need;
    if (need > (size_t)cap) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (is_utf8(cp)) {
        WCHAR tmp[need + 1];
        w32_utf8_to_utf16(s, len, tmp, need + 1);
        memcpy(out, tmp, need * sizeof *out);
    } else {
        for (long i = 0; i < len; i++)
            out[i] = (unsigned char)s[i] < 0x80 || cp != 20127 ? (unsigned char)s[i] : '?';
    }
    return (int)need;
}

static int WINAPI w32_WideCharToMultiByte(UINT cp, DWORD flags, LPCWSTR s, int n, LPSTR out,
                                          int cap, LPCSTR defchar, BOOL *used_default)
{
    (void)flags, (void)defchar;
    if (!s || cap < 0 || !known(cp)) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    long len = n < 0 ? (long)w32_wcslen(s) + 1 : n;
    if (used_default)
        *used_default = FALSE;
    size_t need = is_utf8(cp) ? w32_utf16_to_utf8(s, len, NULL, 0) : (size_t)len;
    if (!cap)
        return (int)need;
    if (need > (size_t)cap) {
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (is_utf8(cp)) {
        char tmp[need + 1];
        w32_utf16_to_utf8(s, len, tmp, need + 1);
        memcpy(out, tmp, need);
        return (int)need;
    }
    for (long i = 0; i < len; i++) {
        int bad = s[i] > (cp == 20127 ? 0x7f : 0xff);
        out[i] = bad ? '?' : (char)s[i];
        if (bad && used_default)
            *used_default = TRUE;
    }
    return (int)need;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetACP, ":u"),
    EXPORT_AS("GetOEMCP", w32_GetACP, ":u"),
    EXPORT(IsValidCodePage, "u:i"),
    EXPORT(IsDBCSLeadByteEx, "uu:i"),
    EXPORT(IsDBCSLeadByte, "u:i"),
    EXPORT(MultiByteToWideChar, "uupipi:i"),
    EXPORT(WideCharToMultiByte, "uupipipp:i"),
};
