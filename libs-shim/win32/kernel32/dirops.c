/* dirops.c — changing the file system by name: CreateDirectory(Ex),
 * RemoveDirectory, DeleteFile, MoveFile(Ex)/MoveFileWithProgress,
 * CopyFile(Ex)/CopyFile2-less basics, ReplaceFile, CreateHardLink and
 * CreateSymbolicLink, with the errors Windows gives (read-only files
 * cannot be deleted or replaced, open files not shared for delete cannot
 * be deleted or moved, a directory in use as the current directory
 * cannot be removed). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"
#include "fileattr.h"
#include "fileobj.h"
#include "pathres.h"

#define MOVEFILE_REPLACE_EXISTING 1
#define MOVEFILE_COPY_ALLOWED 2
#define MOVEFILE_DELAY_UNTIL_REBOOT 4
#define COPY_FILE_FAIL_IF_EXISTS 1
#define SYMBOLIC_LINK_FLAG_DIRECTORY 1
#define ERROR_UNABLE_TO_REMOVE_REPLACED 1175
#define ERROR_UNABLE_TO_MOVE_REPLACEMENT 1176

typedef DWORD (WINAPI *progress_fn)(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER stotal,
                                    LARGE_INTEGER sdone, DWORD stream, DWORD reason, HANDLE src,
                                    HANDLE dst, PVOID data);

static BOOL fail(DWORD e)
{
    w32_set_last_error(e);
    return FALSE;
}

/* Both names as host paths; 0 or an error. */
static DWORD two_paths(const char *a, const char *b, char *ha, char *hb)
{
    DWORD e = k32_host_path(a, ha, PATH_MAX, 0);
    return e ? e : b ? k32_host_path(b, hb, PATH_MAX, 0) : 0;
}

/* ---- directories ---- */
static BOOL create_dir(const char *name)
{
    char host[PATH_MAX];
    DWORD e = k32_host_path(name, host, sizeof host, 0);
    if (e)
        return fail(e);
    if (mkdir(host, 0777) < 0)
        return fail(errno == EEXIST ? ERROR_ALREADY_EXISTS : k32_errno_path(errno, host));
    return TRUE;
}

static int is_cwd(const char *host)
{
    char cwd[PATH_MAX], *real = realpath(host, NULL);
    int same = real && getcwd(cwd, sizeof cwd) && !strcmp(cwd, real);
    free(real);
    return same;
}

static BOOL remove_dir(const char *name)
{
    char host[PATH_MAX];
    struct stat st;
    DWORD e = k32_host_path(name, host, sizeof host, 0);
    if (e)
        return fail(e);
    if (lstat(host, &st) == 0 && S_ISDIR(st.st_mode) && is_cwd(host))
        return fail(ERROR_SHARING_VIOLATION); /* Windows holds the current directory open */
    if (rmdir(host) < 0)
        return fail(errno == ENOTDIR ? ERROR_DIRECTORY : errno == EEXIST ? ERROR_DIR_NOT_EMPTY
                                                       : k32_errno_path(errno, host));
    return TRUE;
}

/* ---- files ---- */
static BOOL delete_file(const char *name)
{
    char host[PATH_MAX];
    struct stat st;
    DWORD e = k32_host_path(name, host, sizeof host, 0);
    if (e)
        return fail(e);
    if (lstat(host, &st) < 0)
        return fail(k32_errno_path(errno, host));
    if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && k32_is_readonly(&st)))
        return fail(ERROR_ACCESS_DENIED);
    if ((e = k32_share_check(host, K32_DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)))
        return fail(e);
    if (unlink(host) < 0)
        return fail(k32_errno_path(errno, host));
    return TRUE;
}

static int copy_data(int in, int out)
{
    char buf[65536];
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return 0;
            done += w;
        }
    }
}

