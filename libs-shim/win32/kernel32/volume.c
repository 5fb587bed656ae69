/* volume.c — drives and volumes: GetLogicalDrives and
 * GetLogicalDriveStrings (Z:, and C: or any X: given by $XENO_DRIVE_X
 * whose directory exists), GetDriveType (fixed for those),
 * GetVolumeInformation (serial
 * number from the host file system; reported as NTFS, case-preserving
 * and Unicode, like Wine does), GetDiskFreeSpace(Ex) from statvfs, and
 * GetVolumePathName. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "../paths.h"
#include "../unicode.h"
#include "k32.h"
#include "fileattr.h"
#include "pathres.h"

#define DRIVE_NO_ROOT_DIR 1
#define DRIVE_FIXED 3
#define FILE_CASE_SENSITIVE_SEARCH 0x1
#define FILE_CASE_PRESERVED_NAMES 0x2
#define FILE_UNICODE_ON_DISK 0x4
#define FILE_SUPPORTS_HARD_LINKS 0x400000

/* A drive exists when it is mapped and its host directory is there. */
static int drive_mapped(char l)
{
    const char *root = w32_drive_root(l);
    struct stat st;
    return root && (!*root || (stat(root, &st) == 0 && S_ISDIR(st.st_mode)));
}

static DWORD WINAPI w32_GetLogicalDrives(void)
{
    DWORD m = 0;
    for (int i = 0; i < 26; i++)
        if (drive_mapped((char)('A' + i)))
            m |= 1u << i;
    return m;
}

static char *drive_strings(size_t *len)
{
    char *s = malloc(26 * 4 + 1);
    size_t o = 0;
    for (int i = 0; s && i < 26; i++)
        if (drive_mapped((char)('A' + i))) {
            memcpy(s + o, "X:\\", 4);
            s[o] = (char)('A' + i);
            o += 4;
        }
    if (s)
        s[o] = 0;
    *len = o;
    return s;
}

static DWORD WINAPI w32_GetLogicalDriveStringsA(DWORD n, LPSTR buf)
{
    size_t len;
    char *s = drive_strings(&len);
    DWORD r = (DWORD)len;
    if (s && buf && n > len)
        memcpy(buf, s, len + 1);
    else if (s)
        r = (DWORD)len + 1;
    free(s);
    return r;
}

static DWORD WINAPI w32_GetLogicalDriveStringsW(DWORD n, LPWSTR buf)
{
    size_t len;
    char *s = drive_strings(&len);
    DWORD r = (DWORD)len;
    if (s && buf && n > len)
        for (size_t i = 0; i <= len; i++)
            buf[i] = (WCHAR)(unsigned char)s[i];
    else if (s)
        r = (DWORD)len + 1;
    free(s);
    return r;
}

/* The host directory for a root like "C:\" (NULL: the current drive). */
static DWORD root_host(const char *root, char *host, size_t n)
{
    char buf[8] = "C:\\";
    if (!root) {
        char *cwd = w32_current_dir();
        if (cwd)
            buf[0] = cwd[0];
        free(cwd);
        root = buf;
    }
    return k32_host_path(root, host, n, 0);
}

static UINT drive_type(const char *root)
{
    char host[PATH_MAX];
    struct stat st;
    if (root_host(root, host, sizeof host) || stat(host, &st) < 0)
        return DRIVE_NO_ROOT_DIR;
    return DRIVE_FIXED;
}

static UINT WINAPI w32_GetDriveTypeA(LPCSTR root) { return drive_type(root); }
static UINT WINAPI w32_GetDriveTypeW(LPCWSTR root)
{
    char *u = w32_wide_to_utf8(root);
    UINT r = drive_type(u);
    free(u);
    return r;
}

static BOOL volume_info(const char *root, char *label, DWORD *serial, DWORD *maxlen, DWORD *flags,
                        char *fs)
{
    char host[PATH_MAX];
    struct stat st;
    DWORD e = root_host(root, host, sizeof host);
    if (!e && stat(host, &st) < 0)
        e = k32_errno_path(errno, host);
    if (e) {
        w32_set_last_error(e == ERROR_FILE_NOT_FOUND ? ERROR_PATH_NOT_FOUND : e);
        return FALSE;
    }
    strcpy(label, "");
    *serial = k32_volume_serial(&st);
    *maxlen = 255;
    *flags = FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK |
             FILE_SUPPORTS_HARD_LINKS;
    strcpy(fs, "NTFS");
    return TRUE;
}

static BOOL WINAPI w32_GetVolumeInformationA(LPCSTR root, LPSTR name, DWORD nn, DWORD *serial,
                                             DWORD *maxlen, DWORD *flags, LPSTR fs, DWORD fn)
{
    char l[64], f[16];
    DWORD s, m, fl;
    if (!volume_info(root, l, &s, &m, &fl, f))
        return FALSE;
    if (name && nn) snprintf(name, nn, "%s", l);
    if (serial) *serial = s;
    if (maxlen) *maxlen = m;
    if (flags) *flags = fl;
    if (fs && fn) snprintf(fs, fn, "%s", f);
    return TRUE;
}

