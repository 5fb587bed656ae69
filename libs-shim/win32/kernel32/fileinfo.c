/* fileinfo.c — what a file handle says about its file and the calls
 * that move or resize it: SetFilePointer(Ex), GetFileSize(Ex),
 * SetEndOfFile, SetFileValidData, FlushFileBuffers,
 * GetFileInformationByHandle(Ex), SetFileInformationByHandle (basic
 * info, end of file, disposition, rename), GetFileTime/SetFileTime, and
 * LockFile(Ex)/UnlockFile(Ex). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"
#include "dirinfo.h"
#include "fileattr.h"
#include "fileio.h"
#include "fileobj.h"
#include "pathres.h"

#define FILE_BEGIN 0
#define FILE_END 2
#define INVALID_SET_FILE_POINTER 0xffffffffu
#define INVALID_FILE_SIZE 0xffffffffu
#define LOCKFILE_FAIL_IMMEDIATELY 1
#define LOCKFILE_EXCLUSIVE_LOCK 2

DWORD k32_lock_range(struct w32_file *f, uint64_t off, uint64_t len, int excl, int wait);
DWORD k32_unlock_range(struct w32_file *f, uint64_t off, uint64_t len);

static void put_ft(FILETIME *f, uint64_t v)
{
    f->dwLowDateTime = (DWORD)v;
    f->dwHighDateTime = (DWORD)(v >> 32);
}

static uint64_t get_ft(const FILETIME *f)
{
    return (uint64_t)f->dwHighDateTime << 32 | f->dwLowDateTime;
}

/* ---- the file pointer ---- */
static DWORD seek(HANDLE h, int64_t dist, DWORD method, int64_t *pos)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return ERROR_INVALID_HANDLE;
    DWORD e = 0;
    if (method > FILE_END) {
        e = ERROR_INVALID_PARAMETER;
    } else {
        int64_t base = method == FILE_BEGIN ? 0 : lseek(f->fd, 0, method == FILE_END ? SEEK_END : SEEK_CUR);
        if (base < 0)
            e = errno == ESPIPE ? ERROR_INVALID_FUNCTION : w32_error_from_errno(errno);
        else if (base + dist < 0)
            e = ERROR_NEGATIVE_SEEK;
        else if ((*pos = lseek(f->fd, base + dist, SEEK_SET)) < 0)
            e = w32_error_from_errno(errno);
    }
    w32_obj_put(&f->o);
    return e;
}

static DWORD WINAPI w32_SetFilePointer(HANDLE h, LONG lo, LONG *hi, DWORD method)
{
    int64_t dist = lo, pos = 0;
    LONG high;
    if (hi) {
        if (!k32_copy_in(&high, hi, sizeof high)) {
            w32_set_last_error(ERROR_NOACCESS);
            return INVALID_SET_FILE_POINTER;
        }
        dist = (int64_t)((uint64_t)(uint32_t)high << 32 | (uint32_t)lo);
    }
    DWORD e = seek(h, dist, method, &pos);
    if (e) {
        w32_set_last_error(e);
        return INVALID_SET_FILE_POINTER;
    }
    if (hi) {
        high = (LONG)(pos >> 32);
        k32_copy_out(hi, &high, sizeof high);
    } else if (pos > 0xffffffffLL) {
        w32_set_last_error(ERROR_INVALID_PARAMETER); /* does not fit without the high part */
        return INVALID_SET_FILE_POINTER;
    }
    w32_set_last_error(ERROR_SUCCESS);
    return (DWORD)pos;
}

