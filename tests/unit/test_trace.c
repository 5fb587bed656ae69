/* test_trace.c — the tracer's core: strace-style quoting and truncation,
 * JSON strings, XENO_TRACE options, the -e trace= filter and its classes,
 * one call printed as text and as JSON (errors, unfinished/resumed,
 * injected, -T, --host), the -c table and the relay name filter. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "linux/ldecode.h"
#include "linux/ltable.h"
#include "suites.h"
#include "test_trace.h"

static const char *quoted(const char *s, size_t n, int complete, int strsize)
{
    static struct tline l;
    trace_cfg.strsize = strsize;
    tl_init(&l);
    tl_quoted(&l, s, n, complete);
    return l.buf;
}

START_TEST(quoting_like_strace)
{
    ck_assert_str_eq(quoted("hello\n", 6, 1, 32), "\"hello\\n\"");
    ck_assert_str_eq(quoted("a\"b\\c\td", 7, 1, 32), "\"a\\\"b\\\\c\\td\"");
    ck_assert_str_eq(quoted("\x1b[0m", 4, 1, 32), "\"\\33[0m\"");
    /* an octal escape before a digit keeps three digits */
    ck_assert_str_eq(quoted("\0017", 2, 1, 32), "\"\\0017\"");
    ck_assert_str_eq(quoted("\377", 1, 1, 32), "\"\\377\"");
    ck_assert_str_eq(quoted("abcdefgh", 8, 1, 4), "\"abcd\"...");
    ck_assert_str_eq(quoted("abcd", 4, 1, 4), "\"abcd\"");
    ck_assert_str_eq(quoted("ab", 2, 0, 4), "\"ab\"...");
}
END_TEST

START_TEST(json_strings)
{
    struct tline l;
    tl_init(&l);
    tl_json_string(&l, "a\"b\\c\n\t\x01", 8);
    ck_assert_str_eq(l.buf, "\"a\\\"b\\\\c\\n\\t\\u0001\"");
    tl_init(&l);
    tl_json_string(&l, "caf\xc3\xa9 \xff", 7); /* UTF-8 kept, a stray byte escaped */
    ck_assert_str_eq(l.buf, "\"caf\xc3\xa9 \\u00ff\"");
}
END_TEST

START_TEST(options_from_environment)
{
    struct trace_opts o;
    unsetenv("XENO_TRACE");
    ck_assert_int_eq(trace_opts_from_env(&o), 0);
    setenv("XENO_TRACE", "0", 1);
    ck_assert_int_eq(trace_opts_from_env(&o), 0);
    setenv("XENO_TRACE", "f,tt,T,s64,json,c,stats,host", 1);
    setenv("XENO_TRACE_FILE", "/tmp/t.txt", 1);
    setenv("XENO_TRACE_FILTER", "%file", 1);
    ck_assert_int_eq(trace_opts_from_env(&o), 1);
    ck_assert_int_eq(o.follow, 1);
    ck_assert_int_eq(o.timestamps, 2);
    ck_assert_int_eq(o.show_time, 1);
    ck_assert_int_eq(o.strsize, 64);
    ck_assert_int_eq(o.json + o.summary + o.stats + o.host, 4);
    ck_assert_str_eq(o.outfile, "/tmp/t.txt");
    ck_assert_str_eq(o.filter, "%file");
    char buf[128];
    trace_opts_format(&o, buf, sizeof buf);
    ck_assert_str_eq(buf, "1,s64,f,tt,T,c,json,host,stats");
    setenv("XENO_TRACE", "1", 1);
    unsetenv("XENO_TRACE_FILE");
    ck_assert_int_eq(trace_opts_from_env(&o), 1);
    ck_assert_int_eq(o.follow + o.timestamps + o.json, 0);
    ck_assert_int_eq(o.strsize, 32);
    ck_assert_ptr_null(o.outfile);
}
END_TEST