static BOOL WINAPI w32_GetVolumeInformationW(LPCWSTR root, LPWSTR name, DWORD nn, DWORD *serial,
                                             DWORD *maxlen, DWORD *flags, LPWSTR fs, DWORD fn)
{
    char *u = w32_wide_to_utf8(root), l[64], f[16];
    DWORD s, m, fl;
    BOOL ok = volume_info(u, l, &s, &m, &fl, f);
    free(u);
    if (!ok)
        return FALSE;
    if (name && nn) w32_utf8_to_utf16(l, -1, name, nn);
    if (serial) *serial = s;
    if (maxlen) *maxlen = m;
    if (flags) *flags = fl;
    if (fs && fn) w32_utf8_to_utf16(f, -1, fs, fn);
    return TRUE;
}

static BOOL WINAPI w32_GetVolumeInformationByHandleW(HANDLE h, LPWSTR name, DWORD nn, DWORD *serial,
                                                     DWORD *maxlen, DWORD *flags, LPWSTR fs, DWORD fn)
{
    (void)h;
    return w32_GetVolumeInformationW(NULL, name, nn, serial, maxlen, flags, fs, fn);
}

static BOOL free_space(const char *dir, uint64_t *avail, uint64_t *total, uint64_t *free_b,
                       DWORD *bsize)
{
    char host[PATH_MAX];
    struct statvfs v;
    DWORD e = dir ? k32_host_path(dir, host, sizeof host, 0) : root_host(NULL, host, sizeof host);
    if (!e && statvfs(host, &v) < 0)
        e = k32_errno_path(errno, host);
    if (e) {
        w32_set_last_error(e);
        return FALSE;
    }
    *avail = (uint64_t)v.f_bavail * v.f_frsize;
    *total = (uint64_t)v.f_blocks * v.f_frsize;
    *free_b = (uint64_t)v.f_bfree * v.f_frsize;
    *bsize = (DWORD)v.f_frsize;
    return TRUE;
}

static BOOL WINAPI w32_GetDiskFreeSpaceExA(LPCSTR dir, ULONGLONG *avail, ULONGLONG *total, ULONGLONG *fr)
{
    uint64_t a, t, f;
    DWORD b;
    if (!free_space(dir, &a, &t, &f, &b))
        return FALSE;
    if (avail) *avail = a;
    if (total) *total = t;
    if (fr) *fr = f;
    return TRUE;
}

static BOOL WINAPI w32_GetDiskFreeSpaceExW(LPCWSTR dir, ULONGLONG *avail, ULONGLONG *total, ULONGLONG *fr)
{
    char *u = w32_wide_to_utf8(dir);
    BOOL r = w32_GetDiskFreeSpaceExA(u, avail, total, fr);
    free(u);
    return r;
}

static BOOL WINAPI w32_GetDiskFreeSpaceA(LPCSTR dir, DWORD *spc, DWORD *bps, DWORD *freec, DWORD *totc)
{
    uint64_t a, t, f;
    DWORD b;
    if (!free_space(dir, &a, &t, &f, &b))
        return FALSE;
    DWORD cluster = b < 4096 ? 4096 : b;
    uint64_t fc = a / cluster, tc = t / cluster;
    if (spc) *spc = cluster / 512;
    if (bps) *bps = 512;
    if (freec) *freec = fc > 0xffffffffu ? 0xffffffffu : (DWORD)fc;
    if (totc) *totc = tc > 0xffffffffu ? 0xffffffffu : (DWORD)tc;
    return TRUE;
}

static BOOL WINAPI w32_GetDiskFreeSpaceW(LPCWSTR dir, DWORD *spc, DWORD *bps, DWORD *freec, DWORD *totc)
{
    char *u = w32_wide_to_utf8(dir);
    BOOL r = w32_GetDiskFreeSpaceA(u, spc, bps, freec, totc);
    free(u);
    return r;
}

static BOOL WINAPI w32_GetVolumePathNameW(LPCWSTR name, LPWSTR out, DWORD n)
{
    char *u = w32_wide_to_utf8(name), root[8] = "C:\\";
    char *cwd = w32_current_dir();
    root[0] = u && u[0] && u[1] == ':' ? u[0] : cwd ? cwd[0] : 'C';
    if (root[0] >= 'a' && root[0] <= 'z')
        root[0] = (char)(root[0] - 32);
    free(u), free(cwd);
    if (n < 4) {
        w32_set_last_error(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    w32_utf8_to_utf16(root, -1, out, n);
    return TRUE;
}

W32_EXPORTS(kernel32) = {
    EXPORT(GetLogicalDrives, ":u"),
    EXPORT(GetLogicalDriveStringsA, "up:u"),
    EXPORT(GetLogicalDriveStringsW, "up:u"),
    EXPORT(GetDriveTypeA, "s:u"),
    EXPORT(GetDriveTypeW, "w:u"),
    EXPORT(GetVolumeInformationA, "spupppsu:i"),
    EXPORT(GetVolumeInformationW, "wpupppwu:i"),
    EXPORT(GetVolumeInformationByHandleW, "hpuppppu:i"),
    EXPORT(GetDiskFreeSpaceExA, "sppp:i"),
    EXPORT(GetDiskFreeSpaceExW, "wppp:i"),
    EXPORT(GetDiskFreeSpaceA, "spppp:i"),
    EXPORT(GetDiskFreeSpaceW, "wpppp:i"),
    EXPORT(GetVolumePathNameW, "wpu:i"),
};
