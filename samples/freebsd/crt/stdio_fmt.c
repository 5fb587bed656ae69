/* stdio_fmt.c — the printf engine: flags - + space # 0, width and
 * precision (also *), lengths hh h l ll z j t, and the conversions
 * d i u o x X c s p % f F (%f lives in stdio_float.c). Output goes to a
 * buffer or to a stream. */
#include <stdint.h>
#include <string.h>

#include "stdio_impl.h"

void __fmt_out(struct sink *s, const char *p, size_t n)
{
    if (s->f) {
        __fputn(s->f, p, n);
    } else {
        for (size_t i = 0; i < n; i++)
            if (s->len + i + 1 < s->cap)
                s->buf[s->len + i] = p[i];
    }
    s->len += n;
}

void __fmt_pad(struct sink *s, char c, int n)
{
    char chunk[32];
    memset(chunk, c, sizeof chunk);
    for (; n > 0; n -= (int)sizeof chunk)
        __fmt_out(s, chunk, n < (int)sizeof chunk ? (size_t)n : sizeof chunk);
}

/* Emit prefix + (zeros) + digits inside the field width. */
void __fmt_field(struct sink *s, const struct spec *sp, const char *prefix,
                  int zeros, const char *digits, int ndigits)
{
    int plen = (int)strlen(prefix);
    int total = plen + zeros + ndigits;
    int fill = sp->width > total ? sp->width - total : 0;
    if (!sp->left && !sp->zero)
        __fmt_pad(s, ' ', fill);
    __fmt_out(s, prefix, (size_t)plen);
    if (!sp->left && sp->zero)
        __fmt_pad(s, '0', fill);
    __fmt_pad(s, '0', zeros);
    __fmt_out(s, digits, (size_t)ndigits);
    if (sp->left)
        __fmt_pad(s, ' ', fill);
}

static void put_int(struct sink *s, struct spec *sp, uintmax_t v, int neg)
{
    char tmp[32];
    int base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X') ? 16 : 10;
    const char *dig = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = sizeof tmp;
    for (uintmax_t x = v; x; x /= (unsigned)base)
        tmp[--n] = dig[x % (unsigned)base];
    int nd = (int)sizeof tmp - n;
    const char *prefix = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    if (sp->alt && v && base == 16)
        prefix = sp->conv == 'X' ? "0X" : "0x";
    int zeros = 0;
    if (sp->prec >= 0) {
        sp->zero = 0;
        zeros = sp->prec > nd ? sp->prec - nd : 0;
    } else if (nd == 0) {
        zeros = 1;
    }
    if (sp->alt && base == 8 && zeros == 0 && (nd == 0 || tmp[n] != '0'))
        zeros = 1;
    __fmt_field(s, sp, prefix, zeros, tmp + n, nd);
}

static void put_str(struct sink *s, struct spec *sp, const char *str)
{
    if (!str)
        str = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
    int n = (int)(sp->prec >= 0 ? strnlen(str, (size_t)sp->prec) : strlen(str));
    sp->zero = 0;
    __fmt_field(s, sp, "", 0, str, n);
}

static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
    memset(sp, 0, sizeof *sp);
    sp->prec = -1;
    for (;; p++) {
        if (*p == '-') sp->left = 1;
        else if (*p == '+') sp->plus = 1;
        else if (*p == ' ') sp->space = 1;
        else if (*p == '#') sp->alt = 1;
        else if (*p == '0') sp->zero = 1;
        else break;
    }
    if (*p == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = 1;
            sp->width = -sp->width;
        }
        p++;
    }
    for (; *p >= '0' && *p <= '9'; p++)
        sp->width = sp->width * 10 + (*p - '0');
    if (*p == '.') {
        p++;
        sp->prec = 0;
        if (*p == '*') {
            sp->prec = va_arg(*ap, int);
            p++;
        }
        for (; *p >= '0' && *p <= '9'; p++)
            sp->prec = sp->prec * 10 + (*p - '0');
    }
    if (sp->left)
        sp->zero = 0;
    return p;
}

