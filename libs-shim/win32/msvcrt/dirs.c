/* dirs.c — directories and the current directory: _mkdir/_rmdir/_chdir,
 * _getcwd/_getdcwd (Windows paths: "C:\dir", "Z:\" at a root), _getdrive
 * and _chdrive (drive 1 is A:), _fullpath (an absolute Windows path,
 * with . and .. resolved textually, as GetFullPathName does), and the
 * wide forms. The current directory is the host's, as kernel32's is. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "../kernel32/k32api.h"
#include "../paths.h"
#include "../unicode.h"
#include "crt.h"

#pragma weak w32_current_dir

/* The current directory as a Windows path (malloc'ed). */
static char *cwd_win(void)
{
    if (w32_current_dir)
        return w32_current_dir();
    char host[PATH_MAX], win[PATH_MAX + 8];
    if (!getcwd(host, sizeof host))
        return NULL;
    w32_host_to_win(host, win, sizeof win);
    return strdup(win);
}

static int dir_op(const char *path, int mk, const char *fn)
{
    char host[PATH_MAX];
    if (!path)
        return crt_invalid(fn, MS_EINVAL), -1;
    if (crt_host_path(path, host, sizeof host) < 0)
        return -1;
    int r = mk == 1 ? mkdir(host, 0777) : mk == 0 ? rmdir(host) : chdir(host);
    if (r < 0 && errno == EEXIST && mk == 0)
        errno = ENOTEMPTY; /* some hosts say EEXIST for a non-empty directory */
    return r < 0 ? crt_fail_errno() : 0;
}

static int wdir_op(const WCHAR *path, int mk, const char *fn)
{
    char *u = path ? w32_wide_to_utf8(path) : NULL;
    int r = dir_op(u, mk, fn);
    free(u);
    return r;
}

static int WINAPI w32__mkdir(const char *p) { return dir_op(p, 1, "_mkdir"); }
static int WINAPI w32__rmdir(const char *p) { return dir_op(p, 0, "_rmdir"); }
static int WINAPI w32__chdir(const char *p) { return dir_op(p, 2, "_chdir"); }
static int WINAPI w32__wmkdir(const WCHAR *p) { return wdir_op(p, 1, "_wmkdir"); }
static int WINAPI w32__wrmdir(const WCHAR *p) { return wdir_op(p, 0, "_wrmdir"); }
static int WINAPI w32__wchdir(const WCHAR *p) { return wdir_op(p, 2, "_wchdir"); }

/* Copy S into BUF (N bytes), or into a new buffer of max(N, needed)
 * when BUF is NULL, as _getcwd does. */
static char *give(char *s, char *buf, size_t n, const char *fn)
{
    if (!s) {
        crt_fail_errno();
        return NULL;
    }
    size_t len = strlen(s) + 1;
    if (!buf) {
        buf = malloc(len > n ? len : n);
        if (buf)
            memcpy(buf, s, len);
        else
            crt_fail(MS_ENOMEM);
    } else if (len > n) {
        buf = NULL;
        crt_invalid(fn, MS_ERANGE);
    } else {
        memcpy(buf, s, len);
    }
    free(s);
    return buf;
}

static WCHAR *wgive(char *s, WCHAR *buf, size_t n, const char *fn)
{
    if (!s) {
        crt_fail_errno();
        return NULL;
    }
    size_t len = w32_utf8_to_utf16(s, -1, NULL, 0) + 1;
    if (!buf && (buf = malloc((len > n ? len : n) * sizeof *buf)))
        n = len > n ? len : n;
    if (buf && len <= n)
        w32_utf8_to_utf16(s, -1, buf, n);
    else
        buf = (crt_invalid(fn, buf ? MS_ERANGE : MS_ENOMEM), NULL);
    free(s);
    return buf;
}

