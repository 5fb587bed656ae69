/* test_crt_scan.c — the scanf engine of xeno's Windows C runtime
 * (crt_scan). Expected values follow Microsoft's "Format specification
 * fields: scanf and wscanf functions" and "scanf Type Field Characters"
 * (I64, l = 32-bit long, %S wide in scanf, scan sets with ranges, %n not
 * counted, the _s forms' buffer sizes) and C's rules for EOF. */
#include <check.h>
#include <string.h>

#include "suites.h"
#include "win32/msvcrt/crt.h"

struct strsrc {
    struct scan_src s;
    const char *p;
    const WCHAR *w;
    size_t pos;
};

static int get(struct scan_src *src)
{
    struct strsrc *s = (struct strsrc *)src;
    int c = s->w ? s->w[s->pos] : (unsigned char)s->p[s->pos];
    if (!c)
        return -1;
    s->pos++;
    return c;
}

static void unget(struct scan_src *src, int c)
{
    (void)c;
    ((struct strsrc *)src)->pos--;
}

static size_t used; /* input consumed by the last scan */

static int scan(const char *in, const char *f, int flags, const uint64_t *slots)
{
    struct strsrc s = { { get, unget, 0 }, in, NULL, 0 };
    struct msargs a = { (const char *)slots };
    int r = crt_scan(&s.s, f, &a, flags);
    used = s.pos;
    return r;
}

static int wscan(const WCHAR *in, const WCHAR *f, int flags, const uint64_t *slots)
{
    struct strsrc s = { { get, unget, 1 }, NULL, in, 0 };
    struct msargs a = { (const char *)slots };
    return crt_scan(&s.s, f, &a, flags | SCAN_WIDE_FMT);
}

#define P(x) ((uint64_t)(uintptr_t)(x))
#define A(...) ((const uint64_t[]){ __VA_ARGS__, 0 })

START_TEST(integers)
{
    int a = 0, b = 0, c = 0;
    long long ll = 0;
    ck_assert_int_eq(scan("12 -34 +56", "%d %d %d", 0, A(P(&a), P(&b), P(&c))), 3);
    ck_assert_int_eq(a + b + c, 34);
    ck_assert_int_eq(scan("0x1f 017 42", "%i %i %i", 0, A(P(&a), P(&b), P(&c))), 3);
    ck_assert_int_eq(a, 31); ck_assert_int_eq(b, 15); ck_assert_int_eq(c, 42);
    ck_assert_int_eq(scan("123456", "%3d%2d%d", 0, A(P(&a), P(&b), P(&c))), 3);
    ck_assert_int_eq(a, 123); ck_assert_int_eq(b, 45); ck_assert_int_eq(c, 6);
    ck_assert_int_eq(scan("-9000000000123 ff", "%I64d %x", 0, A(P(&ll), P(&a))), 2);
    ck_assert(ll == -9000000000123ll);
    ck_assert_int_eq(a, 255);
    /* %ld stores 32 bits: the next int stays untouched */
    int pair[2] = { 0, 77 };
    ck_assert_int_eq(scan("5", "%ld", 0, A(P(pair))), 1);
    ck_assert_int_eq(pair[0], 5); ck_assert_int_eq(pair[1], 77);
    void *p = NULL;
    ck_assert_int_eq(scan("00000000DEADBEEF", "%p", 0, A(P(&p))), 1);
    ck_assert(p == (void *)0xdeadbeef);
}
END_TEST

START_TEST(floats)
{
    float f = 0;
    double d = 0, e = 0;
    ck_assert_int_eq(scan("3.25 -1.5e3", "%f %lf", 0, A(P(&f), P(&d))), 2);
    ck_assert(f == 3.25f && d == -1500.0);
    ck_assert_int_eq(scan("1e10 .5", "%lg %Le", 0, A(P(&d), P(&e))), 2);
    ck_assert(d == 1e10 && e == 0.5); /* %Le: long double is double */
    ck_assert_int_eq(scan("inf", "%lf", SCAN_UCRT, A(P(&d))), 1);
    ck_assert(d > 1e308);
    ck_assert_int_eq(scan("inf", "%lf", 0, A(P(&d))), 0); /* msvcrt reads digits only */
}
END_TEST

