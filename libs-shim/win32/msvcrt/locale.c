/* locale.c — locales as xeno's CRT has them: the "C" locale, whose
 * multibyte code page is UTF-8 (65001, the ANSI code page xeno's kernel32
 * reports). setlocale accepts "C", "POSIX", "" (the user default, which is
 * "C" here), and code-page names (".UTF8", ".utf-8", ".65001", ".ACP",
 * ".OCP"), answering with the locale's name; other names fail (NULL) as
 * an unknown locale does on Windows. Categories use Windows numbers
 * (LC_ALL 0 … LC_TIME 5). localeconv returns Windows' struct lconv (with
 * the UCRT's wide members); _create_locale/_free_locale/_get_current_locale
 * give _locale_t objects for the _l functions, which ignore them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../unicode.h"
#include "crt.h"

#define CP_UTF8 65001
#define MS_LC_MAX 5

struct ms_lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol;
    char *mon_decimal_point, *mon_thousands_sep, *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes,
        n_sep_by_space, p_sign_posn, n_sign_posn;
    WCHAR *w_decimal_point, *w_thousands_sep, *w_int_curr_symbol, *w_currency_symbol;
    WCHAR *w_mon_decimal_point, *w_mon_thousands_sep, *w_positive_sign, *w_negative_sign;
};

static char dot[] = ".", empty[] = "";
static WCHAR wdot[] = { '.', 0 }, wempty[] = { 0 };
static struct ms_lconv c_lconv = {
    dot, empty, empty, empty, empty, empty, empty, empty, empty, empty,
    127, 127, 127, 127, 127, 127, 127, 127,
    wdot, wempty, wempty, wempty, wempty, wempty, wempty, wempty,
};

static const char *const accepted[] = { "C", "POSIX", "", ".UTF8", ".UTF-8", ".65001", ".ACP", ".OCP" };
static char name_c[] = "C";
static WCHAR wname_c[] = { 'C', 0 };

static int known(const char *loc)
{
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
        if (!strcasecmp(loc, accepted[i]))
            return 1;
    return 0;
}

static char *WINAPI w32_setlocale(int cat, const char *loc)
{
    if (cat < 0 || cat > MS_LC_MAX)
        return crt_invalid("setlocale", MS_EINVAL), NULL;
    return !loc || known(loc) ? name_c : NULL;
}

static WCHAR *WINAPI w32__wsetlocale(int cat, const WCHAR *loc)
{
    char *u = loc ? w32_wide_to_utf8(loc) : NULL;
    char *r = (loc && !u) ? NULL : w32_setlocale(cat, u);
    free(u);
    return r ? wname_c : NULL;
}

static struct ms_lconv *WINAPI w32_localeconv(void) { return &c_lconv; }
static unsigned WINAPI w32____lc_codepage_func(void) { return CP_UTF8; }
static int WINAPI w32____mb_cur_max_func(void) { return 4; }
static int WINAPI w32____mb_cur_max_l_func(void *l) { (void)l; return 4; }
static unsigned WINAPI w32____lc_collate_cp_func(void) { return CP_UTF8; }

static int mb_cur_max = 4;
static int *WINAPI w32___p___mb_cur_max(void) { return &mb_cur_max; }

/* The locale handles of the _l functions. */
typedef struct { void *locinfo, *mbcinfo; } ms_locale;

static ms_locale *new_locale(void)
{
    ms_locale *l = calloc(1, sizeof *l);
    if (!l)
        crt_fail(MS_ENOMEM);
    return l;
}

static ms_locale *WINAPI w32__create_locale(int cat, const char *loc)
{
    if (cat < 0 || cat > MS_LC_MAX || !loc || !known(loc))
        return NULL;
    return new_locale();
}

static ms_locale *WINAPI w32__wcreate_locale(int cat, const WCHAR *loc)
{
    char *u = w32_wide_to_utf8(loc);
    ms_locale *l = u ? w32__create_locale(cat, u) : NULL;
    free(u);
    return l;
}

static void WINAPI w32__free_locale(ms_locale *l) { free(l); }
static ms_locale *WINAPI w32__get_current_locale(void) { return new_locale(); }

/* _getmbcp/_setmbcp: the multibyte code page (UTF-8 only here). */
static int mbcp = CP_UTF8;

static int WINAPI w32__getmbcp(void) { return mbcp; }

static int WINAPI w32__setmbcp(int cp)
{
    /* _MB_CP_SBCS 0, _MB_CP_OEM -2, _MB_CP_ANSI -3, _MB_CP_LOCALE -4 */
    if (cp == 0 || cp == -2 || cp == -3 || cp == -4 || cp == CP_UTF8) {
        mbcp = cp == 0 ? 0 : CP_UTF8;
        return 0;
    }
    return crt_fail(MS_EINVAL);
}

#define LOCALE_EXPORTS \
    EXPORT(setlocale, "is:s"), EXPORT(_wsetlocale, "iw:w"), EXPORT(localeconv, ":p"), \
    EXPORT(___lc_codepage_func, ":u"), EXPORT(___mb_cur_max_func, ":i"), \
    EXPORT(___mb_cur_max_l_func, "p:i"), EXPORT(___lc_collate_cp_func, ":u"), \
    EXPORT(_create_locale, "is:p"), EXPORT(_wcreate_locale, "iw:p"), EXPORT(_free_locale, "p:v"), \
    EXPORT(_get_current_locale, ":p"), EXPORT(_getmbcp, ":i"), EXPORT(_setmbcp, "i:i"), \
    EXPORT(__p___mb_cur_max, ":p")

static int WINAPI w32___lconv_init(void) { return 0; }

W32_EXPORTS(msvcrt) = {
    LOCALE_EXPORTS, EXPORT_DATA(__mb_cur_max, mb_cur_max), EXPORT(__lconv_init, ":i"),
};
W32_EXPORTS(ucrtbase) = { LOCALE_EXPORTS, EXPORT(__lconv_init, ":i") };
