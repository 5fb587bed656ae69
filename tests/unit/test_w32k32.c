/* test_w32k32.c — kernel32's pure rules: GetFullPathName normalisation,
 * FindFirstFile wildcards, invalid names, command-line splitting,
 * FILETIME/SYSTEMTIME calendar arithmetic, time-zone rule dates, the
 * linguistic comparison behind CompareString, and errno → Win32 error. */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "win32/kernel32/cmdsplit.h"
#include "win32/kernel32/strsort.h"
#include "win32/kernel32/timeconv.h"
#include "win32/kernel32/winpath.h"
#include "win32/unicode.h"
#include "win32/w32.h"

static const char *full(const char *cwd, const char *path)
{
    static char buf[512];
    long fp;
    size_t n = k32_full_path(cwd, path, buf, sizeof buf, &fp);
    ck_assert_uint_lt(n, sizeof buf);
    return buf;
}

START_TEST(full_path_rules)
{
    ck_assert_str_eq(full("C:\\work", "a\\b.txt"), "C:\\work\\a\\b.txt");
    ck_assert_str_eq(full("C:\\work", "C:\\a\\b\\..\\.\\c.txt"), "C:\\a\\c.txt");
    ck_assert_str_eq(full("C:\\work", "..\\..\\..\\x"), "C:\\x");
    ck_assert_str_eq(full("Z:\\tmp", "\\etc\\hosts"), "Z:\\etc\\hosts");
    ck_assert_str_eq(full("C:\\work", "c:/a//b/"), "C:\\a\\b\\");
    ck_assert_str_eq(full("C:\\work", "C:rel"), "C:\\work\\rel");
    ck_assert_str_eq(full("C:\\work", "file.txt."), "C:\\work\\file.txt");
    ck_assert_str_eq(full("C:\\work", "NUL"), "\\\\.\\NUL");
    ck_assert_str_eq(full("C:\\", "."), "C:\\");
}
END_TEST

START_TEST(full_path_file_part_and_size)
{
    char small[8];
    long fp = 0;
    size_t need = k32_full_path("C:\\work", "name.txt", small, sizeof small, &fp);
    ck_assert_uint_eq(need, strlen("C:\\work\\name.txt") + 1); /* too small: the size with the NUL */
    char buf[64];
    ck_assert_uint_eq(k32_full_path("C:\\work", "name.txt", buf, sizeof buf, &fp), strlen("C:\\work\\name.txt"));
    ck_assert_str_eq(buf + fp, "name.txt");
    k32_full_path("C:\\work", "dir\\", buf, sizeof buf, &fp);
    ck_assert_int_eq(fp, -1);
}
END_TEST

START_TEST(wildcards)
{
    ck_assert(k32_wild_match("*", "anything"));
    ck_assert(k32_wild_match("*.*", "noext"));
    ck_assert(k32_wild_match("*.TXT", "notes.txt"));
    ck_assert(k32_wild_match("a?c", "ABC"));
    ck_assert(!k32_wild_match("a?c", "abbc"));
    ck_assert(k32_wild_match("*.", "README"));
    ck_assert(!k32_wild_match("*.", "read.me"));
    ck_assert(k32_wild_match("data*.bin", "data.bin"));
    ck_assert(k32_wild_match("\xc3\xa9t\xc3\xa9*", "\xc3\x89T\xc3\x89.txt")); /* été / ÉTÉ */
    ck_assert(!k32_wild_match("*.c", "x.cpp"));
}
END_TEST

START_TEST(bad_names)
{
    ck_assert(k32_bad_name("C:\\dir\\bad<name", 0));
    ck_assert(k32_bad_name("a|b", 0));
    ck_assert(k32_bad_name("dir\\x?.txt", 0));
    ck_assert(!k32_bad_name("dir\\x?.txt", 1));
    ck_assert(k32_bad_name("di*r\\x.txt", 1)); /* wildcards only in the last part */
    ck_assert(k32_bad_name("C:\\a:b", 0));
    ck_assert(!k32_bad_name("C:\\ok name.txt", 0));
    ck_assert(!k32_bad_name("\\\\?\\C:\\x", 0));
}
END_TEST

static void split_is(const char *cmd, int n, const char *const *want)
{
    int argc = -1;
    char **v = k32_split_cmdline(cmd, &argc);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(argc, n);
    for (int i = 0; i < n; i++)
        ck_assert_str_eq(v[i], want[i]);
    ck_assert_ptr_null(v[n]);
    free(v);
}

START_TEST(command_lines)
{
    split_is("prog.exe one \"two three\" four", 4, (const char *[]){ "prog.exe", "one", "two three", "four" });
    split_is("p a\\\\\\\"b", 2, (const char *[]){ "p", "a\\\"b" });
    split_is("p a\\\\\"b c\" d", 3, (const char *[]){ "p", "a\\b c", "d" });
    split_is("p \"\" x \"\"", 4, (const char *[]){ "p", "", "x", "" });
    split_is("\"C:\\Program Files\\app.exe\" arg", 2, (const char *[]){ "C:\\Program Files\\app.exe", "arg" });
    split_is("C:\\dir\\app.exe\\\" x", 2, (const char *[]){ "C:\\dir\\app.exe\\\"", "x" });
    split_is("p \"a\"\"b\"", 2, (const char *[]){ "p", "a\"b" });
    split_is("p   \t", 1, (const char *[]){ "p" });
}
END_TEST

