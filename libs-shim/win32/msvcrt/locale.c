/* locale.c — the "C" locale with UTF-8 as the multibyte code page, as the
 * CRTs report it. */
#include <locale.h>
#include <string.h>

#include "crt.h"

#define CP_UTF8 65001

static struct lconv c_lconv;
static char dot[] = ".", empty[] = "", charmax[] = "\x7f";

__attribute__((constructor)) static void lconv_init(void)
{
    c_lconv.decimal_point = dot;
    c_lconv.thousands_sep = empty;
    c_lconv.grouping = empty;
    c_lconv.int_curr_symbol = empty;
    c_lconv.currency_symbol = empty;
    c_lconv.mon_decimal_point = empty;
    c_lconv.mon_thousands_sep = empty;
    c_lconv.mon_grouping = empty;
    c_lconv.positive_sign = empty;
    c_lconv.negative_sign = empty;
    c_lconv.int_frac_digits = c_lconv.frac_digits = charmax[0];
    c_lconv.p_cs_precedes = c_lconv.p_sep_by_space = c_lconv.n_cs_precedes = charmax[0];
    c_lconv.n_sep_by_space = c_lconv.p_sign_posn = c_lconv.n_sign_posn = charmax[0];
}

static unsigned WINAPI w32____lc_codepage_func(void) { return CP_UTF8; }
static int WINAPI w32____mb_cur_max_func(void) { return 4; }
static struct lconv *WINAPI w32_localeconv(void) { return &c_lconv; }

static char *WINAPI w32_setlocale(int cat, const char *loc)
{
    static char c[] = "C";
    (void)cat;
    if (!loc || !*loc || !strcmp(loc, "C") || strstr(loc, "UTF-8") || strstr(loc, "utf8"))
        return c;
    return NULL;
}

static int mb_cur_max = 4;

#define LOCALE_EXPORTS \
    EXPORT(___lc_codepage_func, ":u"), EXPORT(___mb_cur_max_func, ":i"), \
    EXPORT(localeconv, ":p"), EXPORT(setlocale, "is:s")

W32_EXPORTS(msvcrt) = { LOCALE_EXPORTS, EXPORT_DATA(__mb_cur_max, mb_cur_max) };
W32_EXPORTS(ucrtbase) = { LOCALE_EXPORTS };
