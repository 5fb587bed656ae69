/* scan.c — the scanf engine of the Windows CRTs. Input is read one unit
 * at a time (bytes, or UTF-16 units for the wide functions) with one unit
 * of lookahead, as Microsoft's scanf does: a character that ends a field
 * is given back, nothing more. Microsoft semantics: `long` is 32 bits,
 * %lf/%Lf are double (long double is double), I/I32/I64/w size prefixes,
 * %S/%C take the other width, %[a-z] ranges, %p reads 64-bit hex, and the
 * secure forms (scanf_s) take a buffer size after each %s/%c/%[ pointer.
 * Integers wrap around like Microsoft's accumulator rather than
 * saturate. */
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "crt.h"

struct scanner {
    struct scan_src *src;
    const void *fmt;
    size_t fi;
    struct msargs *ap;
    int flags;
    int la;                   /* lookahead unit; -2: none, -1: end of input */
    size_t consumed;
    int assigned, converted;
};

struct sspec {
    int suppress, width;      /* width 0: none */
    int size;                 /* integer bytes: 1 2 4 8 */
    int dbl;                  /* %lf/%Lf */
    int wide, narrow;         /* l/w, h */
    int conv;
};

/* A growable run of units collected for a field. */
struct token {
    uint16_t small[128], *u;
    size_t n, cap;
};

enum { OK = 0, MATCH_FAIL = -1, INPUT_FAIL = -2, STOP = -3 };

static int fch(struct scanner *sc, size_t k)
{
    if (sc->flags & SCAN_WIDE_FMT)
        return ((const WCHAR *)sc->fmt)[sc->fi + k];
    return ((const unsigned char *)sc->fmt)[sc->fi + k];
}

static int peek(struct scanner *sc)
{
    if (sc->la == -2)
        sc->la = sc->src->get(sc->src);
    return sc->la;
}

static int take(struct scanner *sc)
{
    int c = peek(sc);
    if (c >= 0) {
        sc->consumed++;
        sc->la = -2;
    }
    return c;
}

static int is_space(int c) { return c == ' ' || (c >= 9 && c <= 13); }

static void skip_ws(struct scanner *sc)
{
    while (is_space(peek(sc)))
        take(sc);
}

static void tok_add(struct token *t, int c)
{
    if (t->n == t->cap) {
        size_t nc = t->cap * 2;
        uint16_t *p = t->u == t->small ? malloc(nc * 2) : realloc(t->u, nc * 2);
        if (!p)
            return;
        if (t->u == t->small)
            memcpy(p, t->small, t->n * 2);
        t->u = p, t->cap = nc;
    }
    t->u[t->n++] = (uint16_t)c;
}

static void tok_free(struct token *t)
{
    if (t->u != t->small)
        free(t->u);
}

static void store_int(void *p, int size, uint64_t v)
{
    if (size == 1) *(uint8_t *)p = (uint8_t)v;
    else if (size == 2) *(uint16_t *)p = (uint16_t)v;
    else if (size == 8) *(uint64_t *)p = v;
    else *(uint32_t *)p = (uint32_t)v;
}

static int digit_val(int c, int base)
{
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
          : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    return d < base ? d : -1;
}

/* Sign and base prefix of an integer field; returns the base in use. */
static int int_prefix(struct scanner *sc, int base, int *w, int *neg, int *have)
{
    int c = peek(sc);
    if ((c == '+' || c == '-') && *w > 0) {
        *neg = c == '-';
        take(sc), (*w)--;
    }
    if ((base == 0 || base == 16) && peek(sc) == '0' && *w > 0) {
        take(sc), (*w)--, *have = 1;
        c = peek(sc);
        if ((c == 'x' || c == 'X') && *w > 0) {
            take(sc), (*w)--;
            return 16;
        }
        return base ? base : 8;
    }
    return base ? base : 10;
}

