/* strtonum.c — text to integers: strtol/strtoul (`long` is 32 bits on
 * Windows, so "4294967296" overflows strtoul and "-1" is 0xFFFFFFFF),
 * strtoll/strtoull, _strtoi64/_strtoui64, strtoimax/strtoumax, the wide
 * wcsto* forms, the _l forms, and atoi/atol/atoll/_atoi64/_wtoi…, which
 * saturate on overflow as the UCRT documents. One parser serves both
 * character widths. */
#include <limits.h>

#include "crt.h"

/* The parse of an integer field: magnitude, sign, where it ended. */
struct inum {
    uint64_t mag;
    int neg, overflow, any;
    size_t end;               /* units consumed (0 when no digits) */
};

static int digit(unsigned c, int base)
{
    int d = c >= '0' && c <= '9' ? (int)c - '0' : c >= 'a' && c <= 'z' ? (int)c - 'a' + 10
          : c >= 'A' && c <= 'Z' ? (int)c - 'A' + 10 : 99;
    return d < base ? d : -1;
}

static int space(unsigned c) { return c == ' ' || (c >= 9 && c <= 13); }

/* AT(i) reads unit i of the string. */
#define PARSE_BODY(AT)                                                              \
    size_t i = 0;                                                                   \
    int d;                                                                          \
    while (space(AT(i)))                                                            \
        i++;                                                                        \
    if (AT(i) == '+' || AT(i) == '-')                                               \
        r->neg = AT(i++) == '-';                                                    \
    if ((base == 0 || base == 16) && AT(i) == '0' && (AT(i + 1) | 0x20) == 'x' &&   \
        digit(AT(i + 2), 16) >= 0)                                                  \
        i += 2, base = 16;                                                          \
    else if (base == 0)                                                             \
        base = AT(i) == '0' ? 8 : 10;                                               \
    for (; (d = digit(AT(i), base)) >= 0; i++) {                                    \
        if (r->mag > (UINT64_MAX - (unsigned)d) / (unsigned)base)                   \
            r->overflow = 1;                                                        \
        r->mag = r->mag * (unsigned)base + (unsigned)d;                             \
        r->any = 1;                                                                 \
    }                                                                               \
    r->end = r->any ? i : 0

static void parse_a(const char *s, int base, struct inum *r)
{
#define AT(k) ((unsigned char)s[k])
    PARSE_BODY(AT);
#undef AT
}

static void parse_w(const WCHAR *s, int base, struct inum *r)
{
#define AT(k) ((unsigned)s[k])
    PARSE_BODY(AT);
#undef AT
}

/* Clamp to a signed range of BITS bits, setting ERANGE. */
static int64_t to_signed(const struct inum *r, int bits)
{
    uint64_t lim = 1ull << (bits - 1);
    if (r->overflow || r->mag > lim - !r->neg) {
        crt_errno = MS_ERANGE;
        return r->neg ? -(int64_t)(lim - 1) - 1 : (int64_t)(lim - 1);
    }
    return r->neg ? -(int64_t)r->mag : (int64_t)r->mag;
}

static uint64_t to_unsigned(const struct inum *r, int bits)
{
    uint64_t max = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
    if (r->overflow || r->mag > max) {
        crt_errno = MS_ERANGE;
        return max;
    }
    return (r->neg ? -r->mag : r->mag) & max;
}

static int bad(const void *s, int base, const char *fn)
{
    if (!s)
        return crt_invalid(fn, MS_EINVAL), 1;
    if (base != 0 && (base < 2 || base > 36)) {
        crt_errno = MS_EINVAL;
        return 1;
    }
    return 0;
}

/* Parse S (narrow or wide) into R and set *END; 0 after an invalid
 * parameter (then *END is S and the result is 0). */
static int parse_str(const char *s, char **end, int base, const char *fn, struct inum *r)
{
    if (end)
        *end = (char *)s;
    if (bad(s, base, fn))
        return 0;
    parse_a(s, base, r);
    if (end)
        *end = (char *)s + r->end;
    return 1;
}

static int parse_wcs(const WCHAR *s, WCHAR **end, int base, const char *fn, struct inum *r)
{
    if (end)
        *end = (WCHAR *)s;
    if (bad(s, base, fn))
        return 0;
    parse_w(s, base, r);
    if (end)
        *end = (WCHAR *)s + r->end;
    return 1;
}

static int64_t str_s(const char *s, char **end, int base, int bits, const char *fn)
{
    struct inum r = { 0 };
    return parse_str(s, end, base, fn, &r) ? to_signed(&r, bits) : 0;
}

static uint64_t str_u(const char *s, char **end, int base, int bits, const char *fn)
{
    struct inum r = { 0 };
    return parse_str(s, end, base, fn, &r) ? to_unsigned(&r, bits) : 0;
}

static int64_t wcs_s(const WCHAR *s, WCHAR **end, int base, int bits, const char *fn)
{
    struct inum r = { 0 };
    return parse_wcs(s, end, base, fn, &r) ? to_signed(&r, bits) : 0;
}

static uint64_t wcs_u(const WCHAR *s, WCHAR **end, int base, int bits, const char *fn)
{
    struct inum r = { 0 };
    return parse_wcs(s, end, base, fn, &r) ? to_unsigned(&r, bits) : 0;
}

