/* formatmsg.c — FormatMessageA/W: FORMAT_MESSAGE_FROM_SYSTEM (the texts
 * of errtext.c, with "\r\n" at the end), FROM_STRING, inserts %1..%99
 * with printf-style !fmt! specifiers (including * widths taken from the
 * following arguments), the escapes %0 %n %r %t %b %% %. %! and "% ",
 * IGNORE_INSERTS, ARGUMENT_ARRAY or a va_list, MAX_WIDTH_MASK (0xff: the
 * text's own line breaks become spaces; otherwise CR, LF and CRLF all come
 * out as CRLF), and ALLOCATE_BUFFER (LocalAlloc).
 * Message tables in program resources (FROM_HMODULE) are not read: such
 * calls fail with ERROR_RESOURCE_TYPE_NOT_FOUND unless FROM_SYSTEM is
 * also given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unicode.h"
#include "errtext.h"
#include "k32.h"

#define FM_ALLOCATE_BUFFER 0x100
#define FM_IGNORE_INSERTS 0x200
#define FM_FROM_STRING 0x400
#define FM_FROM_HMODULE 0x800
#define FM_FROM_SYSTEM 0x1000
#define FM_ARGUMENT_ARRAY 0x2000
#define FM_MAX_WIDTH_MASK 0xff
#define ERROR_MR_MID_NOT_FOUND 317
#define ERROR_RESOURCE_TYPE_NOT_FOUND 1813

PVOID w32_local_alloc(SIZE_T n);

struct out {
    char *s;
    size_t len, cap;
};

static void put(struct out *o, const char *p, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2;
        char *s = realloc(o->s, cap);
        if (!s)
            return;
        o->s = s, o->cap = cap;
    }
    memcpy(o->s + o->len, p, n);
    o->len += n;
    o->s[o->len] = 0;
}

struct args {
    const uint64_t *slots;
    int wide;
};

static uint64_t arg(const struct args *a, int i)
{
    return a->slots && i >= 1 ? a->slots[i - 1] : 0;
}

/* Format insert N with printf spec SPEC ("s", "-5d", "*.*s", "I64x" …);
 * returns how many arguments beyond N it used. */
static int insert(struct out *o, const struct args *a, int n, const char *spec)
{
    char flags[8] = "", fmt[40], conv = spec[strlen(spec) - 1], *buf = NULL;
    int used = 0, w = 0, p = -1, nf = 0;
    const char *s = spec;
    while (strchr("-+ #0", *s) && *s && nf < 6)
        flags[nf++] = *s++;
    flags[nf] = 0;
    if (*s == '*')
        w = (int)arg(a, n + used++), s++;
    else
        while (*s >= '0' && *s <= '9')
            w = w * 10 + (*s++ - '0');
    if (*s == '.') {
        s++, p = 0;
        if (*s == '*')
            p = (int)arg(a, n + used++), s++;
        else
            while (*s >= '0' && *s <= '9')
                p = p * 10 + (*s++ - '0');
    }
    int big = strstr(s, "I64") || strstr(s, "ll");
    uint64_t v = arg(a, n + used);
    char prec[16] = "";
    if (p >= 0)
        snprintf(prec, sizeof prec, ".%d", p);
    int len;
    if (conv == 's' || conv == 'S') {
        int wide = (conv == 's') == a->wide;
        char *u = wide ? w32_wide_to_utf8((const WCHAR *)(uintptr_t)v) : NULL;
        const char *str = wide ? u : (const char *)(uintptr_t)v;
        snprintf(fmt, sizeof fmt, "%%%s%d%ss", flags, w, prec);
        len = asprintf(&buf, fmt, str ? str : "(null)");
        free(u);
    } else if (conv == 'c' || conv == 'C') {
        WCHAR c = (WCHAR)v;
        char c8[8];
        c8[w32_utf16_to_utf8(&c, 1, c8, sizeof c8)] = 0;
        snprintf(fmt, sizeof fmt, "%%%s%ds", flags, w);
        len = asprintf(&buf, fmt, c8);
    } else if (conv == 'p') {
        len = asprintf(&buf, "%016llX", (unsigned long long)v);
    } else {
        snprintf(fmt, sizeof fmt, "%%%s%d%s%s%c", flags, w, prec, big ? "ll" : "", conv);
        len = big ? asprintf(&buf, fmt, (unsigned long long)v) : asprintf(&buf, fmt, (unsigned)(uint32_t)v);
    }
    if (len > 0)
        put(o, buf, (size_t)len);
    free(buf);
    return used;
}

