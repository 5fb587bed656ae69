/* fsinfo.c — information about files: the _stat/_fstat family in every
 * Windows layout (_stat32, _stat32i64, _stat64i32 — which x64 msvcrt.dll
 * calls _stat — and _stat64, also _stati64), with Windows st_mode values
 * (_S_IFDIR 0x4000, _S_IFCHR 0x2000, _S_IFIFO 0x1000, _S_IFREG 0x8000;
 * permissions from the read-only attribute, repeated for group and
 * others; execute only for .exe .com .bat .cmd), st_dev/st_rdev the
 * drive number, st_nlink 1, st_ctime the creation time where the host
 * knows it; and _access, _chmod, _utime. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "crt.h"

#define MS_S_IFDIR 0x4000
#define MS_S_IFCHR 0x2000
#define MS_S_IFIFO 0x1000
#define MS_S_IFREG 0x8000
#define MS_S_IREAD 0x0100
#define MS_S_IWRITE 0x0080
#define MS_S_IEXEC 0x0040

/* What every layout is filled from. */
struct winstat {
    uint32_t dev;
    uint16_t mode;
    int64_t size, atime, mtime, ctime;
};

struct stat64_ms { uint32_t dev; uint16_t ino, mode; int16_t nlink, uid, gid; uint32_t rdev;
                   int64_t size, atime, mtime, ctime; };
struct stat64i32_ms { uint32_t dev; uint16_t ino, mode; int16_t nlink, uid, gid; uint32_t rdev;
                      int32_t size; int64_t atime, mtime, ctime; };
struct stat32i64_ms { uint32_t dev; uint16_t ino, mode; int16_t nlink, uid, gid; uint32_t rdev;
                      int64_t size; int32_t atime, mtime, ctime; };
struct stat32_ms { uint32_t dev; uint16_t ino, mode; int16_t nlink, uid, gid; uint32_t rdev;
                   int32_t size, atime, mtime, ctime; };
_Static_assert(sizeof(struct stat64_ms) == 56, "_stat64");
_Static_assert(sizeof(struct stat64i32_ms) == 48, "_stat64i32");
_Static_assert(sizeof(struct stat32i64_ms) == 48, "_stat32i64");
_Static_assert(sizeof(struct stat32_ms) == 36, "_stat32");

static int executable_name(const char *p)
{
    const char *dot = p ? strrchr(p, '.') : NULL;
    static const char *const ext[] = { ".exe", ".com", ".bat", ".cmd" };
    for (size_t i = 0; dot && i < 4; i++)
        if (!strcasecmp(dot, ext[i]))
            return 1;
    return 0;
}

/* The drive a host path lies on: C: (2) under the C: root, else Z: (25). */
static uint32_t drive_of(const char *host)
{
    char abs[PATH_MAX], win[PATH_MAX + 8];
    if (!host || !realpath(host, abs))
        return 25;
    w32_host_to_win(abs, win, sizeof win);
    return (uint32_t)((win[0] | 0x20) - 'a');
}

static int64_t birth_time(int fd, const char *host, const struct stat *st)
{
    struct statx sx;
    int r = host ? statx(AT_FDCWD, host, 0, STATX_BTIME, &sx) : statx(fd, "", AT_EMPTY_PATH, STATX_BTIME, &sx);
    return r == 0 && (sx.stx_mask & STATX_BTIME) ? sx.stx_btime.tv_sec : st->st_mtime;
}

static void fill(struct winstat *w, const struct stat *st, const char *host, int fd)
{
    uint16_t perm = MS_S_IREAD | (st->st_mode & S_IWUSR ? MS_S_IWRITE : 0);
    memset(w, 0, sizeof *w);
    if (S_ISDIR(st->st_mode))
        w->mode = MS_S_IFDIR | MS_S_IEXEC | perm;
    else if (S_ISCHR(st->st_mode))
        w->mode = MS_S_IFCHR | (host ? perm : MS_S_IWRITE);
    else if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode))
        w->mode = MS_S_IFIFO | (host ? perm : 0);
    else
        w->mode = MS_S_IFREG | perm | (executable_name(host) ? MS_S_IEXEC : 0);
    w->mode |= (uint16_t)((w->mode & 0700) >> 3 | (w->mode & 0700) >> 6);
    w->dev = host ? drive_of(host) : (S_ISREG(st->st_mode) || S_ISDIR(st->st_mode) ? 0 : (uint32_t)fd);
    w->size = S_ISREG(st->st_mode) ? st->st_size : 0;
    w->atime = st->st_atime, w->mtime = st->st_mtime;
    w->ctime = birth_time(fd, host, st);
}

