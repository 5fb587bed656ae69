/* test_fbsd_abi.c — the FreeBSD ABI table engine, errno conversion and the
 * file/memory/process/kevent tables. Expected FreeBSD numbers are written
 * out here with the FreeBSD header they come from. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "freebsd/fbsd_abi.h"
#include "suites.h"

/* ---------------------------------------------------------------- errno */

/* sys/sys/errno.h, in order 1..97 */
static const char *const errno_names[] = {
    NULL, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF",
    "ECHILD", "EDEADLK", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV",
    "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG",
    "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EAGAIN", "EINPROGRESS",
    "EALREADY", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT",
    "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT",
    "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED",
    "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT",
    "ECONNREFUSED", "ELOOP", "ENAMETOOLONG", "EHOSTDOWN", "EHOSTUNREACH", "ENOTEMPTY",
    "EPROCLIM", "EUSERS", "EDQUOT", "ESTALE", "EREMOTE", "EBADRPC", "ERPCMISMATCH",
    "EPROGUNAVAIL", "EPROGMISMATCH", "EPROCUNAVAIL", "ENOLCK", "ENOSYS", "EFTYPE", "EAUTH",
    "ENEEDAUTH", "EIDRM", "ENOMSG", "EOVERFLOW", "ECANCELED", "EILSEQ", "ENOATTR", "EDOOFUS",
    "EBADMSG", "EMULTIHOP", "ENOLINK", "EPROTO", "ENOTCAPABLE", "ECAPMODE", "ENOTRECOVERABLE",
    "EOWNERDEAD", "EINTEGRITY",
};

START_TEST(errno_names_and_numbers)
{
    ck_assert_uint_eq(sizeof errno_names / sizeof errno_names[0], 98);
    for (int e = 1; e <= 97; e++)
        ck_assert_str_eq(fbsd_errno_name(e), errno_names[e]);
    ck_assert_ptr_null(fbsd_errno_name(0));
    ck_assert_ptr_null(fbsd_errno_name(98));
    ck_assert_int_eq(FBSD_ELAST, 97);
    ck_assert_int_eq(FBSD_EAGAIN, 35);
    ck_assert_int_eq(FBSD_ENOSYS, 78);
    ck_assert_int_eq(FBSD_ENOATTR, 87);
    ck_assert_int_eq(FBSD_EINTEGRITY, 97);
}
END_TEST

START_TEST(errno_messages)
{
    /* lib/libc/gen/errlst.c */
    ck_assert_str_eq(fbsd_errno_message(FBSD_ENOENT), "No such file or directory");
    ck_assert_str_eq(fbsd_errno_message(FBSD_ENXIO), "Device not configured");
    ck_assert_str_eq(fbsd_errno_message(FBSD_EAGAIN), "Resource temporarily unavailable");
    ck_assert_str_eq(fbsd_errno_message(FBSD_EDOOFUS), "Programming error");
    ck_assert_str_eq(fbsd_errno_message(FBSD_EINTEGRITY), "Integrity check failed");
    ck_assert_str_eq(fbsd_errno_message(FBSD_EADDRNOTAVAIL), "Can't assign requested address");
    ck_assert_str_eq(fbsd_errno_message(0), "No error: 0");
    ck_assert_str_eq(fbsd_errno_message(200), "Unknown error");
    for (int e = 0; e <= 97; e++)
        ck_assert_ptr_nonnull(fbsd_errno_message(e));
    char line[80];
    int e = fbsd_errno_from_linux(ENOENT);
    snprintf(line, sizeof line, "= -1 %s (%s)", fbsd_errno_name(e), fbsd_errno_message(e));
    ck_assert_str_eq(line, "= -1 ENOENT (No such file or directory)");
}
END_TEST

