/* test_parse_elf.c — ELF inputs found by the fuzzers (tests/fuzz): each
 * once crashed, leaked or gave an unclear message; now each is refused
 * with one clear line, or described without reading outside the file. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "elf_info.h"
#include "info.h"
#include "pebuild.h"
#include "suites.h"
#include "testfile.h"

static uint8_t buf[0x400];

/* A FreeBSD amd64 executable: one r-x PT_LOAD of the whole file at
 * 0x200000, entry inside it, a syscall instruction at offset 0x200. */
static void build(void)
{
    memset(buf, 0, sizeof buf);
    memcpy(buf, "\177ELF", 4);
    buf[4] = 2, buf[5] = 1, buf[6] = 1, buf[7] = 9;
    pb_w16(buf + 16, 2), pb_w16(buf + 18, 62), pb_w32(buf + 20, 1);
    pb_w64(buf + 24, 0x200200), pb_w64(buf + 32, 64);
    pb_w16(buf + 52, 64), pb_w16(buf + 54, 56), pb_w16(buf + 56, 1);
    uint8_t *ph = buf + 64;
    pb_w32(ph, 1), pb_w32(ph + 4, 5);
    pb_w64(ph + 16, 0x200000), pb_w64(ph + 24, 0x200000);
    pb_w64(ph + 32, sizeof buf), pb_w64(ph + 40, sizeof buf), pb_w64(ph + 48, 0x1000);
    memcpy(buf + 0x200, "\xb8\x14\x00\x00\x00\x0f\x05\xc3", 8); /* mov $20,%eax; syscall */
}

static int parse(struct elf_info *ei, struct xerr *e)
{
    static struct xfile f;
    f = testfile(buf, sizeof buf);
    return elf_parse(ei, &f, e);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcmp(s + n - m, tail);
}

/* libelf takes these as "no kind" and records no error: the message was
 * "malformed ELF file: no error" (or an earlier file's error), and the
 * Elf handle leaked (the ASan run of this suite checks leaks). */
START_TEST(bad_identity)
{
    static const struct { int at, val; const char *expect; } cases[] = {
        { 4, 0x41, "invalid ELF class 65" },
        { 4, 0, "invalid ELF class 0" },
        { 5, 7, "invalid ELF data encoding 7" },
        { 6, 0, "unsupported ELF version 0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct elf_info ei;
        struct xerr e = { "" };
        build();
        buf[cases[i].at] = (uint8_t)cases[i].val;
        ck_assert_int_eq(parse(&ei, &e), -1);
        ck_assert_msg(strstr(e.msg, cases[i].expect) != NULL, "[%s] lacks [%s]", e.msg,
                      cases[i].expect);
        ck_assert(!ends_with(e.msg, "no error"));
    }
}
END_TEST

START_TEST(valid_still_parses)
{
    struct elf_info ei;
    struct xerr e;
    build();
    ck_assert_int_eq(parse(&ei, &e), 0);
    ck_assert_int_eq(ei.os, ELF_OS_FREEBSD);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), 0);
    elf_free(&ei);
}
END_TEST

/* `xeno info`'s syscall prediction with stdout sent to /dev/null. */
static void predict_quietly(const struct elf_info *ei)
{
    fflush(stdout);
    int keep = dup(1);
    FILE *null = fopen("/dev/null", "w");
    ck_assert(keep >= 0 && null);
    dup2(fileno(null), 1);
    info_freebsd_syscalls(ei);
    fflush(stdout);
    dup2(keep, 1);
    close(keep);
    fclose(null);
}

/* The code segment's offset + size wrapped around to inside the file, so
 * the prediction disassembled far past its end. */
START_TEST(code_segment_wraps)
{
    struct elf_info ei;
    struct xerr e;
    build();
    uint8_t *ph = buf + 64;
    pb_w64(ph + 8, 0x100), pb_w64(ph + 16, 0);
    pb_w64(ph + 32, 0x10 - 0x100ull), pb_w64(ph + 40, 0x10 - 0x100ull);
    ck_assert_int_eq(parse(&ei, &e), 0);
    predict_quietly(&ei);
    ck_assert_int_eq(elf_check_loadable(&ei, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "past the end of the file"));
    ei.phdr[0].p_vaddr = ~0ull; /* the fuzzer's input: address + size wraps too */
    ei.phdr[0].p_filesz = ei.phdr[0].p_memsz = ~0ull;
    predict_quietly(&ei);
    elf_free(&ei);
}
END_TEST

Suite *suite_parse_elf(void)
{
    Suite *s = suite_create("parse_elf");
    TCase *tc = tcase_create("fuzz findings");
    tcase_add_test(tc, bad_identity);
    tcase_add_test(tc, valid_still_parses);
    tcase_add_test(tc, code_segment_wraps);
    suite_add_tcase(s, tc);
    return s;
}
