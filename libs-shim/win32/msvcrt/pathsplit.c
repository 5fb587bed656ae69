/* pathsplit.c — Windows path names taken apart and put together:
 * _splitpath/_wsplitpath (drive, directory with its trailing separator,
 * base name, extension with its dot) and the _s forms with their size
 * checks, _makepath/_wmakepath (+ _s), and _searchenv (+ _s, wide):
 * the file in the current directory or in a directory of the named
 * environment variable (';'-separated), as a full path. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unicode.h"
#include "crt.h"

#define MAX_DRIVE 3
#define MAX_DIR 256
#define MAX_FNAME 256
#define MAX_EXT 256

/* Offsets of the parts of PATH: [0,d) drive, [d,s) dir, [s,e) name, [e,end) ext. */
struct parts { size_t drive, dir, name, end; };

static void find_parts(const char *p, struct parts *o)
{
    size_t n = strlen(p), d = p[0] && p[1] == ':' ? 2 : 0, s = d, e;
    for (size_t i = d; i < n; i++)
        if (p[i] == '\\' || p[i] == '/')
            s = i + 1;
    e = n;
    for (size_t i = n; i > s; i--)
        if (p[i - 1] == '.') {
            e = i - 1;
            break;
        }
    *o = (struct parts){ d, s, e, n };
}

/* Copy [a, b) of P into OUT (CAP bytes, 0: no limit); -1 if too long. */
static int put(char *out, size_t cap, const char *p, size_t a, size_t b)
{
    if (!out)
        return 0;
    if (cap && b - a >= cap) {
        if (cap)
            out[0] = 0;
        return -1;
    }
    memcpy(out, p + a, b - a);
    out[b - a] = 0;
    return 0;
}

static int split(const char *p, char *drv, size_t dn, char *dir, size_t dirn, char *fn, size_t fnn,
                 char *ext, size_t en)
{
    struct parts x;
    find_parts(p, &x);
    int bad = put(drv, dn, p, 0, x.drive) | put(dir, dirn, p, x.drive, x.dir) |
              put(fn, fnn, p, x.dir, x.name) | put(ext, en, p, x.name, x.end);
    if (bad) { /* the _s forms empty every part on failure */
        char *outs[4] = { drv, dir, fn, ext };
        for (int i = 0; i < 4; i++)
            if (outs[i])
                outs[i][0] = 0;
    }
    return bad;
}

static void WINAPI w32__splitpath(const char *p, char *drv, char *dir, char *fn, char *ext)
{
    if (!p)
        return (void)crt_invalid("_splitpath", MS_EINVAL);
    split(p, drv, 0, dir, 0, fn, 0, ext, 0);
}

static int WINAPI w32__splitpath_s(const char *p, char *drv, size_t dn, char *dir, size_t dirn, char *fn,
                                   size_t fnn, char *ext, size_t en)
{
    CRT_CHECK(p && (drv || !dn) && (dir || !dirn) && (fn || !fnn) && (ext || !en), "_splitpath_s", MS_EINVAL);
    CRT_CHECK(!split(p, drv, dn, dir, dirn, fn, fnn, ext, en), "_splitpath_s", MS_ERANGE);
    return 0;
}

/* Wide forms: split the UTF-8 form, convert each part back. */
static void wput(WCHAR *out, size_t cap, const char *s)
{
    if (out)
        w32_utf8_to_utf16(s, -1, out, cap ? cap : MAX_PATH);
}