/* Length modifier: 'H' hh, 'h', 'l', 'L' ll/j/z/t, 0 none. */
static const char *parse_len(const char *p, char *len)
{
    *len = 0;
    if (p[0] == 'h' && p[1] == 'h') { *len = 'H'; return p + 2; }
    if (p[0] == 'l' && p[1] == 'l') { *len = 'L'; return p + 2; }
    if (*p == 'h' || *p == 'l') { *len = *p; return p + 1; }
    if (*p == 'j' || *p == 'z' || *p == 't') { *len = 'L'; return p + 1; }
    return p;
}

static intmax_t get_signed(va_list *ap, char len)
{
    switch (len) {
    case 'H': return (signed char)va_arg(*ap, int);
    case 'h': return (short)va_arg(*ap, int);
    case 'l': return va_arg(*ap, long);
    case 'L': return va_arg(*ap, long long);
    default: return va_arg(*ap, int);
    }
}

static uintmax_t get_unsigned(va_list *ap, char len)
{
    switch (len) {
    case 'H': return (unsigned char)va_arg(*ap, unsigned);
    case 'h': return (unsigned short)va_arg(*ap, unsigned);
    case 'l': return va_arg(*ap, unsigned long);
    case 'L': return va_arg(*ap, unsigned long long);
    default: return va_arg(*ap, unsigned);
    }
}

static void convert(struct sink *s, struct spec *sp, char len, va_list *ap)
{
    intmax_t v;
    char c;
    switch (sp->conv) {
    case 'd': case 'i':
        v = get_signed(ap, len);
        put_int(s, sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
        break;
    case 'u': case 'o': case 'x': case 'X':
        sp->plus = sp->space = 0;
        put_int(s, sp, get_unsigned(ap, len), 0);
        break;
    case 'p':
        sp->alt = 1;
        sp->conv = 'x';
        put_int(s, sp, (uintptr_t)va_arg(*ap, void *), 0);
        break;
    case 'c':
        c = (char)va_arg(*ap, int);
        sp->zero = 0;
        __fmt_field(s, sp, "", 0, &c, 1);
        break;
    case 's': put_str(s, sp, va_arg(*ap, const char *)); break;
    case 'f': case 'F': __fmt_float(s, sp, va_arg(*ap, double)); break;
    case '%': __fmt_out(s, "%", 1); break;
    default: __fmt_out(s, "%", 1), __fmt_out(s, &sp->conv, 1); break;
    }
}

static int format(struct sink *s, const char *fmt, va_list ap0)
{
    va_list ap;
    va_copy(ap, ap0);
    while (*fmt) {
        const char *pct = strchr(fmt, '%');
        size_t lit = pct ? (size_t)(pct - fmt) : strlen(fmt);
        __fmt_out(s, fmt, lit);
        fmt += lit;
        if (!*fmt)
            break;
        struct spec sp;
        char len;
        fmt = parse_len(parse_spec(fmt + 1, &sp, &ap), &len);
        if (!*fmt)
            break;
        sp.conv = *fmt++;
        convert(s, &sp, len, &ap);
    }
    va_end(ap);
    return (int)s->len;
}

int vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
    struct sink s = { buf, cap, 0, NULL };
    int n = format(&s, fmt, ap);
    if (cap)
        buf[s.len < cap ? s.len : cap - 1] = 0;
    return n;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    struct sink s = { NULL, 0, 0, f };
    __stdio_checktty(f);
    int mode = f->bufmode;
    f->bufmode = _IOFBF;            /* one write per call, even on stderr */
    int n = format(&s, fmt, ap);
    f->bufmode = mode;
    if (mode != _IOFBF && f->state == 'w' &&
        (mode == _IONBF || memchr(f->buf, '\n', f->len)))
        fflush(f);
    return n;
}
