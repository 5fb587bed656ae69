/* test_crt_lib.c — pieces of xeno's Windows C runtime with Microsoft
 * semantics: wildcard matching (_findfirst), strtod of each CRT (the
 * msvcrt d/D exponent, the UCRT's C99 forms), the "C" locale's ctype
 * table, _fullpath, fopen mode strings, strftime's "C" locale forms, and
 * streams in text mode (\n written as \r\n, \r\n read as \n, Ctrl-Z as
 * the end of a text file, ftell counting file bytes). The environment is
 * checked by tests/integration/win_crt.sh, with kernel32 running. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "win32/msvcrt/crt.h"
#include "win32/msvcrt/mstime.h"
#include "win32/msvcrt/stream.h"

START_TEST(wildcards)
{
    ck_assert(crt_wildcard_match("*.txt", "Notes.TXT"));
    ck_assert(crt_wildcard_match("da?a.*", "data.bin"));
    ck_assert(crt_wildcard_match("*.*", "noext"));          /* "*.*" is every name */
    ck_assert(crt_wildcard_match("*", "."));
    ck_assert(crt_wildcard_match("*.", "noext"));           /* names without an extension */
    ck_assert(!crt_wildcard_match("*.", "file.c"));
    ck_assert(!crt_wildcard_match("*.exe", "prog.exe.bak"));
    ck_assert(crt_wildcard_match("a*b*c", "aXXbYYc"));
    ck_assert(!crt_wildcard_match("a?c", "ac"));
}
END_TEST

START_TEST(strtod_by_crt)
{
    size_t len;
    /* atof/strtod documentation: d/D exponents before the UCRT, not in it */
    ck_assert(crt_strtod("1d2x", &len, 0, 0, NULL) == 100.0);
    ck_assert_uint_eq(len, 3);
    ck_assert(crt_strtod("1d2x", &len, 1, 0, NULL) == 1.0);
    ck_assert_uint_eq(len, 1);
    ck_assert(crt_strtod("  -2.5e3z", &len, 0, 0, NULL) == -2500.0);
    ck_assert_uint_eq(len, 8);
    ck_assert(crt_strtod("0x10", &len, 1, 0, NULL) == 16.0);  /* hex: UCRT */
    ck_assert(crt_strtod("0x10", &len, 0, 0, NULL) == 0.0);   /* msvcrt reads "0" */
    ck_assert_uint_eq(len, 1);
    ck_assert(crt_strtod("infinity", &len, 1, 0, NULL) > 1e308);
    ck_assert_uint_eq(len, 8);
    crt_strtod("inf", &len, 0, 0, NULL);
    ck_assert_uint_eq(len, 0);
    ck_assert(crt_strtod("1e", &len, 0, 0, NULL) == 1.0);
    ck_assert_uint_eq(len, 1);
}
END_TEST

START_TEST(ctype_table)
{
    /* ctype.h: _UPPER 1 _LOWER 2 _DIGIT 4 _SPACE 8 _PUNCT 0x10 _CONTROL 0x20
     * _BLANK 0x40 _HEX 0x80, alpha 0x100 */
    ck_assert_int_eq(crt_isctype('A', 0x1ff), 0x181);
    ck_assert_int_eq(crt_isctype('z', 0x1ff), 0x102);
    ck_assert_int_eq(crt_isctype('5', 0x1ff), 0x84);
    ck_assert_int_eq(crt_isctype(' ', 0x1ff), 0x48);
    ck_assert_int_eq(crt_isctype('\t', 0x1ff), 0x28);
    ck_assert_int_eq(crt_isctype('!', 0x1ff), 0x10);
    ck_assert_int_eq(crt_isctype(0x7f, 0x1ff), 0x20);
    ck_assert_int_eq(crt_isctype(0xe9, 0x1ff), 0);   /* no class above 0x7F in "C" */
    ck_assert_int_eq(crt_isctype(-1, 0x1ff), 0);     /* EOF */
    ck_assert(crt_wflags(0xe9) & 0x102);              /* é: a lower-case letter */
    ck_assert_uint_eq(crt_towupper(0xe9), 0xc9);
    ck_assert_uint_eq(crt_towlower('Q'), 'q');
}
END_TEST

START_TEST(full_paths)
{
    char *p = crt_full_path("C:\\a\\.\\b\\..\\c.txt");
    ck_assert_str_eq(p, "C:\\a\\c.txt");
    free(p);
    p = crt_full_path("c:/x//y/");
    ck_assert_str_eq(p, "C:\\x\\y\\");
    free(p);
    p = crt_full_path("Z:\\..\\..");
    ck_assert_str_eq(p, "Z:\\");
    free(p);
    p = crt_full_path("rel\\f");
    ck_assert_int_eq(p[1], ':');
    ck_assert_str_eq(p + strlen(p) - 6, "\\rel\\f");
    free(p);
}
END_TEST

