/* test_gopclntab.c — functions read from Go pc-line tables
 * (syscalls/gopclntab.c): a Go 1.18+ table built here by hand, with and
 * without textStart, and damaged ones, which must give no function or
 * stop cleanly, never read outside the table (ASan run). */
#include <stdlib.h>
#include <string.h>

#include "rewrite.h"
#include "suites.h"

#define HDR 72
#define NAMES HDR
#define PCLN 96

struct seen {
    int n;
    char names[4][32];
    uint64_t start[4], end[4];
};

static void on_func(void *ctx, const char *name, uint64_t start, uint64_t end)
{
    struct seen *s = ctx;
    if (s->n < 4) {
        strncpy(s->names[s->n], name, 31);
        s->start[s->n] = start, s->end[s->n] = end;
    }
    s->n++;
}

static void w32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void w64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* A Go 1.20 table with three functions at TEXT+0, +0x10, +0x30 (end
 * +0x40), named "a", "syscall.Syscall" and "c". Returns its length. */
static size_t build(uint8_t *t, uint64_t text_start)
{
    memset(t, 0, 256);
    w32(t, 0xfffffff1u);
    t[6] = 1, t[7] = 8;
    w64(t + 8, 3);                /* nfunc */
    w64(t + 24, text_start);
    w64(t + 32, NAMES);           /* funcnameOffset */
    w64(t + 64, PCLN);            /* pclnOffset */
    memcpy(t + NAMES, "a\0syscall.Syscall\0c", 20);
    static const uint32_t entry[4] = { 0, 0x10, 0x30, 0x40 };
    for (int i = 0; i < 4; i++) { /* functab, then one _func per function */
        uint32_t func = 32 + 8 * (uint32_t)i;
        w32(t + PCLN + 8 * i, entry[i]);
        w32(t + PCLN + 8 * i + 4, func);
        w32(t + PCLN + func, entry[i]);
        w32(t + PCLN + func + 4, i == 0 ? 0 : i == 1 ? 2 : 18);
    }
    return PCLN + 64;
}

START_TEST(table_with_text_start)
{
    uint8_t t[256];
    struct seen s = { 0 };
    size_t len = build(t, 0x401000);
    ck_assert_int_eq(rw_gopclntab_foreach(t, len, 0x999000, on_func, &s), 3);
    ck_assert_int_eq(s.n, 3);
    ck_assert_str_eq(s.names[1], "syscall.Syscall");
    ck_assert_str_eq(s.names[2], "c");
    ck_assert_uint_eq(s.start[0], 0x401000);
    ck_assert_uint_eq(s.end[1], 0x401030);
    ck_assert_uint_eq(s.end[2], 0x401040);
}
END_TEST

START_TEST(text_start_left_zero)
{
    uint8_t t[256];
    struct seen s = { 0 };
    size_t len = build(t, 0);
    ck_assert_int_eq(rw_gopclntab_foreach(t, len, 0x200000, on_func, &s), 3);
    ck_assert_uint_eq(s.start[1], 0x200010);
}
END_TEST

START_TEST(damaged_tables)
{
    uint8_t t[256];
    struct seen s = { 0 };
    size_t len = build(t, 0x401000);
    ck_assert_int_eq(rw_gopclntab_foreach(t, 40, 0, on_func, &s), 0);       /* truncated header */
    ck_assert_int_eq(rw_gopclntab_foreach(t, PCLN + 20, 0, on_func, &s), 0); /* truncated functab */
    uint8_t bad[256];
    memcpy(bad, t, sizeof bad);
    w32(bad, 0x12345678);                                                    /* not a magic */
    ck_assert_int_eq(rw_gopclntab_foreach(bad, len, 0, on_func, &s), 0);
    memcpy(bad, t, sizeof bad);
    w64(bad + 8, 1ull << 40);                                                /* absurd nfunc */
    ck_assert_int_eq(rw_gopclntab_foreach(bad, len, 0, on_func, &s), 0);
    memcpy(bad, t, sizeof bad);
    w64(bad + 64, ~0ull);                                                    /* functab outside */
    ck_assert_int_eq(rw_gopclntab_foreach(bad, len, 0, on_func, &s), 0);
    memcpy(bad, t, sizeof bad);
    w32(bad + PCLN + 16, 0x5);                                               /* entries go down */
    ck_assert_int_eq(rw_gopclntab_foreach(bad, len, 0, on_func, &s), 1);
    memcpy(bad, t, sizeof bad);
    w32(bad + PCLN + 12, 0x7fffffff);                                        /* _func outside */
    w32(bad + PCLN + 32 + 4, 0x7ffffff0);                                    /* name outside */
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(rw_gopclntab_foreach(bad, len, 0, on_func, &s), 3);
    ck_assert_str_eq(s.names[0], "");
    ck_assert_str_eq(s.names[1], "");
}
END_TEST

START_TEST(anchors_from_table)
{
    uint8_t t[256];
    struct rw_anchors a = { 0 };
    ck_assert_int_eq(rw_anchors_from_gopclntab(&a, t, build(t, 0x401000), 0), 3);
    ck_assert_uint_eq(a.n, 3);
    rw_anchors_free(&a);
}
END_TEST

Suite *suite_gopclntab(void)
{
    Suite *s = suite_create("gopclntab");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, table_with_text_start);
    tcase_add_test(tc, text_start_left_zero);
    tcase_add_test(tc, damaged_tables);
    tcase_add_test(tc, anchors_from_table);
    suite_add_tcase(s, tc);
    return s;
}