START_TEST(errno_from_linux)
{
    static const struct { int l, f; } cases[] = {
        {0, 0},
        {ENOENT, 2},          {EAGAIN, 35},          {EDEADLK, 11},
        {EINPROGRESS, 36},    {EALREADY, 37},        {ENOTSOCK, 38},
        {EOPNOTSUPP, 45},     {EAFNOSUPPORT, 47},    {EADDRINUSE, 48},
        {ECONNRESET, 54},     {ETIMEDOUT, 60},       {ECONNREFUSED, 61},
        {ELOOP, 62},          {ENAMETOOLONG, 63},    {ENOTEMPTY, 66},
        {ENOLCK, 77},         {ENOSYS, 78},          {EOVERFLOW, 84},
        {ECANCELED, 85},      {EILSEQ, 86},          {ENODATA, 87},
        {EBADMSG, 89},        {EPROTO, 92},          {ENOTRECOVERABLE, 95},
        {EOWNERDEAD, 96},     {EUCLEAN, 97},         {ETIME, 60},
        {EBADFD, 9},          {ENOMEDIUM, 6},        {EHWPOISON, 5},
        {41, 5},              {58, 5},               {134, 5},
        {-3, 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(fbsd_errno_from_linux(cases[i].l) == cases[i].f, "linux errno %d",
                      cases[i].l);
    for (int l = 1; l <= 133; l++) {
        int f = fbsd_errno_from_linux(l);
        ck_assert_msg(f >= 1 && f <= 97, "linux errno %d -> %d", l, f);
        ck_assert_ptr_nonnull(fbsd_errno_name(f));
    }
}
END_TEST

START_TEST(errno_round_trip)
{
    /* every FreeBSD errno with a Linux twin comes back unchanged */
    for (int f = 1; f <= 97; f++) {
        int l = fbsd_errno_to_linux(f);
        ck_assert_int_gt(l, 0);
        int exact = !(f == 67 || (f >= 72 && f <= 76) || (f >= 79 && f <= 81) || f == 88 ||
                      f == 93 || f == 94);
        if (exact)
            ck_assert_msg(fbsd_errno_from_linux(l) == f, "FreeBSD errno %d", f);
    }
    ck_assert_int_eq(fbsd_errno_to_linux(FBSD_EPROCLIM), EAGAIN);
    ck_assert_int_eq(fbsd_errno_to_linux(FBSD_ENOTCAPABLE), EPERM);
    ck_assert_int_eq(fbsd_errno_to_linux(FBSD_ENOATTR), ENODATA);
    ck_assert_int_eq(fbsd_errno_to_linux(0), 0);
    ck_assert_int_eq(fbsd_errno_to_linux(500), EINVAL);
}
END_TEST

/* ---------------------------------------------------------------- engine */

static const struct fbsd_flagmap demo[] = {
    {0, 0, "NONE"},
    {0x3, 0x30, "BOTH"},
    {0x1, 0x10, "ONE"},
    {0x2, 0x20, "TWO"},
    {0x4, 0, "BSDONLY"},
    {0, 0x100, "LINUXONLY"},
    {0, 0, NULL},
};

START_TEST(flag_engine)
{
    uint64_t unk = 99;
    ck_assert_uint_eq(fbsd_flags_to_linux(demo, 0x3, &unk), 0x30);
    ck_assert_uint_eq(unk, 0);
    ck_assert_uint_eq(fbsd_flags_to_linux(demo, 0x1 | 0x4 | 0x80, &unk), 0x10);
    ck_assert_uint_eq(unk, 0x80);
    ck_assert_uint_eq(fbsd_flags_from_linux(demo, 0x10 | 0x100 | 0x8000, &unk), 0x1);
    ck_assert_uint_eq(unk, 0x8000);
    ck_assert_uint_eq(fbsd_flags_from_linux(demo, 0x30, NULL), 0x3);
    char buf[64];
    ck_assert_uint_eq(fbsd_flags_format(demo, 0, buf, sizeof buf), 4);
    ck_assert_str_eq(buf, "NONE");
    fbsd_flags_format(demo, 0x3 | 0x4 | 0x40, buf, sizeof buf);
    ck_assert_str_eq(buf, "BOTH|BSDONLY|0x40");
    fbsd_flags_format(demo, 0x2, buf, sizeof buf);
    ck_assert_str_eq(buf, "TWO");
    /* truncation keeps a terminated prefix and reports the full length */
    ck_assert_uint_eq(fbsd_flags_format(demo, 0x3 | 0x4, buf, 6), strlen("BOTH|BSDONLY"));
    ck_assert_str_eq(buf, "BOTH|");
    ck_assert_uint_eq(fbsd_flags_format(demo, 0x3, NULL, 0), 4);
    ck_assert_uint_eq(fbsd_flags_format(fbsd_at_flags, 0, buf, sizeof buf), 1);
    ck_assert_str_eq(buf, "0");
}
END_TEST

START_TEST(value_engine)
{
    int64_t v = 0;
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_fcntl_cmds, 11, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, F_GETLK);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_fcntl_cmds, 10, &v), FBSD_VAL_NOLINUX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_fcntl_cmds, 99, &v), FBSD_VAL_UNKNOWN);
    ck_assert_int_eq(fbsd_val_from_linux(fbsd_fcntl_cmds, F_SETLKW, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, 13);
    ck_assert_int_eq(fbsd_val_from_linux(fbsd_fcntl_cmds, 12345, &v), FBSD_VAL_UNKNOWN);
    ck_assert_ptr_null(fbsd_val_lookup(fbsd_fcntl_cmds, -1));
    ck_assert_ptr_null(fbsd_val_lookup_linux(fbsd_madvise_advice, FBSD_NOMAP));
    ck_assert_str_eq(fbsd_val_name(fbsd_fcntl_cmds, 10), "F_DUP2FD");
    char buf[32];
    fbsd_val_format(fbsd_fcntl_cmds, 17, buf, sizeof buf);
    ck_assert_str_eq(buf, "F_DUPFD_CLOEXEC");
    ck_assert_uint_eq(fbsd_val_format(fbsd_fcntl_cmds, -42, buf, sizeof buf), 3);
    ck_assert_str_eq(buf, "-42");
}
END_TEST