static int scan_int(struct scanner *sc, const struct sspec *sp, int base)
{
    int w = sp->width ? sp->width : 0x7fffffff, neg = 0, have = 0, d;
    skip_ws(sc);
    if (peek(sc) < 0)
        return INPUT_FAIL;
    base = int_prefix(sc, base, &w, &neg, &have);
    uint64_t v = 0;
    while (w > 0 && (d = digit_val(peek(sc), base)) >= 0) {
        take(sc), w--;
        v = v * (unsigned)base + (unsigned)d; /* wraps, as Microsoft's does */
        have = 1;
    }
    if (!have)
        return MATCH_FAIL;
    if (neg)
        v = -v;
    if (!sp->suppress)
        store_int((void *)ms_arg(sc->ap), sp->conv == 'p' ? 8 : sp->size, v);
    return OK;
}

/* Append the letters of WORD (case-insensitive) while they match. */
static int match_word(struct scanner *sc, const char *word, char *b, size_t *n, int *w)
{
    for (; *word && *w > 0; word++) {
        int c = peek(sc);
        if (c < 0 || (c | 0x20) != *word)
            return 0;
        b[(*n)++] = (char)take(sc), (*w)--;
    }
    return !*word;
}

static void float_digits(struct scanner *sc, char *b, size_t *n, int *w, int hex, int *have)
{
    while (*w > 0 && *n < 500 && digit_val(peek(sc), hex ? 16 : 10) >= 0) {
        b[(*n)++] = (char)take(sc), (*w)--;
        *have = 1;
    }
}

/* Collect the text of a floating-point field into B. */
static int float_text(struct scanner *sc, const struct sspec *sp, char *b)
{
    int w = sp->width ? sp->width : 0x7fffffff, have = 0, hex = 0;
    size_t n = 0;
    int c = peek(sc);
    if ((c == '+' || c == '-') && w > 0)
        b[n++] = (char)take(sc), w--;
    if (sc->flags & SCAN_UCRT) {
        c = peek(sc) | 0x20;
        if (c == 'i' || c == 'n') {
            int ok = c == 'i' ? match_word(sc, "inf", b, &n, &w) : match_word(sc, "nan", b, &n, &w);
            if (ok && c == 'i')
                match_word(sc, "inity", b, &n, &w);
            b[n] = 0;
            return ok ? OK : MATCH_FAIL;
        }
        if (peek(sc) == '0' && w > 1) {
            b[n++] = (char)take(sc), w--, have = 1;
            if ((peek(sc) | 0x20) == 'x')
                b[n++] = (char)take(sc), w--, hex = 1, have = 0;
        }
    }
    float_digits(sc, b, &n, &w, hex, &have);
    if (peek(sc) == '.' && w > 0) {
        b[n++] = (char)take(sc), w--;
        float_digits(sc, b, &n, &w, hex, &have);
    }
    c = peek(sc) | 0x20;
    if (have && w > 0 && c == (hex ? 'p' : 'e')) {
        b[n++] = (char)take(sc), w--;
        c = peek(sc);
        if ((c == '+' || c == '-') && w > 0)
            b[n++] = (char)take(sc), w--;
        int ed = 0;
        float_digits(sc, b, &n, &w, 0, &ed);
    }
    b[n] = 0;
    return have ? OK : MATCH_FAIL;
}

static int scan_float(struct scanner *sc, const struct sspec *sp)
{
    char b[512];
    skip_ws(sc);
    if (peek(sc) < 0)
        return INPUT_FAIL;
    int r = float_text(sc, sp, b);
    if (r != OK || sp->suppress)
        return r;
    double d = strtod(b, NULL);
    void *p = (void *)ms_arg(sc->ap);
    if (sp->dbl)
        *(double *)p = d;
    else
        *(float *)p = (float)d;
    return OK;
}

static int wide_dest(const struct sspec *sp, int flags)
{
    if (sp->narrow)
        return 0;
    if (sp->wide)
        return 1;
    int upper = sp->conv == 'S' || sp->conv == 'C';
    return (flags & SCAN_WIDE_STR) ? !upper : upper;
}

