/* format.c — the printf engine of the Windows CRTs, with Microsoft
 * semantics: `long` is 32 bits, I/I32/I64/w size prefixes, %S/%C take the
 * other width, %p prints 16 upper-case digits, and msvcrt's three-digit
 * exponents and 1.#INF/1.#QNAN spellings (UCRT follows C99 there).
 * Numbers are converted by the host's snprintf; the rest is ours. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "crt.h"

struct spec {
    int left, plus, space, alt, zero;
    int width, prec;          /* -1: not given */
    int size;                 /* bytes of an integer argument: 1 2 4 8 */
    int wide;                 /* %ls, %ws, %S in printf… */
    int narrow;               /* %hs, %hc */
    char conv;
};

static void put(struct fmt_sink *s, const char *p, size_t n)
{
    s->put(s, p, n);
    s->count += n;
}

static void pad(struct fmt_sink *s, char c, int n)
{
    char b[64];
    memset(b, c, sizeof b);
    while (n > 0) {
        int k = n > (int)sizeof b ? (int)sizeof b : n;
        put(s, b, (size_t)k);
        n -= k;
    }
}

/* Emit BODY with sign/prefix PRE, padded to the spec's width. */
static void emit(struct fmt_sink *s, const struct spec *sp, const char *pre, const char *body,
                 size_t blen)
{
    size_t plen = strlen(pre);
    int padn = sp->width - (int)(plen + blen);
    if (!sp->left && !sp->zero)
        pad(s, ' ', padn);
    put(s, pre, plen);
    if (!sp->left && sp->zero)
        pad(s, '0', padn);
    put(s, body, blen);
    if (sp->left)
        pad(s, ' ', padn);
}

static const char *parse_flags(const char *f, struct spec *sp)
{
    for (;; f++) {
        if (*f == '-') sp->left = 1;
        else if (*f == '+') sp->plus = 1;
        else if (*f == ' ') sp->space = 1;
        else if (*f == '#') sp->alt = 1;
        else if (*f == '0') sp->zero = 1;
        else return f;
    }
}

static const char *parse_num(const char *f, int *out, struct msargs *ap)
{
    if (*f == '*') {
        *out = (int)(int32_t)ms_arg(ap);
        return f + 1;
    }
    int v = 0;
    while (*f >= '0' && *f <= '9')
        v = v * 10 + (*f++ - '0');
    *out = v;
    return f;
}

static const char *parse_size(const char *f, struct spec *sp)
{
    sp->size = 4;
    if (f[0] == 'h') {
        sp->narrow = 1;
        sp->size = f[1] == 'h' ? (f++, 1) : 2;
        return f + 1;
    }
    if (f[0] == 'l') {
        if (f[1] == 'l') { sp->size = 8; return f + 2; }
        sp->wide = 1; /* %ls / %lc; %ld stays 32-bit: long is 32 bits */
        return f + 1;
    }
    if (f[0] == 'I') {
        if (f[1] == '6' && f[2] == '4') { sp->size = 8; return f + 3; }
        if (f[1] == '3' && f[2] == '2') { sp->size = 4; return f + 3; }
        sp->size = 8;
        return f + 1;
    }
    if (f[0] == 'w') { sp->wide = 1; return f + 1; }
    if (f[0] == 'L' || f[0] == 'q') { sp->size = 8; return f + 1; } /* L: long double = double */
    if (f[0] == 'j' || f[0] == 'z' || f[0] == 't') { sp->size = 8; return f + 1; }
    return f;
}