static BOOL WINAPI w32_SetFilePointerEx(HANDLE h, LARGE_INTEGER dist, LARGE_INTEGER *out, DWORD method)
{
    int64_t pos = 0;
    DWORD e = seek(h, dist.QuadPart, method, &pos);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    if (out && !k32_copy_out(out, &pos, sizeof pos)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

/* ---- size ---- */
static DWORD file_stat(HANDLE h, struct stat *st, struct w32_file **keep)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return ERROR_INVALID_HANDLE;
    DWORD e = fstat(f->fd, st) < 0 ? w32_error_from_errno(errno) : 0;
    if (keep && !e)
        *keep = f;
    else
        w32_obj_put(&f->o);
    return e;
}

static BOOL WINAPI w32_GetFileSizeEx(HANDLE h, LARGE_INTEGER *size)
{
    struct stat st;
    DWORD e = file_stat(h, &st, NULL);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    int64_t v = S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) ? st.st_size : 0;
    if (!k32_copy_out(size, &v, sizeof v)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

static DWORD WINAPI w32_GetFileSize(HANDLE h, DWORD *hi)
{
    LARGE_INTEGER s;
    if (!w32_GetFileSizeEx(h, &s))
        return INVALID_FILE_SIZE;
    if (hi)
        *hi = (DWORD)s.u.HighPart;
    w32_set_last_error(ERROR_SUCCESS);
    return s.u.LowPart;
}

static BOOL with_file(HANDLE h, DWORD need, DWORD (*fn)(struct w32_file *f, void *arg), void *arg)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    DWORD e = need && !(f->rights & need) ? ERROR_ACCESS_DENIED : fn(f, arg);
    w32_obj_put(&f->o);
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

static DWORD truncate_here(struct w32_file *f, void *arg)
{
    (void)arg;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0 || ftruncate(f->fd, pos) < 0)
        return w32_error_from_errno(errno);
    return 0;
}

static BOOL WINAPI w32_SetEndOfFile(HANDLE h)
{
    return with_file(h, FILE_WRITE_DATA, truncate_here, NULL);
}

static DWORD nothing(struct w32_file *f, void *arg)
{
    (void)f, (void)arg;
    return 0;
}

static BOOL WINAPI w32_SetFileValidData(HANDLE h, LONGLONG len)
{
    (void)len;
    return with_file(h, FILE_WRITE_DATA, nothing, NULL);
}

static DWORD flush(struct w32_file *f, void *arg)
{
    (void)arg;
    if (fsync(f->fd) < 0 && errno != EINVAL && errno != EROFS)
        return w32_error_from_errno(errno);
    return 0;
}

static BOOL WINAPI w32_FlushFileBuffers(HANDLE h)
{
    return with_file(h, 0, flush, NULL);
}

/* ---- information ---- */
typedef struct {
    DWORD dwFileAttributes;
    FILETIME ftCreationTime, ftLastAccessTime, ftLastWriteTime;
    DWORD dwVolumeSerialNumber, nFileSizeHigh, nFileSizeLow, nNumberOfLinks, nFileIndexHigh, nFileIndexLow;
} BY_HANDLE_FILE_INFORMATION;

static DWORD handle_attrs(struct w32_file *f, const struct stat *st)
{
    DWORD a = k32_attrs(f->host_path, st);
    if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode) || S_ISCHR(st->st_mode))
        a = S_ISCHR(st->st_mode) ? FILE_ATTRIBUTE_DEVICE : FILE_ATTRIBUTE_NORMAL;
    return a;
}

static BOOL WINAPI w32_GetFileInformationByHandle(HANDLE h, BY_HANDLE_FILE_INFORMATION *out)
{
    struct stat st;
    struct w32_file *f = NULL;
    DWORD e = file_stat(h, &st, &f);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    BY_HANDLE_FILE_INFORMATION i;
    uint64_t c, a, w, size = S_ISDIR(st.st_mode) ? 0 : (uint64_t)st.st_size;
    k32_stat_times(NULL, f->fd, &st, &c, &a, &w, NULL);
    i.dwFileAttributes = handle_attrs(f, &st);
    put_ft(&i.ftCreationTime, c);
    put_ft(&i.ftLastAccessTime, a);
    put_ft(&i.ftLastWriteTime, w);
    i.dwVolumeSerialNumber = k32_volume_serial(&st);
    i.nFileSizeHigh = (DWORD)(size >> 32), i.nFileSizeLow = (DWORD)size;
    i.nNumberOfLinks = (DWORD)st.st_nlink;
    i.nFileIndexHigh = (DWORD)((uint64_t)st.st_ino >> 32), i.nFileIndexLow = (DWORD)st.st_ino;
    w32_obj_put(&f->o);
    if (!k32_copy_out(out, &i, sizeof i)) {
        w32_set_last_error(ERROR_NOACCESS);
        return FALSE;
    }
    return TRUE;
}