/* ---------------------------------------------------------------- files */

START_TEST(open_flags)
{
    /* sys/sys/fcntl.h */
    static const struct { uint64_t f, l; } bits[] = {
        {0x0004, O_NONBLOCK}, {0x0008, O_APPEND},    {0x0040, O_ASYNC},
        {0x0080, O_SYNC},     {0x0100, O_NOFOLLOW},  {0x0200, O_CREAT},
        {0x0400, O_TRUNC},    {0x0800, O_EXCL},      {0x8000, O_NOCTTY},
        {0x10000, O_DIRECT},  {0x20000, O_DIRECTORY}, {0x40000, O_PATH},
        {0x100000, O_CLOEXEC}, {0x400000, O_PATH},   {0x1000000, O_DSYNC},
        {0x0010, 0},          {0x0020, 0},           {0x80000, 0},
        {0x200000, 0},        {0x800000, 0},         {0x2000000, 0},
    };
    uint64_t unk;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        ck_assert_uint_eq(fbsd_open_flags_to_linux(bits[i].f, &unk), bits[i].l);
        ck_assert_uint_eq(unk, 0);
    }
    ck_assert_uint_eq(fbsd_open_flags_to_linux(0x0001, &unk), O_WRONLY);
    ck_assert_uint_eq(fbsd_open_flags_to_linux(0x0002 | 0x0200 | 0x100000, &unk),
                      O_RDWR | O_CREAT | O_CLOEXEC);
    fbsd_open_flags_to_linux(0x0003, &unk);
    ck_assert_uint_eq(unk, 3); /* O_ACCMODE itself is invalid */
    fbsd_open_flags_to_linux(0x40000000, &unk);
    ck_assert_uint_eq(unk, 0x40000000);
    /* F_GETFL answers: Linux adds O_LARGEFILE on x86-64 */
    ck_assert_uint_eq(fbsd_open_flags_from_linux(O_RDWR | O_APPEND | 0x8000, &unk), 0x2 | 0x8);
    ck_assert_uint_eq(unk, 0);
    ck_assert_uint_eq(fbsd_open_flags_from_linux(O_SYNC, NULL), 0x80);
    ck_assert_uint_eq(fbsd_open_flags_from_linux(O_DSYNC, NULL), 0x1000000);
    ck_assert_uint_eq(fbsd_open_flags_from_linux(O_PATH, NULL), 0x400000);
    uint64_t common = 0x2 | 0x4 | 0x8 | 0x200 | 0x400 | 0x800 | 0x20000 | 0x100000;
    ck_assert_uint_eq(fbsd_open_flags_from_linux(fbsd_open_flags_to_linux(common, NULL), NULL),
                      common);
}
END_TEST

START_TEST(open_flags_format)
{
    char buf[96];
    fbsd_open_flags_format(0x2 | 0x200 | 0x100000 | 0x40000000, buf, sizeof buf);
    ck_assert_str_eq(buf, "O_RDWR|O_CREAT|O_CLOEXEC|0x40000000");
    fbsd_open_flags_format(0, buf, sizeof buf);
    ck_assert_str_eq(buf, "O_RDONLY");
    fbsd_open_flags_format(0x40000 | 0x20000, buf, sizeof buf);
    ck_assert_str_eq(buf, "O_DIRECTORY|O_EXEC");
    fbsd_open_flags_format(0x1 | 0x8, buf, sizeof buf);
    ck_assert_str_eq(buf, "O_WRONLY|O_APPEND");
}
END_TEST

