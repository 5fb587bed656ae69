/* conio_common.c — the UCRT's console formatting entry points
 * (__conio_common_vcprintf and friends, what _cprintf compiles to), on
 * the msvcrt-style _vcprintf/_vcwprintf of msvcrt/conio.c, which write
 * to standard output (see there). The option bits select the formatter
 * flags as for __stdio_common_vfprintf. */
#include <stdlib.h>

#include "../msvcrt/printf.h"
#include "../unicode.h"

static int WINAPI w32___conio_common_vcprintf(uint64_t opt, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_console_print(fmt, va, crt_ucrt_flags(opt, 0));
}

static int WINAPI w32___conio_common_vcprintf_s(uint64_t opt, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_console_print(fmt, va, crt_ucrt_flags(opt, 0) | FMT_NO_N);
}

static int WINAPI w32___conio_common_vcprintf_p(uint64_t opt, const char *fmt, void *loc, ms_va_list va)
{
    (void)loc;
    return crt_console_print(fmt, va, crt_ucrt_flags(opt, 0) | FMT_POSITIONAL);
}

static int WINAPI w32___conio_common_vcwprintf(uint64_t opt, const WCHAR *wfmt, void *loc, ms_va_list va)
{
    (void)loc;
    char *fmt = w32_wide_to_utf8(wfmt);
    int r = crt_console_print(fmt, va, crt_ucrt_flags(opt, 1));
    free(fmt);
    return r;
}

W32_EXPORTS(ucrtbase) = {
    EXPORT(__conio_common_vcprintf, "qspp:i"), EXPORT(__conio_common_vcprintf_s, "qspp:i"),
    EXPORT(__conio_common_vcprintf_p, "qspp:i"), EXPORT(__conio_common_vcwprintf, "qwpp:i"),
};
