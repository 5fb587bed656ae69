/* pathapi.c — names as strings: GetFullPathName, GetLongPathName and
 * GetShortPathName (there are no 8.3 names: both give the name itself
 * once it exists), GetTempPath(2) (TMP, TEMP, USERPROFILE, then the
 * host's temporary directory), GetTempFileName, GetFinalPathNameByHandle,
 * the Windows and system directories (C:\windows, C:\windows\system32;
 * there is no WOW64 directory), SearchPath, and the DLL-directory calls
 * (accepted; builtin DLLs need no search path). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"
#include "fileobj.h"
#include "pathres.h"
#include "winpath.h"

#define VOLUME_NAME_NT 2
#define VOLUME_NAME_NONE 4
#define VOLUME_NAME_GUID 1

/* Run FN on the UTF-8 form of a wide argument and return a wide result
 * through the Windows string conventions. */
static DWORD wide_result(const char *res, WCHAR *buf, DWORD n)
{
    return res ? k32_ret_str_w(res, buf, n) : 0;
}

/* ---- GetFullPathName ---- */
static char *full_path(const char *name, long *filepart)
{
    if (!name || !*name) {
        w32_set_last_error(ERROR_INVALID_NAME);
        return NULL;
    }
    char *cwd = w32_current_dir();
    size_t need = k32_full_path(cwd ? cwd : "C:\\", name, NULL, 0, filepart);
    char *r = malloc(need + 1);
    if (r)
        k32_full_path(cwd ? cwd : "C:\\", name, r, need + 1, filepart);
    free(cwd);
    return r;
}

static DWORD WINAPI w32_GetFullPathNameA(LPCSTR name, DWORD n, LPSTR buf, LPSTR *part)
{
    long fp;
    char *r = full_path(name, &fp);
    if (!r)
        return 0;
    DWORD len = k32_ret_str_a(r, buf, n);
    if (part && len < n)
        *part = fp >= 0 ? buf + fp : NULL;
    free(r);
    return len;
}

static DWORD WINAPI w32_GetFullPathNameW(LPCWSTR name, DWORD n, LPWSTR buf, LPWSTR *part)
{
    char *u = w32_wide_to_utf8(name);
    long fp;
    char *r = full_path(u, &fp);
    free(u);
    if (!r)
        return 0;
    DWORD len = k32_ret_str_w(r, buf, n);
    if (part && len < n) {
        *part = NULL;
        if (fp >= 0) {
            char save = r[fp];
            r[fp] = 0;
            *part = buf + w32_utf8_to_utf16(r, -1, NULL, 0);
            r[fp] = save;
        }
    }
    free(r);
    return len;
}

/* ---- long and short names ---- */
static char *existing_name(const char *name)
{
    char host[PATH_MAX];
    struct stat st;
    DWORD e = k32_host_path(name, host, sizeof host, 0);
    if (!e && stat(host, &st) < 0)
        e = k32_errno_path(errno, host);
    if (e) {
        w32_set_last_error(e);
        return NULL;
    }
    return strdup(name);
}

static DWORD WINAPI w32_GetLongPathNameA(LPCSTR name, LPSTR buf, DWORD n)
{
    char *r = existing_name(name);
    DWORD len = r ? k32_ret_str_a(r, buf, n) : 0;
    free(r);
    return len;
}

static DWORD WINAPI w32_GetLongPathNameW(LPCWSTR name, LPWSTR buf, DWORD n)
{
    char *u = w32_wide_to_utf8(name);
    char *r = u ? existing_name(u) : NULL;
    DWORD len = wide_result(r, buf, n);
    free(u), free(r);
    return len;
}

/* ---- temporary files ---- */
static char *temp_dir(void)
{
    static const char *vars[] = { "TMP", "TEMP", "USERPROFILE" };
    char *v = NULL, buf[PATH_MAX + 8];
    for (size_t i = 0; i < 3 && !v; i++)
        v = w32_env_get(vars[i]);
    if (v && v[0] == '/') { /* a host path in the environment */
        w32_host_to_win(v, buf, sizeof buf);
        free(v);
        v = strdup(buf);
    }
    if (!v) {
        w32_host_to_win("/tmp", buf, sizeof buf);
        v = strdup(buf);
    }
    long fp;
    char *full = v ? full_path(v, &fp) : NULL;
    free(v);
    if (!full)
        return NULL;
    size_t l = strlen(full);
    char *r = realloc(full, l + 2);
    if (r && l && r[l - 1] != '\\')
        r[l] = '\\', r[l + 1] = 0;
    return r ? r : full;
}