START_TEST(calendar)
{
    struct k32_civil c;
    ck_assert(k32_ft_to_civil(133485408000000000ull + 123456789ull, &c));
    ck_assert_int_eq(c.year, 2024);
    ck_assert_int_eq(c.month, 1);
    ck_assert_int_eq(c.day, 1);
    ck_assert_int_eq(c.second, 12);
    ck_assert_int_eq(c.ms, 345);
    ck_assert_int_eq(c.dow, 1); /* a Monday */
    struct k32_civil y2k = { 1999, 12, 31, 23, 59, 59, 999, 0 };
    uint64_t ft;
    ck_assert(k32_civil_to_ft(&y2k, &ft));
    ck_assert_uint_eq(ft, 125911583999990000ull);
    struct k32_civil bad = { 2023, 2, 29, 0, 0, 0, 0, 0 };
    ck_assert(!k32_civil_to_ft(&bad, &ft));
    struct k32_civil leap = { 2024, 2, 29, 0, 0, 0, 0, 0 };
    ck_assert(k32_civil_to_ft(&leap, &ft));
    ck_assert(k32_ft_to_civil(0, &c));
    ck_assert_int_eq(c.year, 1601);
    ck_assert_int_eq(c.dow, 1);
    ck_assert_uint_eq(K32_EPOCH_DIFF, (uint64_t)k32_days_from_civil(1970, 1, 1) * K32_TICKS_PER_DAY);
}
END_TEST

START_TEST(weekday_rules)
{
    ck_assert_int_eq(k32_nth_weekday(2024, 3, 0, 2), 10);  /* US DST start: 2nd Sunday of March */
    ck_assert_int_eq(k32_nth_weekday(2024, 11, 0, 1), 3);  /* US DST end: 1st Sunday of November */
    ck_assert_int_eq(k32_nth_weekday(2024, 3, 0, 5), 31);  /* EU: last Sunday of March */
    ck_assert_int_eq(k32_nth_weekday(2024, 10, 0, 5), 27); /* last Sunday of October */
}
END_TEST

static int cmp8(const char *a, const char *b, DWORD flags)
{
    WCHAR wa[64], wb[64];
    size_t na = w32_utf8_to_utf16(a, -1, wa, 64), nb = w32_utf8_to_utf16(b, -1, wb, 64);
    int c = k32_sort_compare(wa, na, wb, nb, flags);
    BYTE ka[256], kb[256];
    size_t la = k32_sort_key(wa, na, flags, ka, sizeof ka), lb = k32_sort_key(wb, nb, flags, kb, sizeof kb);
    int k = memcmp(ka, kb, la < lb ? la : lb);
    k = k ? k : (la > lb) - (la < lb);
    ck_assert_int_eq(c < 0 ? -1 : c > 0, k < 0 ? -1 : k > 0); /* keys order as comparisons do */
    return c < 0 ? -1 : c > 0;
}

START_TEST(collation)
{
    ck_assert_int_eq(cmp8("abc", "abd", 0), -1);
    ck_assert_int_eq(cmp8("HeLLo", "hello", K32_NORM_IGNORECASE), 0);
    ck_assert_int_eq(cmp8("a", "B", 0), -1);        /* case only breaks ties */
    ck_assert_int_eq(cmp8("a", "A", 0), -1);        /* lower case first */
    ck_assert_int_eq(cmp8("_x", "ax", 0), -1);      /* punctuation before letters */
    ck_assert_int_eq(cmp8("9", "a", 0), -1);        /* digits before letters */
    ck_assert_int_eq(cmp8("\xc3\xa9t\xc3\xa9", "ete", K32_NORM_IGNORENONSPACE), 0);
    ck_assert_int_eq(cmp8("\xc3\xa9t\xc3\xa9", "etf", 0), -1); /* accents are secondary */
    ck_assert_int_eq(cmp8("coop", "co-op", 0), -1);              /* hyphen only breaks the tie */
    ck_assert_int_eq(cmp8("co-op", "coop", K32_SORT_STRINGSORT), -1);
}
END_TEST

START_TEST(errno_map)
{
    ck_assert_uint_eq(w32_error_from_errno(ENOENT), 2);
    ck_assert_uint_eq(w32_error_from_errno(EACCES), 5);
    ck_assert_uint_eq(w32_error_from_errno(EEXIST), 183);
    ck_assert_uint_eq(w32_error_from_errno(ENOTEMPTY), 145);
    ck_assert_uint_eq(w32_error_from_errno(ENOSPC), 112);
}
END_TEST

START_TEST(case_mapping)
{
    ck_assert_uint_eq(w32_towupper(0xe9), 0xc9);   /* é */
    ck_assert_uint_eq(w32_towupper(0xdf), 0xdf);   /* ß stays */
    ck_assert_uint_eq(w32_towupper(0x3b1), 0x391); /* α */
    ck_assert_uint_eq(w32_towlower('Q'), 'q');
}
END_TEST

Suite *suite_w32k32(void)
{
    Suite *s = suite_create("w32k32");
    TCase *t = tcase_create("rules");
    tcase_add_test(t, full_path_rules);
    tcase_add_test(t, full_path_file_part_and_size);
    tcase_add_test(t, wildcards);
    tcase_add_test(t, bad_names);
    tcase_add_test(t, command_lines);
    tcase_add_test(t, calendar);
    tcase_add_test(t, weekday_rules);
    tcase_add_test(t, collation);
    tcase_add_test(t, errno_map);
    tcase_add_test(t, case_mapping);
    suite_add_tcase(s, t);
    return s;
}
