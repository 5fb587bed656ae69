/* find.c — FindFirstFile(Ex)A/W, FindNextFileA/W, FindClose: the
 * directory is read once, entries matching the Windows wildcard pattern
 * (case-insensitive; see winpath.c) are sorted as NTFS returns them
 * ("." and ".." first, then by upper-cased name) and handed out one by
 * one. A name without wildcards finds that one entry. Errors:
 * ERROR_PATH_NOT_FOUND for a missing directory, ERROR_FILE_NOT_FOUND when
 * nothing matches, ERROR_NO_MORE_FILES at the end. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../unicode.h"
#include "k32.h"
#include "fileattr.h"
#include "pathres.h"
#include "winpath.h"

#define FIND_FIRST_EX_CASE_SENSITIVE 1
#define FindExSearchLimitToDirectories 1

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    WCHAR cFileName[MAX_PATH];
    WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW;

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow, dwReserved0, dwReserved1;
    CHAR cFileName[MAX_PATH];
    CHAR cAlternateFileName[14];
} WIN32_FIND_DATAA;

struct entry {
    char *name;
    DWORD attrs;
    uint64_t size, ctime, atime, mtime;
};

struct finder {
    struct w32_object o;
    struct entry *e;
    size_t n, next;
};

static void finder_destroy(struct w32_object *o)
{
    struct finder *f = (struct finder *)o;
    for (size_t i = 0; i < f->n; i++)
        free(f->e[i].name);
    free(f->e);
    free(f);
}

static int dot_rank(const char *n)
{
    return !strcmp(n, ".") ? 0 : !strcmp(n, "..") ? 1 : 2;
}

static int cmp_entry(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int rx = dot_rank(x->name), ry = dot_rank(y->name);
    if (rx != ry)
        return rx - ry;
    int c = k32_utf8_casecmp(x->name, y->name);
    return c ? c : strcmp(x->name, y->name);
}

static int add_entry(struct finder *f, const char *dir, const char *name, size_t *cap)
{
    char path[PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (stat(path, &st) < 0 && lstat(path, &st) < 0)
        return 1; /* vanished */
    if (f->n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        struct entry *ne = realloc(f->e, *cap * sizeof *ne);
        if (!ne)
            return 0;
        f->e = ne;
    }
    struct entry *e = &f->e[f->n];
    if (!(e->name = strdup(name)))
        return 0;
    e->attrs = k32_attrs(path, &st);
    e->size = S_ISDIR(st.st_mode) ? 0 : (uint64_t)st.st_size;
    k32_stat_times(path, -1, &st, &e->ctime, &e->atime, &e->mtime, NULL);
    f->n++;
    return 1;
}

static int has_wild(const char *s)
{
    return strpbrk(s, "*?") != NULL;
}

