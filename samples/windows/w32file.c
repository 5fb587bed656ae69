/* w32file.c — files and directories through the Win32 API: GetTempPathW,
 * CreateDirectoryW, CreateFileW (CREATE_NEW, OPEN_EXISTING, OPEN_ALWAYS,
 * CREATE_ALWAYS), WriteFile/ReadFile, SetFilePointerEx, GetFileSizeEx,
 * SetEndOfFile, GetFileInformationByHandle, GetFileType, CopyFileW,
 * MoveFileExW (with and without MOVEFILE_REPLACE_EXISTING),
 * FindFirstFileW/FindNextFileW, GetFileAttributesW/SetFileAttributesW,
 * GetFullPathNameW, GetTempFileNameW, Get/SetCurrentDirectoryW, DeleteFileW
 * and RemoveDirectoryW, with the GetLastError codes those calls set.
 * Windows only.  Works in a per-process directory under %TEMP% and removes
 * it.  Exit status: 0, or 1 if a step that must succeed failed.
 *
 * Verified with Wine 8.0 (msvcrt and UCRT builds).  Expected output:
 * temp path absolute with trailing backslash: yes
 * CreateDirectoryW: 1
 * CreateDirectoryW again: 0 error 183
 * attributes say directory: yes
 * CreateFileW CREATE_NEW: ok
 * WriteFile: 1, 26 bytes
 * WriteFile: 1, 26 bytes
 * WriteFile: 1, 26 bytes
 * GetFileSizeEx: 78
 * SetFilePointerEx begin: pos 0
 * ReadFile: 1, 5 bytes [Hello]
 * SetFilePointerEx current +2: pos 7
 * ReadFile: 1, 6 bytes [Win32 ]
 * SetFilePointerEx end -8: pos 70
 * ReadFile: 1, 8 bytes [line 3\r\n]
 * ReadFile at end: 1, 0 bytes
 * SetEndOfFile at 100: 1, size 100
 * SetEndOfFile at 52: 1, size 52
 * GetFileInformationByHandle: size 52 links 1 directory 0
 * GetFileType: 1
 * CREATE_NEW on existing: fails error 80
 * OPEN_ALWAYS on existing: ok error 183
 * OPEN_EXISTING on missing: fails error 2
 * CREATE_ALWAYS on existing: ok error 183 size 0
 * CopyFileW: 1
 * CopyFileW fail-if-exists: 0 error 80
 * MoveFileExW b -> c: 1
 * MoveFileExW a -> c: 0 error 183
 * MoveFileExW a -> c replace: 1
 * CreateDirectoryW sub: 1
 * FindNextFileW ends with error 18: yes
 * listing:
 *   c.txt file 52
 *   d.txt file 0
 *   sub dir
 * GetFullPathNameW relative: absolute yes, suffix ok, file part [name.txt]
 * GetFullPathNameW dots: [C:\a\c.txt]
 * GetTempFileNameW: nonzero yes, prefix ok, .tmp yes, exists yes
 * SetFileAttributesW read-only: 1
 * DeleteFileW read-only: 0 error 5
 * DeleteFileW after clearing: 1
 * SetCurrentDirectoryW: 1, relative open in it: ok
 * RemoveDirectoryW non-empty: 0 error 145
 * cleanup: 1 1 1 1
 * attributes after removal: invalid, error 2
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static WCHAR dir[MAX_PATH];

static WCHAR *in_dir(WCHAR *out, const WCHAR *name)
{
    swprintf(out, MAX_PATH, L"%ls\\%ls", dir, name);
    return out;
}

static int must(BOOL ok, const char *what)
{
    if (!ok)
        printf("FAILED: %s (error %lu)\n", what, GetLastError());
    return ok;
}

static void show_read(HANDLE h, DWORD n)
{
    char buf[64] = { 0 };
    DWORD got = 0;
    BOOL ok = ReadFile(h, buf, n, &got, NULL);
    printf("ReadFile: %d, %lu bytes [", ok, got);
    for (DWORD i = 0; i < got; i++) {
        if (buf[i] == '\r')
            printf("\\r");
        else if (buf[i] == '\n')
            printf("\\n");
        else
            putchar(buf[i]);
    }
    printf("]\n");
}

static LONGLONG seek(HANDLE h, LONGLONG off, DWORD how)
{
    LARGE_INTEGER d, pos;
    d.QuadPart = off;
    pos.QuadPart = -1;
    SetFilePointerEx(h, d, &pos, how);
    return pos.QuadPart;
}

static LONGLONG size_of(HANDLE h)
{
    LARGE_INTEGER s;
    s.QuadPart = -1;
    GetFileSizeEx(h, &s);
    return s.QuadPart;
}

static int cmp_names(const void *a, const void *b)
{
    return wcscmp(((const WIN32_FIND_DATAW *)a)->cFileName, ((const WIN32_FIND_DATAW *)b)->cFileName);
}

int main(void)
{
    WCHAR tmp[MAX_PATH];
    DWORD n = GetTempPathW(MAX_PATH, tmp);
    printf("temp path absolute with trailing backslash: %s\n",
           n > 3 && tmp[1] == L':' && tmp[n - 1] == L'\\' ? "yes" : "no");
    BOOL ok = FALSE;
    for (int i = 0; i < 100 && !ok; i++) {      /* skip leftovers of a crashed run */
        swprintf(dir, MAX_PATH, L"%lsxeno_w32file_%lu_%d", tmp, GetCurrentProcessId(), i);
        ok = CreateDirectoryW(dir, NULL);
    }
    printf("CreateDirectoryW: %d\n", ok);
    SetLastError(0);
    ok = CreateDirectoryW(dir, NULL);
    printf("CreateDirectoryW again: %d error %lu\n", ok, GetLastError());
    DWORD attr = GetFileAttributesW(dir);
    printf("attributes say directory: %s\n",
           attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY) ? "yes" : "no");

    WCHAR a[MAX_PATH], b[MAX_PATH], c[MAX_PATH], d[MAX_PATH], sub[MAX_PATH], tmpl[MAX_PATH];
    in_dir(a, L"a.txt");
    in_dir(b, L"b.txt");
    in_dir(c, L"c.txt");
    in_dir(d, L"d.txt");
    in_dir(sub, L"sub");
    HANDLE h = CreateFileW(a, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (!must(h != INVALID_HANDLE_VALUE, "CreateFileW CREATE_NEW"))
        return 1;
    printf("CreateFileW CREATE_NEW: ok\n");
    for (int i = 1; i <= 3; i++) {
        char line[64];
        int len = snprintf(line, sizeof line, "Hello, Win32 file line %d\r\n", i);
        DWORD wrote = 0;
        ok = WriteFile(h, line, (DWORD)len, &wrote, NULL);
        printf("WriteFile: %d, %lu bytes\n", ok, wrote);
    }
    printf("GetFileSizeEx: %lld\n", size_of(h));
    printf("SetFilePointerEx begin: pos %lld\n", seek(h, 0, FILE_BEGIN));
    show_read(h, 5);
    printf("SetFilePointerEx current +2: pos %lld\n", seek(h, 2, FILE_CURRENT));
    show_read(h, 6);
    printf("SetFilePointerEx end -8: pos %lld\n", seek(h, -8, FILE_END));
    show_read(h, 8);
    char extra[4];
    DWORD got = 99;
    ok = ReadFile(h, extra, sizeof extra, &got, NULL);
    printf("ReadFile at end: %d, %lu bytes\n", ok, got);
    seek(h, 100, FILE_BEGIN);
    ok = SetEndOfFile(h);
    printf("SetEndOfFile at 100: %d, size %lld\n", ok, size_of(h));
    seek(h, 52, FILE_BEGIN);
    ok = SetEndOfFile(h);
    printf("SetEndOfFile at 52: %d, size %lld\n", ok, size_of(h));
    BY_HANDLE_FILE_INFORMATION info;
    if (GetFileInformationByHandle(h, &info))
        printf("GetFileInformationByHandle: size %lu links %lu directory %d\n", info.nFileSizeLow,
               info.nNumberOfLinks, (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0);
    printf("GetFileType: %lu\n", GetFileType(h));
    FlushFileBuffers(h);
    CloseHandle(h);

    h = CreateFileW(a, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    printf("CREATE_NEW on existing: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
    h = CreateFileW(a, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    printf("OPEN_ALWAYS on existing: %s error %lu\n", h != INVALID_HANDLE_VALUE ? "ok" : "fails", GetLastError());
    CloseHandle(h);
    h = CreateFileW(in_dir(tmpl, L"missing.txt"), GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("OPEN_EXISTING on missing: %s error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
    h = CreateFileW(d, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    WriteFile(h, "some bytes", 10, &got, NULL);
    CloseHandle(h);
    h = CreateFileW(d, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD err = GetLastError();
    printf("CREATE_ALWAYS on existing: %s error %lu size %lld\n", h != INVALID_HANDLE_VALUE ? "ok" : "fails", err,
           size_of(h));
    CloseHandle(h);

    printf("CopyFileW: %d\n", CopyFileW(a, b, TRUE));
    ok = CopyFileW(a, b, TRUE);
    printf("CopyFileW fail-if-exists: %d error %lu\n", ok, GetLastError());
    printf("MoveFileExW b -> c: %d\n", MoveFileExW(b, c, 0));
    ok = MoveFileExW(a, c, 0);
    printf("MoveFileExW a -> c: %d error %lu\n", ok, GetLastError());
    printf("MoveFileExW a -> c replace: %d\n", MoveFileExW(a, c, MOVEFILE_REPLACE_EXISTING));
    printf("CreateDirectoryW sub: %d\n", CreateDirectoryW(sub, NULL));

    WIN32_FIND_DATAW found[16];
    int count = 0;
    HANDLE fh = FindFirstFileW(in_dir(tmpl, L"*"), &found[0]);
    if (must(fh != INVALID_HANDLE_VALUE, "FindFirstFileW")) {
        do {
            if (wcscmp(found[count].cFileName, L".") && wcscmp(found[count].cFileName, L".."))
                count++;
        } while (count < 15 && FindNextFileW(fh, &found[count]));
        printf("FindNextFileW ends with error 18: %s\n", GetLastError() == ERROR_NO_MORE_FILES ? "yes" : "no");
        FindClose(fh);
    }
    qsort(found, count, sizeof found[0], cmp_names);
    printf("listing:\n");
    for (int i = 0; i < count; i++) {
        if (found[i].dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
            printf("  %ls dir\n", found[i].cFileName);
        else
            printf("  %ls file %lu\n", found[i].cFileName, found[i].nFileSizeLow);
    }

    WCHAR full[MAX_PATH], *filepart = NULL;
    n = GetFullPathNameW(L"relative\\name.txt", MAX_PATH, full, &filepart);
    size_t fl = wcslen(full);
    printf("GetFullPathNameW relative: absolute %s, suffix %s, file part [%ls]\n",
           n == fl && full[1] == L':' && full[2] == L'\\' ? "yes" : "no",
           fl > 18 && wcscmp(full + fl - 18, L"\\relative\\name.txt") == 0 ? "ok" : "wrong",
           filepart ? filepart : L"(null)");
    GetFullPathNameW(L"C:\\a\\b\\..\\.\\c.txt", MAX_PATH, full, NULL);
    printf("GetFullPathNameW dots: [%ls]\n", full);

    WCHAR tname[MAX_PATH];
    UINT u = GetTempFileNameW(dir, L"xen", 0, tname);
    size_t dl = wcslen(dir), tl = wcslen(tname);
    attr = GetFileAttributesW(tname);
    printf("GetTempFileNameW: nonzero %s, prefix %s, .tmp %s, exists %s\n", u ? "yes" : "no",
           wcsncmp(tname, dir, dl) == 0 && wcsncmp(tname + dl, L"\\xen", 4) == 0 ? "ok" : "wrong",
           tl > 4 && _wcsicmp(tname + tl - 4, L".tmp") == 0 ? "yes" : "no",
           attr != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
    printf("SetFileAttributesW read-only: %d\n", SetFileAttributesW(tname, FILE_ATTRIBUTE_READONLY));
    ok = DeleteFileW(tname);
    printf("DeleteFileW read-only: %d error %lu\n", ok, GetLastError());
    SetFileAttributesW(tname, FILE_ATTRIBUTE_NORMAL);
    printf("DeleteFileW after clearing: %d\n", DeleteFileW(tname));

    WCHAR cwd[MAX_PATH];
    GetCurrentDirectoryW(MAX_PATH, cwd);
    ok = SetCurrentDirectoryW(sub);
    h = CreateFileW(L"rel.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    printf("SetCurrentDirectoryW: %d, relative open in it: %s\n", ok, h != INVALID_HANDLE_VALUE ? "ok" : "fails");
    CloseHandle(h);
    SetCurrentDirectoryW(cwd);
    ok = RemoveDirectoryW(sub);
    printf("RemoveDirectoryW non-empty: %d error %lu\n", ok, GetLastError());

    int r1 = DeleteFileW(in_dir(tmpl, L"sub\\rel.txt"));
    int r2 = RemoveDirectoryW(sub);
    int r3 = DeleteFileW(c) && DeleteFileW(d);
    int r4 = RemoveDirectoryW(dir);
    printf("cleanup: %d %d %d %d\n", r1, r2, r3, r4);
    attr = GetFileAttributesW(dir);
    printf("attributes after removal: %s, error %lu\n", attr == INVALID_FILE_ATTRIBUTES ? "invalid" : "valid",
           GetLastError());
    return r1 && r2 && r3 && r4 ? 0 : 1;
}
