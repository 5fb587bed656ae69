/* winpath.c — Windows file-name rules as pure string functions:
 * GetFullPathName normalisation, wildcard matching as FindFirstFile does
 * it, invalid-name detection, and case-insensitive comparison. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../unicode.h"
#include "winpath.h"

static int sep(char c) { return c == '\\' || c == '/'; }
static char up(char c) { return (char)(c >= 'a' && c <= 'z' ? c - 32 : c); }

static const char *devices[] = { "NUL", "CON", "CONIN$", "CONOUT$", "PRN", "AUX", "COM1", "LPT1" };

static const char *device_name(const char *p)
{
    const char *base = p;
    for (const char *q = p; *q; q++)
        if (sep(*q) || *q == ':')
            base = q + 1;
    if (!strncmp(p, "\\\\.\\", 4))
        return p + 4;
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        size_t l = strlen(devices[i]);
        if (!strncasecmp(base, devices[i], l) && (!base[l] || base[l] == '.' || base[l] == ':'))
            return base == p ? devices[i] : NULL; /* only bare device names here */
    }
    return NULL;
}

/* Append component C (length L) to OUT at *O, resolving "." and "..";
 * ROOT is the length of the part ".." never removes. */
static void push(char *buf, size_t *o, size_t root, const char *c, size_t l)
{
    if (l == 1 && c[0] == '.')
        return;
    if (l == 2 && c[0] == '.' && c[1] == '.') {
        while (*o > root && buf[*o - 1] != '\\')
            (*o)--;
        if (*o > root)
            (*o)--;
        return;
    }
    if (*o > 0 && buf[*o - 1] != '\\')
        buf[(*o)++] = '\\';
    memcpy(buf + *o, c, l);
    *o += l;
}

/* The root the result starts with (drive, UNC or device) into BUF;
 * *REST is what remains to append (PRE holds it when it is built from
 * CWD). Returns the root's length. */
static size_t root_of(const char *cwd, const char *path, char *buf, size_t n, char *pre, const char **rest)
{
    const char *dev = device_name(path);
    if (dev) {
        snprintf(buf, n, "\\\\.\\%s", dev);
        *rest = "";
        return strlen(buf);
    }
    if (sep(path[0]) && sep(path[1])) { /* UNC or \\?\ */
        memcpy(buf, "\\\\", 2);
        *rest = path + 2;
        return 2;
    }
    int drive = path[0] && path[1] == ':';
    buf[0] = up(drive ? path[0] : cwd[0]), buf[1] = ':', buf[2] = '\\';
    *rest = drive ? path + 2 : path;
    if (!sep(**rest) && (!drive || up(cwd[0]) == up(path[0]))) { /* relative to the current directory */
        snprintf(pre, n, "%s\\%s", cwd + 2, *rest);
        *rest = pre;
    }
    return 3;
}

size_t k32_full_path(const char *cwd, const char *path, char *out, size_t n, long *filepart)
{
    size_t need = strlen(cwd) + strlen(path) + 8;
    char *buf = malloc(need), *pre = malloc(need);
    const char *rest;
    if (!buf || !pre) {
        free(buf), free(pre);
        return 0;
    }
    int dev = device_name(path) != NULL;
    size_t root = root_of(cwd, path, buf, need, pre, &rest), o = root;
    for (const char *p = rest; *p;) {
        while (sep(*p))
            p++;
        const char *s = p;
        while (*p && !sep(*p))
            p++;
        if (p > s)
            push(buf, &o, root, s, (size_t)(p - s));
    }
    size_t rl = strlen(rest); /* a trailing separator is kept */
    if (rl && sep(rest[rl - 1]) && o > root && buf[o - 1] != '\\')
        buf[o++] = '\\';
    while (o > root && (buf[o - 1] == '.' || buf[o - 1] == ' ') && !dev) /* trailing dots and blanks go */
        o--;
    buf[o] = 0;
    long fp = -1;
    for (long i = (long)o - 1; i >= 0 && !dev && o && buf[o - 1] != '\\'; i--)
        if (buf[i] == '\\') {
            fp = i + 1;
            break;
        }
    if (filepart)
        *filepart = fp;
    size_t r = o + 1 > n ? o + 1 : o;
    if (o + 1 <= n)
        memcpy(out, buf, o + 1);
    free(buf), free(pre);
    return r;
}

/* One UTF-8 character → code point, advancing *s. */
static unsigned next_cp(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    unsigned c = *p++;
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (more)
        c &= 0x3f >> more;
    while (more-- && (*p & 0xc0) == 0x80)
        c = c << 6 | (*p++ & 0x3f);
    *s = (const char *)p;
    return c;
}

static unsigned fold(unsigned c)
{
    return c < 0x10000 ? w32_towupper((WCHAR)c) : c;
}

int k32_utf8_casecmp(const char *a, const char *b)
{
    while (*a && *b) {
        unsigned x = fold(next_cp(&a)), y = fold(next_cp(&b));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int match(const char *p, const char *n)
{
    while (*p) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (const char *t = n;; next_cp(&t)) {
                if (match(p, t))
                    return 1;
                if (!*t)
                    return 0;
            }
        }
        if (!*n)
            return *p == '.' && !p[1]; /* "name." matches "name" */
        if (*p == '?') {
            p++;
            next_cp(&n);
            continue;
        }
        if (fold(next_cp(&p)) != fold(next_cp(&n)))
            return 0;
    }
    return !*n;
}

int k32_wild_match(const char *pattern, const char *name)
{
    if (!strcmp(pattern, "*.*") || !strcmp(pattern, "*"))
        return 1;
    size_t pl = strlen(pattern);
    if (pl > 1 && pattern[pl - 1] == '.' && pattern[pl - 2] == '*' && strchr(name, '.') &&
        strcmp(name, ".") && strcmp(name, ".."))
        return 0; /* "*." : names without an extension */
    return match(pattern, name);
}

int k32_bad_name(const char *path, int wild)
{
    const char *last = path;
    for (const char *p = path; *p; p++)
        if (sep(*p))
            last = p + 1;
    if (!strncmp(path, "\\\\?\\", 4) || !strncmp(path, "\\\\.\\", 4))
        path += 4;
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 32 || c == '<' || c == '>' || c == '"' || c == '|')
            return 1;
        if ((c == '?' || c == '*') && !(wild && p >= last))
            return 1;
        if (c == ':' && p != path + 1)
            return 1;
    }
    return 0;
}