START_TEST(fopen_modes)
{
    struct fmode m;
    ck_assert_int_eq(crt_parse_fmode("r", &m), 0);
    ck_assert(m.can_read && !m.can_write && m.oflags == CRT_O_RDONLY);
    ck_assert_int_eq(crt_parse_fmode("w+b", &m), 0);
    ck_assert(m.can_read && m.can_write);
    ck_assert_int_eq(m.oflags, CRT_O_RDWR | CRT_O_CREAT | CRT_O_TRUNC | CRT_O_BINARY);
    ck_assert_int_eq(crt_parse_fmode("at", &m), 0);
    ck_assert(m.append && (m.oflags & CRT_O_APPEND) && (m.oflags & CRT_O_TEXT));
    ck_assert_int_eq(crt_parse_fmode("wxD", &m), 0);
    ck_assert(m.oflags & CRT_O_EXCL && m.oflags & CRT_O_TEMPORARY);
    ck_assert_int_eq(crt_parse_fmode("r, ccs=UTF-8", &m), 0);
    ck_assert(m.oflags & CRT_O_U8TEXT);
    ck_assert_int_eq(crt_parse_fmode("rx", &m), -1);  /* x only with w */
    ck_assert_int_eq(crt_parse_fmode("rtb", &m), -1); /* text and binary */
    ck_assert_int_eq(crt_parse_fmode("q", &m), -1);
    ck_assert_int_eq(crt_parse_fmode("r++", &m), -1);
}
END_TEST

START_TEST(strftime_c_locale)
{
    /* Tuesday, March 14, 1995, 12:41:29 — the example of strftime's docs */
    struct ms_tm t = { 29, 41, 12, 14, 2, 95, 2, 72, 0 };
    char b[128];
    ck_assert_uint_eq(crt_strftime(b, sizeof b, "%c", &t, 0, "t"), 17);
    ck_assert_str_eq(b, "03/14/95 12:41:29");
    crt_strftime(b, sizeof b, "%#c", &t, 0, "t");
    ck_assert_str_eq(b, "Tuesday, March 14, 1995, 12:41:29");
    crt_strftime(b, sizeof b, "%#x|%#d|%j|%a %b|%I %p|%U %W", &t, 0, "t");
    ck_assert_str_eq(b, "Tuesday, March 14, 1995|14|073|Tue Mar|12 PM|11 11");
    crt_strftime(b, sizeof b, "%F %T %e %u %V %G %C", &t, 1, "t");
    ck_assert_str_eq(b, "1995-03-14 12:41:29 14 2 11 1995 19");
    ck_assert_uint_eq(crt_strftime(b, sizeof b, "%F", &t, 0, "t"), 0); /* not in msvcrt */
    ck_assert_uint_eq(crt_strftime(b, 5, "%Y-%m", &t, 0, "t"), 0);     /* does not fit */
    ck_assert_str_eq(b, "");
}
END_TEST

/* A stream on a temporary file in text mode. */
static MS_FILE *text_stream(char *path, const char *mode)
{
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    crt_fd_opened(fd, CRT_O_TEXT, NULL);
    struct fmode m;
    ck_assert_int_eq(crt_parse_fmode(mode, &m), 0);
    MS_FILE *f = crt_stream_new(fd, &m);
    ck_assert_ptr_nonnull(f);
    return f;
}

START_TEST(text_streams)
{
    char path[] = "/tmp/xeno-crt-XXXXXX", raw[64];
    MS_FILE *f = text_stream(path, "w+");
    struct xstream *s = crt_x(f);
    ck_assert_uint_eq(crt_write_locked(f, s, "a\nb\n", 4), 4);
    ck_assert_int_eq(crt_tell_locked(f, s), 6);          /* file bytes: a\r\nb\r\n */
    ck_assert_int_eq(crt_flush_locked(f, s), 0);
    int fd = open(path, O_RDONLY);
    ck_assert_int_eq(read(fd, raw, sizeof raw), 6);
    ck_assert(!memcmp(raw, "a\r\nb\r\n", 6));
    close(fd);
    ck_assert_int_eq(crt_seek_locked(f, s, 0, 0), 0);
    ck_assert_int_eq(crt_getc_locked(f, s), 'a');
    ck_assert_int_eq(crt_getc_locked(f, s), '\n');
    ck_assert_int_eq(crt_tell_locked(f, s), 3);
    ck_assert_int_eq(crt_ungetc_locked(f, s, 'Z'), 'Z');
    ck_assert_int_eq(crt_getc_locked(f, s), 'Z');
    ck_assert_int_eq(crt_seek_locked(f, s, 0, 2), 0);
    crt_write_locked(f, s, "c\x1a" "d", 3);              /* Ctrl-Z ends text input */
    crt_seek_locked(f, s, 6, 0);
    ck_assert_int_eq(crt_getc_locked(f, s), 'c');
    ck_assert_int_eq(crt_getc_locked(f, s), -1);
    ck_assert(f->_flag & MS_IOEOF);
    ck_assert_int_eq(crt_stream_close(f, 1), 0);
    unlink(path);
}
END_TEST

Suite *suite_crt_lib(void)
{
    Suite *s = suite_create("crt_lib");
    TCase *tc = tcase_create("crt");
    tcase_add_unchecked_fixture(tc, crt_process_init, NULL);
    tcase_add_test(tc, wildcards);
    tcase_add_test(tc, strtod_by_crt);
    tcase_add_test(tc, ctype_table);
    tcase_add_test(tc, full_paths);
    tcase_add_test(tc, fopen_modes);
    tcase_add_test(tc, strftime_c_locale);
    tcase_add_test(tc, text_streams);
    suite_add_tcase(s, tc);
    return s;
}
