/* fileops.c — the shell32 file calls Wine's cmd.exe makes:
 * SHFileOperationW for FO_DELETE (files, wildcards in the last component,
 * directories with all they hold; there is no recycle bin, so
 * FOF_ALLOWUNDO deletes for good), FindExecutableW (an executable is its
 * own program; the registry is empty, so a document has no association),
 * and SHGetFileInfoW for SHGFI_EXETYPE (what kind of program a file is).
 * Other operations and flags are reported as unimplemented when used. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../kernel32/winpath.h"
#include "../paths.h"
#include "../registry.h"
#include "../relay.h"
#include "../unicode.h"
#include "../w32.h"
#include "../winerr.h"

#define FO_DELETE 3
#define FOF_FILESONLY 0x80
#define SE_ERR_FNF 2
#define SE_ERR_NOASSOC 31
#define SHGFI_EXETYPE 0x2000

typedef struct {
    HANDLE hwnd;
    UINT wFunc;
    const WCHAR *pFrom, *pTo;
    WORD fFlags;
    BOOL fAnyOperationsAborted;
    PVOID hNameMappings;
    const WCHAR *lpszProgressTitle;
} SHFILEOPSTRUCTW;

/* Report a call xeno does not implement, the way a missing import does. */
static void unimplemented(const char *what)
{
    ((void (WINAPI *)(void))w32_missing_stub("shell32.dll", what))();
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
    (void)st, (void)flag, (void)f;
    return remove(path) ? -1 : 0;
}

/* Delete host path P: a file, or a directory with everything in it. */
static DWORD delete_path(const char *p, int files_only)
{
    struct stat st;
    if (lstat(p, &st))
        return w32_error_from_errno(errno);
    if (S_ISDIR(st.st_mode)) {
        if (files_only)
            return 0;
        return nftw(p, rm_entry, 16, FTW_DEPTH | FTW_PHYS) ? w32_error_from_errno(errno) : 0;
    }
    return unlink(p) ? w32_error_from_errno(errno) : 0;
}

/* Delete what the host path HOST names, with wildcards in its last part. */
static DWORD delete_spec(const char *host, WORD flags)
{
    const char *slash = strrchr(host, '/');
    const char *pat = slash ? slash + 1 : host;
    if (!strpbrk(pat, "*?"))
        return delete_path(host, 0);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - host) : 1, slash ? host : ".");
    DIR *d = opendir(slash && slash == host ? "/" : dir);
    if (!d)
        return ERROR_PATH_NOT_FOUND;
    DWORD err = 0, found = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !k32_wild_match(pat, e->d_name))
            continue;
        char full[PATH_MAX];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        found = 1;
        if (!err)
            err = delete_path(full, flags & FOF_FILESONLY);
    }
    closedir(d);
    return err ? err : found ? 0 : ERROR_FILE_NOT_FOUND;
}

static int WINAPI w32_SHFileOperationW(SHFILEOPSTRUCTW *op)
{
    char what[48];
    if (op->wFunc != FO_DELETE) {
        snprintf(what, sizeof what, "SHFileOperationW(wFunc=%u)", op->wFunc);
        unimplemented(what);
    }
    op->fAnyOperationsAborted = FALSE;
    for (const WCHAR *p = op->pFrom; p && *p; p += w32_wcslen(p) + 1) {
        char host[PATH_MAX];
        DWORD err = w32_wpath_to_host(p, host, sizeof host);
        if (!err)
            err = delete_spec(host, op->fFlags);
        if (err)
            return (int)err;
    }
    return 0;
}

static int is_program(const char *name)
{
    static const char *const ext[] = { ".exe", ".com", ".bat", ".cmd", ".pif" };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof ext / sizeof ext[0]; i++)
        if (!strcasecmp(dot, ext[i]))
            return 1;
    return 0;
}