START_TEST(strings_and_sets)
{
    char s[16] = "", t[16] = "";
    ck_assert_int_eq(scan("key=value;rest", "%[a-z]=%[^;]", 0, A(P(s), P(t))), 2);
    ck_assert_str_eq(s, "key"); ck_assert_str_eq(t, "value");
    ck_assert_int_eq(scan("]x]y", "%[]x]", 0, A(P(s))), 1);
    ck_assert_str_eq(s, "]x]");
    char c3[4] = "...";
    ck_assert_int_eq(scan("abc", "%2c", 0, A(P(c3))), 1);
    ck_assert_str_eq(c3, "ab.");
    WCHAR w[8] = { 0 };
    ck_assert_int_eq(scan("h\xc3\xa9llo x", "%S", 0, A(P(w))), 1); /* %S: wide in scanf */
    ck_assert_uint_eq(w[1], 0xe9);
    ck_assert_uint_eq(w[4], 'o');
    ck_assert_uint_eq(w[5], 0);
}
END_TEST

START_TEST(counts_and_eof)
{
    int a = -1, b = -1, n = 0;
    char s[8];
    ck_assert_int_eq(scan("  lead", "%s%n", 0, A(P(s), P(&n))), 1);
    ck_assert_int_eq(n, 6);
    ck_assert_int_eq(scan("1 2 3", "%*d %d %d", 0, A(P(&a), P(&b))), 2);
    ck_assert_int_eq(a, 2);
    ck_assert_int_eq(scan("7 x", "%d %d", 0, A(P(&a), P(&b))), 1);
    ck_assert_int_eq(scan("x", "%d", 0, A(P(&a))), 0);
    ck_assert_int_eq(scan("", "%d", 0, A(P(&a))), -1);
    ck_assert_int_eq(scan("   ", "%d", 0, A(P(&a))), -1);
    ck_assert_int_eq(scan("100%", "%d%%", 0, A(P(&a))), 1);
    ck_assert_int_eq(scan("date: 2024-02-29", "date: %d-%d", 0, A(P(&a), P(&b))), 2);
    /* one unit of lookahead: the character that ended a field is given back */
    ck_assert_int_eq(scan("12ab", "%d", 0, A(P(&a))), 1);
    ck_assert_uint_eq(used, 2);
}
END_TEST

START_TEST(secure_sizes)
{
    char s[4] = "zzz", t[8] = "";
    /* scanf_s: a size follows each %s buffer; too small empties it and stops */
    ck_assert_int_eq(scan("toolong next", "%s %s", SCAN_SECURE, A(P(s), 4, P(t), 8)), 0);
    ck_assert_str_eq(s, "");
    ck_assert_int_eq(scan("ab cd", "%s %s", SCAN_SECURE, A(P(s), 4, P(t), 8)), 2);
    ck_assert_str_eq(s, "ab"); ck_assert_str_eq(t, "cd");
}
END_TEST

START_TEST(wide_input)
{
    static const WCHAR in[] = { '4', '2', ' ', 0x3b1, 0x3b2, 0 };
    static const WCHAR f[] = { '%', 'd', ' ', '%', 's', 0 };
    static const WCHAR fn[] = { '%', 'd', ' ', '%', 'h', 's', 0 };
    int a = 0;
    WCHAR w[4];
    char n[8];
    ck_assert_int_eq(wscan(in, f, SCAN_WIDE_STR, A(P(&a), P(w))), 2); /* swscanf %s is wide */
    ck_assert_int_eq(a, 42);
    ck_assert_uint_eq(w[0], 0x3b1); ck_assert_uint_eq(w[2], 0);
    ck_assert_int_eq(wscan(in, fn, SCAN_WIDE_STR, A(P(&a), P(n))), 2); /* %hs: narrow (UTF-8) */
    ck_assert_str_eq(n, "\xce\xb1\xce\xb2");
}
END_TEST

Suite *suite_crt_scan(void)
{
    Suite *s = suite_create("crt_scan");
    TCase *tc = tcase_create("scanf");
    tcase_add_test(tc, integers);
    tcase_add_test(tc, floats);
    tcase_add_test(tc, strings_and_sets);
    tcase_add_test(tc, counts_and_eof);
    tcase_add_test(tc, secure_sizes);
    tcase_add_test(tc, wide_input);
    suite_add_tcase(s, tc);
    return s;
}