static char *WINAPI w32__getcwd(char *buf, int n)
{
    if (buf && n <= 0)
        return crt_invalid("_getcwd", MS_EINVAL), NULL;
    return give(cwd_win(), buf, n > 0 ? (size_t)n : 0, "_getcwd");
}

static WCHAR *WINAPI w32__wgetcwd(WCHAR *buf, int n)
{
    if (buf && n <= 0)
        return crt_invalid("_wgetcwd", MS_EINVAL), NULL;
    return wgive(cwd_win(), buf, n > 0 ? (size_t)n : 0, "_wgetcwd");
}

/* The drive of the current directory: 1 = A:, 3 = C:, 26 = Z:. */
static int WINAPI w32__getdrive(void)
{
    char *c = cwd_win();
    int d = c && c[1] == ':' ? (c[0] | 0x20) - 'a' + 1 : 26;
    free(c);
    return d;
}

static int WINAPI w32__chdrive(int d)
{
    if (d < 1 || d > 26)
        return crt_invalid("_chdrive", MS_EACCES), -1;
    const char *root = w32_drive_root((char)('A' + d - 1));
    if (!root)
        return crt_fail(MS_EACCES);
    return chdir(*root ? root : "/") < 0 ? crt_fail(MS_EACCES) : 0;
}

/* _getdcwd(drive, …): the current directory when it is on DRIVE (0: the
 * current one), else the drive's root. */
static char *dcwd(int d)
{
    char *c = cwd_win();
    if (!d || (c && c[1] == ':' && (c[0] | 0x20) - 'a' + 1 == d))
        return c;
    free(c);
    if (d < 1 || d > 26 || !w32_drive_root((char)('A' + d - 1))) {
        errno = EACCES;
        return NULL;
    }
    char r[4] = { (char)('A' + d - 1), ':', '\\', 0 };
    return strdup(r);
}

static char *WINAPI w32__getdcwd(int d, char *buf, int n) { return give(dcwd(d), buf, n > 0 ? (size_t)n : 0, "_getdcwd"); }
static WCHAR *WINAPI w32__wgetdcwd(int d, WCHAR *buf, int n) { return wgive(dcwd(d), buf, n > 0 ? (size_t)n : 0, "_wgetdcwd"); }

/* Normalize FULL ("X:" then a path) into OUT: one '\\' between parts,
 * "." dropped, ".." taking the previous part away, a trailing separator
 * kept, the drive letter in upper case. */
static void normalize(const char *full, char *out)
{
    size_t o = 0;
    out[o++] = (char)(full[0] >= 'a' && full[0] <= 'z' ? full[0] - 32 : full[0]);
    out[o++] = ':';
    for (const char *seg = full + 2, *end; *seg; seg = end) {
        while (*seg == '\\' || *seg == '/')
            seg++;
        end = seg + strcspn(seg, "\\/");
        size_t len = (size_t)(end - seg);
        if (!len || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (o > 2 && out[o - 1] != '\\')
                o--;
            if (o > 2)
                o--;
            continue;
        }
        out[o++] = '\\';
        memcpy(out + o, seg, len);
        o += len;
    }
    char last = full[strlen(full) - 1];
    if (o == 2 || ((last == '\\' || last == '/') && out[o - 1] != '\\'))
        out[o++] = '\\';
    out[o] = 0;
}

/* An absolute Windows path for PATH, resolved against the current
 * directory without touching the file system. */
char *crt_full_path(const char *path)
{
    char *cwd = cwd_win();
    size_t cap = strlen(path) + (cwd ? strlen(cwd) : 0) + 8;
    char *full = malloc(cap), *out = malloc(cap);
    if (!full || !out || !cwd) {
        free(cwd), free(full), free(out);
        return NULL;
    }
    int has_drive = path[0] && path[1] == ':', rooted = path[0] == '\\' || path[0] == '/';
    if (has_drive && (path[2] == '\\' || path[2] == '/'))
        snprintf(full, cap, "%s", path);
    else if (has_drive) /* "C:foo": relative to that drive's root here */
        snprintf(full, cap, "%c:\\%s", path[0], path + 2);
    else if (rooted)
        snprintf(full, cap, "%.2s%s", cwd, path);
    else
        snprintf(full, cap, "%s\\%s", cwd, path);
    free(cwd);
    normalize(full, out);
    free(full);
    return out;
}