/* GetFileInformationByHandleEx classes. */
enum { FileBasicInfo = 0, FileStandardInfo = 1, FileNameInfo = 2, FileRenameInfo = 3,
       FileDispositionInfo = 4, FileAllocationInfo = 5, FileEndOfFileInfo = 6,
       FileAttributeTagInfo = 9, FileIdInfo = 18, FileDispositionInfoEx = 21 };

typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    DWORD FileAttributes;
} FILE_BASIC_INFO;

typedef struct {
    LARGE_INTEGER AllocationSize, EndOfFile;
    DWORD NumberOfLinks;
    BOOLEAN DeletePending, Directory;
} FILE_STANDARD_INFO;

static DWORD info_basic(struct w32_file *f, const struct stat *st, void *buf, DWORD n)
{
    FILE_BASIC_INFO b;
    uint64_t c, a, w, ch;
    if (n < sizeof b)
        return ERROR_BAD_LENGTH;
    memset(&b, 0, sizeof b);
    k32_stat_times(NULL, f->fd, st, &c, &a, &w, &ch);
    b.CreationTime.QuadPart = (LONGLONG)c, b.LastAccessTime.QuadPart = (LONGLONG)a;
    b.LastWriteTime.QuadPart = (LONGLONG)w, b.ChangeTime.QuadPart = (LONGLONG)ch;
    b.FileAttributes = handle_attrs(f, st);
    return k32_copy_out(buf, &b, sizeof b) ? 0 : ERROR_NOACCESS;
}

static DWORD info_standard(struct w32_file *f, const struct stat *st, void *buf, DWORD n)
{
    FILE_STANDARD_INFO s;
    if (n < sizeof s)
        return ERROR_BAD_LENGTH;
    memset(&s, 0, sizeof s);
    s.AllocationSize.QuadPart = (LONGLONG)st->st_blocks * 512;
    s.EndOfFile.QuadPart = S_ISDIR(st->st_mode) ? 0 : st->st_size;
    s.NumberOfLinks = (DWORD)st->st_nlink;
    s.DeletePending = (BOOLEAN)f->delete_on_close;
    s.Directory = S_ISDIR(st->st_mode);
    return k32_copy_out(buf, &s, sizeof s) ? 0 : ERROR_NOACCESS;
}

/* FILE_NAME_INFO: the path without the drive, "\dir\file". */
static DWORD info_name(struct w32_file *f, void *buf, DWORD n)
{
    char win[PATH_MAX + 8];
    if (!f->host_path || n < 4)
        return f->host_path ? ERROR_BAD_LENGTH : ERROR_INVALID_PARAMETER;
    char *real = realpath(f->host_path, NULL);
    w32_host_to_win(real ? real : f->host_path, win, sizeof win);
    free(real);
    WCHAR *w = w32_utf8_to_wide(win + 2);
    DWORD len = w ? (DWORD)w32_wcslen(w) * 2 : 0, e = 0;
    DWORD copy = len < n - 4 ? len : (n - 4) & ~1u;
    if (!k32_copy_out(buf, &len, 4) || !k32_copy_out((char *)buf + 4, w, copy))
        e = ERROR_NOACCESS;
    else if (copy < len)
        e = ERROR_MORE_DATA;
    free(w);
    return e;
}

static DWORD info_small(struct w32_file *f, const struct stat *st, int cls, void *buf, DWORD n)
{
    if (cls == FileAttributeTagInfo) {
        DWORD v[2] = { handle_attrs(f, st), 0 };
        return n < sizeof v ? ERROR_BAD_LENGTH : k32_copy_out(buf, v, sizeof v) ? 0 : ERROR_NOACCESS;
    }
    /* FileIdInfo: volume serial (8 bytes) and a 16-byte file id */
    uint64_t v[3] = { k32_volume_serial(st), (uint64_t)st->st_ino, 0 };
    return n < sizeof v ? ERROR_BAD_LENGTH : k32_copy_out(buf, v, sizeof v) ? 0 : ERROR_NOACCESS;
}

DWORD k32_file_info(HANDLE h, int cls, PVOID buf, DWORD n)
{
    struct stat st;
    struct w32_file *f = NULL;
    DWORD e = file_stat(h, &st, &f);
    if (!e) {
        switch (cls) {
        case FileBasicInfo: e = info_basic(f, &st, buf, n); break;
        case FileStandardInfo: e = info_standard(f, &st, buf, n); break;
        case FileNameInfo: e = info_name(f, buf, n); break;
        case FileAttributeTagInfo:
        case FileIdInfo: e = info_small(f, &st, cls, buf, n); break;
        default: e = k32_dir_info(f, cls, buf, n); break;
        }
        w32_obj_put(&f->o);
    }
    return e;
}

