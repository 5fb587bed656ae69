/* test_cli.c — command-line pieces: trace option parsing and the
 * binfmt_misc registration lines. */
#include <check.h>
#include <string.h>

#include "binfmt.h"
#include "suites.h"
#include "trace_cli.h"
#include "../syscalls/trace_opts.h"

START_TEST(trace_options)
{
    char *argv[] = { "trace", "-f", "-tt", "-T", "-s", "64", "-e", "trace=open,%file",
                     "-o", "out.txt", "--json", "prog", "-x", NULL };
    struct trace_opts o;
    int i = trace_parse_args(13, argv, &o);
    ck_assert_int_eq(i, 11);
    ck_assert_int_eq(o.follow, 1);
    ck_assert_int_eq(o.timestamps, 2);
    ck_assert_int_eq(o.show_time, 1);
    ck_assert_int_eq(o.strsize, 64);
    ck_assert_str_eq(o.filter, "open,%file");
    ck_assert_str_eq(o.outfile, "out.txt");
    ck_assert_int_eq(o.json, 1);
    char *bad[] = { "trace", "-e", "abbrev=none", "prog", NULL };
    ck_assert_int_eq(trace_parse_args(4, bad, &o), -1);
    char *none[] = { "trace", "-c", NULL };
    ck_assert_int_eq(trace_parse_args(2, none, &o), -1);
}
END_TEST

START_TEST(binfmt_rules)
{
    char buf[512];
    ck_assert_str_eq(binfmt_rule(0, "/usr/bin/xeno", buf, sizeof buf),
                     ":xeno-pe:M::MZ::/usr/bin/xeno:");
    const char *fb = binfmt_rule(1, "/x", buf, sizeof buf);
    ck_assert_ptr_nonnull(fb);
    ck_assert_ptr_nonnull(strstr(fb, ":xeno-freebsd:M::\\x7fELF\\x02\\x01\\x01\\x09"));
    ck_assert_ptr_null(binfmt_rule(2, "/x", buf, sizeof buf));
}
END_TEST

Suite *suite_cli(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_test(tc, trace_options);
    tcase_add_test(tc, binfmt_rules);
    suite_add_tcase(s, tc);
    return s;
}
