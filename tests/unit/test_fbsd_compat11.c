/* test_fbsd_compat11.c — the FreeBSD 11 layouts (struct freebsd11_stat,
 * freebsd11_statfs, freebsd11_dirent) against FreeBSD's headers, and their
 * converters: truncation of 64-bit numbers as vfs.ino64_trunc_error=0
 * does, 88-byte mount names, old dirent records from getdents64 records,
 * resuming when the guest's buffer is small. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "freebsd/fbsd_compat11.h"
#include "suites.h"

START_TEST(layouts)
{
    /* sys/sys/stat.h struct freebsd11_stat on amd64: dev 0, ino 4, mode 8,
     * nlink 10, uid 12, gid 16, rdev 20, atim 24, mtim 40, ctim 56, size 72,
     * blocks 80, blksize 88, flags 92, gen 96, lspare 100, birthtim 104 */
    ck_assert_uint_eq(sizeof(struct fbsd11_stat), 120);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_nlink), 10);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_mtim), 40);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_ctim), 56);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_blocks), 80);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_flags), 92);
    ck_assert_uint_eq(offsetof(struct fbsd11_stat, st_lspare), 100);
    /* sys/sys/mount.h struct freebsd11_statfs: MFSNAMELEN 16, MNAMELEN 88 */
    ck_assert_uint_eq(sizeof(struct fbsd11_statfs), 472);
    ck_assert_uint_eq(offsetof(struct fbsd11_statfs, f_owner), 188);
    ck_assert_uint_eq(offsetof(struct fbsd11_statfs, f_charspare), 200);
    ck_assert_uint_eq(FBSD11_STATFS_VERSION, 0x20030518);
    /* sys/sys/dirent.h: 8-byte header, name + NUL rounded up to 4 */
    ck_assert_uint_eq(FBSD11_DIRENT_RECLEN(1), 12);
    ck_assert_uint_eq(FBSD11_DIRENT_RECLEN(3), 12);
    ck_assert_uint_eq(FBSD11_DIRENT_RECLEN(4), 16);
    ck_assert_uint_eq(FBSD11_DIRENT_RECLEN(255), 264);
}
END_TEST

START_TEST(stat_truncates)
{
    struct fbsd_stat s;
    struct fbsd11_stat o;
    memset(&s, 0, sizeof s);
    s.st_dev = 0x1234567800000801ull;
    s.st_ino = 0x123456789aull;
    s.st_nlink = 0x10003;
    s.st_mode = 0100644;
    s.st_uid = 1000, s.st_gid = 100;
    s.st_rdev = 0x4040;
    s.st_atim.tv_sec = 11, s.st_atim.tv_nsec = 12;
    s.st_mtim.tv_sec = 21, s.st_ctim.tv_sec = 31, s.st_birthtim.tv_sec = -1;
    s.st_size = 5000000000ll, s.st_blocks = 9765632, s.st_blksize = 4096;
    s.st_flags = 0x20, s.st_gen = 0x100000007ull;
    memset(&o, 0xee, sizeof o);
    fbsd11_stat_from_stat(&s, &o);
    ck_assert_uint_eq(o.st_dev, 0x801);
    ck_assert_uint_eq(o.st_ino, 0x3456789a);
    ck_assert_uint_eq(o.st_nlink, 3);
    ck_assert_uint_eq(o.st_mode, 0100644);
    ck_assert_uint_eq(o.st_uid, 1000);
    ck_assert_uint_eq(o.st_gid, 100);
    ck_assert_uint_eq(o.st_rdev, 0x4040);
    ck_assert_int_eq(o.st_atim.tv_nsec, 12);
    ck_assert_int_eq(o.st_ctim.tv_sec, 31);
    ck_assert_int_eq(o.st_birthtim.tv_sec, -1);
    ck_assert_int_eq(o.st_size, 5000000000ll);
    ck_assert_int_eq(o.st_blksize, 4096);
    ck_assert_uint_eq(o.st_flags, 0x20);
    ck_assert_uint_eq(o.st_gen, 7);
    ck_assert_int_eq(o.st_lspare, 0);
}
END_TEST