static int stat_path(const char *path, struct winstat *w)
{
    char host[PATH_MAX];
    struct stat st;
    if (!path)
        return crt_invalid("_stat", MS_EINVAL), -1;
    if (strpbrk(path, "*?") || crt_host_path(path, host, sizeof host) < 0)
        return crt_fail(MS_ENOENT);
    if (stat(host, &st) < 0)
        return crt_fail_errno();
    fill(w, &st, host, -1);
    return 0;
}

static int stat_wpath(const WCHAR *path, struct winstat *w)
{
    char *u = path ? w32_wide_to_utf8(path) : NULL;
    int r = stat_path(u, w);
    free(u);
    return r;
}

static int stat_fd(int fd, struct winstat *w)
{
    struct stat st;
    if (!crt_fd_valid(fd))
        return crt_invalid("_fstat", MS_EBADF), -1;
    if (fstat(fd, &st) < 0)
        return crt_fail_errno();
    fill(w, &st, NULL, fd);
    return 0;
}

/* Copy into each layout; a value that does not fit is EOVERFLOW (as
 * the 32-bit forms report it). */
#define COPY(out, w) \
    (out)->dev = (out)->rdev = (w)->dev, (out)->ino = 0, (out)->mode = (w)->mode, (out)->nlink = 1, \
    (out)->uid = (out)->gid = 0, (out)->size = (w)->size, (out)->atime = (w)->atime, \
    (out)->mtime = (w)->mtime, (out)->ctime = (w)->ctime

static int out64(int r, const struct winstat *w, struct stat64_ms *o)
{
    if (!r && o) { memset(o, 0, sizeof *o); COPY(o, w); }
    return r;
}

static int out64i32(int r, const struct winstat *w, struct stat64i32_ms *o)
{
    if (!r && w->size > INT32_MAX)
        return crt_fail(MS_EFBIG);
    if (!r && o) { memset(o, 0, sizeof *o); COPY(o, w); }
    return r;
}

static int out32i64(int r, const struct winstat *w, struct stat32i64_ms *o)
{
    if (!r && o) { memset(o, 0, sizeof *o); COPY(o, w); }
    return r;
}

static int out32(int r, const struct winstat *w, struct stat32_ms *o)
{
    if (!r && w->size > INT32_MAX)
        return crt_fail(MS_EFBIG);
    if (!r && o) { memset(o, 0, sizeof *o); COPY(o, w); }
    return r;
}

#define STATFNS(sfx, T, out)                                                                     \
    static int WINAPI w32__stat##sfx(const char *p, T *o) { struct winstat w; return out(stat_path(p, &w), &w, o); } \
    static int WINAPI w32__wstat##sfx(const WCHAR *p, T *o) { struct winstat w; return out(stat_wpath(p, &w), &w, o); } \
    static int WINAPI w32__fstat##sfx(int fd, T *o) { struct winstat w; return out(stat_fd(fd, &w), &w, o); }
STATFNS(64, struct stat64_ms, out64)
STATFNS(64i32, struct stat64i32_ms, out64i32)
STATFNS(32i64, struct stat32i64_ms, out32i64)
STATFNS(32, struct stat32_ms, out32)

/* _access: 0 existence, 2 write, 4 read, 6 both; anything else EINVAL. */
static int access_host(const char *path, int mode, const char *fn)
{
    char host[PATH_MAX];
    if (!path || (mode & ~6))
        return crt_invalid(fn, MS_EINVAL), -1;
    if (crt_host_path(path, host, sizeof host) < 0)
        return -1;
    int m = (mode & 2 ? W_OK : 0) | (mode & 4 ? R_OK : 0);
    return access(host, m ? m : F_OK) < 0 ? crt_fail_errno() : 0;
}

static int WINAPI w32__access(const char *p, int m) { return access_host(p, m, "_access"); }

static int WINAPI w32__access_s(const char *p, int m)
{
    return access_host(p, m, "_access_s") ? crt_errno : 0;
}

static int WINAPI w32__waccess(const WCHAR *p, int m)
{
    char *u = p ? w32_wide_to_utf8(p) : NULL;
    int r = access_host(u, m, "_waccess");
    free(u);
    return r;
}

static int WINAPI w32__waccess_s(const WCHAR *p, int m) { return w32__waccess(p, m) ? crt_errno : 0; }

/* _chmod: _S_IWRITE makes the file writable, else read-only. */
static int chmod_host(const char *path, int pmode)
{
    char host[PATH_MAX];
    struct stat st;
    if (!path)
        return crt_invalid("_chmod", MS_EINVAL), -1;
    if (crt_host_path(path, host, sizeof host) < 0)
        return -1;
    if (stat(host, &st) < 0)
        return crt_fail_errno();
    mode_t m = pmode & MS_S_IWRITE ? st.st_mode | S_IWUSR : st.st_mode & ~(mode_t)0222;
    return chmod(host, m & 07777) < 0 ? crt_fail_errno() : 0;
}

