/* test_detect.c — format detection and its one-line reasons. */
#include <check.h>
#include <string.h>

#include "detect.h"
#include "pebuild.h"
#include "suites.h"
#include "testfile.h"

static struct xdetect run(void *buf, size_t n)
{
    struct xfile f = testfile(buf, n);
    struct xdetect d;
    xdetect(&f, &d);
    return d;
}

START_TEST(pe_machines)
{
    static uint8_t b[PB_SIZE];
    pebuild(b);
    ck_assert_int_eq(run(b, sizeof b).kind, XK_PE64);
    pb_w16(b + PB_PE_OFF + 4, 0x14c);
    struct xdetect d = run(b, sizeof b);
    ck_assert_int_eq(d.kind, XK_UNSUPPORTED);
    ck_assert_str_eq(d.why, "32-bit (i386) Windows programs are not supported");
    pb_w16(b + PB_PE_OFF + 4, 0xaa64);
    d = run(b, sizeof b);
    ck_assert_str_eq(d.why, "ARM64 Windows programs are not supported (only x86-64)");
    b[PB_PE_OFF] = 0;
    d = run(b, sizeof b);
    ck_assert_str_eq(d.why, "MS-DOS programs are not supported");
}
END_TEST

static size_t mini_elf(uint8_t *b, int cls, int osabi, int machine)
{
    memset(b, 0, 256);
    memcpy(b, "\177ELF", 4);
    b[4] = (uint8_t)cls, b[5] = 1, b[6] = 1, b[7] = (uint8_t)osabi;
    if (cls == 2) {
        pb_w16(b + 16, 2), pb_w16(b + 18, (uint16_t)machine), pb_w32(b + 20, 1);
        pb_w16(b + 52, 64);
    } else {
        pb_w16(b + 16, 2), pb_w16(b + 18, (uint16_t)machine), pb_w32(b + 20, 1);
        pb_w16(b + 40, 52);
    }
    return 256;
}

START_TEST(elf_kinds)
{
    static uint8_t b[256];
    ck_assert_int_eq(run(b, mini_elf(b, 2, 9, 62)).kind, XK_ELF_FREEBSD);
    ck_assert_int_eq(run(b, mini_elf(b, 2, 0, 62)).kind, XK_ELF_LINUX);
    struct xdetect d = run(b, mini_elf(b, 2, 12, 62));
    ck_assert_str_eq(d.why, "OpenBSD programs are not supported");
    d = run(b, mini_elf(b, 2, 9, 183));
    ck_assert_str_eq(d.why, "64-bit AArch64 ELF programs are not supported (only 64-bit x86-64)");
    d = run(b, mini_elf(b, 1, 0, 3));
    ck_assert_str_eq(d.why, "32-bit i386 ELF programs are not supported (only 64-bit x86-64)");
}
END_TEST

START_TEST(other_formats)
{
    ck_assert_str_eq(run("#!/bin/sh\necho\n", 15).why,
                     "is a script, not a binary: run it with its interpreter");
    ck_assert_str_eq(run("\xcf\xfa\xed\xfe\x07\0\0\x01", 8).why,
                     "Mach-O (macOS) programs are not supported");
    ck_assert_str_eq(run("\xca\xfe\xba\xbe\0\0\0\x02", 8).why,
                     "Mach-O (macOS) programs are not supported");
    /* a Java class file shares the universal binary's magic */
    ck_assert_str_eq(run("\xca\xfe\xba\xbe\0\0\0\x34", 8).what, "data");
    ck_assert_str_eq(run("hello world", 11).what, "data");
    ck_assert_str_eq(run("M", 1).what, "data");
}
END_TEST

Suite *suite_detect(void)
{
    Suite *s = suite_create("detect");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, pe_machines);
    tcase_add_test(tc, elf_kinds);
    tcase_add_test(tc, other_formats);
    suite_add_tcase(s, tc);
    return s;
}
