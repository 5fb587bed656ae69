/* fileattr.c — Windows file attributes on host files: DIRECTORY and
 * ARCHIVE from the file type, READONLY from the permission bits (no
 * write bit at all), HIDDEN and SYSTEM from the user.DOSATTRIB extended
 * attribute; GetFileAttributes(Ex)A/W and SetFileAttributesA/W; file
 * times as FILETIME values. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "fileattr.h"
#include "pathres.h"
#include "timeconv.h"

#define XATTR "user.DOSATTRIB"
#define DOS_BITS (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM)

int k32_is_readonly(const struct stat *st)
{
    return S_ISREG(st->st_mode) && !(st->st_mode & 0222);
}

static DWORD stored_dos_attrs(const char *host)
{
    char buf[32];
    ssize_t n = host ? getxattr(host, XATTR, buf, sizeof buf - 1) : -1;
    if (n <= 0)
        return 0;
    buf[n] = 0;
    return (DWORD)strtoul(buf, NULL, 0) & DOS_BITS;
}

DWORD k32_attrs(const char *host, const struct stat *st)
{
    DWORD a = S_ISDIR(st->st_mode) ? FILE_ATTRIBUTE_DIRECTORY
            : S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? FILE_ATTRIBUTE_DEVICE
            : FILE_ATTRIBUTE_ARCHIVE;
    if (k32_is_readonly(st))
        a |= FILE_ATTRIBUTE_READONLY;
    a |= stored_dos_attrs(host);
    return a;
}

void k32_set_dos_attrs(const char *host, DWORD attrs)
{
    char buf[32];
    attrs &= DOS_BITS;
    if (!attrs) {
        removexattr(host, XATTR);
        return;
    }
    snprintf(buf, sizeof buf, "0x%x", attrs);
    setxattr(host, XATTR, buf, strlen(buf), 0);
}

uint64_t k32_ts_to_ft(const struct timespec *ts)
{
    return k32_timespec_to_100ns(ts);
}

void k32_stat_times(const char *host, int fd, const struct stat *st, uint64_t *create,
                    uint64_t *access, uint64_t *write, uint64_t *change)
{
    struct statx sx;
    *access = k32_ts_to_ft(&st->st_atim);
    *write = k32_ts_to_ft(&st->st_mtim);
    if (change)
        *change = k32_ts_to_ft(&st->st_ctim);
    *create = *write < k32_ts_to_ft(&st->st_ctim) ? *write : k32_ts_to_ft(&st->st_ctim);
    int r = fd >= 0 ? statx(fd, "", AT_EMPTY_PATH, STATX_BTIME, &sx)
          : host ? statx(AT_FDCWD, host, 0, STATX_BTIME, &sx) : -1;
    if (r == 0 && (sx.stx_mask & STATX_BTIME)) {
        struct timespec b = { sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec };
        *create = k32_ts_to_ft(&b);
    }
}

DWORD k32_volume_serial(const struct stat *st)
{
    return (DWORD)(st->st_dev * 2654435761u) ^ 0x5845u;
}

/* ---- the API ---- */
static DWORD attrs_of(const char *name, struct stat *st, char *host, size_t n)
{
    DWORD e = k32_host_path(name, host, n, 0);
    if (e) {
        w32_set_last_error(e);
        return INVALID_FILE_ATTRIBUTES;
    }
    if (stat(host, st) < 0) {
        w32_set_last_error(k32_errno_path(errno, host));
        return INVALID_FILE_ATTRIBUTES;
    }
    return k32_attrs(host, st);
}

static DWORD WINAPI w32_GetFileAttributesA(LPCSTR name)
{
    struct stat st;
    char host[PATH_MAX];
    return attrs_of(name, &st, host, sizeof host);
}

static DWORD WINAPI w32_GetFileAttributesW(LPCWSTR name)
{
    char *u = w32_wide_to_utf8(name);
    DWORD r = w32_GetFileAttributesA(u);
    free(u);
    return r;
}

typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD nFileSizeHigh, nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA;

static void put_ft(FILETIME *f, uint64_t v)
{
    f->dwLowDateTime = (DWORD)v;
    f->dwHighDateTime = (DWORD)(v >> 32);
}

static BOOL WINAPI w32_GetFileAttributesExA(LPCSTR name, int level, WIN32_FILE_ATTRIBUTE_DATA *out)
{
    struct stat st;
    char host[PATH_MAX];
    if (level != 0) { /* GetFileExInfoStandard */
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    DWORD a = attrs_of(name, &st, host, sizeof host);
    if (a == INVALID_FILE_ATTRIBUTES)
        return FALSE;
    WIN32_FILE_ATTRIBUTE_DATA d;
    uint64_t c, acc, w;
    k32_stat_times(host, -1, &st, &c, &acc, &w, NULL);
    d.dwFileAttributes = a;
    put_ft(&d.ftCreationTime, c);
    put_ft(&d.ftLastAccessTime, acc);
    put_ft(&d.ftLastWriteTime, w);
    uint64_t size = S_ISDIR(st.st_mode) ? 0 : (uint64_t)st.st_size;
    d.nFileSizeHigh = (DWORD)(size >> 32);
    d.nFileSizeLow = (DWORD)size;
    if (!k32_copy_out(out, &d, sizeof d)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static BOOL WINAPI w32_GetFileAttributesExW(LPCWSTR name, int level, WIN32_FILE_ATTRIBUTE_DATA *out)
{
    char *u = w32_wide_to_utf8(name);
    BOOL r = w32_GetFileAttributesExA(u, level, out);
    free(u);
    return r;
}

static BOOL WINAPI w32_SetFileAttributesA(LPCSTR name, DWORD attrs)
{
    struct stat st;
    char host[PATH_MAX];
    if (attrs_of(name, &st, host, sizeof host) == INVALID_FILE_ATTRIBUTES)
        return FALSE;
    if (S_ISREG(st.st_mode)) {
        mode_t m = st.st_mode & 07777, um = umask(0);
        umask(um);
        if (attrs & FILE_ATTRIBUTE_READONLY)
            m &= ~(mode_t)0222;
        else if (!(m & 0222))
            m |= 0222 & ~um ? 0222 & ~um : 0200;
        if (m != (st.st_mode & 07777) && chmod(host, m) < 0) {
            w32_set_last_error(w32_error_from_errno(errno));
            return FALSE;
        }
    }
    k32_set_dos_attrs(host, attrs);
    return TRUE;
}

static BOOL WINAPI w32_SetFileAttributesW(LPCWSTR name, DWORD attrs)
{
    char *u = w32_wide_to_utf8(name);
    BOOL r = w32_SetFileAttributesA(u, attrs);
    free(u);
    return r;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetFileAttributesA, "s:u"),
    EXPORT(GetFileAttributesW, "w:u"),
    EXPORT(GetFileAttributesExA, "sip:i"),
    EXPORT(GetFileAttributesExW, "wip:i"),
    EXPORT(SetFileAttributesA, "su:i"),
    EXPORT(SetFileAttributesW, "wu:i"),
};
