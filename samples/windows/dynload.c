/* dynload.c — run-time linking: GetModuleHandleA/W (NULL, by name with and
 * without extension, not loaded), GetModuleHandleExW from an address,
 * GetModuleFileNameA/W, LoadLibraryA (msvcrt.dll, ucrtbase.dll, a missing
 * DLL), reference counting with FreeLibrary, GetProcAddress on kernel32,
 * ntdll and the C runtime DLLs with every result called through the
 * pointer (including a cdecl varargs sprintf and qsort with a callback),
 * and the errors ERROR_MOD_NOT_FOUND (126) and ERROR_PROC_NOT_FOUND (127).
 * Windows only.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * GetModuleHandleA(NULL) is the image: yes
 * GetModuleHandleExW(address in main) gives the image: yes
 * GetModuleFileNameA(NULL) ends with .exe: yes
 * kernel32: loaded yes, same without extension yes, same upper case yes
 * kernel32 file name ends with \kernel32.dll: yes
 * GetModuleHandleExW(kernel32 function) gives kernel32: yes
 * GetCurrentProcessId through the pointer matches: yes
 * lstrlenA("dynamic") = 7
 * MulDiv(10, 20, 3) = 67, MulDiv(-7, 3, 2) = -11, MulDiv(1, 1, 0) = -1
 * GetTickCount64 through the pointer is positive: yes
 * GetProcAddress missing: NULL error 127
 * GetModuleHandleA not loaded: NULL error 126
 * LoadLibraryA missing: NULL error 126
 * ntdll RtlGetVersion: status 0, platform 2
 * ntdll has NtQuerySystemInformation: yes
 * LoadLibraryA msvcrt: loaded, second load same handle: yes
 * msvcrt sprintf: 14 [msvcrt-42-ff-z], strlen 14, atoi -321
 * msvcrt qsort: 1 3 5 7 9
 * FreeLibrary: 1, still loaded after one free: yes
 * ucrtbase strlen: 9
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

typedef DWORD(WINAPI *get_pid_fn)(void);
typedef int(WINAPI *lstrlen_fn)(const char *);
typedef int(WINAPI *muldiv_fn)(int, int, int);
typedef ULONGLONG(WINAPI *tick64_fn)(void);
typedef size_t(__cdecl *strlen_fn)(const char *);
typedef int(__cdecl *sprintf_fn)(char *, const char *, ...);
typedef void(__cdecl *qsort_fn)(void *, size_t, size_t, int(__cdecl *)(const void *, const void *));
typedef int(__cdecl *atoi_fn)(const char *);
typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

static int __cdecl by_value(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static int ends_with_ci(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && _stricmp(s + n - t, tail) == 0;
}

int main(void)
{
    HMODULE self = GetModuleHandleA(NULL);
    printf("GetModuleHandleA(NULL) is the image: %s\n",
           self == GetModuleHandleW(NULL) && ((IMAGE_DOS_HEADER *)self)->e_magic == IMAGE_DOS_SIGNATURE ? "yes" : "no");
    HMODULE from_addr = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(void *)by_value, &from_addr);
    printf("GetModuleHandleExW(address in main) gives the image: %s\n", from_addr == self ? "yes" : "no");
    char path[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, path, sizeof path);
    printf("GetModuleFileNameA(NULL) ends with .exe: %s\n", n && ends_with_ci(path, ".exe") ? "yes" : "no");

    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    printf("kernel32: loaded %s, same without extension %s, same upper case %s\n", k32 ? "yes" : "no",
           GetModuleHandleA("kernel32") == k32 ? "yes" : "no", GetModuleHandleW(L"KERNEL32.DLL") == k32 ? "yes" : "no");
    n = GetModuleFileNameA(k32, path, sizeof path);
    printf("kernel32 file name ends with \\kernel32.dll: %s\n", n && ends_with_ci(path, "\\kernel32.dll") ? "yes" : "no");
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCWSTR)(void *)GetProcAddress(k32, "GetCurrentProcessId"), &from_addr);
    printf("GetModuleHandleExW(kernel32 function) gives kernel32: %s\n", from_addr == k32 ? "yes" : "no");

    get_pid_fn get_pid = (get_pid_fn)(void *)GetProcAddress(k32, "GetCurrentProcessId");
    printf("GetCurrentProcessId through the pointer matches: %s\n",
           get_pid && get_pid() == GetCurrentProcessId() ? "yes" : "no");
    lstrlen_fn my_lstrlen = (lstrlen_fn)(void *)GetProcAddress(k32, "lstrlenA");
    printf("lstrlenA(\"dynamic\") = %d\n", my_lstrlen("dynamic"));
    muldiv_fn my_muldiv = (muldiv_fn)(void *)GetProcAddress(k32, "MulDiv");
    printf("MulDiv(10, 20, 3) = %d, MulDiv(-7, 3, 2) = %d, MulDiv(1, 1, 0) = %d\n", my_muldiv(10, 20, 3),
           my_muldiv(-7, 3, 2), my_muldiv(1, 1, 0));
    tick64_fn tick = (tick64_fn)(void *)GetProcAddress(k32, "GetTickCount64");
    printf("GetTickCount64 through the pointer is positive: %s\n", tick && tick() > 0 ? "yes" : "no");

    SetLastError(0);
    FARPROC missing = GetProcAddress(k32, "XenoNoSuchFunction");
    printf("GetProcAddress missing: %s error %lu\n", missing ? "found" : "NULL", GetLastError());
    SetLastError(0);
    HMODULE none = GetModuleHandleA("xeno_not_loaded.dll");
    printf("GetModuleHandleA not loaded: %s error %lu\n", none ? "found" : "NULL", GetLastError());
    SetLastError(0);
    HMODULE bad = LoadLibraryA("xeno_no_such_library.dll");
    printf("LoadLibraryA missing: %s error %lu\n", bad ? "loaded" : "NULL", GetLastError());

    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    rtl_get_version_fn rtl_get_version = (rtl_get_version_fn)(void *)GetProcAddress(ntdll, "RtlGetVersion");
    OSVERSIONINFOW vi;
    vi.dwOSVersionInfoSize = sizeof vi;
    LONG status = rtl_get_version(&vi);
    printf("ntdll RtlGetVersion: status %ld, platform %lu\n", status, vi.dwPlatformId);
    printf("ntdll has NtQuerySystemInformation: %s\n", GetProcAddress(ntdll, "NtQuerySystemInformation") ? "yes" : "no");

    HMODULE crt = LoadLibraryA("msvcrt.dll");
    HMODULE crt2 = LoadLibraryA("MSVCRT");
    printf("LoadLibraryA msvcrt: %s, second load same handle: %s\n", crt ? "loaded" : "NULL", crt2 == crt ? "yes" : "no");
    strlen_fn my_strlen = (strlen_fn)(void *)GetProcAddress(crt, "strlen");
    sprintf_fn my_sprintf = (sprintf_fn)(void *)GetProcAddress(crt, "sprintf");
    qsort_fn my_qsort = (qsort_fn)(void *)GetProcAddress(crt, "qsort");
    atoi_fn my_atoi = (atoi_fn)(void *)GetProcAddress(crt, "atoi");
    char buf[64];
    int len = my_sprintf(buf, "%s-%d-%x-%c", "msvcrt", 42, 255, 'z');
    printf("msvcrt sprintf: %d [%s], strlen %u, atoi %d\n", len, buf, (unsigned)my_strlen(buf), my_atoi("  -321x"));
    int v[] = { 5, 3, 9, 1, 7 };
    my_qsort(v, 5, sizeof v[0], by_value);
    printf("msvcrt qsort: %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    BOOL f1 = FreeLibrary(crt2);
    printf("FreeLibrary: %d, still loaded after one free: %s\n", f1, GetModuleHandleA("msvcrt.dll") ? "yes" : "no");
    FreeLibrary(crt);

    HMODULE ucrt = LoadLibraryA("ucrtbase.dll");
    strlen_fn u_strlen = ucrt ? (strlen_fn)(void *)GetProcAddress(ucrt, "strlen") : NULL;
    printf("ucrtbase strlen: %d\n", u_strlen ? (int)u_strlen("universal") : -1);
    if (ucrt)
        FreeLibrary(ucrt);
    return 0;
}
