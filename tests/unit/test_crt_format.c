/* test_crt_format.c — the printf engine of xeno's Windows C runtime
 * (crt_format) with Microsoft's semantics. Expected values come from
 * Microsoft's documentation: "Format specification syntax: printf and
 * wprintf functions" (type characters, I64/ll/l/h/w size prefixes, %S and
 * %C, %Z), the _set_output_format page (three exponent digits before
 * VS2015), and the Visual C++ change history 2003-2015 (1.#INF, 1.#QNAN,
 * 1.#IND, "%.2f" of infinity "1.#J"; the UCRT's inf, nan, nan(ind)). */
#include <check.h>
#include <math.h>
#include <string.h>

#include "suites.h"
#include "win32/msvcrt/crt.h"

static char out[512];

/* Format with 8-byte argument slots, as Microsoft's varargs pass them. */
static const char *fmt(int flags, const char *f, const uint64_t *slots)
{
    struct msargs a = { (const char *)slots };
    int r = crt_vsnprintf(out, sizeof out, f, &a, flags);
    return r < 0 ? "(error)" : out;
}

static uint64_t dbl(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

#define A(...) ((const uint64_t[]){ __VA_ARGS__, 0 })

START_TEST(integers_have_windows_sizes)
{
    ck_assert_str_eq(fmt(0, "%d %i %u", A((uint64_t)-7, 42, 4000000000u)), "-7 42 4000000000");
    /* long is 32 bits: %ld sees only the low half of the slot */
    ck_assert_str_eq(fmt(0, "%ld", A(0x100000005ull)), "5");
    ck_assert_str_eq(fmt(0, "%I64d %I64u", A((uint64_t)-1234567890123ll, 0xffffffffffffffffull)),
                     "-1234567890123 18446744073709551615");
    ck_assert_str_eq(fmt(0, "%I32d %lld %Ix", A((uint64_t)-1, 1ull << 40, 0x1234567890ull)),
                     "-1 1099511627776 1234567890");
    ck_assert_str_eq(fmt(0, "%hd %hhd %hu", A(0x12345, 0x1ff, 0xfffff)), "9029 -1 65535");
    ck_assert_str_eq(fmt(0, "[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d]", A(42, 42, -42, 42, 42, 7)),
                     "[   42] [42   ] [-0042] [+42] [ 42] [007]");
    ck_assert_str_eq(fmt(0, "%#x %#X %#o %#x", A(255, 255, 8, 0)), "0xff 0XFF 010 0");
    ck_assert_str_eq(fmt(0, "[%*d] [%-*d] [%.*d]", A(6, 1, 4, 2, 3, 5)), "[     1] [2   ] [005]");
}
END_TEST

START_TEST(pointer_is_16_upper_case_digits)
{
    ck_assert_str_eq(fmt(0, "%p", A(0x12ab)), "00000000000012AB");
    ck_assert_str_eq(fmt(FMT_UCRT, "%p", A(0xdeadbeefcafeull)), "0000DEADBEEFCAFE");
    ck_assert_str_eq(fmt(0, "[%20p]", A(1)), "[    0000000000000001]");
}
END_TEST

START_TEST(exponent_digits_by_crt)
{
    ck_assert_str_eq(fmt(0, "%e", A(dbl(1.0))), "1.000000e+000");
    ck_assert_str_eq(fmt(FMT_UCRT, "%e", A(dbl(1.0))), "1.000000e+00");
    ck_assert_str_eq(fmt(0, "%E %g %G", A(dbl(12345.678), dbl(1e10), dbl(1e-20))),
                     "1.234568E+004 1e+010 1E-020");
    ck_assert_str_eq(fmt(FMT_UCRT, "%g %.3e", A(dbl(1e10), dbl(1e100))), "1e+10 1.000e+100");
    ck_assert_str_eq(fmt(0, "%.3e", A(dbl(1e100))), "1.000e+100");
    ck_assert_str_eq(fmt(0, "%f %.2f %8.3f %-8.1f|", A(dbl(2.5), dbl(1.005), dbl(3.14159), dbl(2.0))),
                     "2.500000 1.00    3.142 2.0     |");
    ck_assert_str_eq(fmt(FMT_UCRT, "%a", A(dbl(1.0))), "0x1.0000000000000p+0");
}
END_TEST

START_TEST(msvcrt_special_values)
{
    /* 0/0 gives the "indefinite" NaN: sign set, payload 0 */
    double inf = INFINITY, ind = copysign(NAN, -1.0), qnan = NAN;
    ck_assert_str_eq(fmt(0, "%f", A(dbl(inf))), "1.#INF00");
    ck_assert_str_eq(fmt(0, "%f", A(dbl(-inf))), "-1.#INF00");
    ck_assert_str_eq(fmt(0, "%.2f", A(dbl(inf))), "1.#J");
    ck_assert_str_eq(fmt(0, "%e", A(dbl(inf))), "1.#INF00e+000");
    ck_assert_str_eq(fmt(0, "%g", A(dbl(inf))), "1.#INF");
    ck_assert_str_eq(fmt(0, "%f", A(dbl(qnan))), "1.#QNAN0");
    ck_assert_str_eq(fmt(0, "%f", A(dbl(ind))), "-1.#IND00");
}
END_TEST

START_TEST(ucrt_special_values)
{
    double ind = copysign(NAN, -1.0);
    ck_assert_str_eq(fmt(FMT_UCRT, "%f %F", A(dbl(INFINITY), dbl(-INFINITY))), "inf -INF");
    ck_assert_str_eq(fmt(FMT_UCRT, "%f", A(dbl(NAN))), "nan");
    ck_assert_str_eq(fmt(FMT_UCRT, "%f %E", A(dbl(ind), dbl(ind))), "-nan(ind) -NAN(IND)");
    ck_assert_str_eq(fmt(FMT_UCRT, "[%6f]", A(dbl(INFINITY))), "[   inf]");
    /* _CRT_INTERNAL_PRINTF_LEGACY_MSVCRT_COMPATIBILITY brings 1.#INF back */
    ck_assert_str_eq(fmt(FMT_UCRT | FMT_MS_NONFINITE, "%f", A(dbl(INFINITY))), "1.#INF00");
}
END_TEST

START_TEST(wide_and_narrow_strings)
{
    static const WCHAR w[] = { 'w', 0xe9, 'd', 0 }; /* "wéd" */
    ck_assert_str_eq(fmt(0, "%S|%ls|%ws|%s|%hs", A((uintptr_t)w, (uintptr_t)w, (uintptr_t)w,
                                                  (uintptr_t)"n", (uintptr_t)"h")),
                     "w\xc3\xa9" "d|w\xc3\xa9" "d|w\xc3\xa9" "d|n|h");
    /* in wprintf %s is wide and %S narrow */
    ck_assert_str_eq(fmt(FMT_WIDE, "%s|%S|%hs", A((uintptr_t)w, (uintptr_t)"n", (uintptr_t)"h")),
                     "w\xc3\xa9" "d|n|h");
    /* width and precision count characters in the wide functions */
    ck_assert_str_eq(fmt(FMT_WIDE, "[%5s] [%.2s]", A((uintptr_t)w, (uintptr_t)w)),
                     "[  w\xc3\xa9" "d] [w\xc3\xa9]");
    ck_assert_str_eq(fmt(0, "%.2S|%s|%c%C", A((uintptr_t)w, 0, 'x', 0x20ac)), "w\xc3\xa9|(null)|x\xe2\x82\xac");
}
END_TEST

START_TEST(counted_strings)
{
    struct { USHORT len, max; const char *buf; } as = { 3, 8, "abcdef" };
    static const WCHAR wbuf[] = { 'x', 'y', 'z', 0 };
    struct { USHORT len, max; const WCHAR *buf; } us = { 4, 8, wbuf };
    ck_assert_str_eq(fmt(0, "%Z|%wZ", A((uintptr_t)&as, (uintptr_t)&us)), "abc|xy");
}
END_TEST

START_TEST(count_and_positional_arguments)
{
    int n = -1;
    uint64_t slots[] = { (uintptr_t)"abc", (uintptr_t)&n };
    ck_assert_str_eq(fmt(0, "%s%n!", slots), "abc!");
    ck_assert_int_eq(n, 3);
    ck_assert_str_eq(fmt(FMT_NO_N, "%s%n!", slots), "(error)"); /* printf_s, the UCRT by default */
    ck_assert_str_eq(fmt(FMT_POSITIONAL, "%2$s %1$s %2$s", A((uintptr_t)"a", (uintptr_t)"b")), "b a b");
    ck_assert_str_eq(fmt(FMT_POSITIONAL, "%1$*2$d|", A(7, 4)), "   7|");
    ck_assert_str_eq(fmt(0, "%1$d", A(1)), "(error)"); /* positions only in the _p functions */
    ck_assert_str_eq(fmt(FMT_POSITIONAL, "%1$d %d", A(1, 2)), "(error)"); /* no mixing */
    ck_assert_str_eq(fmt(0, "100%%", A(0)), "100%");
}
END_TEST

START_TEST(buffer_truncation)
{
    char b[8];
    struct msargs a = { (const char *)A((uintptr_t)"truncated") };
    ck_assert_int_eq(crt_vsnprintf(b, 6, "%s", &a, 0), 9);
    ck_assert_str_eq(b, "trunc");
    a.p = (const char *)A((uintptr_t)"x");
    ck_assert_int_eq(crt_vsnprintf(NULL, 0, "%s%s", &a, 0), 7); /* "x(null)" */
}
END_TEST

Suite *suite_crt_format(void)
{
    Suite *s = suite_create("crt_format");
    TCase *tc = tcase_create("printf");
    tcase_add_test(tc, integers_have_windows_sizes);
    tcase_add_test(tc, pointer_is_16_upper_case_digits);
    tcase_add_test(tc, exponent_digits_by_crt);
    tcase_add_test(tc, msvcrt_special_values);
    tcase_add_test(tc, ucrt_special_values);
    tcase_add_test(tc, wide_and_narrow_strings);
    tcase_add_test(tc, counted_strings);
    tcase_add_test(tc, count_and_positional_arguments);
    tcase_add_test(tc, buffer_truncation);
    suite_add_tcase(s, tc);
    return s;
}