static int wsplit(const WCHAR *p, WCHAR *drv, size_t dn, WCHAR *dir, size_t dirn, WCHAR *fn, size_t fnn,
                  WCHAR *ext, size_t en)
{
    char *u = w32_wide_to_utf8(p), d[8], di[PATH_MAX], f[PATH_MAX], e[PATH_MAX];
    if (!u)
        return -1;
    split(u, d, sizeof d, di, sizeof di, f, sizeof f, e, sizeof e);
    free(u);
    size_t need[4] = { w32_utf8_to_utf16(d, -1, NULL, 0), w32_utf8_to_utf16(di, -1, NULL, 0),
                       w32_utf8_to_utf16(f, -1, NULL, 0), w32_utf8_to_utf16(e, -1, NULL, 0) };
    size_t caps[4] = { dn, dirn, fnn, en };
    WCHAR *outs[4] = { drv, dir, fn, ext };
    for (int i = 0; i < 4; i++)
        if (outs[i] && caps[i] && need[i] >= caps[i]) {
            for (int j = 0; j < 4; j++)
                if (outs[j])
                    outs[j][0] = 0;
            return -1;
        }
    wput(drv, dn, d), wput(dir, dirn, di), wput(fn, fnn, f), wput(ext, en, e);
    return 0;
}

static void WINAPI w32__wsplitpath(const WCHAR *p, WCHAR *drv, WCHAR *dir, WCHAR *fn, WCHAR *ext)
{
    if (!p)
        return (void)crt_invalid("_wsplitpath", MS_EINVAL);
    wsplit(p, drv, 0, dir, 0, fn, 0, ext, 0);
}

static int WINAPI w32__wsplitpath_s(const WCHAR *p, WCHAR *drv, size_t dn, WCHAR *dir, size_t dirn,
                                    WCHAR *fn, size_t fnn, WCHAR *ext, size_t en)
{
    CRT_CHECK(p, "_wsplitpath_s", MS_EINVAL);
    CRT_CHECK(!wsplit(p, drv, dn, dir, dirn, fn, fnn, ext, en), "_wsplitpath_s", MS_ERANGE);
    return 0;
}

/* _makepath: "d:" + dir (+ '\' unless it ends in one) + name (+ '.' unless
 * EXT starts with one) + ext. */
static size_t make(char *out, size_t cap, const char *drv, const char *dir, const char *fn, const char *ext)
{
    char tmp[4 * PATH_MAX];
    size_t o = 0;
    tmp[0] = 0;
    if (drv && *drv)
        o += (size_t)snprintf(tmp + o, sizeof tmp - o, "%c:", drv[0]);
    if (dir && *dir) {
        size_t l = strlen(dir);
        o += (size_t)snprintf(tmp + o, sizeof tmp - o, "%s%s", dir,
                              dir[l - 1] == '\\' || dir[l - 1] == '/' ? "" : "\\");
    }
    if (fn && *fn)
        o += (size_t)snprintf(tmp + o, sizeof tmp - o, "%s", fn);
    if (ext && *ext)
        o += (size_t)snprintf(tmp + o, sizeof tmp - o, "%s%s", ext[0] == '.' ? "" : ".", ext);
    if (o >= sizeof tmp || (cap && o >= cap))
        return (size_t)-1;
    memcpy(out, tmp, o + 1);
    return o;
}

static void WINAPI w32__makepath(char *out, const char *drv, const char *dir, const char *fn, const char *ext)
{
    if (!out)
        return (void)crt_invalid("_makepath", MS_EINVAL);
    make(out, 0, drv, dir, fn, ext);
}

static int WINAPI w32__makepath_s(char *out, size_t n, const char *drv, const char *dir, const char *fn,
                                  const char *ext)
{
    CRT_CHECK(out && n, "_makepath_s", MS_EINVAL);
    if (make(out, n, drv, dir, fn, ext) == (size_t)-1) {
        out[0] = 0;
        return crt_invalid("_makepath_s", MS_ERANGE);
    }
    return 0;
}

static int wmake(WCHAR *out, size_t n, const WCHAR *drv, const WCHAR *dir, const WCHAR *fn, const WCHAR *ext)
{
    char *p[4] = { w32_wide_to_utf8(drv), w32_wide_to_utf8(dir), w32_wide_to_utf8(fn), w32_wide_to_utf8(ext) };
    char tmp[4 * PATH_MAX];
    int r = make(tmp, sizeof tmp, p[0], p[1], p[2], p[3]) == (size_t)-1 ? -1 : 0;
    for (int i = 0; i < 4; i++)
        free(p[i]);
    if (!r && n && w32_utf8_to_utf16(tmp, -1, NULL, 0) >= n)
        r = -1;
    if (!r)
        w32_utf8_to_utf16(tmp, -1, out, n ? n : 4 * PATH_MAX);
    else if (n)
        out[0] = 0;
    return r;
}

