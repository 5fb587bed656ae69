/* strings.c — user32's string resources and code-page stepping:
 * LoadStringW/LoadStringA read a module's RT_STRING tables (string ID is
 * entry ID & 15 of block (ID >> 4) + 1, each entry a counted UTF-16
 * string), found through kernel32's resource lookup; CharNextExA steps
 * over one character of a given code page (the ANSI and OEM code pages
 * are UTF-8 here; other code pages are taken as single-byte). */
#include <string.h>

#include "../kernel32/rsrcdir.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define RT_STRING 6
#define CP_ACP 0
#define CP_OEMCP 1
#define CP_UTF8 65001

/* String ID of module H: *S (not NUL-terminated) and its length, or 0. */
static int find_string(HINSTANCE h, UINT id, const WCHAR **s, size_t *len)
{
    struct rsrc_key type = { .is_id = 1, .id = RT_STRING };
    struct rsrc_key name = { .is_id = 1, .id = (uint16_t)((id >> 4) + 1) };
    const void *data;
    DWORD size, err = k32_resource_data(h, &type, &name, 0, &data, &size);
    if (err) {
        w32_set_last_error(err);
        return 0;
    }
    if (!rsrc_string_in_block(data, size, id & 15, s, len)) {
        w32_set_last_error(ERROR_RESOURCE_NAME_NOT_FOUND);
        return 0;
    }
    return 1;
}

/* With N == 0, *BUF receives a read-only pointer to the string itself. */
static int WINAPI w32_LoadStringW(HINSTANCE h, UINT id, LPWSTR buf, int n)
{
    const WCHAR *s;
    size_t len;
    if (!buf || n < 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!find_string(h, id, &s, &len)) {
        if (n > 0)
            buf[0] = 0;
        return 0;
    }
    if (n == 0) {
        memcpy(buf, &s, sizeof s);
        return (int)len;
    }
    if (len > (size_t)n - 1)
        len = (size_t)n - 1;
    memcpy(buf, s, len * sizeof *s);
    buf[len] = 0;
    return (int)len;
}

/* The string in the ANSI code page (UTF-8), cut at a character boundary. */
static int WINAPI w32_LoadStringA(HINSTANCE h, UINT id, LPSTR buf, int n)
{
    const WCHAR *s;
    size_t len;
    if (!buf || n <= 0) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    buf[0] = 0;
    if (!find_string(h, id, &s, &len))
        return 0;
    size_t need = w32_utf16_to_utf8(s, (long)len, buf, (size_t)n);
    if (need >= (size_t)n) { /* truncated: drop a partial sequence */
        size_t k = (size_t)n - 1;
        while (k > 0 && ((unsigned char)buf[k] & 0xc0) == 0x80)
            k--;
        buf[k] = 0;
        return (int)k;
    }
    return (int)need;
}

static LPSTR WINAPI w32_CharNextExA(WORD cp, LPCSTR s, DWORD flags)
{
    (void)flags;
    if (!*s)
        return (LPSTR)s;
    s++;
    if (cp == CP_ACP || cp == CP_OEMCP || cp == CP_UTF8)
        while ((*s & 0xc0) == 0x80)
            s++;
    return (LPSTR)s;
}

W32_EXPORTS(user32) = {
    EXPORT(LoadStringW, "pupi:i"),
    EXPORT(LoadStringA, "pupi:i"),
    EXPORT(CharNextExA, "usu:p"),
};
/* kernelbase.dll exports LoadString too (chcp.com imports it from there);
 * kernel32 stands in for kernelbase. */
W32_EXPORTS(kernel32) = {
    EXPORT(LoadStringW, "pupi:i"),
    EXPORT(LoadStringA, "pupi:i"),
};
