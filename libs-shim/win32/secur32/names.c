/* names.c — secur32.dll (with sspicli.dll, where Windows keeps it now):
 * GetUserNameExA/W. The machine is not in a domain, so the one format
 * with an answer besides the display name is NameSamCompatible,
 * "COMPUTER\user" (the NetBIOS computer name and the host user); the
 * others fail with ERROR_NONE_MAPPED, as documented for a local account. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../registry.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define NAME_UNKNOWN 0
#define NAME_SAM_COMPATIBLE 2
#define NAME_DISPLAY 3
#define ERROR_MORE_DATA_ 234
#define ERROR_NONE_MAPPED 1332

typedef BOOL (WINAPI *name_fn)(LPSTR buf, DWORD *size);

/* The builtin kernel32/advapi32 answer of FN ("GetComputerNameA" …). */
static void builtin_name(const char *dll, const char *fn, char *out, DWORD n)
{
    name_fn f = (name_fn)w32_builtin_fn(dll, fn);
    if (!f || !f(out, &n))
        out[0] = 0;
}

/* The name in FORMAT (UTF-8) into OUT; 0 or a Win32 error. */
static DWORD name_in(int format, char *out, size_t n)
{
    char host[64], user[256];
    builtin_name("advapi32.dll", "GetUserNameA", user, sizeof user);
    if (format == NAME_SAM_COMPATIBLE) {
        builtin_name("kernel32.dll", "GetComputerNameA", host, sizeof host);
        snprintf(out, n, "%s\\%s", host, user);
        return 0;
    }
    if (format == NAME_DISPLAY) { /* the full name from the password file's GECOS field */
        struct passwd *pw = getpwnam(user);
        const char *g = pw && pw->pw_gecos ? pw->pw_gecos : "";
        snprintf(out, n, "%.*s", (int)strcspn(g, ","), g);
        return out[0] ? 0 : ERROR_NONE_MAPPED;
    }
    return format == NAME_UNKNOWN ? ERROR_INVALID_PARAMETER : ERROR_NONE_MAPPED;
}

/* *SIZE: in, the buffer's size in units; out, the length without the NUL,
 * or on ERROR_MORE_DATA the size needed with it. */
static BOOL user_name_ex(int format, void *buf, ULONG *size, int wide)
{
    char name[512];
    DWORD err = size ? name_in(format, name, sizeof name) : ERROR_INVALID_PARAMETER;
    if (err) {
        w32_set_last_error(err);
        return FALSE;
    }
    ULONG len = (ULONG)(wide ? w32_utf8_to_utf16(name, -1, NULL, 0) : strlen(name));
    if (!buf || *size < len + 1) {
        *size = len + 1;
        w32_set_last_error(ERROR_MORE_DATA_);
        return FALSE;
    }
    if (wide)
        w32_utf8_to_utf16(name, -1, buf, *size);
    else
        memcpy(buf, name, len + 1);
    *size = len;
    return TRUE;
}

static BOOL WINAPI w32_GetUserNameExW(int format, LPWSTR buf, ULONG *size)
{
    return user_name_ex(format, buf, size, 1);
}

static BOOL WINAPI w32_GetUserNameExA(int format, LPSTR buf, ULONG *size)
{
    return user_name_ex(format, buf, size, 0);
}

W32_EXPORTS(secur32) = {
    EXPORT(GetUserNameExW, "ipp:i"),
    EXPORT(GetUserNameExA, "ipp:i"),
};