START_TEST(at_flags)
{
    /* sys/sys/fcntl.h: EACCESS 0x100, SYMLINK_NOFOLLOW 0x200, SYMLINK_FOLLOW 0x400,
     * REMOVEDIR 0x800, RESOLVE_BENEATH 0x2000, EMPTY_PATH 0x4000 */
    uint64_t unk;
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x200, &unk), AT_SYMLINK_NOFOLLOW);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x800, &unk), AT_REMOVEDIR);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x100, &unk), AT_EACCESS);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x400, &unk), AT_SYMLINK_FOLLOW);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x4000, &unk), AT_EMPTY_PATH);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_at_flags, 0x2000, &unk), 0);
    ck_assert_uint_eq(unk, 0);
    fbsd_flags_to_linux(fbsd_at_flags, 0x1000, &unk); /* was AT_BENEATH */
    ck_assert_uint_eq(unk, 0x1000);
    ck_assert_int_eq(FBSD_AT_FDCWD, AT_FDCWD);
    char buf[64];
    fbsd_flags_format(fbsd_at_flags, 0x200 | 0x4000, buf, sizeof buf);
    ck_assert_str_eq(buf, "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH");
    fbsd_flags_format(fbsd_access_modes, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, "F_OK");
    fbsd_flags_format(fbsd_access_modes, 0x6, buf, sizeof buf);
    ck_assert_str_eq(buf, "R_OK|W_OK");
}
END_TEST

START_TEST(fcntl_cmds_and_flock)
{
    /* sys/sys/fcntl.h command values -> Linux */
    static const struct { int64_t f, l; } cmds[] = {
        {0, F_DUPFD}, {1, F_GETFD},  {2, F_SETFD},  {3, F_GETFL},
        {4, F_SETFL}, {5, F_GETOWN}, {6, F_SETOWN}, {11, F_GETLK},
        {12, F_SETLK}, {13, F_SETLKW}, {17, F_DUPFD_CLOEXEC},
        {19, F_ADD_SEALS}, {20, F_GET_SEALS},
    };
    int64_t v;
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        ck_assert_int_eq(fbsd_val_to_linux(fbsd_fcntl_cmds, cmds[i].f, &v), FBSD_VAL_OK);
        ck_assert_int_eq(v, cmds[i].l);
    }
    for (int f = 7; f <= 21; f++)
        ck_assert_ptr_nonnull(fbsd_val_name(fbsd_fcntl_cmds, f));
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_fcntl_cmds, 18, &v), FBSD_VAL_NOLINUX);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_fd_flags, 1, NULL), FD_CLOEXEC);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_seal_flags, 0xf, NULL),
                      F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);

    /* struct flock: FreeBSD l_start, l_len, l_pid, l_type, l_whence, l_sysid */
    struct fbsd_flock f = {100, 200, 42, FBSD_F_WRLCK, SEEK_CUR, 7}, back;
    struct flock l;
    ck_assert_int_eq(fbsd_flock_to_linux(&f, &l), 0);
    ck_assert_int_eq(l.l_type, F_WRLCK);
    ck_assert_int_eq(l.l_whence, SEEK_CUR);
    ck_assert_int_eq(l.l_start, 100);
    ck_assert_int_eq(l.l_len, 200);
    ck_assert_int_eq(l.l_pid, 42);
    ck_assert_int_eq(fbsd_flock_from_linux(&l, &back), 0);
    ck_assert_int_eq(back.l_type, 3);
    ck_assert_int_eq(back.l_start, 100);
    ck_assert_int_eq(back.l_sysid, 0);
    f.l_type = FBSD_F_RDLCK;
    fbsd_flock_to_linux(&f, &l);
    ck_assert_int_eq(l.l_type, F_RDLCK);
    f.l_type = FBSD_F_UNLCK;
    fbsd_flock_to_linux(&f, &l);
    ck_assert_int_eq(l.l_type, F_UNLCK);
    f.l_type = 9;
    ck_assert_int_eq(fbsd_flock_to_linux(&f, &l), FBSD_EINVAL);
    l.l_type = 77;
    ck_assert_int_eq(fbsd_flock_from_linux(&l, &back), FBSD_EINVAL);
}
END_TEST

/* ---------------------------------------------------------------- memory */