START_TEST(filter_names_and_classes)
{
    struct trace_filter f;
    ck_assert_int_eq(trace_filter_parse(&f, "openat,close", &linux_trace_names), 0);
    ck_assert(trace_filter_match(&f, SYS_openat));
    ck_assert(trace_filter_match(&f, SYS_close));
    ck_assert(!trace_filter_match(&f, SYS_read));
    ck_assert_int_eq(trace_filter_parse(&f, "%file", &linux_trace_names), 0);
    ck_assert(trace_filter_match(&f, SYS_openat) && trace_filter_match(&f, SYS_unlink));
    ck_assert(trace_filter_match(&f, SYS_execve) && !trace_filter_match(&f, SYS_read));
    ck_assert_int_eq(trace_filter_parse(&f, "%network,%process", &linux_trace_names), 0);
    ck_assert(trace_filter_match(&f, SYS_connect) && trace_filter_match(&f, SYS_socket));
    ck_assert(trace_filter_match(&f, SYS_clone) && trace_filter_match(&f, SYS_exit_group));
    ck_assert(!trace_filter_match(&f, SYS_openat));
    ck_assert_int_eq(trace_filter_parse(&f, "%memory,%signal,%desc", &linux_trace_names), 0);
    ck_assert(trace_filter_match(&f, SYS_mmap) && trace_filter_match(&f, SYS_rt_sigaction));
    ck_assert(trace_filter_match(&f, SYS_read) && !trace_filter_match(&f, SYS_getpid));
    ck_assert_int_eq(trace_filter_parse(&f, "!write", &linux_trace_names), 0);
    ck_assert(!trace_filter_match(&f, SYS_write) && trace_filter_match(&f, SYS_read));
    ck_assert_int_eq(trace_filter_parse(&f, "none", &linux_trace_names), 0);
    ck_assert(!trace_filter_match(&f, SYS_read));
    ck_assert_int_eq(trace_filter_parse(&f, "all", &linux_trace_names), 0);
    ck_assert(trace_filter_match(&f, SYS_read));
    ck_assert_int_eq(trace_filter_parse(&f, "open,nosuchcall", &linux_trace_names), -1);
    ck_assert_int_eq(trace_filter_parse(&f, "%nosuchclass", &linux_trace_names), -1);
}
END_TEST

static const uint64_t open_args[6] = { (uint64_t)-100, 0, 02000000, 0, 0, 0 };

START_TEST(call_lines)
{
    static const char path[] = "missing.txt";
    uint64_t a[6];
    memcpy(a, open_args, sizeof a);
    a[1] = U(path);
    tt_start(NULL);
    struct trace_call c = { .tid = 7, .nr = SYS_openat, .name = "openat",
                            .kinds = linux_sysent(SYS_openat)->kinds, .retkind = R_FD,
                            .args = a, .err = 2, .errname = "ENOENT",
                            .errmsg = "No such file or directory" };
    trace_call_emit(&linux_trace_abi, &c);
    c.err = 0, c.ret = 3, c.injected = 0;
    trace_call_emit(&linux_trace_abi, &c);
    c.err = 1, c.errname = "EPERM", c.errmsg = "Operation not permitted", c.injected = 1;
    trace_call_emit(&linux_trace_abi, &c);
    c.err = 0, c.injected = 0, c.state = TC_UNFINISHED;
    trace_call_emit(&linux_trace_abi, &c);
    c.state = TC_RESUMED, c.err = 2, c.errname = "ENOENT", c.errmsg = "No such file or directory";
    trace_call_emit(&linux_trace_abi, &c);
    ck_assert_str_eq(tt_output(),
        "openat(AT_FDCWD, \"missing.txt\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)\n"
        "openat(AT_FDCWD, \"missing.txt\", O_RDONLY|O_CLOEXEC) = 3\n"
        "openat(AT_FDCWD, \"missing.txt\", O_RDONLY|O_CLOEXEC) = -1 EPERM (Operation not permitted) (INJECTED)\n"
        "openat(AT_FDCWD, \"missing.txt\", O_RDONLY|O_CLOEXEC <unfinished ...>\n"
        "<... openat resumed>) = -1 ENOENT (No such file or directory)\n");
}
END_TEST

START_TEST(call_lines_with_options)
{
    struct trace_opts o = { .follow = 1, .show_time = 1 };
    static const char path[] = "x";
    uint64_t a[6];
    memcpy(a, open_args, sizeof a);
    a[1] = U(path);
    tt_start(&o);
    struct trace_call c = { .tid = 4242, .nr = SYS_openat, .name = "openat",
                            .kinds = linux_sysent(SYS_openat)->kinds, .retkind = R_FD,
                            .args = a, .ret = 5, .ns = 1500000, .host = "openat(3) = 5" };
    trace_call_emit(&linux_trace_abi, &c);
    c.name = NULL, c.kinds = NULL, c.nr = 999, c.ns = 0, c.host = NULL;
    trace_call_emit(&linux_trace_abi, &c);
    const char *out = tt_output();
    const char *first =
        "4242  openat(AT_FDCWD, \"x\", O_RDONLY|O_CLOEXEC) = 5 <0.001500> [host: openat(3) = 5]\n";
    ck_assert_int_eq(strncmp(out, first, strlen(first)), 0);
    /* an unknown call: its number and six hexadecimal words */
    ck_assert_ptr_nonnull(strstr(out, "\n4242  syscall_999(0xffffffffffffff9c, 0x"));
}
END_TEST

