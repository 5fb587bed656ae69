/* test_fbsd_fs.c — FreeBSD stat, dev_t, statfs and getdirentries records
 * built from Linux results, including resuming a directory listing that
 * does not fit in the guest's buffer. */
#include <check.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "freebsd/fbsd_abi.h"
#include "suites.h"

START_TEST(devices)
{
    /* sys/sys/types.h (FreeBSD 12+):
     * makedev(M, m) = (M & 0xffffff00) << 32 | (M & 0xff) << 8 | (m & 0xff00) << 24 | (m & 0xffff00ff) */
    ck_assert_uint_eq(fbsd_makedev(8, 1), 0x801);
    ck_assert_uint_eq(fbsd_makedev(0x1234, 0x56789a), 0x12780056349aull);
    uint64_t l = makedev(259, 0x12345);
    ck_assert_uint_eq(fbsd_dev_from_linux(l), fbsd_makedev(259, 0x12345));
    ck_assert_uint_eq(fbsd_dev_to_linux(fbsd_dev_from_linux(l)), l);
    l = makedev(0xfffff, 0xfffff);
    ck_assert_uint_eq(fbsd_dev_to_linux(fbsd_dev_from_linux(l)), l);
}
END_TEST

START_TEST(stat_from_linux)
{
    /* sys/sys/stat.h: 224 bytes; dev 0, ino 8, nlink 16, mode 24, uid 28, gid 32,
     * rdev 40, atim 48, mtim 64, ctim 80, birthtim 96, size 112, blocks 120,
     * blksize 128, flags 132, gen 136, spare 144 */
    ck_assert_uint_eq(sizeof(struct fbsd_stat), 224);
    ck_assert_uint_eq(offsetof(struct fbsd_stat, st_blocks), 120);
    struct stat l;
    struct fbsd_stat f;
    memset(&l, 0, sizeof l);
    l.st_dev = makedev(8, 1);
    l.st_ino = 0x123456789aull;
    l.st_nlink = 3;
    l.st_mode = S_IFREG | 0644;
    l.st_uid = 1000;
    l.st_gid = 100;
    l.st_rdev = makedev(4, 64);
    l.st_atim.tv_sec = 11, l.st_atim.tv_nsec = 12;
    l.st_mtim.tv_sec = 21, l.st_mtim.tv_nsec = 22;
    l.st_ctim.tv_sec = 31, l.st_ctim.tv_nsec = 32;
    l.st_size = 1 << 20;
    l.st_blocks = 2048;
    l.st_blksize = 4096;
    memset(&f, 0xee, sizeof f);
    fbsd_stat_from_linux(&l, &f);
    ck_assert_uint_eq(f.st_dev, 0x801);
    ck_assert_uint_eq(f.st_ino, 0x123456789aull);
    ck_assert_uint_eq(f.st_nlink, 3);
    ck_assert_uint_eq(f.st_mode, 0100644);
    ck_assert_uint_eq(f.st_uid, 1000);
    ck_assert_uint_eq(f.st_gid, 100);
    ck_assert_uint_eq(f.st_rdev, fbsd_makedev(4, 64));
    ck_assert_int_eq(f.st_atim.tv_sec, 11);
    ck_assert_int_eq(f.st_mtim.tv_nsec, 22);
    ck_assert_int_eq(f.st_ctim.tv_sec, 31);
    ck_assert_int_eq(f.st_birthtim.tv_sec, -1);
    ck_assert_int_eq(f.st_birthtim.tv_nsec, 0);
    ck_assert_int_eq(f.st_size, 1 << 20);
    ck_assert_int_eq(f.st_blocks, 2048);
    ck_assert_int_eq(f.st_blksize, 4096);
    ck_assert_uint_eq(f.st_flags, 0);
    ck_assert_uint_eq(f.st_gen, 0);
    ck_assert_int_eq(f.st_bsdflags, 0);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(f.st_spare[i], 0);
}
END_TEST

