/* pathres.c — from a name a program passes to a host path: the name is
 * checked (ERROR_INVALID_NAME for characters Windows forbids), made
 * absolute and normalised as GetFullPathName would (so "..", "\x",
 * "C:rel" and trailing dots mean what they mean on Windows), mapped
 * through the drive table (paths.c), and — because Windows names are
 * case-insensitive and the host's are not — components that do not exist
 * as written are looked up case-insensitively in their directory. Also
 * the current directory (Get/SetCurrentDirectory), which is the host's. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"
#include "pathres.h"
#include "winpath.h"

char *w32_current_dir(void)
{
    char host[PATH_MAX], win[PATH_MAX + 8];
    if (!getcwd(host, sizeof host))
        strcpy(host, "/");
    w32_host_to_win(host, win, sizeof win);
    return strdup(win);
}

/* Replace the component of HOST starting at OFF (length LEN) by the
 * directory entry that matches it case-insensitively, if one does. */
static int fix_component(char *host, size_t off, size_t len)
{
    char save = host[off > 0 ? off - 1 : 0];
    char comp[NAME_MAX + 1];
    if (len > NAME_MAX)
        return 0;
    memcpy(comp, host + off, len);
    comp[len] = 0;
    if (off > 0)
        host[off - 1] = 0;
    DIR *d = opendir(off > 1 ? host : off == 1 ? "/" : ".");
    if (off > 0)
        host[off - 1] = save;
    if (!d)
        return 0;
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d)))
        if (strlen(e->d_name) == len && !k32_utf8_casecmp(e->d_name, comp)) {
            memcpy(host + off, e->d_name, len);
            found = 1;
            break;
        }
    closedir(d);
    return found;
}

/* Walk HOST's components; those missing as written are looked up
 * case-insensitively. Stops at the first one that is missing either way. */
static void resolve_case(char *host)
{
    struct stat st;
    if (lstat(host, &st) == 0 || errno != ENOENT || !strncmp(host, "/dev/", 5))
        return;
    for (size_t i = host[0] == '/' ? 1 : 0; host[i];) {
        size_t s = i;
        while (host[i] && host[i] != '/')
            i++;
        char c = host[i];
        host[i] = 0;
        int exists = lstat(host, &st) == 0;
        host[i] = c;
        if (!exists && !fix_component(host, s, i - s))
            return;
        while (host[i] == '/')
            i++;
    }
}

/* A component longer than 255 UTF-16 units is invalid on Windows. */
static int overlong_component(const char *p)
{
    while (*p) {
        size_t l = strcspn(p, "\\/");
        if (l > 255 && w32_utf8_to_utf16(p, (long)l, NULL, 0) > 255)
            return 1;
        p += l + (p[l] != 0);
    }
    return 0;
}

DWORD k32_host_path(const char *win, char *out, size_t n, int flags)
{
    if (!win || !*win)
        return ERROR_PATH_NOT_FOUND;
    int raw = !strncmp(win, "\\\\?\\", 4);
    if (k32_bad_name(win, flags & K32_PATH_WILD) || overlong_component(win))
        return ERROR_INVALID_NAME;
    char *cwd = w32_current_dir();
    char full[PATH_MAX + 16];
    size_t l = raw ? (snprintf(full, sizeof full, "%s", win + 4), strlen(full))
                   : k32_full_path(cwd ? cwd : "C:\\", win, full, sizeof full, NULL);
    free(cwd);
    if (l == 0 || l >= sizeof full)
        return ERROR_FILENAME_EXCED_RANGE;
    DWORD e = w32_path_to_host(full, out, n);
    if (e)
        return e;
    if (!(flags & K32_PATH_EXACT))
        resolve_case(out);
    return 0;
}

DWORD k32_host_wpath(const WCHAR *win, char *out, size_t n, int flags)
{
    if (!win)
        return ERROR_PATH_NOT_FOUND;
    char *u = w32_wide_to_utf8(win);
    DWORD e = u ? k32_host_path(u, out, n, flags) : ERROR_NOT_ENOUGH_MEMORY;
    free(u);
    return e;
}

DWORD k32_missing_error(const char *host)
{
    char parent[PATH_MAX];
    struct stat st;
    snprintf(parent, sizeof parent, "%s", host);
    char *slash = strrchr(parent, '/');
    if (!slash)
        return ERROR_FILE_NOT_FOUND;
    if (slash == parent)
        slash[1] = 0;
    else
        *slash = 0;
    return stat(parent, &st) == 0 && S_ISDIR(st.st_mode) ? ERROR_FILE_NOT_FOUND : ERROR_PATH_NOT_FOUND;
}

DWORD k32_errno_path(int e, const char *host)
{
    if (e == ENOENT)
        return k32_missing_error(host);
    if (e == ENOTDIR)
        return ERROR_PATH_NOT_FOUND;
    return w32_error_from_errno(e);
}

/* ---- the current directory ---- */
static DWORD WINAPI w32_GetCurrentDirectoryW(DWORD n, LPWSTR buf)
{
    char *cwd = w32_current_dir();
    DWORD r = cwd ? k32_ret_str_w(cwd, buf, n) : 0;
    free(cwd);
    return r;
}

static DWORD WINAPI w32_GetCurrentDirectoryA(DWORD n, LPSTR buf)
{
    char *cwd = w32_current_dir();
    DWORD r = cwd ? k32_ret_str_a(cwd, buf, n) : 0;
    free(cwd);
    return r;
}

/* Keep the PEB's copy ("C:\dir\", with the trailing backslash) current. */
static void publish_cwd(void)
{
    char *cwd = w32_current_dir();
    if (!cwd || !w32_proc.params)
        return;
    size_t l = strlen(cwd);
    char *withsep = malloc(l + 2);
    if (withsep) {
        memcpy(withsep, cwd, l + 1);
        if (l && withsep[l - 1] != '\\')
            withsep[l] = '\\', withsep[l + 1] = 0;
        WCHAR *w = w32_utf8_to_wide(withsep);
        if (w) {
            UNICODE_STRING *u = &w32_proc.params->CurrentDirectory;
            size_t wl = w32_wcslen(w);
            u->Buffer = w;
            u->Length = (USHORT)(wl * 2);
            u->MaximumLength = (USHORT)(wl * 2 + 2);
        }
    }
    free(withsep);
    free(cwd);
}

static BOOL set_cwd(const char *win)
{
    char host[PATH_MAX];
    DWORD e = k32_host_path(win, host, sizeof host, 0);
    if (!e && chdir(host) < 0)
        e = errno == ENOTDIR ? ERROR_DIRECTORY : k32_errno_path(errno, host);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    publish_cwd();
    return TRUE;
}

static BOOL WINAPI w32_SetCurrentDirectoryA(LPCSTR path)
{
    return set_cwd(path);
}

static BOOL WINAPI w32_SetCurrentDirectoryW(LPCWSTR path)
{
    char *u = w32_wide_to_utf8(path);
    BOOL r = set_cwd(u);
    free(u);
    return r;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetCurrentDirectoryA, "up:u"),
    EXPORT(GetCurrentDirectoryW, "up:u"),
    EXPORT(SetCurrentDirectoryA, "s:i"),
    EXPORT(SetCurrentDirectoryW, "w:i"),
};