START_TEST(call_json)
{
    struct trace_opts o = { .json = 1 };
    static const char path[] = "d\"q";
    uint64_t a[6];
    memcpy(a, open_args, sizeof a);
    a[1] = U(path);
    tt_start(&o);
    struct trace_call c = { .tid = 9, .nr = SYS_openat, .name = "openat",
                            .kinds = linux_sysent(SYS_openat)->kinds, .retkind = R_FD,
                            .args = a, .err = 2, .errname = "ENOENT",
                            .errmsg = "No such file or directory" };
    trace_call_emit(&linux_trace_abi, &c);
    uint64_t r[6] = { 3, 0, 10, 0, 0, 0 };
    struct trace_call rd = { .tid = 9, .nr = SYS_read, .name = "read",
                             .kinds = linux_sysent(SYS_read)->kinds, .retkind = R_SIZE,
                             .args = r, .ret = 0 };
    trace_call_emit(&linux_trace_abi, &rd);
    char want[256];
    snprintf(want, sizeof want,
             "{\"pid\":%d,\"tid\":9,\"syscall\":\"openat\",\"args\":[\"AT_FDCWD\",\"d\\\"q\","
             "\"O_RDONLY|O_CLOEXEC\"],\"ret\":-1,\"errno\":\"ENOENT\",\"error\":\"No such file "
             "or directory\"}\n{\"pid\":%d,\"tid\":9,\"syscall\":\"read\",\"args\":[3,null,10],"
             "\"ret\":0}\n", trace_pid(), trace_pid());
    ck_assert_str_eq(tt_output(), want);
}
END_TEST

START_TEST(summary_table)
{
    struct trace_opts o = { .summary = 1 };
    tt_start(&o);
    trace_count(1, "write", 0, 3000);
    trace_count(1, "write", 0, 3000);
    trace_count(2, "open", 1, 1000);
    trace_summary();
    const char *out = tt_output();
    ck_assert_ptr_nonnull(strstr(out, "% time     seconds  usecs/call     calls    errors syscall\n"));
    ck_assert_ptr_nonnull(strstr(out, " 85.71    0.000006           3         2           write\n"));
    ck_assert_ptr_nonnull(strstr(out, " 14.29    0.000001           1         1         1 open\n"));
    ck_assert_ptr_nonnull(strstr(out, "100.00    0.000007           2         3         1 total\n"));
}
END_TEST

START_TEST(process_exit_lines)
{
    struct trace_opts o = { .follow = 1 };
    tt_start(&o);
    trace_process_exit(12, 3, NULL);
    trace_process_killed(12, 17 /* SIGCHLD: survives */, "SIGCHLD");
    trace_process_killed(12, 11, "SIGSEGV");
    ck_assert_str_eq(tt_output(), "12    +++ exited with 3 +++\n12    +++ killed by SIGSEGV +++\n");
}
END_TEST

START_TEST(relay_name_filter)
{
    ck_assert(trace_filter_names(NULL, "KERNEL32", "CreateFileW"));
    ck_assert(trace_filter_names("all", "KERNEL32", "CreateFileW"));
    ck_assert(trace_filter_names("WriteFile,CreateFileW", "KERNEL32", "CreateFileW"));
    ck_assert(trace_filter_names("kernel32.createfilew", "KERNEL32", "CreateFileW"));
    ck_assert(!trace_filter_names("MSVCRT.CreateFileW", "KERNEL32", "CreateFileW"));
    ck_assert(!trace_filter_names("CreateFile", "KERNEL32", "CreateFileW"));
}
END_TEST

Suite *suite_trace(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("trace");
    tcase_add_test(tc, quoting_like_strace);
    tcase_add_test(tc, json_strings);
    tcase_add_test(tc, options_from_environment);
    tcase_add_test(tc, filter_names_and_classes);
    tcase_add_test(tc, call_lines);
    tcase_add_test(tc, call_lines_with_options);
    tcase_add_test(tc, call_json);
    tcase_add_test(tc, summary_table);
    tcase_add_test(tc, process_exit_lines);
    tcase_add_test(tc, relay_name_filter);
    suite_add_tcase(s, tc);
    return s;
}