/* Copy SRC to DST (host paths) with its mode and times; 0 or an error. */
static DWORD copy_file(const char *src, const char *dst, int fail_if_exists, progress_fn fn, PVOID data)
{
    struct stat st, dt;
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return k32_errno_path(errno, src);
    if (fstat(in, &st) < 0 || S_ISDIR(st.st_mode)) {
        close(in);
        return ERROR_ACCESS_DENIED;
    }
    if (stat(dst, &dt) == 0) {
        if (fail_if_exists) {
            close(in);
            return ERROR_FILE_EXISTS;
        }
        if (S_ISDIR(dt.st_mode) || k32_is_readonly(&dt)) {
            close(in);
            return ERROR_ACCESS_DENIED;
        }
    }
    DWORD e = k32_share_check(dst, FILE_WRITE_DATA, FILE_SHARE_READ);
    int out = e ? -1 : open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (st.st_mode & 0777) | 0200);
    if (out < 0) {
        close(in);
        return e ? e : k32_errno_path(errno, dst);
    }
    int ok = copy_data(in, out);
    struct timespec ts[2] = { st.st_atim, st.st_mtim };
    futimens(out, ts);
    fchmod(out, st.st_mode & 07777);
    close(in);
    close(out);
    if (!ok)
        return w32_error_from_errno(errno);
    if (fn) {
        LARGE_INTEGER size = { .QuadPart = st.st_size }, zero = { .QuadPart = 0 };
        fn(size, size, size, size, 1, 0 /* CALLBACK_CHUNK_FINISHED */, NULL, NULL, data);
        (void)zero;
    }
    return 0;
}

static BOOL copy_api(const char *a, const char *b, int fail_if_exists, progress_fn fn, PVOID data)
{
    char ha[PATH_MAX], hb[PATH_MAX];
    DWORD e = two_paths(a, b, ha, hb);
    if (!e)
        e = copy_file(ha, hb, fail_if_exists, fn, data);
    return e ? fail(e) : TRUE;
}

static BOOL move_api(const char *a, const char *b, DWORD flags)
{
    char ha[PATH_MAX], hb[PATH_MAX];
    struct stat sa, sb;
    if (flags & MOVEFILE_DELAY_UNTIL_REBOOT)
        return fail(ERROR_ACCESS_DENIED); /* there is no reboot to wait for */
    if (!b) /* MoveFileEx(x, NULL): delete */
        return delete_file(a);
    DWORD e = two_paths(a, b, ha, hb);
    if (e)
        return fail(e);
    if (lstat(ha, &sa) < 0)
        return fail(k32_errno_path(errno, ha));
    if ((e = k32_share_check(ha, K32_DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)))
        return fail(e);
    int exists = lstat(hb, &sb) == 0;
    int same = exists && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino; /* a case change */
    if (exists && !same) {
        if (!(flags & MOVEFILE_REPLACE_EXISTING))
            return fail(ERROR_ALREADY_EXISTS);
        if (S_ISDIR(sb.st_mode) || S_ISDIR(sa.st_mode) || k32_is_readonly(&sb))
            return fail(ERROR_ACCESS_DENIED);
    }
    if (rename(ha, hb) == 0)
        return TRUE;
    if (errno != EXDEV)
        return fail(k32_errno_path(errno, hb));
    if (!(flags & MOVEFILE_COPY_ALLOWED) || S_ISDIR(sa.st_mode))
        return fail(ERROR_NOT_SAME_DEVICE);
    if ((e = copy_file(ha, hb, 0, NULL, NULL)))
        return fail(e);
    unlink(ha);
    return TRUE;
}

static BOOL replace_api(const char *replaced, const char *replacement, const char *backup)
{
    char hr[PATH_MAX], hn[PATH_MAX], hb[PATH_MAX];
    struct stat st;
    DWORD e = two_paths(replaced, replacement, hr, hn);
    if (!e && backup)
        e = k32_host_path(backup, hb, sizeof hb, 0);
    if (e)
        return fail(e);
    if (stat(hr, &st) < 0)
        return fail(ERROR_FILE_NOT_FOUND);
    if (stat(hn, &st) < 0)
        return fail(ERROR_FILE_NOT_FOUND);
    if (backup && rename(hr, hb) < 0)
        return fail(ERROR_UNABLE_TO_REMOVE_REPLACED);
    if (rename(hn, hr) < 0)
        return fail(ERROR_UNABLE_TO_MOVE_REPLACEMENT);
    return TRUE;
}