static void fmt_int(struct fmt_sink *s, struct spec *sp, uint64_t raw)
{
    char digits[72], pre[4] = "";
    int neg = 0;
    uint64_t v = raw;
    int is_signed = sp->conv == 'd' || sp->conv == 'i';
    if (sp->size < 8) {
        int bits = sp->size * 8;
        v &= (1ull << bits) - 1;
        if (is_signed && (v >> (bits - 1)))
            v |= ~0ull << bits;
    }
    if (is_signed && (int64_t)v < 0) {
        neg = 1;
        v = -(uint64_t)v;
    }
    int base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X') ? 16 : 10;
    const char *dig = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0;
    char tmp[72];
    while (v) {
        tmp[n++] = dig[v % (unsigned)base];
        v /= (unsigned)base;
    }
    int prec = sp->prec < 0 ? 1 : sp->prec > 64 ? 64 : sp->prec;
    int len = 0;
    for (int i = n; i < prec; i++)
        digits[len++] = '0';
    if (sp->alt && base == 8 && len == 0) /* "%#o" always starts with 0 */
        digits[len++] = '0';
    while (n)
        digits[len++] = tmp[--n];
    if (neg) strcpy(pre, "-");
    else if (is_signed && sp->plus) strcpy(pre, "+");
    else if (is_signed && sp->space) strcpy(pre, " ");
    if (sp->alt && base == 16 && raw)
        strcat(pre, sp->conv == 'X' ? "0X" : "0x");
    if (sp->prec >= 0)
        sp->zero = 0;
    emit(s, sp, pre, digits, (size_t)len);
}

/* msvcrt's spellings of infinities and NaNs. */
static int ms_nonfinite(struct fmt_sink *s, struct spec *sp, double d, int ucrt)
{
    if (isfinite(d))
        return 0;
    const char *body;
    char pre[2] = "";
    if (signbit(d)) strcpy(pre, "-");
    else if (sp->plus) strcpy(pre, "+");
    else if (sp->space) strcpy(pre, " ");
    int upper = sp->conv == 'E' || sp->conv == 'G' || sp->conv == 'F' || sp->conv == 'A';
    if (ucrt)
        body = isinf(d) ? (upper ? "INF" : "inf") : signbit(d) ? (upper ? "NAN(IND)" : "nan(ind)")
                                                             : (upper ? "NAN" : "nan");
    else
        body = isinf(d) ? "1.#INF00" : signbit(d) ? "1.#IND00" : "1.#QNAN0";
    sp->zero = 0;
    emit(s, sp, pre, body, strlen(body));
    return 1;
}

/* msvcrt writes at least three exponent digits: 1.5e+000. */
static void widen_exponent(char *b, size_t cap)
{
    char *e = strpbrk(b, "eE");
    if (!e || (e[1] != '+' && e[1] != '-'))
        return;
    char *d = e + 2;
    size_t nd = strlen(d);
    if (nd >= 3 || strlen(b) + (3 - nd) >= cap)
        return;
    memmove(d + (3 - nd), d, nd + 1);
    memset(d, '0', 3 - nd);
}

static void fmt_float(struct fmt_sink *s, struct spec *sp, double d, int flags)
{
    if (ms_nonfinite(s, sp, d, flags & FMT_UCRT))
        return;
    char f[32], b[512], *p = f;
    *p++ = '%';
    if (sp->plus) *p++ = '+';
    if (sp->space) *p++ = ' ';
    if (sp->alt) *p++ = '#';
    *p++ = '.';
    *p++ = '*';
    *p++ = sp->conv;
    *p = 0;
    int prec = sp->prec < 0 ? 6 : sp->prec;
    if (sp->conv == 'a' || sp->conv == 'A')
        prec = sp->prec < 0 ? 13 : sp->prec;
    int n = snprintf(b, sizeof b, f, prec > 300 ? 300 : prec, d);
    if (n < 0 || (size_t)n >= sizeof b) {
        b[sizeof b - 1] = 0;
        n = (int)strlen(b);
    }
    if (!(flags & FMT_UCRT) && sp->conv != 'a' && sp->conv != 'A')
        widen_exponent(b, sizeof b);
    const char *body = b;
    char pre[2] = "";
    if (*body == '-' || *body == '+' || *body == ' ')
        pre[0] = *body++;
    emit(s, sp, pre, body, strlen(body));
}

static void fmt_string(struct fmt_sink *s, struct spec *sp, uint64_t v, int wide)
{
    static const char nul[] = "(null)";
    char *conv = NULL;
    const char *str = (const char *)v;
    if (!str)
        str = nul;
    else if (wide)
        str = conv = w32_wide_to_utf8((const WCHAR *)v);
    size_t len = str ? strlen(str) : 0;
    if (sp->prec >= 0 && (size_t)sp->prec < len)
        len = (size_t)sp->prec; /* counts bytes of the UTF-8 form */
    sp->zero = 0;
    emit(s, sp, "", str ? str : "", len);
    free(conv);
}