START_TEST(mmap_flags)
{
    /* sys/sys/mman.h: SHARED 1, PRIVATE 2, FIXED 0x10, STACK 0x400, ANON 0x1000,
     * GUARD 0x2000, EXCL 0x4000, NOCORE 0x20000, PREFAULT_READ 0x40000,
     * 32BIT 0x80000, MAP_ALIGNED(n) = n << 24 */
    int lp, lf;
    unsigned al;
    ck_assert_int_eq(fbsd_mmap_to_linux(3, 0x1000 | 0x2, &lp, &lf, &al), 0);
    ck_assert_int_eq(lp, PROT_READ | PROT_WRITE);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS);
    ck_assert_uint_eq(al, 0);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x1 | 0x10, &lp, &lf, &al), 0);
    ck_assert_int_eq(lf, MAP_SHARED | MAP_FIXED);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x2 | 0x10 | 0x4000, &lp, &lf, &al), 0);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_FIXED_NOREPLACE);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x2 | 0x4000, &lp, &lf, &al), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_mmap_to_linux(7, 0x2 | 0x1000 | 0x400 | 0x80000 | 0x40000, &lp, &lf,
                                        &al), 0);
    ck_assert_int_eq(lp, PROT_READ | PROT_WRITE | PROT_EXEC);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_32BIT | MAP_POPULATE);
    ck_assert_int_eq(fbsd_mmap_to_linux(3, 0x2 | 0x1000 | 0x20000 | 0x800, &lp, &lf, &al), 0);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS); /* NOCORE, NOSYNC: no Linux bit */
    /* neither SHARED nor PRIVATE: FreeBSD maps copy-on-write */
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x1000, &lp, &lf, &al), 0);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x1 | 0x2, &lp, &lf, &al), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x2 | 0x20, &lp, &lf, &al), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_mmap_to_linux(8, 0x2, &lp, &lf, &al), FBSD_EINVAL);
    /* PROT_MAX(prot) = prot << 16 only limits mprotect: dropped */
    ck_assert_int_eq(fbsd_mmap_to_linux(1 | (7 << 16), 0x2 | 0x1000, &lp, &lf, &al), 0);
    ck_assert_int_eq(lp, PROT_READ);
}
END_TEST

START_TEST(mmap_guard_and_alignment)
{
    int lp = -1, lf;
    unsigned al;
    ck_assert_int_eq(fbsd_mmap_to_linux(0, 0x2000, &lp, &lf, &al), 0);
    ck_assert_int_eq(lp, PROT_NONE);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);
    ck_assert_int_eq(fbsd_mmap_to_linux(0, 0x2000 | 0x10 | 0x4000, &lp, &lf, &al), 0);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE);
    ck_assert_int_eq(fbsd_mmap_to_linux(1, 0x2000, &lp, &lf, &al), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_mmap_to_linux(0, 0x2000 | 0x2, &lp, &lf, &al), FBSD_EINVAL);
    ck_assert_int_eq(fbsd_mmap_to_linux(3, 0x2 | 0x1000 | (21 << 24), &lp, &lf, &al), 0);
    ck_assert_uint_eq(al, 21);
    ck_assert_int_eq(lf, MAP_PRIVATE | MAP_ANONYMOUS);
    ck_assert_uint_eq(fbsd_map_alignment(FBSD_MAP_ALIGNED_SUPER), 1);
    ck_assert_uint_eq(FBSD_MAP_ALIGNED(12), 0x0c000000);
    ck_assert_uint_eq(fbsd_map_alignment(0x2), 0);
    char buf[80];
    fbsd_mmap_flags_format(0x2 | 0x1000 | (21 << 24), buf, sizeof buf);
    ck_assert_str_eq(buf, "MAP_PRIVATE|MAP_ANON|MAP_ALIGNED(21)");
    fbsd_mmap_flags_format(0x1 | FBSD_MAP_ALIGNED_SUPER, buf, sizeof buf);
    ck_assert_str_eq(buf, "MAP_SHARED|MAP_ALIGNED_SUPER");
    fbsd_mmap_flags_format(0x2 | 0x10 | 0x4000, buf, sizeof buf);
    ck_assert_str_eq(buf, "MAP_PRIVATE|MAP_FIXED|MAP_EXCL");
    fbsd_mmap_flags_format(0x2000, buf, sizeof buf);
    ck_assert_str_eq(buf, "MAP_GUARD");
    fbsd_flags_format(fbsd_mmap_prot, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, "PROT_NONE");
    fbsd_flags_format(fbsd_mmap_prot, 5, buf, sizeof buf);
    ck_assert_str_eq(buf, "PROT_READ|PROT_EXEC");
}
END_TEST

