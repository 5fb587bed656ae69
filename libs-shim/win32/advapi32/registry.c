/* registry.c — the registry, as far as xeno has one: the predefined
 * root keys can be opened, and every subkey or value a program asks for
 * is not there (ERROR_FILE_NOT_FOUND), cleanly and with the outputs
 * Windows leaves for that case. Creating keys or writing values is
 * refused with ERROR_ACCESS_DENIED rather than silently dropped.
 * Enumerations of a root key find nothing (ERROR_NO_MORE_ITEMS). */
#include <string.h>

#include "../w32.h"
#include "../winerr.h"

typedef LONG LSTATUS;
#define HKEY_FIRST 0x80000000u
#define HKEY_LAST 0x80000007u

/* The predefined keys (HKEY_CLASSES_ROOT … HKEY_CURRENT_USER_LOCAL_SETTINGS)
 * are valid; nothing else is ever handed out. */
static int valid_root(HANDLE k)
{
    uintptr_t v = (uintptr_t)k & 0xffffffffu;
    return (uintptr_t)k >> 32 == 0xffffffffu ? v >= HKEY_FIRST && v <= HKEY_LAST
                                             : (uintptr_t)k >= HKEY_FIRST && (uintptr_t)k <= HKEY_LAST;
}

static LSTATUS open_key(HANDLE root, const void *sub, int wide, HANDLE *out)
{
    if (out)
        *out = NULL;
    if (!valid_root(root))
        return ERROR_INVALID_HANDLE;
    if (!out)
        return ERROR_INVALID_PARAMETER;
    int empty = !sub || (wide ? !*(const WCHAR *)sub : !*(const char *)sub);
    if (empty) { /* opening the root itself */
        *out = root;
        return ERROR_SUCCESS;
    }
    return ERROR_FILE_NOT_FOUND;
}

static LSTATUS WINAPI w32_RegOpenKeyExA(HANDLE k, LPCSTR sub, DWORD opt, DWORD sam, HANDLE *out)
{
    (void)opt, (void)sam;
    return open_key(k, sub, 0, out);
}

static LSTATUS WINAPI w32_RegOpenKeyExW(HANDLE k, LPCWSTR sub, DWORD opt, DWORD sam, HANDLE *out)
{
    (void)opt, (void)sam;
    return open_key(k, sub, 1, out);
}

static LSTATUS WINAPI w32_RegOpenKeyA(HANDLE k, LPCSTR sub, HANDLE *out) { return open_key(k, sub, 0, out); }
static LSTATUS WINAPI w32_RegOpenKeyW(HANDLE k, LPCWSTR sub, HANDLE *out) { return open_key(k, sub, 1, out); }

static LSTATUS WINAPI w32_RegOpenCurrentUser(DWORD sam, HANDLE *out)
{
    (void)sam;
    *out = (HANDLE)(uintptr_t)0x80000001u; /* HKEY_CURRENT_USER */
    return ERROR_SUCCESS;
}