static void fmt_char(struct fmt_sink *s, struct spec *sp, uint64_t v, int wide)
{
    char b[8];
    size_t n = 1;
    if (wide) {
        WCHAR w = (WCHAR)v;
        n = w32_utf16_to_utf8(&w, 1, b, sizeof b);
    } else {
        b[0] = (char)v;
    }
    sp->zero = 0;
    emit(s, sp, "", b, n);
}

static void fmt_pointer(struct fmt_sink *s, struct spec *sp, uint64_t v)
{
    char b[24];
    snprintf(b, sizeof b, "%016llX", (unsigned long long)v);
    sp->zero = 0;
    emit(s, sp, sp->alt ? "0X" : "", b, 16);
}

/* Which width a %s/%c argument has: printf's %s is narrow and %S wide;
 * wprintf's the other way round; h and l/w force one. */
static int is_wide_arg(const struct spec *sp, int flags)
{
    if (sp->narrow)
        return 0;
    if (sp->wide)
        return 1;
    int upper = sp->conv == 'S' || sp->conv == 'C';
    return (flags & FMT_WIDE) ? !upper : upper;
}

static int convert(struct fmt_sink *s, struct spec *sp, struct msargs *ap, int flags)
{
    switch (sp->conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        fmt_int(s, sp, ms_arg(ap));
        return 0;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        fmt_float(s, sp, ms_arg_double(ap), flags);
        return 0;
    case 's': case 'S':
        fmt_string(s, sp, ms_arg(ap), is_wide_arg(sp, flags));
        return 0;
    case 'c': case 'C':
        fmt_char(s, sp, ms_arg(ap), is_wide_arg(sp, flags));
        return 0;
    case 'p':
        fmt_pointer(s, sp, ms_arg(ap));
        return 0;
    case 'n': {
        void *p = (void *)ms_arg(ap);
        if (sp->size == 8) *(int64_t *)p = (int64_t)s->count;
        else if (sp->size == 2) *(int16_t *)p = (int16_t)s->count;
        else *(int32_t *)p = (int32_t)s->count;
        return 0;
    }
    default:
        return -1;
    }
}

int crt_format(struct fmt_sink *s, const char *f, struct msargs *ap, int flags)
{
    s->count = 0;
    while (*f) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            put(s, f, strlen(f));
            break;
        }
        put(s, f, (size_t)(pct - f));
        f = pct + 1;
        if (*f == '%') {
            put(s, "%", 1);
            f++;
            continue;
        }
        struct spec sp = { .prec = -1 };
        f = parse_flags(f, &sp);
        f = parse_num(f, &sp.width, ap);
        if (sp.width < 0) {
            sp.left = 1;
            sp.width = -sp.width;
        }
        if (*f == '.') {
            f = parse_num(f + 1, &sp.prec, ap);
            if (sp.prec < 0)
                sp.prec = -1;
        }
        f = parse_size(f, &sp);
        sp.conv = *f;
        if (!*f || convert(s, &sp, ap, flags) < 0)
            return -1;
        f++;
    }
    return (int)s->count;
}

struct buf_sink {
    struct fmt_sink s;
    char *buf;
    size_t cap, len;
};

static void buf_put(struct fmt_sink *s, const char *p, size_t n)
{
    struct buf_sink *b = (struct buf_sink *)s;
    if (b->len < b->cap) {
        size_t k = b->cap - b->len < n ? b->cap - b->len : n;
        memcpy(b->buf + b->len, p, k);
    }
    b->len += n;
}

int crt_vsnprintf(char *buf, size_t n, const char *fmt, struct msargs *ap, int flags)
{
    struct buf_sink b = { { buf_put, 0 }, buf, n ? n - 1 : 0, 0 };
    int r = crt_format(&b.s, fmt, ap, flags);
    if (n)
        buf[b.len < n - 1 ? b.len : n - 1] = 0;
    return r;
}