START_TEST(msync_and_madvise)
{
    /* sys/sys/mman.h: MS_SYNC 0, MS_ASYNC 1, MS_INVALIDATE 2 */
    ck_assert_int_eq(fbsd_msync_flags_to_linux(0), MS_SYNC);
    ck_assert_int_eq(fbsd_msync_flags_to_linux(1), MS_ASYNC);
    ck_assert_int_eq(fbsd_msync_flags_to_linux(2), MS_SYNC | MS_INVALIDATE);
    ck_assert_int_eq(fbsd_msync_flags_to_linux(3), -1);
    ck_assert_int_eq(fbsd_msync_flags_to_linux(4), -1);
    char buf[32];
    fbsd_flags_format(fbsd_msync_flags, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, "MS_SYNC");
    /* MADV_NORMAL 0 ... MADV_FREE 5, NOSYNC 6, AUTOSYNC 7, NOCORE 8, CORE 9, PROTECT 10 */
    int64_t v;
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 5, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, MADV_FREE);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 8, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, MADV_DONTDUMP);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 9, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, MADV_DODUMP);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 3, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, MADV_WILLNEED);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 4, &v), FBSD_VAL_NOLINUX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 10, &v), FBSD_VAL_NOLINUX);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_madvise_advice, 11, &v), FBSD_VAL_UNKNOWN);
    ck_assert_str_eq(fbsd_val_name(fbsd_madvise_advice, 6), "MADV_NOSYNC");
}
END_TEST

/* ---------------------------------------------------------------- processes */

START_TEST(wait_options_and_idtypes)
{
    /* sys/sys/wait.h: WNOHANG 1, WUNTRACED 2, WCONTINUED 4, WNOWAIT 8, WEXITED 0x10,
     * WTRAPPED 0x20; idtype_t P_PID 0, P_PGID 2, P_ALL 7, P_JAILID 12 */
    uint64_t unk;
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_wait_options, 0x1 | 0x2, &unk),
                      WNOHANG | WUNTRACED);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_wait_options, 0x4, &unk), WCONTINUED);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_wait_options, 0x8, &unk), WNOWAIT);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_wait_options, 0x10, &unk), WEXITED);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_wait_options, 0x20, &unk), 0);
    ck_assert_uint_eq(unk, 0);
    ck_assert_uint_eq(fbsd_flags_from_linux(fbsd_wait_options, WEXITED | WNOWAIT, &unk), 0x18);
    int64_t v;
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_idtypes, 0, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, P_PID);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_idtypes, 2, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, P_PGID);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_idtypes, 7, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, P_ALL);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_idtypes, 12, &v), FBSD_VAL_NOLINUX);
    ck_assert_str_eq(fbsd_val_name(fbsd_idtypes, 15), "P_PSETID");
}
END_TEST

START_TEST(poll_events)
{
    /* sys/sys/poll.h: IN 1, PRI 2, OUT 4, ERR 8, HUP 0x10, NVAL 0x20, RDNORM 0x40,
     * RDBAND 0x80, WRBAND 0x100, INIGNEOF 0x2000, RDHUP 0x4000 */
    uint64_t unk;
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_poll_events, 0x1 | 0x4 | 0x8 | 0x10 | 0x20, &unk),
                      POLLIN | POLLOUT | POLLERR | POLLHUP | POLLNVAL);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_poll_events, 0x100, &unk), POLLWRBAND);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_poll_events, 0x4000, &unk), POLLRDHUP);
    ck_assert_uint_eq(fbsd_flags_to_linux(fbsd_poll_events, 0x2000, &unk), POLLIN);
    ck_assert_uint_eq(fbsd_flags_from_linux(fbsd_poll_events, POLLWRNORM, &unk), 0x4);
    ck_assert_uint_eq(fbsd_flags_from_linux(fbsd_poll_events, POLLRDHUP | POLLWRBAND, &unk),
                      0x4000 | 0x100);
    ck_assert_uint_eq(unk, 0);
}
END_TEST