START_TEST(stat_from_host)
{
    struct stat l;
    struct statx x;
    struct fbsd_stat a, b;
    ck_assert_int_eq(stat("/", &l), 0);
    fbsd_stat_from_linux(&l, &a);
    ck_assert_uint_eq(a.st_ino, l.st_ino);
    ck_assert_uint_eq(a.st_mode & 0170000, 0040000); /* S_IFDIR */
    if (statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS | STATX_BTIME, &x) != 0)
        return; /* no statx on this host */
    fbsd_stat_from_statx(&x, &b);
    ck_assert_uint_eq(b.st_dev, a.st_dev);
    ck_assert_uint_eq(b.st_ino, a.st_ino);
    ck_assert_uint_eq(b.st_mode, a.st_mode);
    ck_assert_uint_eq(b.st_nlink, a.st_nlink);
    ck_assert_int_eq(b.st_mtim.tv_sec, a.st_mtim.tv_sec);
    ck_assert_int_eq(b.st_mtim.tv_nsec, a.st_mtim.tv_nsec);
    ck_assert_int_eq(b.st_size, a.st_size);
    if (x.stx_mask & STATX_BTIME)
        ck_assert_int_eq(b.st_birthtim.tv_sec, x.stx_btime.tv_sec);
    else
        ck_assert_int_eq(b.st_birthtim.tv_sec, -1);
    x.stx_mask &= ~(unsigned)STATX_BTIME;
    fbsd_stat_from_statx(&x, &b);
    ck_assert_int_eq(b.st_birthtim.tv_sec, -1);
    x.stx_mask |= STATX_BTIME;
    x.stx_btime.tv_sec = 1234;
    x.stx_btime.tv_nsec = 5678;
    fbsd_stat_from_statx(&x, &b);
    ck_assert_int_eq(b.st_birthtim.tv_sec, 1234);
    ck_assert_int_eq(b.st_birthtim.tv_nsec, 5678);
}
END_TEST

START_TEST(statfs_conversion)
{
    /* sys/sys/mount.h: struct statfs is 2344 bytes, version 0x20140518,
     * MNT_RDONLY 1, MNT_NOEXEC 4, MNT_NOSUID 8, MNT_LOCAL 0x1000, MNT_NOATIME 0x10000000 */
    ck_assert_uint_eq(sizeof(struct fbsd_statfs), 2344);
    struct statfs l;
    struct fbsd_statfs f;
    memset(&l, 0, sizeof l);
    l.f_type = EXT4_SUPER_MAGIC;
    l.f_bsize = 4096;
    l.f_frsize = 1024;
    l.f_blocks = 1000;
    l.f_bfree = 500;
    l.f_bavail = 400;
    l.f_files = 100;
    l.f_ffree = 50;
    l.f_namelen = 255;
    l.f_flags = ST_RDONLY | ST_NOSUID | ST_NOATIME | ST_NODEV;
    memcpy(&l.f_fsid, (int[2]){7, 9}, 8);
    fbsd_statfs_from_linux(&l, "/dev/sda1", "/", &f);
    ck_assert_uint_eq(f.f_version, 0x20140518);
    ck_assert_str_eq(f.f_fstypename, "ext2fs");
    ck_assert_str_eq(f.f_mntfromname, "/dev/sda1");
    ck_assert_str_eq(f.f_mntonname, "/");
    ck_assert_uint_eq(f.f_flags, 0x1 | 0x8 | 0x10000000 | 0x1000);
    ck_assert_uint_eq(f.f_bsize, 1024);
    ck_assert_uint_eq(f.f_iosize, 4096);
    ck_assert_uint_eq(f.f_blocks, 1000);
    ck_assert_uint_eq(f.f_bfree, 500);
    ck_assert_int_eq(f.f_bavail, 400);
    ck_assert_uint_eq(f.f_files, 100);
    ck_assert_int_eq(f.f_ffree, 50);
    ck_assert_uint_eq(f.f_namemax, 255);
    ck_assert_int_eq(f.f_fsid[0], 7);
    ck_assert_int_eq(f.f_fsid[1], 9);
    char buf[96];
    fbsd_flags_format(fbsd_mnt_flags, f.f_flags, buf, sizeof buf);
    ck_assert_str_eq(buf, "MNT_RDONLY|MNT_NOSUID|MNT_LOCAL|MNT_NOATIME");

    l.f_type = NFS_SUPER_MAGIC;
    l.f_flags = 0;
    char longname[2000];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    fbsd_statfs_from_linux(&l, longname, NULL, &f);
    ck_assert_str_eq(f.f_fstypename, "nfs");
    ck_assert_uint_eq(f.f_flags, 0); /* not MNT_LOCAL */
    ck_assert_uint_eq(strlen(f.f_mntfromname), 1023);
    ck_assert_str_eq(f.f_mntonname, "");
    ck_assert_str_eq(fbsd_fstypename(TMPFS_MAGIC), "tmpfs");
    ck_assert_str_eq(fbsd_fstypename(PROC_SUPER_MAGIC), "procfs");
    ck_assert_str_eq(fbsd_fstypename(XFS_SUPER_MAGIC), "xfs");
    ck_assert_str_eq(fbsd_fstypename(BTRFS_SUPER_MAGIC), "btrfs");
    ck_assert_str_eq(fbsd_fstypename(OVERLAYFS_SUPER_MAGIC), "unionfs");
    ck_assert_str_eq(fbsd_fstypename(DEVPTS_SUPER_MAGIC), "devfs");
    ck_assert_str_eq(fbsd_fstypename(0x12345678), "unknown");

    struct statfs host;
    ck_assert_int_eq(statfs("/", &host), 0);
    fbsd_statfs_from_linux(&host, NULL, "/", &f);
    ck_assert_uint_gt(strlen(f.f_fstypename), 0);
    ck_assert_uint_eq(f.f_blocks, host.f_blocks);
}
END_TEST

