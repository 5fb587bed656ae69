/* test_elf.c — ELF branding and loadability checks on synthetic files. */
#include <check.h>
#include <string.h>

#include "elf_info.h"
#include "pebuild.h"
#include "suites.h"
#include "testfile.h"

/* A 64-bit ELF with one PT_LOAD (r-x, 0x1000 bytes at 0x200000) and
 * optionally a PT_NOTE holding the FreeBSD ABI tag. */
static uint8_t buf[0x1000];

static size_t build(int osabi, int with_note)
{
    memset(buf, 0, sizeof buf);
    memcpy(buf, "\177ELF", 4);
    buf[4] = 2, buf[5] = 1, buf[6] = 1, buf[7] = (uint8_t)osabi;
    pb_w16(buf + 16, 2), pb_w16(buf + 18, 62), pb_w32(buf + 20, 1);
    pb_w64(buf + 24, 0x200100);          /* entry */
    pb_w64(buf + 32, 64);                /* phoff */
    pb_w16(buf + 52, 64), pb_w16(buf + 54, 56);
    pb_w16(buf + 56, (uint16_t)(1 + with_note));
    uint8_t *ph = buf + 64;
    pb_w32(ph, 1), pb_w32(ph + 4, 5);    /* PT_LOAD, r-x */
    pb_w64(ph + 16, 0x200000), pb_w64(ph + 24, 0x200000);
    pb_w64(ph + 32, sizeof buf), pb_w64(ph + 40, sizeof buf), pb_w64(ph + 48, 0x1000);
    if (with_note) {
        ph += 56;
        pb_w32(ph, 4), pb_w32(ph + 4, 4);
        pb_w64(ph + 8, 0x200), pb_w64(ph + 32, 24), pb_w64(ph + 40, 24), pb_w64(ph + 48, 4);
        uint8_t *n = buf + 0x200;
        pb_w32(n, 8), pb_w32(n + 4, 4), pb_w32(n + 8, 1);
        memcpy(n + 12, "FreeBSD", 8);
        pb_w32(n + 20, 1302001);
    }
    return sizeof buf;
}

static int parse(size_t n, struct elf_info *ei, struct xerr *e)
{
    static struct xfile f;
    f = testfile(buf, n);
    return elf_parse(ei, &f, e);
}

START_TEST(branding)
{
    struct elf_info ei;
    struct xerr e;
    ck_assert_int_eq(parse(build(9, 0), &ei, &e), 0);
    ck_assert_int_eq(ei.os, ELF_OS_FREEBSD);
    elf_free(&ei);
    ck_assert_int_eq(parse(build(0, 1), &ei, &e), 0);
    ck_assert_int_eq(ei.os, ELF_OS_FREEBSD);
    ck_assert_uint_eq(ei.abi_version, 1302001);
    elf_free(&ei);
    ck_assert_int_eq(parse(build(0, 0), &ei, &e), 0);
    ck_assert_int_eq(ei.os, ELF_OS_LINUX);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), 0);
    elf_free(&ei);
}
END_TEST

START_TEST(unloadable)
{
    struct elf_info ei;
    struct xerr e;
    build(9, 0);
    pb_w64(buf + 24, 0x900000); /* entry outside the segment */
    ck_assert_int_eq(parse(sizeof buf, &ei, &e), 0);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "entry point"));
    elf_free(&ei);
    build(9, 0);
    pb_w64(buf + 64 + 32, 0x5000); /* p_filesz beyond the file */
    pb_w64(buf + 64 + 40, 0x5000);
    ck_assert_int_eq(parse(sizeof buf, &ei, &e), 0);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "past the end of the file"));
    elf_free(&ei);
    build(9, 0);
    pb_w64(buf + 64 + 16, 0x200010); /* vaddr and offset disagree */
    ck_assert_int_eq(parse(sizeof buf, &ei, &e), 0);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "modulo"));
    elf_free(&ei);
    build(9, 0);
    pb_w16(buf + 56, 0xff00); /* program headers past the end */
    ck_assert_int_eq(parse(sizeof buf, &ei, &e), -1);
}
END_TEST

Suite *suite_elf(void)
{
    Suite *s = suite_create("elf");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, branding);
    tcase_add_test(tc, unloadable);
    suite_add_tcase(s, tc);
    return s;
}