static int WINAPI w32__chmod(const char *p, int m) { return chmod_host(p, m); }

static int WINAPI w32__wchmod(const WCHAR *p, int m)
{
    char *u = p ? w32_wide_to_utf8(p) : NULL;
    int r = chmod_host(u, m);
    free(u);
    return r;
}

/* _utime: access and modification times, NULL for now. */
struct utimbuf64 { int64_t actime, modtime; };
struct utimbuf32 { int32_t actime, modtime; };

static int set_times(const char *path, int fd, int64_t at, int64_t mt, int now)
{
    struct timeval tv[2] = { { at, 0 }, { mt, 0 } };
    char host[PATH_MAX];
    if (fd >= 0)
        return futimes(fd, now ? NULL : tv) < 0 ? crt_fail_errno() : 0;
    if (!path)
        return crt_invalid("_utime", MS_EINVAL), -1;
    if (crt_host_path(path, host, sizeof host) < 0)
        return -1;
    return utimes(host, now ? NULL : tv) < 0 ? crt_fail_errno() : 0;
}

static int WINAPI w32__utime64(const char *p, const struct utimbuf64 *t) { return set_times(p, -1, t ? t->actime : 0, t ? t->modtime : 0, !t); }
static int WINAPI w32__utime32(const char *p, const struct utimbuf32 *t) { return set_times(p, -1, t ? t->actime : 0, t ? t->modtime : 0, !t); }
static int WINAPI w32__futime64(int fd, const struct utimbuf64 *t) { return set_times(NULL, fd, t ? t->actime : 0, t ? t->modtime : 0, !t); }
static int WINAPI w32__futime32(int fd, const struct utimbuf32 *t) { return set_times(NULL, fd, t ? t->actime : 0, t ? t->modtime : 0, !t); }

static int WINAPI w32__wutime32(const WCHAR *p, const struct utimbuf32 *t)
{
    char *u = p ? w32_wide_to_utf8(p) : NULL;
    int r = w32__utime32(u, t);
    free(u);
    return r;
}

static int WINAPI w32__wutime64(const WCHAR *p, const struct utimbuf64 *t)
{
    char *u = p ? w32_wide_to_utf8(p) : NULL;
    int r = w32__utime64(u, t);
    free(u);
    return r;
}

#define STAT_EXPORT(sfx) \
    EXPORT(_stat##sfx, "sp:i"), EXPORT(_wstat##sfx, "wp:i"), EXPORT(_fstat##sfx, "ip:i")
#define FSINFO_EXPORTS \
    STAT_EXPORT(64), STAT_EXPORT(64i32), STAT_EXPORT(32i64), STAT_EXPORT(32), \
    EXPORT(_access, "si:i"), EXPORT(_access_s, "si:i"), EXPORT(_waccess, "wi:i"), \
    EXPORT(_waccess_s, "wi:i"), EXPORT(_chmod, "si:i"), EXPORT(_wchmod, "wi:i"), \
    EXPORT(_utime64, "sp:i"), EXPORT(_utime32, "sp:i"), EXPORT(_futime64, "ip:i"), \
    EXPORT(_futime32, "ip:i"), EXPORT(_wutime64, "wp:i"), EXPORT(_wutime32, "wp:i")

/* x64 msvcrt.dll: _stat is _stat64i32, _stati64 is _stat64. */
W32_EXPORTS(msvcrt) = {
    FSINFO_EXPORTS, EXPORT_AS("_stat", w32__stat64i32, "sp:i"), EXPORT_AS("_wstat", w32__wstat64i32, "wp:i"),
    EXPORT_AS("_fstat", w32__fstat64i32, "ip:i"), EXPORT_AS("_stati64", w32__stat64, "sp:i"),
    EXPORT_AS("_wstati64", w32__wstat64, "wp:i"), EXPORT_AS("_fstati64", w32__fstat64, "ip:i"),
    EXPORT_AS("_utime", w32__utime64, "sp:i"), EXPORT_AS("_futime", w32__futime64, "ip:i"),
    EXPORT_AS("_wutime", w32__wutime64, "wp:i"), EXPORT_AS("access", w32__access, "si:i"),
    EXPORT_AS("chmod", w32__chmod, "si:i"),
};
W32_EXPORTS(ucrtbase) = {
    FSINFO_EXPORTS, EXPORT_AS("_utime", w32__utime64, "sp:i"), EXPORT_AS("_futime", w32__futime64, "ip:i"),
    EXPORT_AS("_wutime", w32__wutime64, "wp:i"),
};