/* ---------------------------------------------------------------- dirents */

/* Appends one linux_dirent64 record to b at *n. */
static void ld_add(unsigned char *b, size_t *n, uint64_t ino, int64_t off, uint8_t type,
                   const char *name)
{
    size_t namelen = strlen(name);
    uint16_t rec = (uint16_t)((19 + namelen + 1 + 7) & ~7u);
    memset(b + *n, 0, rec);
    memcpy(b + *n, &ino, 8);
    memcpy(b + *n + 8, &off, 8);
    memcpy(b + *n + 16, &rec, 2);
    b[*n + 18] = type;
    memcpy(b + *n + 19, name, namelen);
    *n += rec;
}

static size_t three_entries(unsigned char *b)
{
    size_t n = 0;
    ld_add(b, &n, 2, 1, 4, ".");
    ld_add(b, &n, 1, 2, 4, "..");
    ld_add(b, &n, 77, 0x7fffffff00000003ll, 8, "hello.txt");
    return n;
}

static const struct fbsd_dirent *rec_at(const unsigned char *b, size_t off)
{
    return (const struct fbsd_dirent *)(b + off);
}

START_TEST(dirents_all_fit)
{
    /* sys/sys/dirent.h: d_fileno 0, d_off 8, d_reclen 16, d_type 18, d_namlen 20, d_name 24 */
    ck_assert_uint_eq(FBSD_DIRENT_RECLEN(1), 32);
    ck_assert_uint_eq(FBSD_DIRENT_RECLEN(7), 32);
    ck_assert_uint_eq(FBSD_DIRENT_RECLEN(8), 40);
    ck_assert_uint_eq(FBSD_DIRENT_RECLEN(255), 280);
    _Alignas(8) unsigned char l[256], f[512];
    size_t ln = three_entries(l), used = 0;
    int64_t resume = -5;
    memset(f, 0xcc, sizeof f);
    size_t fn = fbsd_dirents_from_linux(l, ln, f, sizeof f, &used, &resume);
    ck_assert_uint_eq(fn, 32 + 32 + 40);
    ck_assert_uint_eq(used, ln);
    ck_assert_int_eq(resume, 0x7fffffff00000003ll);
    const struct fbsd_dirent *d = rec_at(f, 0);
    ck_assert_uint_eq(d->d_ino, 2);
    ck_assert_int_eq(d->d_off, 1);
    ck_assert_uint_eq(d->d_reclen, 32);
    ck_assert_uint_eq(d->d_type, 4);
    ck_assert_uint_eq(d->d_namlen, 1);
    ck_assert_str_eq(d->d_name, ".");
    ck_assert_uint_eq(d->d_pad0, 0);
    ck_assert_uint_eq(d->d_pad1, 0);
    d = rec_at(f, 32);
    ck_assert_str_eq(d->d_name, "..");
    ck_assert_uint_eq(d->d_namlen, 2);
    d = rec_at(f, 64);
    ck_assert_uint_eq(d->d_ino, 77);
    ck_assert_uint_eq(d->d_type, 8);
    ck_assert_uint_eq(d->d_reclen, 40);
    ck_assert_uint_eq(d->d_namlen, 9);
    ck_assert_str_eq(d->d_name, "hello.txt");
    for (size_t i = 24 + 9; i < 40; i++) /* padding is zeroed, not left over */
        ck_assert_uint_eq(f[64 + i], 0);
    ck_assert_uint_eq(f[104], 0xcc);
}
END_TEST

