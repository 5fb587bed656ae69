/* fbsd_compat11.h — the FreeBSD 11 (32-bit inode) layouts that binaries
 * built for FreeBSD 11 and older still pass to the COMPAT11 system calls
 * (freebsd11_stat/fstat/lstat/fstatat 188/189/190/493, freebsd11_statfs/
 * fstatfs/getfsstat 396/397/395, freebsd11_getdirentries/getdents
 * 196/272), and their converters (stat11.c). Go up to 1.19 carries both
 * call paths and picks the old one when kern.osreldate < 1200031.
 *
 * Layouts from FreeBSD's sys/sys/stat.h (struct freebsd11_stat, under
 * _WANT_FREEBSD11_STAT), sys/sys/mount.h (struct freebsd11_statfs,
 * FREEBSD11_STATFS_VERSION) and sys/sys/dirent.h (struct freebsd11_dirent);
 * the conversions follow sys/kern/vfs_syscalls.c (freebsd11_cvtstat with
 * vfs.ino64_trunc_error at its default 0: too-wide numbers are truncated,
 * freebsd11_cvtstatfs, freebsd11_kern_getdirentries). */
#ifndef XENO_FBSD_COMPAT11_H
#define XENO_FBSD_COMPAT11_H

#include <stddef.h>
#include <stdint.h>

#include "fbsd_types.h"

struct fbsd11_stat {
    uint32_t st_dev;
    uint32_t st_ino;
    uint16_t st_mode;
    uint16_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t st_rdev;
    struct fbsd_timespec st_atim;
    struct fbsd_timespec st_mtim;
    struct fbsd_timespec st_ctim;
    int64_t st_size;
    int64_t st_blocks;
    int32_t st_blksize;
    uint32_t st_flags;
    uint32_t st_gen;
    int32_t st_lspare;
    struct fbsd_timespec st_birthtim;
};
FBSD_ASSERT_SIZE(struct fbsd11_stat, 120);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_mode, 8);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_uid, 12);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_rdev, 20);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_atim, 24);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_size, 72);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_blksize, 88);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_gen, 96);
FBSD_ASSERT_OFF(struct fbsd11_stat, st_birthtim, 104);

#define FBSD11_STATFS_VERSION 0x20030518
#define FBSD11_MFSNAMELEN 16
#define FBSD11_MNAMELEN 88

struct fbsd11_statfs {
    uint32_t f_version;
    uint32_t f_type;
    uint64_t f_flags;
    uint64_t f_bsize;
    uint64_t f_iosize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    int64_t f_bavail;
    uint64_t f_files;
    int64_t f_ffree;
    uint64_t f_syncwrites;
    uint64_t f_asyncwrites;
    uint64_t f_syncreads;
    uint64_t f_asyncreads;
    uint64_t f_spare[10];
    uint32_t f_namemax;
    uint32_t f_owner;
    int32_t f_fsid[2];
    char f_charspare[80];
    char f_fstypename[FBSD11_MFSNAMELEN];
    char f_mntfromname[FBSD11_MNAMELEN];
    char f_mntonname[FBSD11_MNAMELEN];
};
FBSD_ASSERT_SIZE(struct fbsd11_statfs, 472);
FBSD_ASSERT_OFF(struct fbsd11_statfs, f_namemax, 184);
FBSD_ASSERT_OFF(struct fbsd11_statfs, f_fsid, 192);
FBSD_ASSERT_OFF(struct fbsd11_statfs, f_fstypename, 280);
FBSD_ASSERT_OFF(struct fbsd11_statfs, f_mntfromname, 296);
FBSD_ASSERT_OFF(struct fbsd11_statfs, f_mntonname, 384);

/* struct freebsd11_dirent: u32 d_fileno, u16 d_reclen, u8 d_type,
 * u8 d_namlen, char d_name[256]; a record is the 8-byte header plus the
 * name and its NUL rounded up to 4 bytes. */
#define FBSD11_DIRENT_HDR 8
#define FBSD11_DIRENT_RECLEN(namlen) (FBSD11_DIRENT_HDR + (((namlen) + 1 + 3) & ~(size_t)3))

/* FreeBSD 12+ stat -> FreeBSD 11 stat (dev, ino, nlink, rdev truncated). */
void fbsd11_stat_from_stat(const struct fbsd_stat *s, struct fbsd11_stat *o);
/* FreeBSD 12+ statfs -> FreeBSD 11 statfs (names cut to 87 bytes + NUL). */
void fbsd11_statfs_from_statfs(const struct fbsd_statfs *s, struct fbsd11_statfs *o);
/* getdents64 records (llen bytes) -> FreeBSD 11 dirent records in OUT
 * (cap bytes). Names longer than 255 bytes are skipped, as FreeBSD does.
 * Stops before a record that does not fit; *consumed is how many Linux
 * bytes were converted and *resume the d_off of the last one. Returns the
 * bytes written. Old records are never longer than Linux ones. */
size_t fbsd11_dirents_from_linux(const void *lbuf, size_t llen, void *out, size_t cap,
                                 size_t *consumed, int64_t *resume);

#endif
