/* user.c — advapi32's user and text helpers: GetUserNameA/W (the host
 * user's name; the size returned includes the terminator, as documented)
 * and IsTextUnicode (byte-order marks, then the share of zero high bytes
 * in UTF-16LE text). */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define IS_TEXT_UNICODE_ASCII16 0x1
#define IS_TEXT_UNICODE_STATISTICS 0x2
#define IS_TEXT_UNICODE_SIGNATURE 0x8
#define IS_TEXT_UNICODE_REVERSE_SIGNATURE 0x80
#define IS_TEXT_UNICODE_NULL_BYTES 0x1000

static void user_name(char *out, size_t n)
{
    const char *u = getenv("USER");
    struct passwd *pw = u && *u ? NULL : getpwuid(getuid());
    snprintf(out, n, "%s", u && *u ? u : pw ? pw->pw_name : "user");
}

static BOOL name_result(void *buf, DWORD *size, int wide)
{
    char name[256];
    user_name(name, sizeof name);
    DWORD need = (DWORD)(wide ? w32_utf8_to_utf16(name, -1, NULL, 0) : strlen(name)) + 1;
    if (!size || !buf || *size < need) {
        if (size)
            *size = need;
        w32_set_last_error(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (wide)
        w32_utf8_to_utf16(name, -1, buf, *size);
    else
        memcpy(buf, name, need);
    *size = need;
    return TRUE;
}

static BOOL WINAPI w32_GetUserNameA(LPSTR buf, DWORD *size) { return name_result(buf, size, 0); }
static BOOL WINAPI w32_GetUserNameW(LPWSTR buf, DWORD *size) { return name_result(buf, size, 1); }

static BOOL WINAPI w32_IsTextUnicode(const void *buf, int len, int *tests)
{
    const BYTE *b = buf;
    int want = tests ? *tests : 0xffff, found = 0;
    if (len >= 2 && b[0] == 0xff && b[1] == 0xfe)
        found |= IS_TEXT_UNICODE_SIGNATURE;
    if (len >= 2 && b[0] == 0xfe && b[1] == 0xff)
        found |= IS_TEXT_UNICODE_REVERSE_SIGNATURE;
    int zero_hi = 0, zero_lo = 0, ascii = 1;
    for (int i = 0; i + 1 < len; i += 2) {
        zero_hi += b[i + 1] == 0;
        zero_lo += b[i] == 0;
        ascii &= b[i + 1] == 0 && b[i] < 0x80;
    }
    int pairs = len / 2;
    if (pairs && ascii)
        found |= IS_TEXT_UNICODE_ASCII16;
    if (pairs && zero_hi * 10 >= pairs * 6 && zero_lo * 10 < pairs)
        found |= IS_TEXT_UNICODE_STATISTICS;
    for (int i = 0; i + 1 < len; i += 2)
        if (!b[i] && !b[i + 1])
            found |= IS_TEXT_UNICODE_NULL_BYTES;
    if (tests)
        *tests = found & want;
    return (found & want & (IS_TEXT_UNICODE_SIGNATURE | IS_TEXT_UNICODE_ASCII16 | IS_TEXT_UNICODE_STATISTICS)) != 0;
}

W32_EXPORTS(advapi32) = {
    EXPORT(GetUserNameA, "pp:i"),
    EXPORT(GetUserNameW, "pp:i"),
    EXPORT(IsTextUnicode, "pip:i"),
};