static LSTATUS WINAPI w32_RegCreateKeyExW(HANDLE k, LPCWSTR sub, DWORD res, LPWSTR cls, DWORD opt, DWORD sam,
                                          PVOID sa, HANDLE *out, DWORD *disp)
{
    (void)sub, (void)res, (void)cls, (void)opt, (void)sam, (void)sa, (void)disp;
    if (out)
        *out = NULL;
    return valid_root(k) ? ERROR_ACCESS_DENIED : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegCreateKeyExA(HANDLE k, LPCSTR sub, DWORD res, LPSTR cls, DWORD opt, DWORD sam,
                                          PVOID sa, HANDLE *out, DWORD *disp)
{
    return w32_RegCreateKeyExW(k, (LPCWSTR)sub, res, (LPWSTR)cls, opt, sam, sa, out, disp);
}

static LSTATUS WINAPI w32_RegCloseKey(HANDLE k)
{
    return valid_root(k) ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

/* Values: none exist. */
static LSTATUS WINAPI w32_RegQueryValueExW(HANDLE k, LPCWSTR name, DWORD *res, DWORD *type, BYTE *data,
                                           DWORD *size)
{
    (void)name, (void)res, (void)type, (void)data, (void)size;
    return valid_root(k) ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegQueryValueExA(HANDLE k, LPCSTR name, DWORD *res, DWORD *type, BYTE *data,
                                           DWORD *size)
{
    return w32_RegQueryValueExW(k, (LPCWSTR)name, res, type, data, size);
}

static LSTATUS WINAPI w32_RegGetValueW(HANDLE k, LPCWSTR sub, LPCWSTR name, DWORD flags, DWORD *type,
                                       PVOID data, DWORD *size)
{
    (void)sub, (void)name, (void)flags, (void)type, (void)data, (void)size;
    return valid_root(k) ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegGetValueA(HANDLE k, LPCSTR sub, LPCSTR name, DWORD flags, DWORD *type,
                                       PVOID data, DWORD *size)
{
    return w32_RegGetValueW(k, (LPCWSTR)sub, (LPCWSTR)name, flags, type, data, size);
}

static LSTATUS WINAPI w32_RegSetValueExW(HANDLE k, LPCWSTR name, DWORD res, DWORD type, const BYTE *data,
                                         DWORD size)
{
    (void)name, (void)res, (void)type, (void)data, (void)size;
    return valid_root(k) ? ERROR_ACCESS_DENIED : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegDeleteValueW(HANDLE k, LPCWSTR name)
{
    (void)name;
    return valid_root(k) ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegDeleteKeyW(HANDLE k, LPCWSTR sub)
{
    (void)sub;
    return valid_root(k) ? ERROR_FILE_NOT_FOUND : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegEnumKeyExW(HANDLE k, DWORD i, LPWSTR name, DWORD *n, DWORD *res, LPWSTR cls,
                                        DWORD *ncls, FILETIME *t)
{
    (void)i, (void)name, (void)n, (void)res, (void)cls, (void)ncls, (void)t;
    return valid_root(k) ? ERROR_NO_MORE_ITEMS : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegEnumValueW(HANDLE k, DWORD i, LPWSTR name, DWORD *n, DWORD *res, DWORD *type,
                                        BYTE *data, DWORD *size)
{
    (void)i, (void)name, (void)n, (void)res, (void)type, (void)data, (void)size;
    return valid_root(k) ? ERROR_NO_MORE_ITEMS : ERROR_INVALID_HANDLE;
}

static LSTATUS WINAPI w32_RegQueryInfoKeyW(HANDLE k, LPWSTR cls, DWORD *ncls, DWORD *res, DWORD *subkeys,
                                           DWORD *maxsub, DWORD *maxcls, DWORD *values, DWORD *maxname,
                                           DWORD *maxdata, DWORD *sd, FILETIME *t)
{
    DWORD *zero[] = { ncls, subkeys, maxsub, maxcls, values, maxname, maxdata, sd };
    (void)res;
    if (!valid_root(k))
        return ERROR_INVALID_HANDLE;
    if (cls && ncls && *ncls)
        cls[0] = 0;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (zero[i])
            *zero[i] = 0;
    if (t)
        memset(t, 0, sizeof *t);
    return ERROR_SUCCESS;
}

static LSTATUS WINAPI w32_RegNotifyChangeKeyValue(HANDLE k, BOOL sub, DWORD f, HANDLE ev, BOOL async)
{
    (void)sub, (void)f, (void)ev, (void)async;
    return valid_root(k) ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

#define REG_EXPORTS \
    EXPORT(RegOpenKeyExA, "psuup:i"), EXPORT(RegOpenKeyExW, "pwuup:i"), \
    EXPORT(RegOpenKeyA, "psp:i"), EXPORT(RegOpenKeyW, "pwp:i"), EXPORT(RegOpenCurrentUser, "up:i"), \
    EXPORT(RegCreateKeyExA, "psupuuppp:i"), EXPORT(RegCreateKeyExW, "pwupuuppp:i"), \
    EXPORT(RegCloseKey, "p:i"), \
    EXPORT(RegQueryValueExA, "pspppp:i"), EXPORT(RegQueryValueExW, "pwpppp:i"), \
    EXPORT(RegGetValueA, "pssuppp:i"), EXPORT(RegGetValueW, "pwwuppp:i"), \
    EXPORT(RegSetValueExW, "pwuupu:i"), EXPORT_AS("RegSetValueExA", w32_RegSetValueExW, "psuupu:i"), \
    EXPORT(RegDeleteValueW, "pw:i"), EXPORT_AS("RegDeleteValueA", w32_RegDeleteValueW, "ps:i"), \
    EXPORT(RegDeleteKeyW, "pw:i"), EXPORT_AS("RegDeleteKeyA", w32_RegDeleteKeyW, "ps:i"), \
    EXPORT(RegEnumKeyExW, "pupppppp:i"), EXPORT_AS("RegEnumKeyExA", w32_RegEnumKeyExW, "pupppppp:i"), \
    EXPORT(RegEnumValueW, "pupppppp:i"), EXPORT_AS("RegEnumValueA", w32_RegEnumValueW, "pupppppp:i"), \
    EXPORT(RegQueryInfoKeyW, "pppppppppppp:i"), \
    EXPORT_AS("RegQueryInfoKeyA", w32_RegQueryInfoKeyW, "pppppppppppp:i"), \
    EXPORT(RegNotifyChangeKeyValue, "piupi:i")

W32_EXPORTS(advapi32) = { REG_EXPORTS };
W32_EXPORTS(kernel32) = { REG_EXPORTS }; /* kernelbase exports them too (api-ms-win-core-registry) */