static BOOL WINAPI w32_GetFileInformationByHandleEx(HANDLE h, int cls, PVOID buf, DWORD n)
{
    DWORD e = k32_file_info(h, cls, buf, n);
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

/* ---- times ---- */
static int to_timespec(const FILETIME *ft, struct timespec *ts)
{
    uint64_t v;
    if (!ft || (v = get_ft(ft)) == 0 || v == ~0ull) { /* 0 and -1: leave unchanged */
        ts->tv_sec = 0, ts->tv_nsec = UTIME_OMIT;
        return 0;
    }
    v -= 116444736000000000ull;
    ts->tv_sec = (time_t)(v / 10000000u), ts->tv_nsec = (long)(v % 10000000u) * 100;
    return 1;
}

static BOOL WINAPI w32_SetFileTime(HANDLE h, const FILETIME *c, const FILETIME *a, const FILETIME *w)
{
    (void)c; /* the creation time cannot be set on the host */
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    struct timespec ts[2];
    to_timespec(a, &ts[0]);
    to_timespec(w, &ts[1]);
    DWORD e = !(f->rights & FILE_WRITE_ATTRIBUTES) ? ERROR_ACCESS_DENIED
            : futimens(f->fd, ts) < 0 ? w32_error_from_errno(errno) : 0;
    w32_obj_put(&f->o);
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

static BOOL WINAPI w32_GetFileTime(HANDLE h, FILETIME *c, FILETIME *a, FILETIME *w)
{
    struct stat st;
    struct w32_file *f = NULL;
    DWORD e = file_stat(h, &st, &f);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    uint64_t cv, av, wv;
    k32_stat_times(NULL, f->fd, &st, &cv, &av, &wv, NULL);
    w32_obj_put(&f->o);
    if (c) put_ft(c, cv);
    if (a) put_ft(a, av);
    if (w) put_ft(w, wv);
    return TRUE;
}

/* ---- SetFileInformationByHandle ---- */
static DWORD set_basic(struct w32_file *f, const FILE_BASIC_INFO *b)
{
    FILETIME a = { (DWORD)b->LastAccessTime.QuadPart, (DWORD)(b->LastAccessTime.QuadPart >> 32) };
    FILETIME w = { (DWORD)b->LastWriteTime.QuadPart, (DWORD)(b->LastWriteTime.QuadPart >> 32) };
    struct timespec ts[2];
    to_timespec(&a, &ts[0]);
    to_timespec(&w, &ts[1]);
    if (futimens(f->fd, ts) < 0)
        return w32_error_from_errno(errno);
    if (b->FileAttributes && f->host_path) {
        struct stat st;
        if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
            mode_t m = st.st_mode & 07777;
            m = (b->FileAttributes & FILE_ATTRIBUTE_READONLY) ? m & ~(mode_t)0222 : m | 0200;
            fchmod(f->fd, m);
        }
        k32_set_dos_attrs(f->host_path, b->FileAttributes);
    }
    return 0;
}

typedef struct {
    DWORD Flags; /* ReplaceIfExists (BOOLEAN) in the old layout */
    HANDLE RootDirectory;
    DWORD FileNameLength;
    WCHAR FileName[1];
} FILE_RENAME_INFO;

static DWORD set_rename(struct w32_file *f, const FILE_RENAME_INFO *r, DWORD n)
{
    char host[PATH_MAX];
    if (n < sizeof *r || !f->host_path)
        return ERROR_INVALID_PARAMETER;
    size_t units = r->FileNameLength / 2;
    WCHAR *name = calloc(units + 1, sizeof *name);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(name, r->FileName, units * 2);
    DWORD e = k32_host_wpath(name, host, sizeof host, 0);
    free(name);
    if (e)
        return e;
    if (!(r->Flags & 0xff) && access(host, F_OK) == 0)
        return ERROR_ALREADY_EXISTS;
    if (rename(f->host_path, host) < 0)
        return k32_errno_path(errno, host);
    free(f->host_path);
    f->host_path = strdup(host);
    return 0;
}

DWORD k32_file_set_info(HANDLE h, int cls, PVOID buf, DWORD n)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return ERROR_INVALID_HANDLE;
    DWORD e = 0;
    if (!k32_readable(buf, n ? n : 1))
        e = ERROR_NOACCESS;
    else if (cls == FileBasicInfo)
        e = n < sizeof(FILE_BASIC_INFO) ? ERROR_BAD_LENGTH : set_basic(f, buf);
    else if (cls == FileDispositionInfo || cls == FileDispositionInfoEx)
        f->delete_on_close = *(BYTE *)buf & 1;
    else if (cls == FileEndOfFileInfo || cls == FileAllocationInfo)
        e = cls == FileAllocationInfo ? 0
          : ftruncate(f->fd, (off_t)((LARGE_INTEGER *)buf)->QuadPart) < 0 ? w32_error_from_errno(errno) : 0;
    else if (cls == FileRenameInfo)
        e = set_rename(f, buf, n);
    else
        e = ERROR_INVALID_PARAMETER;
    w32_obj_put(&f->o);
    return e;
}

