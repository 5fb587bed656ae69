/* regtree.c — RegDeleteTree(A/W) on xeno's empty registry (registry.c):
 * a named subkey is never there (ERROR_FILE_NOT_FOUND); without one the
 * contents of a root key are deleted, and a root key holds nothing, so
 * there is nothing to do. reg.exe imports it. */
#include "../w32.h"
#include "../winerr.h"

typedef LONG LSTATUS;

static int valid_root(HANDLE k)
{
    uint64_t v = (uint64_t)(uintptr_t)k;
    if (v >> 32 == 0xffffffffu) /* sign-extended HKEY_* */
        v &= 0xffffffffu;
    return v >= 0x80000000u && v <= 0x80000007u;
}

static LSTATUS delete_tree(HANDLE k, int empty_sub)
{
    if (!valid_root(k))
        return ERROR_INVALID_HANDLE;
    return empty_sub ? ERROR_SUCCESS : ERROR_FILE_NOT_FOUND;
}

static LSTATUS WINAPI w32_RegDeleteTreeW(HANDLE k, LPCWSTR sub)
{
    return delete_tree(k, !sub || !*sub);
}

static LSTATUS WINAPI w32_RegDeleteTreeA(HANDLE k, LPCSTR sub)
{
    return delete_tree(k, !sub || !*sub);
}

W32_EXPORTS(advapi32) = { EXPORT(RegDeleteTreeW, "pw:i"), EXPORT(RegDeleteTreeA, "ps:i") };
W32_EXPORTS(kernel32) = { EXPORT(RegDeleteTreeW, "pw:i"), EXPORT(RegDeleteTreeA, "ps:i") };