static HINSTANCE WINAPI w32_FindExecutableW(LPCWSTR file, LPCWSTR dir, LPWSTR result)
{
    typedef DWORD (WINAPI *fullpath_fn)(LPCWSTR, DWORD, LPWSTR, LPWSTR *);
    WCHAR path[MAX_PATH * 2];
    char host[PATH_MAX];
    size_t fl = w32_wcslen(file), dl = dir ? w32_wcslen(dir) : 0;
    int rel = !(fl >= 2 && file[1] == ':') && file[0] != '\\' && file[0] != '/';
    result[0] = 0;
    if (fl + dl + 2 > sizeof path / sizeof path[0])
        return (HINSTANCE)(uintptr_t)SE_ERR_FNF;
    size_t n = 0;
    if (rel && dl) {
        memcpy(path, dir, dl * sizeof *path);
        n = dl;
        path[n++] = '\\';
    }
    memcpy(path + n, file, (fl + 1) * sizeof *path);
    struct stat st;
    if (w32_wpath_to_host(path, host, sizeof host) || stat(host, &st) || S_ISDIR(st.st_mode))
        return (HINSTANCE)(uintptr_t)SE_ERR_FNF;
    if (!is_program(host))
        return (HINSTANCE)(uintptr_t)SE_ERR_NOASSOC;
    ((fullpath_fn)w32_builtin_fn("kernel32.dll", "GetFullPathNameW"))(path, MAX_PATH, result, NULL);
    return (HINSTANCE)(uintptr_t)42; /* success: any value above 32 */
}

/* The type a PE or NE header P (N bytes) gives, or 0. */
static DWORD_PTR new_header_type(const unsigned char *p, size_t n)
{
    if (n >= 4 + 20 + 72 && !memcmp(p, "PE\0\0", 4)) {
        const unsigned char *opt = p + 24;
        if ((opt[68] | opt[69] << 8) == 3) /* IMAGE_SUBSYSTEM_WINDOWS_CUI */
            return 0x4550;
        return (DWORD_PTR)opt[48] << 24 | (DWORD_PTR)opt[50] << 16 | 0x4550;
    }
    if (n >= 0x40 && p[0] == 'N' && p[1] == 'E') /* ne_expver at 0x3e */
        return (DWORD_PTR)p[0x3f] << 24 | (DWORD_PTR)p[0x3e] << 16 | 0x454e;
    return 0;
}

/* SHGFI_EXETYPE: "PE" (console programs: high word 0; others: the
 * subsystem version), "NE" with its Windows version, "MZ" for MS-DOS
 * programs and .com/.bat files, 0 for anything else. */
static DWORD_PTR exe_type(const char *host)
{
    unsigned char h[0x40], p[4 + 20 + 72];
    FILE *f = fopen(host, "rb");
    if (!f)
        return 0;
    DWORD_PTR r = 0;
    const char *dot = strrchr(host, '.');
    if (fread(h, 1, sizeof h, f) == sizeof h && h[0] == 'M' && h[1] == 'Z') {
        uint32_t off;
        memcpy(&off, h + 0x3c, 4);
        size_t n = fseek(f, (long)off, SEEK_SET) == 0 ? fread(p, 1, sizeof p, f) : 0;
        r = new_header_type(p, n);
        if (!r)
            r = 0x5a4d;
    } else if (dot && (!strcasecmp(dot, ".com") || !strcasecmp(dot, ".bat") || !strcasecmp(dot, ".cmd"))) {
        r = 0x5a4d;
    }
    fclose(f);
    return r;
}

static DWORD_PTR WINAPI w32_SHGetFileInfoW(LPCWSTR path, DWORD attrs, void *info, UINT size, UINT flags)
{
    (void)attrs, (void)info, (void)size;
    char host[PATH_MAX], what[48];
    if (flags != SHGFI_EXETYPE) {
        snprintf(what, sizeof what, "SHGetFileInfoW(uFlags=0x%x)", flags);
        unimplemented(what);
    }
    if (!path || w32_wpath_to_host(path, host, sizeof host))
        return 0;
    return exe_type(host);
}

W32_EXPORTS(shell32) = {
    EXPORT(SHFileOperationW, "p:i"),
    EXPORT(FindExecutableW, "wwp:p"),
    EXPORT(SHGetFileInfoW, "wupuu:q"),
};
