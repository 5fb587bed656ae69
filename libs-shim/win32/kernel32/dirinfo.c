/* dirinfo.c — listing a directory through an open handle, the
 * GetFileInformationByHandleEx classes FileIdBothDirectoryInfo,
 * FileFullDirectoryInfo and FileIdExtdDirectoryInfo and their Restart
 * forms (Go's os.ReadDir reads directories this way). Each call fills
 * the buffer with as many whole entries as fit, chained by
 * NextEntryOffset (8-byte aligned, 0 on the last); the position is the
 * host directory's own, so the next call continues where this one
 * stopped and a Restart class starts again at the beginning. Entries
 * come in the host's order, "." and ".." included as the host lists
 * them; a symbolic link is described by its target, as FindFirstFile
 * does. ERROR_NO_MORE_FILES at the end, ERROR_MORE_DATA when not even
 * one entry fits. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../unicode.h"
#include "k32.h"
#include "dirinfo.h"
#include "fileattr.h"
#include "fileobj.h"

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* One class's layout: where the name and the id go. */
struct dir_layout {
    int cls, restart;
    DWORD name_off;     /* FileName */
    DWORD id_off;       /* FileId, or 0 */
    DWORD id_size;      /* 8 or 16 */
};

static const struct dir_layout layouts[] = {
    { 10, 11, 104, 96, 8 },   /* FILE_ID_BOTH_DIR_INFO (ShortName left empty) */
    { 14, 15, 68, 0, 0 },     /* FILE_FULL_DIR_INFO */
    { 19, 20, 88, 72, 16 },   /* FILE_ID_EXTD_DIR_INFO */
};

static const struct dir_layout *layout_for(int cls, int *restart)
{
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (layouts[i].cls == cls || layouts[i].restart == cls) {
            *restart = layouts[i].restart == cls;
            return &layouts[i];
        }
    return NULL;
}

/* The fixed part every class shares (FILE_FULL_DIR_INFO's first 68 bytes). */
struct dir_common {
    DWORD NextEntryOffset, FileIndex;
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime, EndOfFile, AllocationSize;
    DWORD FileAttributes, FileNameLength, EaSize;
};

/* Describe NAME (in the directory open as DIRFD, at host path DIR) into
 * OUT of ROOM bytes: the entry's size, 0 if it does not fit, or -1 if it
 * vanished meanwhile. */
static long put_entry(const struct dir_layout *l, int dirfd, const char *dir, const char *name,
                      char *out, size_t room)
{
    struct stat st;
    if (fstatat(dirfd, name, &st, 0) < 0 && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return -1;
    WCHAR wname[256 * 2];
    size_t units = w32_utf8_to_utf16(name, -1, wname, sizeof wname / sizeof wname[0]);
    size_t nlen = (units < sizeof wname / sizeof wname[0] ? units : 0) * 2;
    size_t size = (l->name_off + nlen + 7) & ~(size_t)7;
    if (size > room)
        return 0;
    size_t plen = strlen(dir) + strlen(name) + 2;
    char *path = malloc(plen);
    if (!path)
        return -1;
    snprintf(path, plen, "%s/%s", dir, name);
    struct dir_common c;
    uint64_t ct, at, wt, cht;
    memset(out, 0, size);
    memset(&c, 0, sizeof c);
    k32_stat_times(path, -1, &st, &ct, &at, &wt, &cht);
    c.CreationTime.QuadPart = (LONGLONG)ct, c.LastAccessTime.QuadPart = (LONGLONG)at;
    c.LastWriteTime.QuadPart = (LONGLONG)wt, c.ChangeTime.QuadPart = (LONGLONG)cht;
    c.EndOfFile.QuadPart = S_ISDIR(st.st_mode) ? 0 : st.st_size;
    c.AllocationSize.QuadPart = (LONGLONG)st.st_blocks * 512;
    c.FileAttributes = k32_attrs(path, &st);
    c.FileNameLength = (DWORD)nlen;
    free(path);
    memcpy(out, &c, sizeof c);
    if (l->id_off)
        memcpy(out + l->id_off, &st.st_ino, sizeof st.st_ino);
    memcpy(out + l->name_off, wname, nlen);
    return (long)size;
}

/* Fill OUT (N bytes) from the directory position of FD onwards. Returns
 * the bytes used; *AT_END when the directory has no more entries, or
 * -1 when reading it failed (errno set). */
static size_t fill(const struct dir_layout *l, int fd, const char *dir, char *out, size_t n, int *at_end)
{
    char raw[4096];
    size_t used = 0, prev = 0;
    int have = 0;
    *at_end = 0;
    for (;;) {
        off_t resume = lseek(fd, 0, SEEK_CUR);
        long got = syscall(SYS_getdents64, fd, raw, sizeof raw);
        if (got <= 0) {
            *at_end = got == 0 ? 1 : -1;
            return used;
        }
        for (long p = 0; p < got;) {
            struct linux_dirent64 *d = (struct linux_dirent64 *)(raw + p);
            long sz = put_entry(l, fd, dir, d->d_name, out + used, n - used);
            if (sz == 0) {                    /* full: the next call starts here */
                lseek(fd, resume, SEEK_SET);
                return used;
            }
            if (sz > 0) {
                if (have) {
                    DWORD next = (DWORD)(used - prev);
                    memcpy(out + prev, &next, sizeof next);
                }
                prev = used, have = 1;
                used += (size_t)sz;
            }
            resume = d->d_off;
            p += d->d_reclen;
        }
    }
}

DWORD k32_dir_info(struct w32_file *f, int cls, void *buf, DWORD n)
{
    int restart = 0, at_end = 0;
    const struct dir_layout *l = layout_for(cls, &restart);
    if (!l || !f->is_dir)
        return ERROR_INVALID_PARAMETER;
    if (n < l->name_off)
        return ERROR_BAD_LENGTH;
    char self[32], *out = malloc(n);
    if (!out)
        return ERROR_NOT_ENOUGH_MEMORY;
    snprintf(self, sizeof self, "/proc/self/fd/%d", f->fd);
    if (restart)
        lseek(f->fd, 0, SEEK_SET);
    size_t used = fill(l, f->fd, f->host_path ? f->host_path : self, out, n, &at_end);
    DWORD e = used ? (k32_copy_out(buf, out, used) ? 0 : ERROR_NOACCESS)
            : at_end < 0 ? w32_error_from_errno(errno)
            : at_end ? ERROR_NO_MORE_FILES : ERROR_MORE_DATA;
    free(out);
    return e;
}
