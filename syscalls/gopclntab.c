/* gopclntab.c — functions from a Go program's pc-line table (.gopclntab),
 * which stays in binaries stripped of their symbols (Go releases are built
 * with -s -w) that have no .eh_frame either. The header gives the format:
 * Go 1.2-1.15 (magic 0xfffffffb: pointer-sized entry/_func pairs right
 * after the header), 1.16-1.17 (0xfffffffa: the same pairs at pclnOffset,
 * names in funcnametab) and 1.18+ (0xfffffff0/0xfffffff1: 32-bit entry
 * offsets from textStart, or from the start of .text when the linker left
 * textStart 0). Each function's range and name go to a callback: the
 * rewriter's anchors, and `xeno info`'s search for Go's syscall wrappers.
 * Every offset is checked against the table's length (the table may come
 * straight from a damaged file). */
#include <string.h>

#include "rewrite.h"

#define MAX_FUNCS (1u << 22)

struct table {
    const uint8_t *p;
    size_t len;
    uint64_t ftab, stride, names, funcs, base; /* offsets into the table */
    int wide;                                   /* 8-byte entries (before 1.18) */
};

static uint64_t rd(const uint8_t *p, int size)
{
    uint64_t v = 0;
    memcpy(&v, p, (size_t)size);
    return v;
}

static uint64_t entry(const struct table *t, uint64_t i)
{
    const uint8_t *e = t->p + t->ftab + i * t->stride;
    return t->wide ? rd(e, 8) : rd(e, 4) + t->base;
}

/* Function I's name, or "" when the table does not hold one. */
static const char *name_of(const struct table *t, uint64_t i)
{
    const uint8_t *e = t->p + t->ftab + i * t->stride;
    uint64_t func = t->funcs + rd(e + t->stride / 2, t->wide ? 8 : 4);
    uint64_t at = t->wide ? 8 : 4; /* _func: entry, then int32 nameOff */
    if (func > t->len || at + 4 > t->len - func)
        return "";
    int32_t off = (int32_t)rd(t->p + func + at, 4);
    uint64_t name = t->names + (uint64_t)(int64_t)off;
    if (off < 0 || name >= t->len || !memchr(t->p + name, 0, t->len - name))
        return "";
    return (const char *)t->p + name;
}

/* The layout of the table at P, or -1. */
static int layout(struct table *t, const uint8_t *p, size_t len, uint64_t text, uint64_t *n)
{
    memset(t, 0, sizeof *t);
    t->p = p, t->len = len;
    if (len < 72 || p[4] != 0 || p[5] != 0 || p[7] != 8)
        return -1; /* amd64 tables only */
    uint32_t magic = (uint32_t)rd(p, 4);
    *n = rd(p + 8, 8);
    if (magic == 0xfffffff0u || magic == 0xfffffff1u) {
        uint64_t start = rd(p + 24, 8);
        t->names = rd(p + 32, 8), t->ftab = t->funcs = rd(p + 64, 8);
        t->stride = 8, t->base = start ? start : text;
    } else if (magic == 0xfffffffau) {
        t->names = rd(p + 24, 8), t->ftab = t->funcs = rd(p + 56, 8);
        t->stride = 16, t->wide = 1;
    } else if (magic == 0xfffffffbu) {
        t->ftab = 16, t->stride = 16, t->wide = 1;
    } else {
        return -1;
    }
    if (*n == 0 || *n > MAX_FUNCS || t->ftab >= len || (*n + 1) * t->stride > len - t->ftab)
        return -1;
    return 0;
}

int rw_gopclntab_foreach(const uint8_t *tab, size_t len, uint64_t text, rw_func_fn fn, void *ctx)
{
    struct table t;
    uint64_t n, count = 0;
    if (layout(&t, tab, len, text, &n) < 0)
        return 0;
    uint64_t prev = entry(&t, 0);
    for (uint64_t i = 1; i <= n; i++) {
        uint64_t next = entry(&t, i);
        if (next < prev)
            break; /* not a table after all */
        if (next > prev) /* (empty functions share an entry) */
            fn(ctx, name_of(&t, i - 1), prev, next), count++;
        prev = next;
    }
    return (int)count;
}

static void add_anchor(void *ctx, const char *name, uint64_t start, uint64_t end)
{
    (void)name;
    rw_anchors_add(ctx, start, end);
}

int rw_anchors_from_gopclntab(struct rw_anchors *a, const uint8_t *tab, size_t len, uint64_t text)
{
    return rw_gopclntab_foreach(tab, len, text, add_anchor, a);
}
