/* format.c — the printf engine of the Windows CRTs, with Microsoft
 * semantics: `long` is 32 bits, I/I32/I64/w size prefixes, %S/%C take the
 * other width, %p prints 16 upper-case digits, %Z prints a counted
 * string, msvcrt's three-digit exponents and 1.#INF/1.#QNAN/1.#IND
 * spellings (UCRT follows C99 there: inf, nan, -nan(ind)), positional
 * arguments (%1$d) for the _p functions, and %n refused where the CRT
 * refuses it. Every Microsoft varargs slot is 8 bytes, which makes
 * positional arguments a matter of indexing. Numbers are converted by the
 * host's snprintf; the rest is ours. */
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

struct fmtstate {
    struct fmt_sink *s;
    struct msargs *ap;
    const char *base;         /* the first argument, for %N$ */
    int flags;
    int positional;           /* 1: %N$ seen, 2: plain seen */
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

/* Emit BODY (BLEN bytes, VIS characters wide) with sign/prefix PRE,
 * padded to the spec's width. */
static void emit_vis(struct fmt_sink *s, const struct spec *sp, const char *pre, const char *body,
                     size_t blen, size_t vis)
{
    size_t plen = strlen(pre);
    int padn = sp->width - (int)(plen + vis);
    if (!sp->left && !sp->zero)
        pad(s, ' ', padn);
    put(s, pre, plen);
    if (!sp->left && sp->zero)
        pad(s, '0', padn);
    put(s, body, blen);
    if (sp->left)
        pad(s, ' ', padn);
}

static void emit(struct fmt_sink *s, const struct spec *sp, const char *pre, const char *body, size_t blen)
{
    emit_vis(s, sp, pre, body, blen, blen);
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

/* "N$" after a number: a positional reference. Returns the index or 0. */
static int dollar(const char **f)
{
    const char *p = *f;
    int v = 0;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    if (*p != '$' || p == *f)
        return 0;
    *f = p + 1;
    return v;
}

/* Point the argument list at positional argument N (1-based). */
static int seek_arg(struct fmtstate *st, int n)
{
    if (!(st->flags & FMT_POSITIONAL) || n < 1 || n > 100 || st->positional == 2)
        return -1;
    st->positional = 1;
    st->ap->p = st->base + (size_t)(n - 1) * 8;
    return 0;
}

static const char *parse_num(const char *f, int *out, struct fmtstate *st)
{
    if (*f == '*') {
        f++;
        int n = dollar(&f);
        if (n && seek_arg(st, n) < 0)
            return NULL;
        *out = (int)(int32_t)ms_arg(st->ap);
        return f;
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
    int nonzero = v != 0;
    while (v) {
        tmp[n++] = dig[v % (unsigned)base];
        v /= (unsigned)base;
    }
    int prec = sp->prec < 0 ? 1 : sp->prec > 64 ? 64 : sp->prec;
    int len = 0;
    for (int i = n; i < prec; i++)
        digits[len++] = '0';
    if (sp->alt && base == 8 && len == 0 && nonzero) /* "%#o" starts with 0 */
        digits[len++] = '0';
    while (n)
        digits[len++] = tmp[--n];
    if (neg) strcpy(pre, "-");
    else if (is_signed && sp->plus) strcpy(pre, "+");
    else if (is_signed && sp->space) strcpy(pre, " ");
    if (sp->alt && base == 16 && nonzero)
        strcat(pre, sp->conv == 'X' ? "0X" : "0x");
    if (sp->prec >= 0)
        sp->zero = 0;
    emit(s, sp, pre, digits, (size_t)len);
}

/* msvcrt writes a special value as the digits "1.#INF" (#QNAN, #IND,
 * #SNAN) treated like any mantissa: padded with zeros to the precision,
 * or cut and rounded by character code ("%.2f" gives 1.#J). */
static void ms_special(char *out, size_t cap, const char *tag, const struct spec *sp)
{
    int prec = sp->prec < 0 ? 6 : sp->prec;
    size_t tl = strlen(tag), l = 1;
    char m[64] = "1";
    if (prec > 40)
        prec = 40;
    if (prec > 0) {
        size_t k = (size_t)prec < tl ? (size_t)prec : tl;
        m[l++] = '.';
        memcpy(m + l, tag, k);
        l += k;
        if ((size_t)prec < tl && tag[prec] >= '5')
            m[l - 1]++;
        for (int i = (int)tl; i < prec; i++)
            m[l++] = '0';
        m[l] = 0;
    }
    int g = sp->conv == 'g' || sp->conv == 'G';
    if (g && prec > 0) { /* %g drops trailing zeros */
        size_t l = strlen(m);
        while (l > 2 && m[l - 1] == '0')
            m[--l] = 0;
    }
    snprintf(out, cap, "%s%s", m, sp->conv == 'e' ? "e+000" : sp->conv == 'E' ? "E+000" : "");
}

static const char *ucrt_special(double d, int upper)
{
    if (isinf(d))
        return upper ? "INF" : "inf";
    uint64_t bits;
    memcpy(&bits, &d, 8);
    int indefinite = signbit(d) && (bits & 0x000fffffffffffffull) == 0x0008000000000000ull;
    int quiet = (bits >> 51) & 1;
    if (indefinite)
        return upper ? "NAN(IND)" : "nan(ind)";
    if (!quiet)
        return upper ? "NAN(SNAN)" : "nan(snan)";
    return upper ? "NAN" : "nan";
}

static int nonfinite(struct fmt_sink *s, struct spec *sp, double d, int flags)
{
    if (isfinite(d))
        return 0;
    char body[80], pre[2] = "";
    if (signbit(d)) strcpy(pre, "-");
    else if (sp->plus) strcpy(pre, "+");
    else if (sp->space) strcpy(pre, " ");
    int upper = sp->conv == 'E' || sp->conv == 'G' || sp->conv == 'F' || sp->conv == 'A';
    if ((flags & FMT_UCRT) && !(flags & FMT_MS_NONFINITE)) {
        snprintf(body, sizeof body, "%s", ucrt_special(d, upper));
    } else {
        uint64_t bits;
        memcpy(&bits, &d, 8);
        const char *tag = isinf(d) ? "#INF"
                        : signbit(d) && (bits & 0x000fffffffffffffull) == 0x0008000000000000ull ? "#IND"
                        : ((bits >> 51) & 1) ? "#QNAN" : "#SNAN";
        ms_special(body, sizeof body, tag, sp);
    }
    sp->zero = 0;
    emit(s, sp, pre, body, strlen(body));
    return 1;
}

/* _set_output_format(_TWO_DIGIT_EXPONENT) (msvcrt only). */
int crt_two_digit_exponent;

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
    if (nonfinite(s, sp, d, flags))
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
    if (!(flags & FMT_UCRT) && !crt_two_digit_exponent && sp->conv != 'a' && sp->conv != 'A')
        widen_exponent(b, sizeof b);
    const char *body = b;
    char pre[2] = "";
    if (*body == '-' || *body == '+' || *body == ' ')
        pre[0] = *body++;
    emit(s, sp, pre, body, strlen(body));
}

/* Strings: precision and width count characters — bytes of a narrow
 * string, UTF-16 units in the wide functions. */
static void fmt_text(struct fmt_sink *s, struct spec *sp, const char *str, int flags)
{
    size_t len = strlen(str), vis = len;
    if (flags & FMT_WIDE) {
        size_t units = 0, i = 0;
        while (i < len && (sp->prec < 0 || units < (size_t)sp->prec)) {
            unsigned char c = (unsigned char)str[i];
            size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
            if (k == 4 && sp->prec >= 0 && units + 2 > (size_t)sp->prec)
                break;
            i += k, units += k == 4 ? 2 : 1;
        }
        len = i < len ? i : len, vis = units;
    } else if (sp->prec >= 0 && (size_t)sp->prec < len) {
        len = vis = (size_t)sp->prec;
    }
    sp->zero = 0;
    emit_vis(s, sp, "", str, len, vis);
}

static void fmt_string(struct fmt_sink *s, struct spec *sp, uint64_t v, int wide, int flags)
{
    if (!v) {
        fmt_text(s, sp, wide ? "(null)" : "(null)", flags);
        return;
    }
    if (!wide) {
        fmt_text(s, sp, (const char *)v, flags);
        return;
    }
    const WCHAR *w = (const WCHAR *)v;
    long n = -1;
    if (sp->prec >= 0) { /* do not read past the precision */
        n = 0;
        while (n < sp->prec && w[n])
            n++;
    }
    size_t len = w32_utf16_to_utf8(w, n, NULL, 0);
    char *u = malloc(len + 1);
    if (!u)
        return;
    w32_utf16_to_utf8(w, n, u, len + 1);
    struct spec copy = *sp;
    if (!(flags & FMT_WIDE))
        copy.prec = -1; /* already cut to the precision in characters */
    fmt_text(s, &copy, u, flags);
    free(u);
}

/* %Z: a counted ANSI_STRING (or UNICODE_STRING with l/w). */
static void fmt_counted(struct fmt_sink *s, struct spec *sp, uint64_t v, int wide, int flags)
{
    const struct { USHORT len, max; void *buf; } *cs = (const void *)v;
    if (!cs || !cs->buf) {
        fmt_text(s, sp, "(null)", flags);
        return;
    }
    size_t n = wide ? cs->len / 2 : cs->len;
    char *u = wide ? malloc(n * 3 + 1) : NULL;
    if (wide && u)
        w32_utf16_to_utf8(cs->buf, (long)n, u, n * 3 + 1);
    else if (!wide && (u = malloc(n + 1)))
        memcpy(u, cs->buf, n), u[n] = 0;
    if (u)
        fmt_text(s, sp, u, flags);
    free(u);
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
    emit_vis(s, sp, "", b, n, 1);
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

static int store_count(struct fmt_sink *s, struct spec *sp, struct fmtstate *st)
{
    if (st->flags & FMT_NO_N)
        return -1;
    void *p = (void *)ms_arg(st->ap);
    if (sp->size == 8) *(int64_t *)p = (int64_t)s->count;
    else if (sp->size == 2) *(int16_t *)p = (int16_t)s->count;
    else if (sp->size == 1) *(int8_t *)p = (int8_t)s->count;
    else *(int32_t *)p = (int32_t)s->count;
    return 0;
}

static int convert(struct fmt_sink *s, struct spec *sp, struct fmtstate *st)
{
    struct msargs *ap = st->ap;
    int flags = st->flags;
    switch (sp->conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        fmt_int(s, sp, ms_arg(ap));
        return 0;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        fmt_float(s, sp, ms_arg_double(ap), flags);
        return 0;
    case 's': case 'S':
        fmt_string(s, sp, ms_arg(ap), is_wide_arg(sp, flags), flags);
        return 0;
    case 'c': case 'C':
        fmt_char(s, sp, ms_arg(ap), is_wide_arg(sp, flags));
        return 0;
    case 'Z':
        fmt_counted(s, sp, ms_arg(ap), sp->wide || (flags & FMT_WIDE && !sp->narrow), flags);
        return 0;
    case 'p':
        fmt_pointer(s, sp, ms_arg(ap));
        return 0;
    case 'n':
        return store_count(s, sp, st);
    default:
        return -1;
    }
}

/* One conversion after its '%'; returns where the format continues. */
static const char *one(const char *f, struct fmtstate *st)
{
    struct spec sp = { .prec = -1 };
    int n = dollar(&f);
    if (n ? seek_arg(st, n) < 0 : st->positional == 1)
        return NULL;
    if (!n)
        st->positional = 2;
    f = parse_flags(f, &sp);
    if (!(f = parse_num(f, &sp.width, st)))
        return NULL;
    if (sp.width < 0) {
        sp.left = 1;
        sp.width = -sp.width;
    }
    if (*f == '.') {
        if (!(f = parse_num(f + 1, &sp.prec, st)))
            return NULL;
        if (sp.prec < 0)
            sp.prec = -1;
    }
    f = parse_size(f, &sp);
    sp.conv = *f;
    if (n)
        seek_arg(st, n); /* after any positional width or precision */
    if (!*f || convert(st->s, &sp, st) < 0)
        return NULL;
    return f + 1;
}

int crt_format(struct fmt_sink *s, const char *f, struct msargs *ap, int flags)
{
    struct fmtstate st = { s, ap, ap->p, flags, 0 };
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
        if (!(f = one(f, &st)))
            return -1;
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
