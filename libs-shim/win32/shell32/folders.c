/* folders.c — shell32's known folders: SHGetFolderPathA/W,
 * SHGetSpecialFolderPathA/W and SHGetKnownFolderPath for the profile,
 * application data, documents, desktop, temporary and system folders.
 * Per-user folders live under drive C ("C:\users\NAME\AppData\Roaming"
 * …, i.e. $XENO_DRIVE_C/users/NAME/…, the values the environment's
 * USERPROFILE/APPDATA/LOCALAPPDATA hold), and are created on request
 * (CSIDL_FLAG_CREATE, KF_FLAG_CREATE). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../kernel32/k32api.h"
#include "../paths.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define CSIDL_FLAG_CREATE 0x8000
#define S_OK 0
#define E_FAIL 0x80004005u
#define E_INVALIDARG 0x80070057u
#define HRESULT_NOT_FOUND 0x80070002u

typedef LONG HRESULT;

static const struct { int csidl; const char *guid; const char *env, *rel; } folders[] = {
    { 0x28, "5e6c858f-0e22-4760-9afe-ea3317b67173", "USERPROFILE", "" },              /* profile */
    { 0x1a, "3eb685db-65f9-4cf6-a03a-e3ef65729f3d", "APPDATA", "" },                  /* roaming */
    { 0x1c, "f1b32785-6fba-4fcf-9d55-7b8e7f157091", "LOCALAPPDATA", "" },             /* local */
    { 0x23, "62ab5d82-fdc1-4dc3-a9dd-070d1d495d97", "ProgramData", "" },              /* common app data */
    { 0x05, "fdd39ad0-238f-46af-adb4-6c85480369c7", "USERPROFILE", "\\Documents" },   /* personal */
    { 0x10, "b4bfcc3a-db2c-424c-b029-7fe99a87c641", "USERPROFILE", "\\Desktop" },     /* desktop */
    { 0x24, "f38bf404-1d43-42f2-9305-67de0b28fc23", "SystemRoot", "" },               /* windows */
    { 0x25, "1ac14e77-02e7-4e5d-b744-2eb1ae5198b7", "SystemRoot", "\\system32" },     /* system */
    { 0x26, "905e63b6-c1bf-494e-b29c-65b732d3d21a", "ProgramFiles", "" },             /* program files */
    { 0x2a, "905e63b6-c1bf-494e-b29c-65b732d3d21a", "ProgramFiles", "" },             /* program files x86 */
    { 0x1d, "a4115719-d62e-491d-aa7c-e74b8be3b067", "USERPROFILE", "\\Start Menu" },
    { -1, "374de290-123f-4565-9164-39c4925e467b", "USERPROFILE", "\\Downloads" },     /* downloads */
};

/* mkdir -p of a Windows path. */
static int create_dirs(const char *win)
{
    char host[PATH_MAX];
    if (w32_path_to_host(win, host, sizeof host))
        return 0;
    for (char *p = host + 1;; p++) {
        if (*p == '/' || !*p) {
            char c = *p;
            *p = 0;
            if (mkdir(host, 0777) < 0 && errno != EEXIST)
                return 0;
            *p = c;
            if (!c)
                break;
        }
    }
    return 1;
}

static char *folder_path(int idx, int create)
{
    char *base = w32_env_get(folders[idx].env), buf[PATH_MAX];
    if (!base)
        return NULL;
    snprintf(buf, sizeof buf, "%s%s", base, folders[idx].rel);
    free(base);
    if (create && !create_dirs(buf))
        return NULL;
    return strdup(buf);
}

static int by_csidl(int csidl)
{
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++)
        if (folders[i].csidl == (csidl & 0xff))
            return (int)i;
    return -1;
}

static HRESULT folder_into(int csidl, void *out, int wide)
{
    int i = by_csidl(csidl);
    if (i < 0)
        return (HRESULT)E_INVALIDARG;
    char *p = folder_path(i, csidl & CSIDL_FLAG_CREATE);
    if (!p)
        return (HRESULT)E_FAIL;
    if (wide)
        w32_utf8_to_utf16(p, -1, out, MAX_PATH);
    else
        snprintf(out, MAX_PATH, "%s", p);
    free(p);
    return S_OK;
}

static HRESULT WINAPI w32_SHGetFolderPathW(HANDLE wnd, int csidl, HANDLE tok, DWORD flags, LPWSTR out)
{
    (void)wnd, (void)tok, (void)flags;
    return folder_into(csidl, out, 1);
}

static HRESULT WINAPI w32_SHGetFolderPathA(HANDLE wnd, int csidl, HANDLE tok, DWORD flags, LPSTR out)
{
    (void)wnd, (void)tok, (void)flags;
    return folder_into(csidl, out, 0);
}

static BOOL WINAPI w32_SHGetSpecialFolderPathW(HANDLE wnd, LPWSTR out, int csidl, BOOL create)
{
    (void)wnd;
    return folder_into(csidl | (create ? CSIDL_FLAG_CREATE : 0), out, 1) == S_OK;
}

static BOOL WINAPI w32_SHGetSpecialFolderPathA(HANDLE wnd, LPSTR out, int csidl, BOOL create)
{
    (void)wnd;
    return folder_into(csidl | (create ? CSIDL_FLAG_CREATE : 0), out, 0) == S_OK;
}

/* A GUID as "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx". */
static void guid_text(const BYTE *g, char *out)
{
    unsigned d1 = (unsigned)g[0] | (unsigned)g[1] << 8 | (unsigned)g[2] << 16 | (unsigned)g[3] << 24;
    snprintf(out, 40, "%08x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d1, g[5], g[4], g[7], g[6],
             g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
}

static HRESULT WINAPI w32_SHGetKnownFolderPath(const BYTE *id, DWORD flags, HANDLE tok, WCHAR **out)
{
    (void)tok;
    PVOID w32_local_alloc(SIZE_T n);
    char g[40];
    *out = NULL;
    guid_text(id, g);
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
        if (strcmp(g, folders[i].guid))
            continue;
        char *p = folder_path((int)i, flags & 0x8000 /* KF_FLAG_CREATE */);
        if (!p)
            return (HRESULT)E_FAIL;
        size_t n = w32_utf8_to_utf16(p, -1, NULL, 0);
        WCHAR *w = w32_local_alloc((n + 1) * sizeof *w); /* freed with CoTaskMemFree */
        if (w)
            w32_utf8_to_utf16(p, -1, w, n + 1);
        free(p);
        *out = w;
        return w ? S_OK : (HRESULT)E_FAIL;
    }
    return (HRESULT)HRESULT_NOT_FOUND;
}

W32_EXPORTS(shell32) = {
    EXPORT(SHGetFolderPathA, "pihup:i"),
    EXPORT(SHGetFolderPathW, "pihup:i"),
    EXPORT(SHGetSpecialFolderPathA, "ppii:i"),
    EXPORT(SHGetSpecialFolderPathW, "ppii:i"),
    EXPORT(SHGetKnownFolderPath, "puhp:i"),
};
