/* lasterror.c — the error codes failing calls leave in GetLastError, which
 * programs test against: ERROR_FILE_NOT_FOUND (2), ERROR_PATH_NOT_FOUND
 * (3), ERROR_ACCESS_DENIED (5), ERROR_INVALID_HANDLE (6),
 * ERROR_SHARING_VIOLATION (32), ERROR_FILE_EXISTS (80),
 * ERROR_INSUFFICIENT_BUFFER (122), ERROR_INVALID_NAME (123),
 * ERROR_MOD_NOT_FOUND (126), ERROR_PROC_NOT_FOUND (127),
 * ERROR_DIR_NOT_EMPTY (145), ERROR_ALREADY_EXISTS (183),
 * ERROR_ENVVAR_NOT_FOUND (203); that the value is per thread; and the C
 * runtime's errno/_doserrno after a failing _open.  Windows only.  Works in
 * a per-process directory under %TEMP%.  Exit status: 0.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds), except one line: since
 * Vista a truncated GetModuleFileNameW result includes the terminator
 * ("truncated to nSize characters including the terminating null
 * character"); Wine 8.0 fills all 4 characters ("terminated no").
 * Expected output:
 * open a missing file                            fails, error 2
 * open in a missing directory                    fails, error 3
 * create the existing directory                  fails, error 183
 * delete a missing file                          fails, error 2
 * remove a missing directory                     fails, error 2
 * change to a missing directory                  fails, error 2
 * attributes of a name with '<'                  fails, error 123
 * create file.txt, no sharing                    succeeds
 * open it again while unshared                   fails, error 32
 * ReadFile on a write-only handle                fails, error 5
 * CREATE_NEW over an existing file               fails, error 80
 * WriteFile on a read-only handle                fails, error 5
 * remove a non-empty directory                   fails, error 145
 * CloseHandle of a bogus handle                  fails, error 6
 * wait on a bogus handle                         WAIT_FAILED, error 6
 * mutex named like an existing event             fails, error 6
 * event with the same name again                 opens it, error 183
 * GetModuleFileNameW into 4 chars                returns 4, terminated yes, error 122
 * GetEnvironmentVariableW of a missing one       fails, error 203
 * LoadLibraryW of a missing DLL                  fails, error 126
 * GetProcAddress of a missing export             fails, error 127
 * last error is per thread:                      main 12345, other thread 4242
 * _open of a missing path                        -1, errno 2 (ENOENT 2), _doserrno 3
 * cleanup: 1
 */
#include <windows.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static WCHAR dir[MAX_PATH];

static const WCHAR *path(const WCHAR *name)
{
    static WCHAR buf[MAX_PATH];
    swprintf(buf, MAX_PATH, L"%ls\\%ls", dir, name);
    return buf;
}

static void report(const char *what, BOOL ok)
{
    DWORD e = GetLastError();
    if (ok)
        printf("%-46s succeeds\n", what);
    else
        printf("%-46s fails, error %lu\n", what, e);
}

static DWORD WINAPI other_thread(void *arg)
{
    (void)arg;
    SetLastError(4242);
    return GetLastError();
}

int main(void)
{
    WCHAR tmp[MAX_PATH];
    GetTempPathW(MAX_PATH, tmp);
    BOOL ok = FALSE;
    for (int i = 0; i < 100 && !ok; i++) {
        swprintf(dir, MAX_PATH, L"%lsxeno_lasterror_%lu_%d", tmp, GetCurrentProcessId(), i);
        ok = CreateDirectoryW(dir, NULL);
    }
    HANDLE h;

    SetLastError(0);
    h = CreateFileW(path(L"missing.txt"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    report("open a missing file", h != INVALID_HANDLE_VALUE);
    h = CreateFileW(path(L"no_dir\\file.txt"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    report("open in a missing directory", h != INVALID_HANDLE_VALUE);
    report("create the existing directory", CreateDirectoryW(dir, NULL));
    report("delete a missing file", DeleteFileW(path(L"missing.txt")));
    report("remove a missing directory", RemoveDirectoryW(path(L"missing_dir")));
    report("change to a missing directory", SetCurrentDirectoryW(path(L"missing_dir")));
    report("attributes of a name with '<'", GetFileAttributesW(path(L"bad<name")) != INVALID_FILE_ATTRIBUTES);

    HANDLE w = CreateFileW(path(L"file.txt"), GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    report("create file.txt, no sharing", w != INVALID_HANDLE_VALUE);
    h = CreateFileW(path(L"file.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    report("open it again while unshared", h != INVALID_HANDLE_VALUE);
    char buf[8];
    DWORD n;
    report("ReadFile on a write-only handle", ReadFile(w, buf, sizeof buf, &n, NULL));
    CloseHandle(w);
    h = CreateFileW(path(L"file.txt"), GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    report("CREATE_NEW over an existing file", h != INVALID_HANDLE_VALUE);
    HANDLE r = CreateFileW(path(L"file.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    report("WriteFile on a read-only handle", WriteFile(r, "x", 1, &n, NULL));
    CloseHandle(r);
    report("remove a non-empty directory", RemoveDirectoryW(dir));

    report("CloseHandle of a bogus handle", CloseHandle((HANDLE)(ULONG_PTR)0x12340));
    DWORD wr = WaitForSingleObject((HANDLE)(ULONG_PTR)0x12340, 0);
    printf("%-46s %s, error %lu\n", "wait on a bogus handle", wr == WAIT_FAILED ? "WAIT_FAILED" : "other",
           GetLastError());
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, L"XenoLastErrorSample");
    HANDLE mx = CreateMutexW(NULL, FALSE, L"XenoLastErrorSample");
    report("mutex named like an existing event", mx != NULL);
    HANDLE ev2 = CreateEventW(NULL, FALSE, FALSE, L"XenoLastErrorSample");
    printf("%-46s %s, error %lu\n", "event with the same name again", ev2 ? "opens it" : "fails",
           GetLastError());
    CloseHandle(ev2);
    CloseHandle(ev);

    WCHAR small[4];
    DWORD len = GetModuleFileNameW(NULL, small, 4);
    printf("%-46s returns %lu, terminated %s, error %lu\n", "GetModuleFileNameW into 4 chars", len,
           small[3] == 0 ? "yes" : "no", GetLastError());
    WCHAR val[8];
    report("GetEnvironmentVariableW of a missing one", GetEnvironmentVariableW(L"XENO_NO_SUCH_VAR", val, 8) != 0);
    report("LoadLibraryW of a missing DLL", LoadLibraryW(L"xeno_missing.dll") != NULL);
    report("GetProcAddress of a missing export",
           GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "XenoMissing") != NULL);

    SetLastError(12345);
    HANDLE t = CreateThread(NULL, 0, other_thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD theirs;
    GetExitCodeThread(t, &theirs);
    CloseHandle(t);
    SetLastError(12345);
    printf("%-46s main %lu, other thread %lu\n", "last error is per thread:", GetLastError(), theirs);

    errno = 0;
    int fd = _open("C:\\xeno\\definitely\\missing.txt", _O_RDONLY);
    printf("%-46s %d, errno %d (ENOENT %d), _doserrno %lu\n", "_open of a missing path", fd, errno, ENOENT,
           (unsigned long)_doserrno);

    DeleteFileW(path(L"file.txt"));
    ok = RemoveDirectoryW(dir);
    printf("cleanup: %d\n", ok);
    return 0;
}