START_TEST(statfs_names)
{
    struct fbsd_statfs s;
    struct fbsd11_statfs o;
    memset(&s, 0, sizeof s);
    s.f_version = FBSD_STATFS_VERSION;
    s.f_flags = 0x1000;
    s.f_bsize = 4096, s.f_iosize = 65536, s.f_blocks = 1000, s.f_bfree = 500;
    s.f_bavail = -3, s.f_files = 77, s.f_ffree = 7, s.f_namemax = 255, s.f_owner = 5;
    s.f_fsid[0] = 0x11, s.f_fsid[1] = 0x22;
    strcpy(s.f_fstypename, "tmpfs");
    memset(s.f_mntonname, 'm', 200); /* longer than the old 88 bytes */
    strcpy(s.f_mntfromname, "tmpfs");
    memset(&o, 0xee, sizeof o);
    fbsd11_statfs_from_statfs(&s, &o);
    ck_assert_uint_eq(o.f_version, 0x20030518);
    ck_assert_uint_eq(o.f_flags, 0x1000);
    ck_assert_uint_eq(o.f_bsize, 4096);
    ck_assert_uint_eq(o.f_iosize, 65536);
    ck_assert_uint_eq(o.f_blocks, 1000);
    ck_assert_int_eq(o.f_bavail, -3);
    ck_assert_uint_eq(o.f_namemax, 255);
    ck_assert_int_eq(o.f_fsid[1], 0x22);
    ck_assert_str_eq(o.f_fstypename, "tmpfs");
    ck_assert_str_eq(o.f_mntfromname, "tmpfs");
    ck_assert_uint_eq(strlen(o.f_mntonname), 87);
}
END_TEST

/* One getdents64 record: ino, off, type, name. */
static size_t lrec(unsigned char *p, uint64_t ino, int64_t off, unsigned char type, const char *name)
{
    size_t len = (19 + strlen(name) + 1 + 7) & ~(size_t)7;
    uint16_t r = (uint16_t)len;
    memset(p, 0, len);
    memcpy(p, &ino, 8);
    memcpy(p + 8, &off, 8);
    memcpy(p + 16, &r, 2);
    p[18] = type;
    memcpy(p + 19, name, strlen(name));
    return len;
}

START_TEST(dirents)
{
    _Alignas(8) unsigned char l[256], o[256];
    size_t n = lrec(l, 0x100000002ull, 10, 4, ".");
    n += lrec(l + n, 3, 20, 8, "abc");
    n += lrec(l + n, 4, 30, 8, "abcd");
    size_t used = 0;
    int64_t resume = 0;
    size_t out = fbsd11_dirents_from_linux(l, n, o, sizeof o, &used, &resume);
    ck_assert_uint_eq(out, 12 + 12 + 16);
    ck_assert_uint_eq(used, n);
    ck_assert_int_eq(resume, 30);
    uint32_t ino;
    uint16_t rec;
    memcpy(&ino, o, 4);
    memcpy(&rec, o + 4, 2);
    ck_assert_uint_eq(ino, 2); /* truncated to 32 bits */
    ck_assert_uint_eq(rec, 12);
    ck_assert_uint_eq(o[6], 4);
    ck_assert_uint_eq(o[7], 1);
    ck_assert_str_eq((char *)o + 8, ".");
    ck_assert_str_eq((char *)o + 24 + 8, "abcd");
    /* room for two records: stop after the second, resume at its d_off */
    out = fbsd11_dirents_from_linux(l, n, o, 30, &used, &resume);
    ck_assert_uint_eq(out, 24);
    ck_assert_int_eq(resume, 20);
    ck_assert_uint_lt(used, n);
    /* room for nothing */
    out = fbsd11_dirents_from_linux(l, n, o, 8, &used, &resume);
    ck_assert_uint_eq(out, 0);
    ck_assert_uint_eq(used, 0);
}
END_TEST

Suite *suite_fbsd_compat11(void)
{
    Suite *s = suite_create("fbsd_compat11");
    TCase *tc = tcase_create("compat11");
    tcase_add_test(tc, layouts);
    tcase_add_test(tc, stat_truncates);
    tcase_add_test(tc, statfs_names);
    tcase_add_test(tc, dirents);
    suite_add_tcase(s, tc);
    return s;
}