static BOOL hardlink_api(const char *newname, const char *existing)
{
    char hn[PATH_MAX], he[PATH_MAX];
    DWORD e = two_paths(newname, existing, hn, he);
    if (e)
        return fail(e);
    if (link(he, hn) < 0)
        return fail(errno == EEXIST ? ERROR_ALREADY_EXISTS : k32_errno_path(errno, he));
    return TRUE;
}

/* The link's target keeps relative names relative ('\' → '/'); absolute
 * ones become host paths. */
static BOOLEAN symlink_api(const char *link_name, const char *target, DWORD flags)
{
    (void)flags;
    char hl[PATH_MAX], ht[PATH_MAX];
    DWORD e = k32_host_path(link_name, hl, sizeof hl, 0);
    if (e)
        return (BOOLEAN)fail(e);
    int absolute = (target[0] && target[1] == ':') || target[0] == '\\' || target[0] == '/';
    if (absolute) {
        if ((e = k32_host_path(target, ht, sizeof ht, 0)))
            return (BOOLEAN)fail(e);
    } else {
        snprintf(ht, sizeof ht, "%s", target);
        for (char *p = ht; *p; p++)
            if (*p == '\\')
                *p = '/';
    }
    if (symlink(ht, hl) < 0)
        return (BOOLEAN)fail(errno == EEXIST ? ERROR_ALREADY_EXISTS : k32_errno_path(errno, hl));
    return TRUE;
}

/* ---- A and W entry points ---- */
#define U(w) char *u_##w = w32_wide_to_utf8(w)
#define FREE(w) free(u_##w)