static DWORD WINAPI w32_GetTempPathA(DWORD n, LPSTR buf)
{
    char *t = temp_dir();
    DWORD r = t ? k32_ret_str_a(t, buf, n) : 0;
    free(t);
    return r;
}

static DWORD WINAPI w32_GetTempPathW(DWORD n, LPWSTR buf)
{
    char *t = temp_dir();
    DWORD r = wide_result(t, buf, n);
    free(t);
    return r;
}

/* DIR\PREFIX<hex>.TMP; with UNIQUE 0 a new number is chosen and the file
 * created. Returns the number, or 0. OUT holds MAX_PATH bytes. */
static UINT temp_file(const char *dir, const char *prefix, UINT unique, char *out)
{
    char pre[4] = "", host[PATH_MAX];
    snprintf(pre, sizeof pre, "%s", prefix ? prefix : "");
    size_t dl = strlen(dir);
    const char *sep = dl && (dir[dl - 1] == '\\' || dir[dl - 1] == '/') ? "" : "\\";
    if (unique) {
        snprintf(out, MAX_PATH, "%s%s%s%X.tmp", dir, sep, pre, unique & 0xffff);
        return unique & 0xffff;
    }
    UINT start = ((UINT)time(NULL) ^ (UINT)getpid() * 2654435761u) & 0xffff;
    for (UINT i = 0; i < 0x10000; i++) {
        UINT u = (start + i) & 0xffff;
        if (!u)
            continue;
        snprintf(out, MAX_PATH, "%s%s%s%X.tmp", dir, sep, pre, u);
        DWORD e = k32_host_path(out, host, sizeof host, 0);
        if (e) {
            w32_set_last_error(e);
            return 0;
        }
        int fd = open(host, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
        if (fd >= 0) {
            close(fd);
            return u;
        }
        if (errno != EEXIST) {
            w32_set_last_error(k32_errno_path(errno, host));
            return 0;
        }
    }
    w32_set_last_error(ERROR_FILE_EXISTS);
    return 0;
}

static UINT WINAPI w32_GetTempFileNameA(LPCSTR dir, LPCSTR prefix, UINT unique, LPSTR out)
{
    if (!dir || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return temp_file(dir, prefix, unique, out);
}

static UINT WINAPI w32_GetTempFileNameW(LPCWSTR dir, LPCWSTR prefix, UINT unique, LPWSTR out)
{
    if (!dir || !out) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    char *d = w32_wide_to_utf8(dir), *p = w32_wide_to_utf8(prefix), res[MAX_PATH * 4];
    UINT r = d ? temp_file(d, p, unique, res) : 0;
    if (r)
        w32_utf8_to_utf16(res, -1, out, MAX_PATH);
    free(d), free(p);
    return r;
}

/* ---- GetFinalPathNameByHandle ---- */
static char *final_name(HANDLE h, DWORD flags)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return NULL;
    char link[64], real[PATH_MAX], win[PATH_MAX + 16];
    snprintf(link, sizeof link, "/proc/self/fd/%d", f->fd);
    ssize_t l = readlink(link, real, sizeof real - 1);
    w32_obj_put(&f->o);
    if (l <= 0 || real[0] != '/') {
        w32_set_last_error(ERROR_INVALID_HANDLE);
        return NULL;
    }
    real[l] = 0;
    w32_host_to_win(real, win, sizeof win);
    if ((flags & 7) == VOLUME_NAME_GUID) {
        w32_set_last_error(ERROR_PATH_NOT_FOUND);
        return NULL;
    }
    char *r = malloc(strlen(win) + 32);
    if (!r)
        return NULL;
    if ((flags & 7) == VOLUME_NAME_NONE)
        strcpy(r, win + 2);
    else if ((flags & 7) == VOLUME_NAME_NT)
        sprintf(r, "\\Device\\HarddiskVolume%d%s", win[0] == 'C' ? 3 : 26, win + 2);
    else
        sprintf(r, "\\\\?\\%s", win);
    return r;
}

static DWORD WINAPI w32_GetFinalPathNameByHandleW(HANDLE h, LPWSTR buf, DWORD n, DWORD flags)
{
    char *r = final_name(h, flags);
    DWORD len = wide_result(r, buf, n);
    free(r);
    return len;
}

static DWORD WINAPI w32_GetFinalPathNameByHandleA(HANDLE h, LPSTR buf, DWORD n, DWORD flags)
{
    char *r = final_name(h, flags);
    DWORD len = r ? k32_ret_str_a(r, buf, n) : 0;
    free(r);
    return len;
}

/* ---- system directories ---- */
static UINT WINAPI w32_GetWindowsDirectoryA(LPSTR b, UINT n) { return k32_ret_str_a("C:\\windows", b, n); }
static UINT WINAPI w32_GetWindowsDirectoryW(LPWSTR b, UINT n) { return k32_ret_str_w("C:\\windows", b, n); }
static UINT WINAPI w32_GetSystemDirectoryA(LPSTR b, UINT n) { return k32_ret_str_a("C:\\windows\\system32", b, n); }
static UINT WINAPI w32_GetSystemDirectoryW(LPWSTR b, UINT n) { return k32_ret_str_w("C:\\windows\\system32", b, n); }

static UINT WINAPI w32_GetSystemWow64DirectoryA(LPSTR b, UINT n)
{
    (void)b, (void)n;
    w32_set_last_error(ERROR_CALL_NOT_IMPLEMENTED); /* no WOW64 here */
    return 0;
}

static UINT WINAPI w32_GetSystemWow64DirectoryW(LPWSTR b, UINT n)
{
    (void)b, (void)n;
    w32_set_last_error(ERROR_CALL_NOT_IMPLEMENTED);
    return 0;
}

/* ---- SearchPath: the directory given, else the program's directory,
 * the current directory, and PATH ---- */
static int found_in(const char *dir, const char *name, const char *ext, char *out, size_t n)
{
    char win[PATH_MAX * 2], host[PATH_MAX];
    struct stat st;
    int has_ext = strrchr(name, '.') && !strpbrk(strrchr(name, '.'), "\\/");
    snprintf(win, sizeof win, "%s%s%s%s", dir, *dir ? "\\" : "", name, has_ext || !ext ? "" : ext);
    if (k32_host_path(win, host, sizeof host, 0) || stat(host, &st) < 0 || S_ISDIR(st.st_mode))
        return 0;
    long fp;
    char *full = full_path(win, &fp);
    if (!full)
        return 0;
    snprintf(out, n, "%s", full);
    free(full);
    return 1;
}

static char *search_path(const char *path, const char *name, const char *ext)
{
    char out[PATH_MAX * 2], exe_dir[PATH_MAX];
    if (!name || !*name)
        return NULL;
    if (path)
        return found_in(path, name, ext, out, sizeof out) ? strdup(out) : NULL;
    if (strpbrk(name, "\\/") || (name[0] && name[1] == ':'))
        return found_in("", name, ext, out, sizeof out) ? strdup(out) : NULL;
    snprintf(exe_dir, sizeof exe_dir, "%s", w32_proc.exe_path_a ? w32_proc.exe_path_a : "");
    char *slash = strrchr(exe_dir, '\\');
    if (slash)
        *slash = 0;
    if (found_in(exe_dir, name, ext, out, sizeof out) || found_in(".", name, ext, out, sizeof out))
        return strdup(out);
    char *p = w32_env_get("PATH");
    char *save = NULL, *r = NULL;
    const char *delim = p && strchr(p, ';') ? ";" : p && p[0] == '/' ? ":" : ";";
    for (char *d = p ? strtok_r(p, delim, &save) : NULL; d && !r; d = strtok_r(NULL, delim, &save)) {
        char win[PATH_MAX + 8];
        if (d[0] == '/')
            w32_host_to_win(d, win, sizeof win);
        else
            snprintf(win, sizeof win, "%s", d);
        if (found_in(win, name, ext, out, sizeof out))
            r = strdup(out);
    }
    free(p);
    return r;
}

static DWORD WINAPI w32_SearchPathW(LPCWSTR path, LPCWSTR name, LPCWSTR ext, DWORD n, LPWSTR buf, LPWSTR *part)
{
    char *p = w32_wide_to_utf8(path), *nm = w32_wide_to_utf8(name), *e = w32_wide_to_utf8(ext);
    char *r = search_path(p, nm, e);
    free(p), free(nm), free(e);
    if (!r) {
        w32_set_last_error(ERROR_FILE_NOT_FOUND);
        return 0;
    }
    DWORD len = wide_result(r, buf, n);
    if (part && len < n) {
        char *last = strrchr(r, '\\');
        *last = 0;
        *part = buf + w32_utf8_to_utf16(r, -1, NULL, 0) + 1;
    }
    free(r);
    return len;
}

static DWORD WINAPI w32_SearchPathA(LPCSTR path, LPCSTR name, LPCSTR ext, DWORD n, LPSTR buf, LPSTR *part)
{
    char *r = search_path(path, name, ext);
    if (!r) {
        w32_set_last_error(ERROR_FILE_NOT_FOUND);
        return 0;
    }
    DWORD len = k32_ret_str_a(r, buf, n);
    if (part && len < n)
        *part = buf + (strrchr(r, '\\') - r) + 1;
    free(r);
    return len;
}

/* ---- DLL directories: builtin DLLs need no search path ---- */
static BOOL WINAPI w32_SetDllDirectoryW(LPCWSTR d) { (void)d; return TRUE; }
static BOOL WINAPI w32_SetDllDirectoryA(LPCSTR d) { (void)d; return TRUE; }
static DWORD WINAPI w32_GetDllDirectoryW(DWORD n, LPWSTR b) { return k32_ret_str_w("", b, n); }
static PVOID WINAPI w32_AddDllDirectory(LPCWSTR d) { (void)d; return (PVOID)(uintptr_t)0x1000; }
static BOOL WINAPI w32_RemoveDllDirectory(PVOID c) { (void)c; return TRUE; }
static BOOL WINAPI w32_SetDefaultDllDirectories(DWORD f) { (void)f; return TRUE; }
static BOOL WINAPI w32_NeedCurrentDirectoryForExePathW(LPCWSTR n) { (void)n; return TRUE; }

W32_EXPORTS(kernel32) = {
    EXPORT(GetFullPathNameA, "supp:u"),
    EXPORT(GetFullPathNameW, "wupp:u"),
    EXPORT(GetLongPathNameA, "spu:u"),
    EXPORT(GetLongPathNameW, "wpu:u"),
    EXPORT_AS("GetShortPathNameA", w32_GetLongPathNameA, "spu:u"),
    EXPORT_AS("GetShortPathNameW", w32_GetLongPathNameW, "wpu:u"),
    EXPORT(GetTempPathA, "up:u"),
    EXPORT(GetTempPathW, "up:u"),
    EXPORT_AS("GetTempPath2A", w32_GetTempPathA, "up:u"),
    EXPORT_AS("GetTempPath2W", w32_GetTempPathW, "up:u"),
    EXPORT(GetTempFileNameA, "ssup:u"),
    EXPORT(GetTempFileNameW, "wwup:u"),
    EXPORT(GetFinalPathNameByHandleA, "hpuu:u"),
    EXPORT(GetFinalPathNameByHandleW, "hpuu:u"),
    EXPORT(GetWindowsDirectoryA, "pu:u"),
    EXPORT(GetWindowsDirectoryW, "pu:u"),
    EXPORT_AS("GetSystemWindowsDirectoryA", w32_GetWindowsDirectoryA, "pu:u"),
    EXPORT_AS("GetSystemWindowsDirectoryW", w32_GetWindowsDirectoryW, "pu:u"),
    EXPORT(GetSystemDirectoryA, "pu:u"),
    EXPORT(GetSystemDirectoryW, "pu:u"),
    EXPORT(GetSystemWow64DirectoryA, "pu:u"),
    EXPORT(GetSystemWow64DirectoryW, "pu:u"),
    EXPORT(SearchPathA, "sssupp:u"),
    EXPORT(SearchPathW, "wwwupp:u"),
    EXPORT(SetDllDirectoryA, "s:i"),
    EXPORT(SetDllDirectoryW, "w:i"),
    EXPORT(GetDllDirectoryW, "up:u"),
    EXPORT(AddDllDirectory, "w:p"),
    EXPORT(RemoveDllDirectory, "p:i"),
    EXPORT(SetDefaultDllDirectories, "u:i"),
    EXPORT(NeedCurrentDirectoryForExePathW, "w:i"),
};