static char *WINAPI w32__fullpath(char *abs, const char *rel, size_t n)
{
    if (!rel || !*rel)
        return w32__getcwd(abs, (int)n);
    char *f = crt_full_path(rel);
    return give(f, abs, abs ? n : MAX_PATH, "_fullpath");
}

static WCHAR *WINAPI w32__wfullpath(WCHAR *abs, const WCHAR *rel, size_t n)
{
    if (!rel || !*rel)
        return w32__wgetcwd(abs, (int)n);
    char *u = w32_wide_to_utf8(rel);
    char *f = u ? crt_full_path(u) : NULL;
    free(u);
    return wgive(f, abs, abs ? n : MAX_PATH, "_wfullpath");
}

/* _getdrives: a bit for each drive letter that maps somewhere (A: is bit 0). */
static unsigned long WINAPI w32__getdrives(void)
{
    unsigned m = 0;
    for (int i = 0; i < 26; i++)
        if (w32_drive_root((char)('A' + i)))
            m |= 1u << i;
    return m;
}

/* _getdiskfree(drive, info): clusters of one 4096-byte... as the host says. */
struct diskfree { unsigned total, avail, sectors_per_cluster, bytes_per_sector; };

static unsigned WINAPI w32__getdiskfree(unsigned drive, struct diskfree *d)
{
    struct statvfs vs;
    char root[4] = { 0 };
    if (!d || drive > 26)
        return (unsigned)crt_invalid("_getdiskfree", MS_EINVAL);
    if (!drive)
        drive = (unsigned)w32__getdrive();
    const char *host = w32_drive_root((char)('A' + drive - 1));
    root[0] = '/';
    if (!host || statvfs(*host ? host : root, &vs) < 0)
        return (unsigned)crt_fail(MS_EINVAL), 15; /* ERROR_INVALID_DRIVE */
    d->bytes_per_sector = 512;
    d->sectors_per_cluster = vs.f_frsize / 512 ? (unsigned)(vs.f_frsize / 512) : 1;
    d->total = vs.f_blocks > UINT32_MAX ? UINT32_MAX : (unsigned)vs.f_blocks;
    d->avail = vs.f_bavail > UINT32_MAX ? UINT32_MAX : (unsigned)vs.f_bavail;
    return 0;
}

#define DIRS_EXPORTS \
    EXPORT(_getdrives, ":u"), EXPORT(_getdiskfree, "up:u"), \
    EXPORT(_mkdir, "s:i"), EXPORT(_rmdir, "s:i"), EXPORT(_chdir, "s:i"), EXPORT(_wmkdir, "w:i"), \
    EXPORT(_wrmdir, "w:i"), EXPORT(_wchdir, "w:i"), EXPORT(_getcwd, "pi:p"), EXPORT(_wgetcwd, "pi:p"), \
    EXPORT(_getdrive, ":i"), EXPORT(_chdrive, "i:i"), EXPORT(_getdcwd, "ipi:p"), \
    EXPORT(_wgetdcwd, "ipi:p"), EXPORT(_fullpath, "psq:p"), EXPORT(_wfullpath, "pwq:p")

W32_EXPORTS(msvcrt) = {
    DIRS_EXPORTS, EXPORT_AS("mkdir", w32__mkdir, "s:i"), EXPORT_AS("rmdir", w32__rmdir, "s:i"),
    EXPORT_AS("chdir", w32__chdir, "s:i"), EXPORT_AS("getcwd", w32__getcwd, "pi:p"),
};
W32_EXPORTS(ucrtbase) = { DIRS_EXPORTS };
