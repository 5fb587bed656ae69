/* w32env.c — the process environment through Win32: GetEnvironmentVariableW
 * (value, required size when the buffer is too small, case-insensitive
 * names, ERROR_ENVVAR_NOT_FOUND), SetEnvironmentVariableW (set, change,
 * delete with NULL), GetEnvironmentVariableA, GetEnvironmentStringsW walked
 * and freed, ExpandEnvironmentStringsW, and how the C runtime's copy relates
 * to it: getenv does not see SetEnvironmentVariableW, while _putenv updates
 * both.  Windows only.  Exit status: 0 if XENO_TEST_VAR was set, else 1.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), run with
 * XENO_TEST_VAR='hello world'.  Expected output:
 * GetEnvironmentVariableW(XENO_TEST_VAR) = 11 [hello world]
 * SetEnvironmentVariableW: 1
 * GetEnvironmentVariableW(XENO_W32ENV_A) = 5 [alpha]
 * GetEnvironmentVariableW(xeno_w32env_a) = 5 [alpha]
 * too small buffer: returns 11 (with the terminator), buffer untouched
 * GetEnvironmentVariableW(XENO_W32ENV_A) = 7 [changed]
 * GetEnvironmentVariableA = 10 [beta value]
 * block entry: XENO_W32ENV_A=changed
 * block entry: XENO_W32ENV_B=beta value
 * block: 2 of ours, in order 1, more than 2 entries 1
 * FreeEnvironmentStringsW: 1
 * ExpandEnvironmentStringsW = 32 [[beta value] [%XENO_NOT_A_VAR%]]
 * SetEnvironmentVariableW(NULL) deletes: 1
 * GetEnvironmentVariableW(XENO_W32ENV_A) = 0 error 203
 * GetEnvironmentVariableW(XENO_NOT_A_VAR) = 0 error 203
 * getenv sees SetEnvironmentVariableW: no
 * getenv sees _putenv: yes
 * GetEnvironmentVariableW(XENO_W32ENV_C) = 11 [from putenv]
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static void get(const WCHAR *name)
{
    WCHAR buf[256];
    SetLastError(0);
    DWORD n = GetEnvironmentVariableW(name, buf, 256);
    if (n)
        printf("GetEnvironmentVariableW(%ls) = %lu [%ls]\n", name, n, buf);
    else
        printf("GetEnvironmentVariableW(%ls) = 0 error %lu\n", name, GetLastError());
}

int main(void)
{
    get(L"XENO_TEST_VAR");
    int rc = GetEnvironmentVariableW(L"XENO_TEST_VAR", NULL, 0) ? 0 : 1;

    printf("SetEnvironmentVariableW: %d\n", SetEnvironmentVariableW(L"XENO_W32ENV_A", L"alpha"));
    SetEnvironmentVariableW(L"XENO_W32ENV_B", L"beta value");
    get(L"XENO_W32ENV_A");
    get(L"xeno_w32env_a");
    WCHAR small[3] = L"zz";
    DWORD need = GetEnvironmentVariableW(L"XENO_W32ENV_B", small, 3);
    printf("too small buffer: returns %lu (with the terminator), buffer %s\n", need,
           small[0] == L'z' ? "untouched" : "written");
    SetEnvironmentVariableW(L"XENO_W32ENV_A", L"changed");
    get(L"XENO_W32ENV_A");
    char abuf[64];
    DWORD an = GetEnvironmentVariableA("XENO_W32ENV_B", abuf, sizeof abuf);
    printf("GetEnvironmentVariableA = %lu [%s]\n", an, abuf);

    WCHAR *block = GetEnvironmentStringsW();
    int total = 0, ours = 0, sorted_ok = 1;
    WCHAR prev[64] = L"";
    for (WCHAR *p = block; *p; p += wcslen(p) + 1) {
        total++;
        if (_wcsnicmp(p, L"XENO_W32ENV_", 12) == 0) {
            ours++;
            printf("block entry: %ls\n", p);
            if (wcscmp(prev, p) > 0)
                sorted_ok = 0;
            wcsncpy(prev, p, 63);
        }
    }
    printf("block: %d of ours, in order %d, more than 2 entries %d\n", ours, sorted_ok, total > 2);
    printf("FreeEnvironmentStringsW: %d\n", FreeEnvironmentStringsW(block));

    WCHAR ex[256];
    DWORD en = ExpandEnvironmentStringsW(L"[%XENO_W32ENV_B%] [%XENO_NOT_A_VAR%]", ex, 256);
    printf("ExpandEnvironmentStringsW = %lu [%ls]\n", en, ex);

    printf("SetEnvironmentVariableW(NULL) deletes: %d\n", SetEnvironmentVariableW(L"XENO_W32ENV_A", NULL));
    get(L"XENO_W32ENV_A");
    get(L"XENO_NOT_A_VAR");

    printf("getenv sees SetEnvironmentVariableW: %s\n", getenv("XENO_W32ENV_B") ? "yes" : "no");
    _putenv("XENO_W32ENV_C=from putenv");
    printf("getenv sees _putenv: %s\n", getenv("XENO_W32ENV_C") ? "yes" : "no");
    get(L"XENO_W32ENV_C");
    return rc;
}