static BOOL WINAPI w32_CreateDirectoryA(LPCSTR p, const SECURITY_ATTRIBUTES *sa) { (void)sa; return create_dir(p); }
static BOOL WINAPI w32_CreateDirectoryW(LPCWSTR p, const SECURITY_ATTRIBUTES *sa)
{
    (void)sa;
    U(p);
    BOOL r = create_dir(u_p);
    FREE(p);
    return r;
}
static BOOL WINAPI w32_CreateDirectoryExW(LPCWSTR tmpl, LPCWSTR p, const SECURITY_ATTRIBUTES *sa)
{
    (void)tmpl;
    return w32_CreateDirectoryW(p, sa);
}
static BOOL WINAPI w32_RemoveDirectoryA(LPCSTR p) { return remove_dir(p); }
static BOOL WINAPI w32_RemoveDirectoryW(LPCWSTR p)
{
    U(p);
    BOOL r = remove_dir(u_p);
    FREE(p);
    return r;
}
static BOOL WINAPI w32_DeleteFileA(LPCSTR p) { return delete_file(p); }
static BOOL WINAPI w32_DeleteFileW(LPCWSTR p)
{
    U(p);
    BOOL r = delete_file(u_p);
    FREE(p);
    return r;
}
static BOOL WINAPI w32_MoveFileExA(LPCSTR a, LPCSTR b, DWORD f) { return move_api(a, b, f); }
static BOOL WINAPI w32_MoveFileExW(LPCWSTR a, LPCWSTR b, DWORD f)
{
    U(a);
    U(b);
    BOOL r = move_api(u_a, u_b, f);
    FREE(a);
    FREE(b);
    return r;
}
static BOOL WINAPI w32_MoveFileA(LPCSTR a, LPCSTR b) { return move_api(a, b, MOVEFILE_COPY_ALLOWED); }
static BOOL WINAPI w32_MoveFileW(LPCWSTR a, LPCWSTR b) { return w32_MoveFileExW(a, b, MOVEFILE_COPY_ALLOWED); }
static BOOL WINAPI w32_MoveFileWithProgressW(LPCWSTR a, LPCWSTR b, progress_fn fn, PVOID d, DWORD f)
{
    (void)fn, (void)d;
    return w32_MoveFileExW(a, b, f);
}
static BOOL WINAPI w32_CopyFileA(LPCSTR a, LPCSTR b, BOOL fail_if) { return copy_api(a, b, fail_if, NULL, NULL); }
static BOOL WINAPI w32_CopyFileW(LPCWSTR a, LPCWSTR b, BOOL fail_if)
{
    U(a);
    U(b);
    BOOL r = copy_api(u_a, u_b, fail_if, NULL, NULL);
    FREE(a);
    FREE(b);
    return r;
}
static BOOL WINAPI w32_CopyFileExW(LPCWSTR a, LPCWSTR b, progress_fn fn, PVOID d, BOOL *cancel, DWORD flags)
{
    (void)cancel;
    U(a);
    U(b);
    BOOL r = copy_api(u_a, u_b, flags & COPY_FILE_FAIL_IF_EXISTS, fn, d);
    FREE(a);
    FREE(b);
    return r;
}
static BOOL WINAPI w32_CopyFileExA(LPCSTR a, LPCSTR b, progress_fn fn, PVOID d, BOOL *cancel, DWORD flags)
{
    (void)cancel;
    return copy_api(a, b, flags & COPY_FILE_FAIL_IF_EXISTS, fn, d);
}
static BOOL WINAPI w32_ReplaceFileW(LPCWSTR r, LPCWSTR n, LPCWSTR b, DWORD f, PVOID x, PVOID y)
{
    (void)f, (void)x, (void)y;
    U(r);
    U(n);
    U(b);
    BOOL ok = replace_api(u_r, u_n, u_b);
    FREE(r);
    FREE(n);
    FREE(b);
    return ok;
}
static BOOL WINAPI w32_ReplaceFileA(LPCSTR r, LPCSTR n, LPCSTR b, DWORD f, PVOID x, PVOID y)
{
    (void)f, (void)x, (void)y;
    return replace_api(r, n, b);
}
static BOOL WINAPI w32_CreateHardLinkA(LPCSTR n, LPCSTR e, PVOID sa) { (void)sa; return hardlink_api(n, e); }
static BOOL WINAPI w32_CreateHardLinkW(LPCWSTR n, LPCWSTR e, PVOID sa)
{
    (void)sa;
    U(n);
    U(e);
    BOOL r = hardlink_api(u_n, u_e);
    FREE(n);
    FREE(e);
    return r;
}
static BOOLEAN WINAPI w32_CreateSymbolicLinkA(LPCSTR l, LPCSTR t, DWORD f) { return symlink_api(l, t, f); }
static BOOLEAN WINAPI w32_CreateSymbolicLinkW(LPCWSTR l, LPCWSTR t, DWORD f)
{
    U(l);
    U(t);
    BOOLEAN r = u_l && u_t ? symlink_api(u_l, u_t, f) : (BOOLEAN)fail(ERROR_INVALID_PARAMETER);
    FREE(l);
    FREE(t);
    return r;
}

W32_EXPORTS(kernel32) = {
    EXPORT(CreateDirectoryA, "sp:i"),
    EXPORT(CreateDirectoryW, "wp:i"),
    EXPORT(CreateDirectoryExW, "wwp:i"),
    EXPORT(RemoveDirectoryA, "s:i"),
    EXPORT(RemoveDirectoryW, "w:i"),
    EXPORT(DeleteFileA, "s:i"),
    EXPORT(DeleteFileW, "w:i"),
    EXPORT(MoveFileA, "ss:i"),
    EXPORT(MoveFileW, "ww:i"),
    EXPORT(MoveFileExA, "ssu:i"),
    EXPORT(MoveFileExW, "wwu:i"),
    EXPORT(MoveFileWithProgressW, "wwppu:i"),
    EXPORT(CopyFileA, "ssi:i"),
    EXPORT(CopyFileW, "wwi:i"),
    EXPORT(CopyFileExA, "sspppu:i"),
    EXPORT(CopyFileExW, "wwpppu:i"),
    EXPORT(ReplaceFileA, "sssupp:i"),
    EXPORT(ReplaceFileW, "wwwupp:i"),
    EXPORT(CreateHardLinkA, "ssp:i"),
    EXPORT(CreateHardLinkW, "wwp:i"),
    EXPORT(CreateSymbolicLinkA, "ssu:i"),
    EXPORT(CreateSymbolicLinkW, "wwu:i"),
};
