/* stdio.c — formatted output for the tiny runtime: a vsnprintf with the
 * common conversions and one output buffer per standard stream. */
#include <stdio.h>
#include <string.h>

#include "syscall.h"

struct __crt_file {
    int fd;
    int len;
    char buf[4096];
};

static FILE files[3] = { { 0, 0, { 0 } }, { 1, 0, { 0 } }, { 2, 0, { 0 } } };
FILE *stdin = &files[0], *stdout = &files[1], *stderr = &files[2];

int fflush(FILE *f)
{
    int off = 0;
    while (off < f->len) {
        long n = __sys3(SYS_write, f->fd, f->buf + off, f->len - off);
        if (n <= 0)
            break;
        off += (int)n;
    }
    f->len = 0;
    return 0;
}

static void put(FILE *f, const char *s, size_t n)
{
    while (n--) {
        if (f->len == (int)sizeof f->buf)
            fflush(f);
        f->buf[f->len++] = *s++;
    }
    if (f == stderr)
        fflush(f);
}

struct out { char *buf; size_t cap, len; };

static void emit(struct out *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void emit_num(struct out *o, unsigned long long v, int base, int upper, int neg,
                     int width, int zero, int left)
{
    char tmp[24];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do
        tmp[n++] = digits[v % (unsigned)base];
    while (v /= (unsigned)base);
    int len = n + neg;
    if (neg && zero)
        emit(o, '-');
    for (; !left && width > len; width--)
        emit(o, zero ? '0' : ' ');
    if (neg && !zero)
        emit(o, '-');
    while (n)
        emit(o, tmp[--n]);
    for (; left && width > len; width--)
        emit(o, ' ');
}

static void emit_str(struct out *o, const char *s, int width, int prec, int left)
{
    int n = 0;
    if (!s)
        s = "(null)";
    while (s[n] && (prec < 0 || n < prec))
        n++;
    for (; !left && width > n; width--)
        emit(o, ' ');
    for (int i = 0; i < n; i++)
        emit(o, s[i]);
    for (; left && width > n; width--)
        emit(o, ' ');
}

static unsigned long long arg_unsigned(va_list *ap, int lng)
{
    return lng >= 2 ? va_arg(*ap, unsigned long long)
         : lng == 1 ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned int);
}

static long long arg_signed(va_list *ap, int lng)
{
    return lng >= 2 ? va_arg(*ap, long long) : lng == 1 ? va_arg(*ap, long) : va_arg(*ap, int);
}

int vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap0)
{
    struct out o = { buf, cap, 0 };
    va_list ap;
    va_copy(ap, ap0);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(&o, *fmt);
            continue;
        }
        int left = 0, zero = 0, width = 0, prec = -1, lng = 0;
        for (;; fmt++) {
            if (fmt[1] == '-') left = 1;
            else if (fmt[1] == '0') zero = 1;
            else break;
        }
        while (fmt[1] >= '0' && fmt[1] <= '9')
            width = width * 10 + (*++fmt - '0');
        if (fmt[1] == '.') {
            fmt++;
            prec = 0;
            while (fmt[1] >= '0' && fmt[1] <= '9')
                prec = prec * 10 + (*++fmt - '0');
        }
        while (fmt[1] == 'l' || fmt[1] == 'z' || fmt[1] == 'j')
            lng += *++fmt == 'l' ? 1 : 2;
        char c = *++fmt;
        long long s;
        switch (c) {
        case 'd': case 'i':
            s = arg_signed(&ap, lng);
            emit_num(&o, s < 0 ? -(unsigned long long)s : (unsigned long long)s, 10, 0, s < 0,
                     width, zero, left);
            break;
        case 'u': emit_num(&o, arg_unsigned(&ap, lng), 10, 0, 0, width, zero, left); break;
        case 'x': emit_num(&o, arg_unsigned(&ap, lng), 16, 0, 0, width, zero, left); break;
        case 'X': emit_num(&o, arg_unsigned(&ap, lng), 16, 1, 0, width, zero, left); break;
        case 'o': emit_num(&o, arg_unsigned(&ap, lng), 8, 0, 0, width, zero, left); break;
        case 'p':
            emit(&o, '0'), emit(&o, 'x');
            emit_num(&o, (unsigned long)va_arg(ap, void *), 16, 0, 0, 0, 0, 0);
            break;
        case 's': emit_str(&o, va_arg(ap, const char *), width, prec, left); break;
        case 'c': emit(&o, (char)va_arg(ap, int)); break;
        case '%': emit(&o, '%'); break;
        case 0: fmt--; break;
        default: emit(&o, '%'), emit(&o, c); break;
        }
    }
    va_end(ap);
    if (cap)
        buf[o.len < cap ? o.len : cap - 1] = 0;
    return (int)o.len;
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    char tmp[2048];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    put(f, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
    return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

int fputs(const char *s, FILE *f)
{
    put(f, s, strlen(s));
    return 0;
}

int puts(const char *s)
{
    fputs(s, stdout);
    put(stdout, "\n", 1);
    return 0;
}

int putchar(int c)
{
    char ch = (char)c;
    put(stdout, &ch, 1);
    return c;
}