static void WINAPI w32__wmakepath(WCHAR *out, const WCHAR *drv, const WCHAR *dir, const WCHAR *fn, const WCHAR *ext)
{
    if (!out)
        return (void)crt_invalid("_wmakepath", MS_EINVAL);
    wmake(out, 0, drv, dir, fn, ext);
}

static int WINAPI w32__wmakepath_s(WCHAR *out, size_t n, const WCHAR *drv, const WCHAR *dir, const WCHAR *fn,
                                   const WCHAR *ext)
{
    CRT_CHECK(out && n, "_wmakepath_s", MS_EINVAL);
    CRT_CHECK(!wmake(out, n, drv, dir, fn, ext), "_wmakepath_s", MS_ERANGE);
    return 0;
}

/* _searchenv: the current directory, then each directory of VAR. */
static int search(const char *file, const char *var, char *out, size_t n)
{
    char host[PATH_MAX], cand[PATH_MAX * 2];
    out[0] = 0;
    if (crt_host_path(file, host, sizeof host) == 0 && access(host, F_OK) == 0) {
        char *full = crt_full_path(file);
        int ok = full && strlen(full) < n;
        if (ok)
            strcpy(out, full);
        free(full);
        return ok ? 0 : MS_ERANGE;
    }
    const char *list = crt_getenv(var);
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, ";");
        if (len) {
            snprintf(cand, sizeof cand, "%.*s%s%s", (int)len, p,
                     p[len - 1] == '\\' || p[len - 1] == '/' ? "" : "\\", file);
            if (crt_host_path(cand, host, sizeof host) == 0 && access(host, F_OK) == 0) {
                char *full = crt_full_path(cand);
                int ok = full && strlen(full) < n;
                if (ok)
                    strcpy(out, full);
                free(full);
                return ok ? 0 : MS_ERANGE;
            }
        }
        p += len + (p[len] == ';');
    }
    crt_errno = MS_ENOENT;
    return MS_ENOENT;
}

static void WINAPI w32__searchenv(const char *file, const char *var, char *out)
{
    if (!file || !var || !out)
        return (void)crt_invalid("_searchenv", MS_EINVAL);
    search(file, var, out, MAX_PATH);
}

static int WINAPI w32__searchenv_s(const char *file, const char *var, char *out, size_t n)
{
    CRT_CHECK(file && var && out && n, "_searchenv_s", MS_EINVAL);
    return search(file, var, out, n);
}

static void WINAPI w32__wsearchenv(const WCHAR *file, const WCHAR *var, WCHAR *out)
{
    char *f = w32_wide_to_utf8(file), *v = w32_wide_to_utf8(var), r[MAX_PATH];
    if (f && v && out && search(f, v, r, sizeof r) == 0)
        w32_utf8_to_utf16(r, -1, out, MAX_PATH);
    else if (out)
        out[0] = 0;
    free(f);
    free(v);
}

#define PATHSPLIT_EXPORTS \
    EXPORT(_splitpath, "sppppp:v"), EXPORT(_splitpath_s, "spqpqpqpq:i"), EXPORT(_wsplitpath, "wpppp:v"), \
    EXPORT(_wsplitpath_s, "wpqpqpqpq:i"), EXPORT(_makepath, "pssss:v"), EXPORT(_makepath_s, "pqssss:i"), \
    EXPORT(_wmakepath, "pwwww:v"), EXPORT(_wmakepath_s, "pqwwww:i"), EXPORT(_searchenv, "ssp:v"), \
    EXPORT(_searchenv_s, "sspq:i"), EXPORT(_wsearchenv, "wwp:v")

W32_EXPORTS(msvcrt) = { PATHSPLIT_EXPORTS };
W32_EXPORTS(ucrtbase) = { PATHSPLIT_EXPORTS };