/* NAME(s, end, base) and _NAME_l(s, end, base, locale). */
#define STRTO(name, T, fn, bits, C) \
    static T WINAPI w32_##name(const C *s, C **e, int b) { return (T)fn(s, e, b, bits, #name); } \
    static T WINAPI w32__##name##_l(const C *s, C **e, int b, void *l) { (void)l; return (T)fn(s, e, b, bits, #name); }
STRTO(strtol, int32_t, str_s, 32, char)
STRTO(strtoul, uint32_t, str_u, 32, char)
STRTO(strtoll, int64_t, str_s, 64, char)
STRTO(strtoull, uint64_t, str_u, 64, char)
STRTO(strtoi64, int64_t, str_s, 64, char)
STRTO(strtoui64, uint64_t, str_u, 64, char)
STRTO(strtoimax, int64_t, str_s, 64, char)
STRTO(strtoumax, uint64_t, str_u, 64, char)
STRTO(wcstol, int32_t, wcs_s, 32, WCHAR)
STRTO(wcstoul, uint32_t, wcs_u, 32, WCHAR)
STRTO(wcstoll, int64_t, wcs_s, 64, WCHAR)
STRTO(wcstoull, uint64_t, wcs_u, 64, WCHAR)
STRTO(wcstoi64, int64_t, wcs_s, 64, WCHAR)
STRTO(wcstoui64, uint64_t, wcs_u, 64, WCHAR)
STRTO(wcstoimax, int64_t, wcs_s, 64, WCHAR)
STRTO(wcstoumax, uint64_t, wcs_u, 64, WCHAR)

/* atoi and friends: base 10, saturating, errno ERANGE on overflow. */
#define ATO(name, T, fn, bits, C) \
    static T WINAPI w32_##name(const C *s) { return (T)fn(s, NULL, 10, bits, #name); } \
    static T WINAPI w32_##name##_l(const C *s, void *l) { (void)l; return (T)fn(s, NULL, 10, bits, #name); }
ATO(atoi, int32_t, str_s, 32, char)
ATO(atol, int32_t, str_s, 32, char)
ATO(atoll, int64_t, str_s, 64, char)
ATO(_atoi64, int64_t, str_s, 64, char)
ATO(_wtoi, int32_t, wcs_s, 32, WCHAR)
ATO(_wtol, int32_t, wcs_s, 32, WCHAR)
ATO(_wtoll, int64_t, wcs_s, 64, WCHAR)
ATO(_wtoi64, int64_t, wcs_s, 64, WCHAR)

#define STRTO_EXPORT(n, sig, lsig) EXPORT(n, sig), EXPORT(_##n##_l, lsig)
#define ATO_EXPORT(n, sig) EXPORT(n, sig), EXPORT_AS(#n "_l", w32_##n##_l, sig)
#define ATO_EXPORT_C(n, sig) EXPORT(n, sig), EXPORT_AS("_" #n "_l", w32_##n##_l, sig)
#define STRTONUM_EXPORTS \
    STRTO_EXPORT(strtol, "spi:i", "spip:i"), STRTO_EXPORT(strtoul, "spi:u", "spip:u"), \
    STRTO_EXPORT(strtoll, "spi:q", "spip:q"), STRTO_EXPORT(strtoull, "spi:q", "spip:q"), \
    STRTO_EXPORT(strtoimax, "spi:q", "spip:q"), STRTO_EXPORT(strtoumax, "spi:q", "spip:q"), \
    EXPORT_AS("_strtoi64", w32_strtoi64, "spi:q"), EXPORT_AS("_strtoi64_l", w32__strtoi64_l, "spip:q"), \
    EXPORT_AS("_strtoui64", w32_strtoui64, "spi:q"), EXPORT_AS("_strtoui64_l", w32__strtoui64_l, "spip:q"), \
    STRTO_EXPORT(wcstol, "wpi:i", "wpip:i"), STRTO_EXPORT(wcstoul, "wpi:u", "wpip:u"), \
    STRTO_EXPORT(wcstoll, "wpi:q", "wpip:q"), STRTO_EXPORT(wcstoull, "wpi:q", "wpip:q"), \
    STRTO_EXPORT(wcstoimax, "wpi:q", "wpip:q"), STRTO_EXPORT(wcstoumax, "wpi:q", "wpip:q"), \
    EXPORT_AS("_wcstoi64", w32_wcstoi64, "wpi:q"), EXPORT_AS("_wcstoi64_l", w32__wcstoi64_l, "wpip:q"), \
    EXPORT_AS("_wcstoui64", w32_wcstoui64, "wpi:q"), EXPORT_AS("_wcstoui64_l", w32__wcstoui64_l, "wpip:q"), \
    ATO_EXPORT_C(atoi, "s:i"), ATO_EXPORT_C(atol, "s:i"), ATO_EXPORT_C(atoll, "s:q"), \
    ATO_EXPORT(_atoi64, "s:q"), ATO_EXPORT(_wtoi, "w:i"), ATO_EXPORT(_wtol, "w:i"), \
    ATO_EXPORT(_wtoll, "w:q"), ATO_EXPORT(_wtoi64, "w:q")

W32_EXPORTS(msvcrt) = { STRTONUM_EXPORTS };
W32_EXPORTS(ucrtbase) = { STRTONUM_EXPORTS };