/* Store the collected units as the destination's characters. */
static int store_text(struct scanner *sc, const struct sspec *sp, struct token *t, int nul)
{
    void *p = (void *)ms_arg(sc->ap);
    size_t cap = sc->flags & SCAN_SECURE ? (uint32_t)ms_arg(sc->ap) : (size_t)-1;
    int wdst = wide_dest(sp, sc->flags), win = sc->src->wide;
    char *bytes = NULL;
    size_t len = t->n;
    if (!win) { /* units are bytes */
        bytes = malloc(t->n + 1);
        if (!bytes)
            return STOP;
        for (size_t i = 0; i < t->n; i++)
            bytes[i] = (char)t->u[i];
        bytes[t->n] = 0;
        if (wdst)
            len = w32_utf8_to_utf16(bytes, (long)t->n, NULL, 0);
    } else if (!wdst) {
        len = w32_utf16_to_utf8((const WCHAR *)t->u, (long)t->n, NULL, 0);
    }
    if (len + (size_t)nul > cap) { /* scanf_s: the buffer is too small */
        if (cap)
            wdst ? (*(WCHAR *)p = 0) : (*(char *)p = 0);
        free(bytes);
        return STOP;
    }
    if (wdst && win)
        memcpy(p, t->u, t->n * 2);
    else if (wdst)
        w32_utf8_to_utf16(bytes, (long)t->n, p, len + 1);
    else if (win)
        w32_utf16_to_utf8((const WCHAR *)t->u, (long)t->n, p, len + 1);
    else
        memcpy(p, bytes, t->n);
    if (nul)
        wdst ? (((WCHAR *)p)[len] = 0) : (((char *)p)[len] = 0);
    free(bytes);
    return OK;
}

static int finish_text(struct scanner *sc, const struct sspec *sp, struct token *t, int nul)
{
    int r = sp->suppress ? OK : store_text(sc, sp, t, nul);
    tok_free(t);
    return r;
}

static int scan_chars(struct scanner *sc, const struct sspec *sp)
{
    struct token t = { .cap = 128 };
    t.u = t.small;
    int w = sp->width ? sp->width : 1;
    if (peek(sc) < 0)
        return INPUT_FAIL;
    while (w-- > 0 && peek(sc) >= 0)
        tok_add(&t, take(sc));
    return finish_text(sc, sp, &t, 0);
}

static int scan_string(struct scanner *sc, const struct sspec *sp)
{
    struct token t = { .cap = 128 };
    t.u = t.small;
    int w = sp->width ? sp->width : 0x7fffffff;
    skip_ws(sc);
    if (peek(sc) < 0)
        return INPUT_FAIL;
    while (w-- > 0 && peek(sc) >= 0 && !is_space(peek(sc)))
        tok_add(&t, take(sc));
    return finish_text(sc, sp, &t, 1);
}

/* Parse "[...]" at the format position into SET (a bitmap over units). */
static void parse_set(struct scanner *sc, uint8_t *set, size_t bytes)
{
    int neg = fch(sc, 0) == '^';
    sc->fi += neg;
    memset(set, 0, bytes);
    size_t k = 0;
    for (int c; (c = fch(sc, k)) && (c != ']' || k == 0); k++) {
        int hi = fch(sc, k + 1) == '-' && fch(sc, k + 2) && fch(sc, k + 2) != ']' ? fch(sc, k + 2) : c;
        if (hi != c)
            k += 2;
        for (int x = c < hi ? c : hi, e = c < hi ? hi : c; x <= e; x++)
            if ((size_t)x / 8 < bytes)
                set[x / 8] |= (uint8_t)(1u << (x % 8));
    }
    sc->fi += k + (fch(sc, k) == ']');
    if (neg)
        for (size_t i = 0; i < bytes; i++)
            set[i] = (uint8_t)~set[i];
}

static int scan_set(struct scanner *sc, const struct sspec *sp)
{
    static __thread uint8_t set[8192];
    struct token t = { .cap = 128 };
    t.u = t.small;
    parse_set(sc, set, sc->src->wide ? sizeof set : 32);
    int w = sp->width ? sp->width : 0x7fffffff, c;
    size_t lim = sc->src->wide ? 65536 : 256;
    if (peek(sc) < 0)
        return INPUT_FAIL;
    while (w-- > 0 && (c = peek(sc)) >= 0 && (size_t)c < lim && (set[c / 8] >> (c % 8) & 1))
        tok_add(&t, take(sc));
    if (!t.n) {
        tok_free(&t);
        return MATCH_FAIL;
    }
    return finish_text(sc, sp, &t, 1);
}