START_TEST(dirents_resume)
{
    _Alignas(8) unsigned char l[256], f[512];
    size_t ln = three_entries(l), used = 0, total = 0;
    int64_t resume = -5;
    /* room for two records: stop before the third, resume from its predecessor */
    size_t fn = fbsd_dirents_from_linux(l, ln, f, 64 + 39, &used, &resume);
    ck_assert_uint_eq(fn, 64);
    ck_assert_uint_eq(used, 24 + 24);
    ck_assert_int_eq(resume, 2);
    total += fn;
    fn = fbsd_dirents_from_linux(l + used, ln - used, f + total, sizeof f - total, &used,
                                 &resume);
    ck_assert_uint_eq(fn, 40);
    ck_assert_str_eq(rec_at(f, 64)->d_name, "hello.txt");
    ck_assert_int_eq(resume, 0x7fffffff00000003ll);
    /* buffer too small for even one record */
    resume = -5;
    ck_assert_uint_eq(fbsd_dirents_from_linux(l, ln, f, 31, &used, &resume), 0);
    ck_assert_uint_eq(used, 0);
    ck_assert_int_eq(resume, -5);
    /* empty input */
    ck_assert_uint_eq(fbsd_dirents_from_linux(l, 0, f, sizeof f, &used, &resume), 0);
    ck_assert_uint_eq(used, 0);
}
END_TEST

START_TEST(dirents_malformed)
{
    _Alignas(8) unsigned char l[256], f[512];
    size_t ln = three_entries(l), used = 99;
    int64_t resume = -5;
    uint16_t bad = 0;
    memcpy(l + 24 + 16, &bad, 2); /* second record: reclen 0 */
    size_t fn = fbsd_dirents_from_linux(l, ln, f, sizeof f, &used, &resume);
    ck_assert_uint_eq(fn, 32);
    ck_assert_uint_eq(used, 24);
    bad = 500; /* runs past the buffer */
    memcpy(l + 24 + 16, &bad, 2);
    fbsd_dirents_from_linux(l, ln, f, sizeof f, &used, &resume);
    ck_assert_uint_eq(used, 24);
    ck_assert_uint_eq(fbsd_dirents_from_linux(l, 10, f, sizeof f, &used, &resume), 0);
}
END_TEST

START_TEST(dirents_from_host)
{
    char dir[] = "/tmp/xeno-fbsd-dirXXXXXX", path[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/file-with-a-longish-name-%02d", dir, i);
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        ck_assert_int_ge(fd, 0);
        close(fd);
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    ck_assert_int_ge(fd, 0);
    _Alignas(8) unsigned char l[4096], f[512];
    int seen = 0;
    for (;;) { /* a getdirentries loop with a deliberately small guest buffer */
        long n = syscall(SYS_getdents64, fd, l, sizeof l);
        ck_assert_int_ge(n, 0);
        if (n == 0)
            break;
        size_t used;
        int64_t resume = 0;
        size_t fn = fbsd_dirents_from_linux(l, (size_t)n, f, sizeof f, &used, &resume);
        ck_assert_uint_gt(fn, 0);
        for (size_t off = 0; off < fn; off += rec_at(f, off)->d_reclen, seen++)
            ck_assert_uint_eq(strlen(rec_at(f, off)->d_name), rec_at(f, off)->d_namlen);
        if (used < (size_t)n)
            ck_assert_int_eq(lseek(fd, resume, SEEK_SET), resume);
    }
    ck_assert_int_eq(seen, 42);
    close(fd);
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/file-with-a-longish-name-%02d", dir, i);
        unlink(path);
    }
    rmdir(dir);
}
END_TEST

Suite *suite_fbsd_fs(void)
{
    Suite *s = suite_create("fbsd_fs");
    TCase *tc = tcase_create("fs");
    tcase_add_test(tc, devices);
    tcase_add_test(tc, stat_from_linux);
    tcase_add_test(tc, stat_from_host);
    tcase_add_test(tc, statfs_conversion);
    tcase_add_test(tc, dirents_all_fit);
    tcase_add_test(tc, dirents_resume);
    tcase_add_test(tc, dirents_malformed);
    tcase_add_test(tc, dirents_from_host);
    suite_add_tcase(s, tc);
    return s;
}