static BOOL WINAPI w32_SetFileInformationByHandle(HANDLE h, int cls, PVOID buf, DWORD n)
{
    DWORD e = k32_file_set_info(h, cls, buf, n);
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

/* ---- byte-range locks ---- */
static BOOL lock_api(HANDLE h, uint64_t off, uint64_t len, int excl, int wait, int unlock)
{
    struct w32_file *f = w32_file_get(h);
    if (!f)
        return FALSE;
    DWORD e = unlock ? k32_unlock_range(f, off, len) : k32_lock_range(f, off, len, excl, wait);
    w32_obj_put(&f->o);
    if (e)
        w32_set_last_error(e);
    return e == 0;
}

static BOOL WINAPI w32_LockFile(HANDLE h, DWORD lo, DWORD hi, DWORD nlo, DWORD nhi)
{
    return lock_api(h, (uint64_t)hi << 32 | lo, (uint64_t)nhi << 32 | nlo, 1, 0, 0);
}

static BOOL WINAPI w32_UnlockFile(HANDLE h, DWORD lo, DWORD hi, DWORD nlo, DWORD nhi)
{
    return lock_api(h, (uint64_t)hi << 32 | lo, (uint64_t)nhi << 32 | nlo, 0, 0, 1);
}

static BOOL WINAPI w32_LockFileEx(HANDLE h, DWORD flags, DWORD res, DWORD nlo, DWORD nhi, OVERLAPPED *o)
{
    if (res || !o) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return lock_api(h, (uint64_t)o->OffsetHigh << 32 | o->Offset, (uint64_t)nhi << 32 | nlo,
                    !!(flags & LOCKFILE_EXCLUSIVE_LOCK), !(flags & LOCKFILE_FAIL_IMMEDIATELY), 0);
}

static BOOL WINAPI w32_UnlockFileEx(HANDLE h, DWORD res, DWORD nlo, DWORD nhi, OVERLAPPED *o)
{
    if (res || !o) {
        w32_set_last_error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return lock_api(h, (uint64_t)o->OffsetHigh << 32 | o->Offset, (uint64_t)nhi << 32 | nlo, 0, 0, 1);
}

W32_EXPORTS(kernel32) = {
    EXPORT(SetFilePointer, "hipu:u"),
    EXPORT(SetFilePointerEx, "hqpu:i"),
    EXPORT(GetFileSize, "hp:u"),
    EXPORT(GetFileSizeEx, "hp:i"),
    EXPORT(SetEndOfFile, "h:i"),
    EXPORT(SetFileValidData, "hq:i"),
    EXPORT(FlushFileBuffers, "h:i"),
    EXPORT(GetFileInformationByHandle, "hp:i"),
    EXPORT(GetFileInformationByHandleEx, "hipu:i"),
    EXPORT(SetFileInformationByHandle, "hipu:i"),
    EXPORT(GetFileTime, "hppp:i"),
    EXPORT(SetFileTime, "hppp:i"),
    EXPORT(LockFile, "huuuu:i"),
    EXPORT(UnlockFile, "huuuu:i"),
    EXPORT(LockFileEx, "huuuup:i"),
    EXPORT(UnlockFileEx, "huuup:i"),
};