/* Expand the message SRC (UTF-8) into O. Returns 0 or an error. */
static DWORD expand(struct out *o, const char *src, DWORD flags, const struct args *a)
{
    int width = flags & FM_MAX_WIDTH_MASK;
    for (const char *p = src; *p; p++) {
        if (*p == '\r' || *p == '\n') { /* CR, LF and CRLF: one line break */
            if (*p == '\r' && p[1] == '\n')
                p++;
            if (width == FM_MAX_WIDTH_MASK)
                put(o, " ", 1);
            else
                put(o, "\r\n", 2);
            continue;
        }
        if (*p != '%') {
            put(o, p, 1);
            continue;
        }
        char c = *++p;
        if (!c)
            break;
        if (c >= '1' && c <= '9') {
            const char *start = p - 1;
            int n = c - '0';
            if (p[1] >= '0' && p[1] <= '9')
                n = n * 10 + (*++p - '0');
            char spec[24] = "s";
            if (p[1] == '!') {
                const char *end = strchr(p + 2, '!');
                if (!end || end - p - 2 >= (long)sizeof spec)
                    return ERROR_INVALID_PARAMETER;
                memcpy(spec, p + 2, (size_t)(end - p - 2));
                spec[end - p - 2] = 0;
                p = end;
            }
            if (flags & FM_IGNORE_INSERTS)
                put(o, start, (size_t)(p - start + 1));
            else if (!a->slots)
                return ERROR_INVALID_PARAMETER;
            else
                insert(o, a, n, spec);
            continue;
        }
        switch (c) {
        case '0': return 0;
        case 'n': put(o, "\r\n", 2); break;
        case 'r': put(o, "\r", 1); break;
        case 't': put(o, "\t", 1); break;
        case 'b': put(o, " ", 1); break;
        default: put(o, &c, 1); break; /* %% %. %! "% " and others: the character */
        }
    }
    return 0;
}

/* The message text for the call, as UTF-8 (malloc'd). */
static char *source_text(DWORD flags, LPCVOID src, DWORD id, int wide, int *system, DWORD *err)
{
    *system = 0;
    if (flags & FM_FROM_STRING)
        return wide ? w32_wide_to_utf8(src) : strdup(src ? src : "");
    if ((flags & FM_FROM_HMODULE) && !(flags & FM_FROM_SYSTEM)) {
        *err = ERROR_RESOURCE_TYPE_NOT_FOUND;
        return NULL;
    }
    const char *t = (flags & FM_FROM_SYSTEM) ? k32_error_text(id) : NULL;
    if (!t) {
        *err = ERROR_MR_MID_NOT_FOUND;
        return NULL;
    }
    *system = 1;
    return strdup(t);
}

static DWORD format(DWORD flags, LPCVOID src, DWORD id, void *buf, DWORD size, void *va, int wide)
{
    struct args a = { NULL, wide };
    if (va)
        a.slots = (flags & FM_ARGUMENT_ARRAY) ? va : *(const uint64_t **)va;
    int system;
    DWORD e = 0;
    char *text = source_text(flags, src, id, wide, &system, &e);
    struct out o = { NULL, 0, 0 };
    put(&o, "", 0);
    if (text && !(e = expand(&o, text, flags, &a)) && system && !strstr(text, "%0"))
        put(&o, (flags & FM_MAX_WIDTH_MASK) == FM_MAX_WIDTH_MASK ? " " : "\r\n",
            (flags & FM_MAX_WIDTH_MASK) == FM_MAX_WIDTH_MASK ? 1 : 2);
    free(text);
    if (!e && !o.s)
        e = ERROR_NOT_ENOUGH_MEMORY;
    DWORD len = 0;
    if (!e) {
        len = wide ? (DWORD)w32_utf8_to_utf16(o.s, -1, NULL, 0) : (DWORD)o.len;
        size_t bytes = (len + 1) * (wide ? 2 : 1);
        void *dst = buf;
        if (flags & FM_ALLOCATE_BUFFER) {
            size_t alloc = bytes > size * (wide ? 2u : 1u) ? bytes : size * (wide ? 2u : 1u);
            dst = w32_local_alloc(alloc);
            if (!dst)
                e = ERROR_NOT_ENOUGH_MEMORY;
            else
                *(void **)buf = dst;
        } else if (len + 1 > size || !buf) {
            e = ERROR_INSUFFICIENT_BUFFER;
        }
        if (!e && wide)
            w32_utf8_to_utf16(o.s, -1, dst, len + 1);
        else if (!e)
            memcpy(dst, o.s, len + 1);
    }
    free(o.s);
    if (e) {
        w32_set_last_error(e);
        return 0;
    }
    return len;
}

static DWORD WINAPI w32_FormatMessageW(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPWSTR buf,
                                       DWORD size, void *args)
{
    (void)lang;
    return format(flags, src, id, buf, size, args, 1);
}

static DWORD WINAPI w32_FormatMessageA(DWORD flags, LPCVOID src, DWORD id, DWORD lang, LPSTR buf,
                                       DWORD size, void *args)
{
    (void)lang;
    return format(flags, src, id, buf, size, args, 0);
}

W32_EXPORTS(kernel32) = {
    EXPORT(FormatMessageA, "upuupup:u"),
    EXPORT(FormatMessageW, "upuupup:u"),
};