static void parse_size(struct scanner *sc, struct sspec *sp)
{
    int c = fch(sc, 0);
    sp->size = 4;
    if (c == 'h') {
        sp->narrow = 1, sp->size = 2, sc->fi++;
        if (fch(sc, 0) == 'h')
            sp->size = 1, sc->fi++;
    } else if (c == 'l') {
        sc->fi++;
        if (fch(sc, 0) == 'l')
            sp->size = 8, sp->dbl = 1, sc->fi++;
        else
            sp->wide = 1, sp->dbl = 1; /* %ld stays 32-bit: long is 32 bits */
    } else if (c == 'L' || c == 'q') {
        sp->dbl = 1, sp->size = 8, sc->fi++;
    } else if (c == 'I') {
        int a = fch(sc, 1), b = a ? fch(sc, 2) : 0;
        sp->size = a == '6' && b == '4' ? 8 : a == '3' && b == '2' ? 4 : 8;
        sc->fi += (a == '6' && b == '4') || (a == '3' && b == '2') ? 3 : 1;
    } else if (c == 'w') {
        sp->wide = 1, sc->fi++;
    } else if (c == 'j' || c == 'z' || c == 't') {
        sp->size = 8, sc->fi++;
    }
}

static int convert(struct scanner *sc, struct sspec *sp)
{
    switch (sp->conv) {
    case 'd': return scan_int(sc, sp, 10);
    case 'i': return scan_int(sc, sp, 0);
    case 'u': return scan_int(sc, sp, 10);
    case 'o': return scan_int(sc, sp, 8);
    case 'x': case 'X': case 'p': return scan_int(sc, sp, 16);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        return scan_float(sc, sp);
    case 'c': case 'C': return scan_chars(sc, sp);
    case 's': case 'S': return scan_string(sc, sp);
    case '[': return scan_set(sc, sp);
    case 'n':
        if (!sp->suppress)
            store_int((void *)ms_arg(sc->ap), sp->size, sc->consumed);
        return OK;
    default: return STOP;
    }
}

/* One directive after '%'. */
static int directive(struct scanner *sc)
{
    struct sspec sp = { 0 };
    if (fch(sc, 0) == '%') {
        skip_ws(sc);
        int c = peek(sc);
        sc->fi++;
        return c < 0 ? INPUT_FAIL : c != '%' ? MATCH_FAIL : (take(sc), OK);
    }
    if (fch(sc, 0) == '*')
        sp.suppress = 1, sc->fi++;
    while (fch(sc, 0) >= '0' && fch(sc, 0) <= '9')
        sp.width = sp.width * 10 + (fch(sc, 0) - '0'), sc->fi++;
    parse_size(sc, &sp);
    sp.conv = fch(sc, 0);
    if (!sp.conv)
        return STOP;
    sc->fi++;
    int r = convert(sc, &sp);
    if (r == OK && sp.conv != 'n') {
        sc->converted++;
        if (!sp.suppress)
            sc->assigned++;
    }
    return r;
}

static int literal(struct scanner *sc, int c)
{
    sc->fi++;
    if (is_space(c)) {
        skip_ws(sc);
        return OK;
    }
    int in = peek(sc);
    if (in < 0)
        return INPUT_FAIL;
    if (in != c)
        return MATCH_FAIL;
    take(sc);
    return OK;
}

int crt_scan(struct scan_src *src, const void *fmt, struct msargs *ap, int flags)
{
    struct scanner sc = { src, fmt, 0, ap, flags, -2, 0, 0, 0 };
    int r = OK;
    for (int c; r == OK && (c = fch(&sc, 0));) {
        if (c == '%') {
            sc.fi++;
            r = directive(&sc);
        } else {
            r = literal(&sc, c);
        }
    }
    if (sc.la >= 0)
        src->unget(src, sc.la);
    return r == INPUT_FAIL && sc.converted == 0 ? -1 : sc.assigned;
}