START_TEST(clock_ids)
{
    /* sys/sys/_clock_id.h */
    static const struct { int64_t f, l; } ids[] = {
        {0, CLOCK_REALTIME},           {1, -7},
        {2, -8},                       {4, CLOCK_MONOTONIC},
        {5, CLOCK_MONOTONIC},          {7, CLOCK_MONOTONIC},
        {8, CLOCK_MONOTONIC_COARSE},   {9, CLOCK_REALTIME},
        {10, CLOCK_REALTIME_COARSE},   {11, CLOCK_MONOTONIC},
        {12, CLOCK_MONOTONIC_COARSE},  {13, CLOCK_REALTIME_COARSE},
        {14, CLOCK_THREAD_CPUTIME_ID}, {15, CLOCK_PROCESS_CPUTIME_ID},
    };
    int64_t v;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        ck_assert_int_eq(fbsd_val_to_linux(fbsd_clock_ids, ids[i].f, &v), FBSD_VAL_OK);
        ck_assert_int_eq(v, ids[i].l);
        struct timespec ts;
        ck_assert_msg(clock_gettime((clockid_t)v, &ts) == 0, "host clock for FreeBSD %d",
                      (int)ids[i].f);
    }
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_clock_ids, 3, &v), FBSD_VAL_UNKNOWN);
    ck_assert_int_eq(fbsd_val_to_linux(fbsd_clock_ids, 6, &v), FBSD_VAL_UNKNOWN);
    ck_assert_int_eq(fbsd_val_from_linux(fbsd_clock_ids, CLOCK_MONOTONIC, &v), FBSD_VAL_OK);
    ck_assert_int_eq(v, 4);
    ck_assert_int_eq(fbsd_val_from_linux(fbsd_clock_ids, CLOCK_PROCESS_CPUTIME_ID, &v), 0);
    ck_assert_int_eq(v, 15);
    ck_assert_uint_eq(fbsd_val_lookup(fbsd_clock_ids, 13)->conv, FBSD_CONV_SPECIAL);
    ck_assert_str_eq(fbsd_val_name(fbsd_clock_ids, 8), "CLOCK_UPTIME_FAST");
}
END_TEST

START_TEST(rlimits)
{
    /* sys/sys/resource.h: CPU 0 ... NOFILE 8, SBSIZE 9, VMEM/AS 10, ..., UMTXP 14 */
    static const struct { int64_t f, l; } res[] = {
        {0, RLIMIT_CPU},   {1, RLIMIT_FSIZE}, {2, RLIMIT_DATA},    {3, RLIMIT_STACK},
        {4, RLIMIT_CORE},  {5, RLIMIT_RSS},   {6, RLIMIT_MEMLOCK}, {7, RLIMIT_NPROC},
        {8, RLIMIT_NOFILE}, {10, RLIMIT_AS},
    };
    int64_t v;
    for (size_t i = 0; i < sizeof res / sizeof res[0]; i++) {
        ck_assert_int_eq(fbsd_val_to_linux(fbsd_rlimit_resources, res[i].f, &v), FBSD_VAL_OK);
        ck_assert_int_eq(v, res[i].l);
    }
    for (int f = 11; f <= 14; f++)
        ck_assert_int_eq(fbsd_val_to_linux(fbsd_rlimit_resources, f, &v), FBSD_VAL_NOLINUX);
    ck_assert_uint_eq(FBSD_RLIM_INFINITY, 0x7fffffffffffffffull);
    ck_assert_uint_eq(fbsd_rlim_to_linux((int64_t)FBSD_RLIM_INFINITY), RLIM_INFINITY);
    ck_assert_int_eq(fbsd_rlim_from_linux(RLIM_INFINITY), (int64_t)FBSD_RLIM_INFINITY);
    ck_assert_uint_eq(fbsd_rlim_to_linux(1024), 1024);
    ck_assert_int_eq(fbsd_rlim_from_linux(8u << 20), 8 << 20);
    struct fbsd_rlimit f = {256, (int64_t)FBSD_RLIM_INFINITY}, back;
    struct rlimit l;
    fbsd_rlimit_to_linux(&f, &l);
    ck_assert_uint_eq(l.rlim_cur, 256);
    ck_assert_uint_eq(l.rlim_max, RLIM_INFINITY);
    fbsd_rlimit_from_linux(&l, &back);
    ck_assert_mem_eq(&back, &f, sizeof f);
    struct rusage ru;
    ck_assert_uint_eq(sizeof(struct fbsd_rusage), sizeof ru);
}
END_TEST

/* ---------------------------------------------------------------- kevent */

