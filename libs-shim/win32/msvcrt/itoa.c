/* itoa.c — integers to text: _itoa/_ltoa/_ultoa/_i64toa/_ui64toa, the
 * wide _itow… forms and the _s forms. A negative value is written with
 * '-' only in radix 10; in other radices its two's-complement bits are
 * written (so _itoa(-1, b, 16) is "ffffffff"). Digits above 9 are lower
 * case. The _s forms check the buffer: EINVAL for a NULL buffer or a
 * radix outside 2..36, ERANGE (buffer emptied) when it is too small. */
#include "crt.h"

/* The text of V in RADIX into OUT (at least 66 bytes); returns length. */
static size_t format(uint64_t v, int neg, unsigned radix, char *out)
{
    char tmp[66];
    size_t n = 0, o = 0;
    do {
        unsigned d = (unsigned)(v % radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= radix;
    } while (v);
    if (neg)
        out[o++] = '-';
    while (n)
        out[o++] = tmp[--n];
    out[o] = 0;
    return o;
}

/* BITS: the width of the argument; SIGNED: whether radix 10 shows a sign. */
static size_t to_text(int64_t v, int bits, int is_signed, unsigned radix, char *out)
{
    uint64_t u = bits == 64 ? (uint64_t)v : (uint64_t)v & 0xffffffffu;
    int neg = is_signed && radix == 10 && v < 0;
    if (neg)
        u = bits == 64 ? -(uint64_t)v : (uint64_t)(-(int64_t)(int32_t)v);
    return format(u, neg, radix, out);
}

static char *to_a(int64_t v, char *buf, int radix, int bits, int sgn, const char *fn)
{
    if (!buf || radix < 2 || radix > 36)
        return crt_invalid(fn, MS_EINVAL), buf;
    to_text(v, bits, sgn, (unsigned)radix, buf);
    return buf;
}

static WCHAR *to_w(int64_t v, WCHAR *buf, int radix, int bits, int sgn, const char *fn)
{
    char tmp[68];
    if (!buf || radix < 2 || radix > 36)
        return crt_invalid(fn, MS_EINVAL), buf;
    size_t n = to_text(v, bits, sgn, (unsigned)radix, tmp);
    for (size_t i = 0; i <= n; i++)
        buf[i] = (WCHAR)tmp[i];
    return buf;
}

static int to_a_s(int64_t v, char *buf, size_t size, int radix, int bits, int sgn, const char *fn)
{
    char tmp[68];
    CRT_CHECK(buf && size, fn, MS_EINVAL);
    buf[0] = 0;
    CRT_CHECK(radix >= 2 && radix <= 36, fn, MS_EINVAL);
    size_t n = to_text(v, bits, sgn, (unsigned)radix, tmp);
    CRT_CHECK(n < size, fn, MS_ERANGE);
    for (size_t i = 0; i <= n; i++)
        buf[i] = tmp[i];
    return 0;
}

static int to_w_s(int64_t v, WCHAR *buf, size_t size, int radix, int bits, int sgn, const char *fn)
{
    char tmp[68];
    CRT_CHECK(buf && size, fn, MS_EINVAL);
    buf[0] = 0;
    CRT_CHECK(radix >= 2 && radix <= 36, fn, MS_EINVAL);
    size_t n = to_text(v, bits, sgn, (unsigned)radix, tmp);
    CRT_CHECK(n < size, fn, MS_ERANGE);
    for (size_t i = 0; i <= n; i++)
        buf[i] = (WCHAR)tmp[i];
    return 0;
}

/* NAME(v, buf, radix), NAME_s(v, buf, size, radix) and the wide pair. */
#define ITOA(a, w, T, bits, sgn)                                                                   \
    static char *WINAPI w32_##a(T v, char *b, int r) { return to_a((int64_t)v, b, r, bits, sgn, #a); } \
    static WCHAR *WINAPI w32_##w(T v, WCHAR *b, int r) { return to_w((int64_t)v, b, r, bits, sgn, #w); } \
    static int WINAPI w32_##a##_s(T v, char *b, size_t n, int r) { return to_a_s((int64_t)v, b, n, r, bits, sgn, #a "_s"); } \
    static int WINAPI w32_##w##_s(T v, WCHAR *b, size_t n, int r) { return to_w_s((int64_t)v, b, n, r, bits, sgn, #w "_s"); }
ITOA(_itoa, _itow, int32_t, 32, 1)
ITOA(_ltoa, _ltow, int32_t, 32, 1)
ITOA(_ultoa, _ultow, uint32_t, 32, 0)
ITOA(_i64toa, _i64tow, int64_t, 64, 1)
ITOA(_ui64toa, _ui64tow, uint64_t, 64, 0)

#define ITOA_EXPORT(a, w, vs) \
    EXPORT(a, vs "pi:p"), EXPORT(w, vs "pi:p"), EXPORT(a##_s, vs "pqi:i"), EXPORT(w##_s, vs "pqi:i")
#define ITOA_EXPORTS \
    ITOA_EXPORT(_itoa, _itow, "i"), ITOA_EXPORT(_ltoa, _ltow, "i"), ITOA_EXPORT(_ultoa, _ultow, "u"), \
    ITOA_EXPORT(_i64toa, _i64tow, "q"), ITOA_EXPORT(_ui64toa, _ui64tow, "q")

W32_EXPORTS(msvcrt) = {
    ITOA_EXPORTS, EXPORT_AS("itoa", w32__itoa, "ipi:p"), EXPORT_AS("ltoa", w32__ltoa, "ipi:p"),
    EXPORT_AS("ultoa", w32__ultoa, "upi:p"),
};
W32_EXPORTS(ucrtbase) = { ITOA_EXPORTS };