/* Read DIR for entries matching PAT. Returns 0 or an error. */
static DWORD scan(struct finder *f, const char *dir, const char *pat, int is_root, int dirs_only, int cs)
{
    DIR *d = opendir(*dir ? dir : ".");
    if (!d)
        return errno == ENOENT || errno == ENOTDIR ? ERROR_PATH_NOT_FOUND : w32_error_from_errno(errno);
    size_t cap = 0;
    struct dirent *de;
    int wild = has_wild(pat);
    while ((de = readdir(d))) {
        const char *n = de->d_name;
        if (is_root && dot_rank(n) < 2)
            continue;
        int ok = wild ? k32_wild_match(pat, n) : cs ? !strcmp(pat, n) : !k32_utf8_casecmp(pat, n);
        if (ok && !add_entry(f, *dir ? dir : ".", n, &cap)) {
            closedir(d);
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        if (ok && dirs_only && f->n && !(f->e[f->n - 1].attrs & FILE_ATTRIBUTE_DIRECTORY))
            free(f->e[--f->n].name);
    }
    closedir(d);
    qsort(f->e, f->n, sizeof *f->e, cmp_entry);
    return f->n ? 0 : ERROR_FILE_NOT_FOUND;
}

/* Split NAME at its last separator: the directory's host path and the
 * pattern. */
static DWORD split(const char *name, char *dir, size_t n, char *pat, int *is_root)
{
    const char *last = NULL;
    for (const char *p = name; *p; p++)
        if (*p == '\\' || *p == '/')
            last = p;
    if (last && !last[1])
        return ERROR_FILE_NOT_FOUND; /* "dir\" names no file */
    const char *base = last ? last + 1 : (name[0] && name[1] == ':') ? name + 2 : name;
    snprintf(pat, MAX_PATH * 4, "%s", base);
    char *d = strndup(name, (size_t)(base - name));
    if (!d)
        return ERROR_NOT_ENOUGH_MEMORY;
    DWORD e = 0;
    if (!*d)
        snprintf(dir, n, ".");
    else
        e = k32_host_path(d, dir, n, 0);
    size_t dl = strlen(d);
    *is_root = (dl == 3 && d[1] == ':') || dl == 1;
    free(d);
    return e;
}

static struct finder *find_first(const char *name, int dirs_only, int cs, DWORD *err)
{
    char dir[PATH_MAX], pat[MAX_PATH * 4];
    int is_root = 0;
    DWORD e = !name ? ERROR_INVALID_PARAMETER : k32_bad_name(name, 1) ? ERROR_INVALID_NAME
            : split(name, dir, sizeof dir, pat, &is_root);
    struct finder *f = e ? NULL : calloc(1, sizeof *f);
    if (!e && !f)
        e = ERROR_NOT_ENOUGH_MEMORY;
    if (!e) {
        f->o.type = W32_H_FIND;
        f->o.destroy = finder_destroy;
        if (!*pat)
            e = ERROR_FILE_NOT_FOUND;
        else
            e = scan(f, dir, pat, is_root, dirs_only, cs);
    }
    if (e && f) {
        finder_destroy(&f->o);
        f = NULL;
    }
    *err = e;
    return f;
}

static void fill_common(const struct entry *e, WIN32_FIND_DATAW *w)
{
    memset(w, 0, sizeof *w);
    w->dwFileAttributes = e->attrs;
    w->ftCreationTime.dwLowDateTime = (DWORD)e->ctime, w->ftCreationTime.dwHighDateTime = (DWORD)(e->ctime >> 32);
    w->ftLastAccessTime.dwLowDateTime = (DWORD)e->atime, w->ftLastAccessTime.dwHighDateTime = (DWORD)(e->atime >> 32);
    w->ftLastWriteTime.dwLowDateTime = (DWORD)e->mtime, w->ftLastWriteTime.dwHighDateTime = (DWORD)(e->mtime >> 32);
    w->nFileSizeHigh = (DWORD)(e->size >> 32), w->nFileSizeLow = (DWORD)e->size;
}

/* Hand out the next entry into OUT (W or A layout). */
static BOOL next_entry(struct finder *f, void *out, int wide)
{
    if (f->next >= f->n) {
        w32_set_last_error(ERROR_NO_MORE_FILES);
        return FALSE;
    }
    const struct entry *e = &f->e[f->next++];
    WIN32_FIND_DATAW w;
    fill_common(e, &w);
    if (wide) {
        w32_utf8_to_utf16(e->name, -1, w.cFileName, MAX_PATH);
        w.cFileName[MAX_PATH - 1] = 0;
        if (!k32_copy_out(out, &w, sizeof w))
            return w32_set_last_error(ERROR_NOACCESS), FALSE;
        return TRUE;
    }
    WIN32_FIND_DATAA a;
    memcpy(&a, &w, __builtin_offsetof(WIN32_FIND_DATAA, cFileName));
    memset(a.cFileName, 0, sizeof a.cFileName + sizeof a.cAlternateFileName);
    snprintf(a.cFileName, sizeof a.cFileName, "%s", e->name);
    if (!k32_copy_out(out, &a, sizeof a))
        return w32_set_last_error(ERROR_NOACCESS), FALSE;
    return TRUE;
}

static HANDLE first_api(const char *name, void *out, int wide, int dirs_only, int cs)
{
    DWORD e;
    struct finder *f = find_first(name, dirs_only, cs, &e);
    if (!f) {
        w32_set_last_error(e);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = w32_handle_new(&f->o);
    if (!h) {
        finder_destroy(&f->o);
        w32_set_last_error(ERROR_NO_MORE_FILES);
        return INVALID_HANDLE_VALUE;
    }
    if (!next_entry(f, out, wide)) {
        w32_handle_close(h);
        return INVALID_HANDLE_VALUE;
    }
    w32_set_last_error(ERROR_SUCCESS);
    return h;
}

static HANDLE WINAPI w32_FindFirstFileA(LPCSTR name, WIN32_FIND_DATAA *out)
{
    return first_api(name, out, 0, 0, 0);
}

static HANDLE WINAPI w32_FindFirstFileW(LPCWSTR name, WIN32_FIND_DATAW *out)
{
    char *u = w32_wide_to_utf8(name);
    HANDLE h = first_api(u, out, 1, 0, 0);
    free(u);
    return h;
}

static HANDLE WINAPI w32_FindFirstFileExW(LPCWSTR name, int level, WIN32_FIND_DATAW *out, int op,
                                          PVOID filter, DWORD flags)
{
    (void)level, (void)filter;
    char *u = w32_wide_to_utf8(name);
    HANDLE h = first_api(u, out, 1, op == FindExSearchLimitToDirectories,
                         flags & FIND_FIRST_EX_CASE_SENSITIVE);
    free(u);
    return h;
}

static HANDLE WINAPI w32_FindFirstFileExA(LPCSTR name, int level, WIN32_FIND_DATAA *out, int op,
                                          PVOID filter, DWORD flags)
{
    (void)level, (void)filter;
    return first_api(name, out, 0, op == FindExSearchLimitToDirectories,
                     flags & FIND_FIRST_EX_CASE_SENSITIVE);
}

static BOOL next_api(HANDLE h, void *out, int wide)
{
    struct finder *f = (struct finder *)w32_handle_get(h, W32_H_FIND);
    if (!f)
        return FALSE;
    BOOL r = next_entry(f, out, wide);
    w32_obj_put(&f->o);
    return r;
}

static BOOL WINAPI w32_FindNextFileA(HANDLE h, WIN32_FIND_DATAA *out) { return next_api(h, out, 0); }
static BOOL WINAPI w32_FindNextFileW(HANDLE h, WIN32_FIND_DATAW *out) { return next_api(h, out, 1); }

static BOOL WINAPI w32_FindClose(HANDLE h)
{
    struct w32_object *o = w32_handle_get(h, W32_H_FIND);
    if (!o)
        return FALSE;
    w32_obj_put(o);
    return w32_handle_close(h);
}

W32_EXPORTS(kernel32) = {
    EXPORT(FindFirstFileA, "sp:h"),
    EXPORT(FindFirstFileW, "wp:h"),
    EXPORT(FindFirstFileExA, "sipipu:h"),
    EXPORT(FindFirstFileExW, "wipipu:h"),
    EXPORT(FindNextFileA, "hp:i"),
    EXPORT(FindNextFileW, "hp:i"),
    EXPORT(FindClose, "h:i"),
};