START_TEST(kevent_names)
{
    /* sys/sys/event.h: EVFILT_USER -11, NOTE_TRIGGER 0x01000000, NOTE_FFCOPY 0xc0000000 */
    ck_assert_int_eq(FBSD_EVFILT_USER, -11);
    ck_assert_uint_eq(FBSD_NOTE_TRIGGER, 0x01000000);
    ck_assert_str_eq(fbsd_val_name(fbsd_kevent_filters, -11), "EVFILT_USER");
    ck_assert_str_eq(fbsd_val_name(fbsd_kevent_filters, -1), "EVFILT_READ");
    ck_assert_str_eq(fbsd_val_name(fbsd_kevent_filters, -13), "EVFILT_EMPTY");
    ck_assert_ptr_null(fbsd_val_name(fbsd_kevent_filters, -14));
    char buf[80];
    fbsd_flags_format(fbsd_kevent_flags, 0x1 | 0x20, buf, sizeof buf);
    ck_assert_str_eq(buf, "EV_ADD|EV_CLEAR");
    fbsd_flags_format(fbsd_kevent_flags, 0x4000 | 0x8000, buf, sizeof buf);
    ck_assert_str_eq(buf, "EV_ERROR|EV_EOF");
    const struct fbsd_flagmap *t = fbsd_kevent_fflags_table(FBSD_EVFILT_USER);
    ck_assert_ptr_eq(t, fbsd_note_user);
    fbsd_flags_format(t, 0xc1000005u, buf, sizeof buf);
    ck_assert_str_eq(buf, "NOTE_FFCOPY|NOTE_TRIGGER|0x5");
    fbsd_flags_format(t, 0x01000000, buf, sizeof buf);
    ck_assert_str_eq(buf, "NOTE_TRIGGER");
    fbsd_flags_format(fbsd_kevent_fflags_table(FBSD_EVFILT_PROC), 0x80000000u, buf, sizeof buf);
    ck_assert_str_eq(buf, "NOTE_EXIT");
    fbsd_flags_format(fbsd_kevent_fflags_table(FBSD_EVFILT_VNODE), 0x2 | 0x8, buf, sizeof buf);
    ck_assert_str_eq(buf, "NOTE_WRITE|NOTE_ATTRIB");
    ck_assert_ptr_null(fbsd_kevent_fflags_table(FBSD_EVFILT_SIGNAL));
    /* kevent (FreeBSD 12+): 64 bytes with ext[4] at 32 */
    ck_assert_uint_eq(sizeof(struct fbsd_kevent), 64);
    ck_assert_uint_eq(offsetof(struct fbsd_kevent, udata), 24);
}
END_TEST

START_TEST(misc_layouts)
{
    ck_assert_uint_eq(sizeof(struct fbsd_thr_param), 104);
    ck_assert_uint_eq(offsetof(struct fbsd_thr_param, flags), 64);
    ck_assert_uint_eq(sizeof(struct fbsd_umtx_time), 24);
    ck_assert_uint_eq(sizeof(struct fbsd_itimerval), 32);
    ck_assert_uint_eq(sizeof(struct fbsd_pollfd), 8);
    ck_assert_uint_eq(FBSD_CTL_KERN, 1);
    ck_assert_uint_eq(FBSD_CTL_HW, 6);
    ck_assert_uint_eq(FBSD_KERN_OSTYPE, 1);
    ck_assert_uint_eq(FBSD_KERN_OSRELDATE, 24);
    ck_assert_uint_eq(FBSD_HW_PAGESIZE, 7);
    ck_assert_uint_eq(FBSD_CPU_LEVEL_WHICH, 3);
    ck_assert_uint_eq(FBSD_CPU_WHICH_PID, 2);
}
END_TEST

Suite *suite_fbsd_abi(void)
{
    Suite *s = suite_create("fbsd_abi");
    TCase *tc = tcase_create("errno");
    tcase_add_test(tc, errno_names_and_numbers);
    tcase_add_test(tc, errno_messages);
    tcase_add_test(tc, errno_from_linux);
    tcase_add_test(tc, errno_round_trip);
    suite_add_tcase(s, tc);
    tc = tcase_create("tables");
    tcase_add_test(tc, flag_engine);
    tcase_add_test(tc, value_engine);
    tcase_add_test(tc, open_flags);
    tcase_add_test(tc, open_flags_format);
    tcase_add_test(tc, at_flags);
    tcase_add_test(tc, fcntl_cmds_and_flock);
    tcase_add_test(tc, mmap_flags);
    tcase_add_test(tc, mmap_guard_and_alignment);
    tcase_add_test(tc, msync_and_madvise);
    tcase_add_test(tc, wait_options_and_idtypes);
    tcase_add_test(tc, poll_events);
    tcase_add_test(tc, clock_ids);
    tcase_add_test(tc, rlimits);
    tcase_add_test(tc, kevent_names);
    tcase_add_test(tc, misc_layouts);
    suite_add_tcase(s, tc);
    return s;
}
