/* stdio_float.c — printf's %f and %F, exactly: a double is m * 2^e, so
 * its decimal expansion is finite; integer digits come from base-1e9
 * doubling, fraction digits from multiplying a binary fraction by ten.
 * Rounds half to even, like glibc. */
#include <stdint.h>
#include <string.h>

#include "stdio_impl.h"

/* Decimal digits of m * 2^e (e >= 0), most significant first. */
static int big_int_digits(char *dst, uint64_t m, int e)
{
    uint32_t limb[40];              /* base 1e9, least significant first */
    int n = 0;
    for (; m; m /= 1000000000)
        limb[n++] = (uint32_t)(m % 1000000000);
    for (; e > 0; e--) {
        uint32_t carry = 0;
        for (int i = 0; i < n; i++) {
            uint64_t v = (uint64_t)limb[i] * 2 + carry;
            limb[i] = (uint32_t)(v % 1000000000);
            carry = (uint32_t)(v / 1000000000);
        }
        if (carry)
            limb[n++] = carry;
    }
    int len = 0;
    for (int i = n - 1; i >= 0; i--)
        for (uint32_t p = 100000000; p; p /= 10)
            if (len || limb[i] / p % 10 || (i == 0 && p == 1))
                dst[len++] = (char)('0' + limb[i] / p % 10);
    if (!len)
        dst[len++] = '0';
    return len;
}

/* Multiply the fraction f (w words, binary point above the top word) by
 * 10 and return the digit that crosses the point. */
static int next_digit(uint32_t *f, int w)
{
    uint32_t carry = 0;
    for (int i = 0; i < w; i++) {
        uint64_t v = (uint64_t)f[i] * 10 + carry;
        f[i] = (uint32_t)v;
        carry = (uint32_t)(v >> 32);
    }
    return (int)carry;
}

/* Compare the remaining fraction with one half: -1, 0 or 1. */
static int cmp_half(const uint32_t *f, int w)
{
    if (w == 0)
        return -1;
    if (f[w - 1] != 0x80000000u)
        return f[w - 1] > 0x80000000u ? 1 : -1;
    for (int i = 0; i < w - 1; i++)
        if (f[i])
            return 1;
    return 0;
}

/* Add one to the last digit of buf[0..n) ('.' skipped); may grow by one. */
static int round_up(char *buf, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        if (buf[i] == '.')
            continue;
        if (buf[i] != '9') {
            buf[i]++;
            return n;
        }
        buf[i] = '0';
    }
    memmove(buf + 1, buf, (size_t)n);
    buf[0] = '1';
    return n + 1;
}

void __fmt_float(struct sink *s, struct spec *sp, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int neg = (int)(bits >> 63), bexp = (int)(bits >> 52 & 0x7ff);
    uint64_t m = bits & ((1ULL << 52) - 1);
    const char *prefix = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    if (bexp == 0x7ff) {
        int up = sp->conv == 'F';
        const char *txt = m ? (up ? "NAN" : "nan") : (up ? "INF" : "inf");
        sp->zero = 0;
        __fmt_field(s, sp, prefix, 0, txt, 3);
        return;
    }
    int e = bexp ? bexp - 1075 : -1074;
    if (bexp)
        m |= 1ULL << 52;
    int prec = sp->prec < 0 ? 6 : sp->prec > 1100 ? 1100 : sp->prec;
    char buf[1500];                 /* 309 integer digits + '.' + 1100 */
    uint32_t f[36] = { 0 };         /* the fraction, 1074 bits at most */
    int n, w = 0;
    if (e >= 0) {
        n = big_int_digits(buf, m, e);
    } else {
        int k = -e;                 /* fraction bits */
        n = big_int_digits(buf, k < 64 ? m >> k : 0, 0);
        uint64_t frac = k < 64 ? m & ((1ULL << k) - 1) : m;
        w = (k + 31) / 32;
        int shift = w * 32 - k;     /* align the binary point to a word */
        for (int b = 0; b < 64; b++)
            if (frac >> b & 1 && b + shift < w * 32)
                f[(b + shift) / 32] |= 1u << ((b + shift) % 32);
    }
    if (prec || sp->alt)
        buf[n++] = '.';
    int last = n;
    for (int i = 0; i < prec; i++)
        buf[n++] = (char)('0' + (w ? next_digit(f, w) : 0));
    int half = cmp_half(f, w);
    char lastdigit = buf[prec ? n - 1 : last - 1 - (buf[last - 1] == '.')];
    if (half > 0 || (half == 0 && (lastdigit - '0') % 2))
        n = round_up(buf, n);
    __fmt_field(s, sp, prefix, 0, buf, n);
}
