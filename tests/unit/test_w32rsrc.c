/* test_w32rsrc.c — what Wine's console programs lean on: the resource
 * directory walk behind FindResource/LoadString (names, "#N" ids, language
 * fallback, string-table blocks) on a hand-made directory, the same walk on
 * damaged directories (every byte flipped, offsets and counts out of range:
 * an error, never a read outside the image — run under ASan too), the
 * date/time format pictures of GetDateFormat/GetTimeFormat, SZDD
 * (COMPRESS.EXE) expansion behind LZCopy and expand.exe, and ntdll's
 * C-runtime exports forwarded to msvcrt. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "win32/kernel32/datefmt.h"
#include "win32/kernel32/lzexpand.h"
#include "win32/kernel32/rsrcdir.h"
#include "win32/registry.h"
#include "win32/w32.h"

#define IMG_SIZE 0x3000
#define DIR 0x1000
#define DIR_SIZE 0x110
#define HI 0x80000000u

static uint8_t *img; /* exactly IMG_SIZE bytes, so ASan sees any overread */

static void p16(unsigned at, unsigned v) { uint16_t x = (uint16_t)v; memcpy(img + at, &x, 2); }
static void p32(unsigned at, uint32_t v) { memcpy(img + at, &v, 4); }

/* A directory at DIR + OFF with NAMED and IDS entries. */
static void dir(unsigned off, unsigned named, unsigned ids)
{
    p16(DIR + off + 12, named);
    p16(DIR + off + 14, ids);
}

static void entry(unsigned off, unsigned i, uint32_t name, uint32_t target)
{
    p32(DIR + off + 16 + 8 * i, name);
    p32(DIR + off + 16 + 8 * i + 4, target);
}

static void data(unsigned off, uint32_t rva, uint32_t size)
{
    p32(DIR + off, rva);
    p32(DIR + off + 4, size);
}

/* A string-table block at RVA with string 1 = TEXT (ASCII), the rest empty. */
static uint32_t string_block(unsigned rva, const char *text)
{
    size_t n = strlen(text);
    unsigned at = rva;
    p16(at, 0), at += 2;
    p16(at, (unsigned)n), at += 2;
    for (size_t i = 0; i < n; i++, at += 2)
        p16(at, (unsigned char)text[i]);
    for (int i = 2; i < 16; i++, at += 2)
        p16(at, 0);
    return at - rva;
}

/* root: "MYTYPE" → 7 → lang 0 → "DATA"; RT_STRING → block 1 → 0x407, 0x409. */
static void build(void)
{
    img = calloc(1, IMG_SIZE);
    dir(0x00, 1, 1);
    entry(0x00, 0, HI | 0x100, HI | 0x40);
    entry(0x00, 1, 6, HI | 0x60);
    dir(0x40, 0, 1), entry(0x40, 0, 7, HI | 0x80);
    dir(0x60, 0, 1), entry(0x60, 0, 1, HI | 0xa0);
    dir(0x80, 0, 1), entry(0x80, 0, 0, 0xc0);
    dir(0xa0, 0, 2), entry(0xa0, 0, 0x407, 0xd0), entry(0xa0, 1, 0x409, 0xe0);
    data(0xc0, 0x2000, 4);
    memcpy(img + 0x2000, "DATA", 4);
    data(0xd0, 0x2100, string_block(0x2100, "Hallo"));
    data(0xe0, 0x2200, string_block(0x2200, "Hello"));
    p16(DIR + 0x100, 6);
    for (int i = 0; i < 6; i++)
        p16(DIR + 0x102 + 2 * i, (unsigned char)"MYTYPE"[i]);
}

static const struct rsrc_view view = { NULL, IMG_SIZE, DIR, DIR_SIZE };

static struct rsrc_view v(void)
{
    struct rsrc_view r = view;
    r.img = img;
    return r;
}

static struct rsrc_key id(uint16_t n) { return (struct rsrc_key){ .is_id = 1, .id = n }; }

static const WCHAR *w(const char *s)
{
    static WCHAR buf[4][64];
    static int k;
    WCHAR *b = buf[k++ & 3];
    size_t i = 0;
    for (; s[i] && i < 63; i++)
        b[i] = (unsigned char)s[i];
    b[i] = 0;
    return b;
}

START_TEST(find_by_name_and_id)
{
    build();
    struct rsrc_view rv = v();
    struct rsrc_key type, name;
    uint32_t entry_rva, rva, size;
    rsrc_key_from_w(&type, w("mytype")); /* names compare without case */
    rsrc_key_from_w(&name, w("#7"));     /* "#7" is the id 7 */
    ck_assert(name.is_id && name.id == 7);
    ck_assert_uint_eq(rsrc_find(&rv, &type, &name, NULL, 0, 1, &entry_rva), 0);
    ck_assert_uint_eq(entry_rva, DIR + 0xc0);
    ck_assert_uint_eq(rsrc_data(&rv, entry_rva, &rva, &size), 0);
    ck_assert_uint_eq(rva, 0x2000);
    ck_assert_uint_eq(size, 4);
    rsrc_key_from_w(&name, (const WCHAR *)(uintptr_t)7);
    ck_assert(name.is_id && name.id == 7);
    rsrc_key_from_w(&name, w("#7x")); /* not a number: a name */
    ck_assert(!name.is_id);
    ck_assert_uint_eq(rsrc_find(&rv, &type, &name, NULL, 0, 1, &entry_rva), ERROR_RESOURCE_NAME_NOT_FOUND);
    rsrc_key_from_w(&type, w("MYTYPEX"));
    ck_assert_uint_eq(rsrc_find(&rv, &type, &name, NULL, 0, 1, &entry_rva), ERROR_RESOURCE_TYPE_NOT_FOUND);
    free(img);
}
END_TEST

START_TEST(languages)
{
    build();
    struct rsrc_view rv = v();
    struct rsrc_key t = id(6), n = id(1);
    uint32_t e;
    uint16_t en[] = { 0, 0x409 }, de[] = { 0x407 }, fr[] = { 0x40c };
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, en, 2, 1, &e), 0);
    ck_assert_uint_eq(e, DIR + 0xe0);
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, de, 1, 0, &e), 0);
    ck_assert_uint_eq(e, DIR + 0xd0);
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, fr, 1, 0, &e), ERROR_RESOURCE_LANG_NOT_FOUND);
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, fr, 1, 1, &e), 0); /* the first there */
    ck_assert_uint_eq(e, DIR + 0xd0);
    n = id(2);
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, en, 2, 1, &e), ERROR_RESOURCE_NAME_NOT_FOUND);
    free(img);
}
END_TEST

START_TEST(string_blocks)
{
    build();
    struct rsrc_view rv = v();
    struct rsrc_key t = id(6), n = id(1);
    uint16_t en[] = { 0x409 };
    uint32_t e, rva, size;
    const WCHAR *s;
    size_t len;
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, en, 1, 0, &e), 0);
    ck_assert_uint_eq(rsrc_data(&rv, e, &rva, &size), 0);
    ck_assert(rsrc_string_in_block(img + rva, size, 1, &s, &len));
    ck_assert_uint_eq(len, 5);
    ck_assert(s[0] == 'H' && s[4] == 'o');
    ck_assert(rsrc_string_in_block(img + rva, size, 15, &s, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert(!rsrc_string_in_block(img + rva, 8, 1, &s, &len)); /* cut inside string 1 */
    ck_assert(!rsrc_string_in_block(img + rva, 13, 15, &s, &len));
    ck_assert(!rsrc_string_in_block(img + rva, size, 16, &s, &len));
    free(img);
}
END_TEST

/* Look up everything the intact directory holds; success or not, nothing
 * may be read outside the image (ASan) and results stay in range. */
static void probe(const struct rsrc_view *rv)
{
    struct rsrc_key types[] = { id(6), id(7), { .str = w("MYTYPE") } };
    struct rsrc_key names[] = { id(1), id(7), id(0) };
    uint16_t langs[] = { 0, 0x409, 0x407 };
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            uint32_t e, rva, size;
            if (rsrc_find(rv, &types[i], &names[j], langs, 3, 1, &e))
                continue;
            ck_assert(e >= rv->dir_rva && e + 16 <= rv->dir_rva + rv->dir_size);
            if (!rsrc_data(rv, e, &rva, &size)) {
                ck_assert((uint64_t)rva + size <= rv->img_size);
                const WCHAR *s;
                size_t len;
                rsrc_string_in_block(rv->img + rva, size, 15, &s, &len);
            }
        }
}

START_TEST(damaged_directories)
{
    build();
    struct rsrc_view rv = v();
    struct rsrc_key t = id(6), n = id(1);
    uint32_t e, rva, size;
    rv.dir_size = IMG_SIZE; /* runs past the image */
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, NULL, 0, 1, &e), ERROR_RESOURCE_DATA_NOT_FOUND);
    rv = v();
    rv.dir_size = 8; /* too small for a directory table */
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, NULL, 0, 1, &e), ERROR_RESOURCE_DATA_NOT_FOUND);
    rv = v();
    ck_assert_uint_eq(rsrc_data(&rv, DIR - 4, &rva, &size), ERROR_RESOURCE_DATA_NOT_FOUND);
    ck_assert_uint_eq(rsrc_data(&rv, DIR + DIR_SIZE - 8, &rva, &size), ERROR_RESOURCE_DATA_NOT_FOUND);
    uint16_t en = 0x409;
    data(0xe0, 0x2ff0, 0x20); /* data past the image's end */
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, &en, 1, 0, &e), 0);
    ck_assert_uint_eq(rsrc_data(&rv, e, &rva, &size), ERROR_RESOURCE_DATA_NOT_FOUND);
    entry(0x60, 0, 1, HI | 0xfff0); /* subdirectory outside the directory */
    ck_assert_uint_eq(rsrc_find(&rv, &t, &n, NULL, 0, 1, &e), ERROR_RESOURCE_NAME_NOT_FOUND);
    entry(0x60, 0, 1, HI | 0x00); /* a loop back to the root */
    ck_assert_uint_ne(rsrc_find(&rv, &t, &n, NULL, 0, 1, &e), 0);
    dir(0x00, 0xffff, 0xffff); /* counts far beyond the directory */
    probe(&rv);
    free(img);
    build();
    p32(DIR + 0x10, HI | 0xfffe); /* name string offset outside */
    rv = v();
    probe(&rv);
    free(img);
}
END_TEST

START_TEST(every_byte_flipped)
{
    build();
    uint8_t *good = malloc(IMG_SIZE);
    memcpy(good, img, IMG_SIZE);
    struct rsrc_view rv = v();
    uint32_t seed = 12345;
    for (unsigned off = 0; off < DIR_SIZE; off++)
        for (int k = 0; k < 8; k++) {
            memcpy(img, good, IMG_SIZE);
            seed = seed * 1103515245u + 12345u;
            img[DIR + off] ^= (uint8_t)(k < 4 ? 1u << (k * 2 + 1) : seed >> 16 | 0x80);
            probe(&rv);
        }
    free(good);
    free(img);
}
END_TEST

/* ---- date and time pictures ---- */
static const struct k32_date_names names = {
    { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
    { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
    { "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December" },
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
    "AM", "PM", "A.D.",
};

static const char *fmt(const char *pic, int time, unsigned flags, int h, int m, int s)
{
    static char out[128];
    struct k32_datetime t = { 2024, 3, 5, 2 /* Tuesday */, h, m, s };
    size_t n = k32_format_datetime(pic, &t, &names, time, flags, out, sizeof out);
    ck_assert_uint_eq(n, strlen(out));
    return out;
}

START_TEST(date_pictures)
{
    ck_assert_str_eq(fmt("dddd, MMMM d, yyyy", 0, 0, 0, 0, 0), "Tuesday, March 5, 2024");
    ck_assert_str_eq(fmt("M/d/yyyy", 0, 0, 0, 0, 0), "3/5/2024");
    ck_assert_str_eq(fmt("ddd dd MMM MM yy y", 0, 0, 0, 0, 0), "Tue 05 Mar 03 24 24");
    ck_assert_str_eq(fmt("'Day' d 'of' MMMM", 0, 0, 0, 0, 0), "Day 5 of March");
    ck_assert_str_eq(fmt("'It''s' d, gg", 0, 0, 0, 0, 0), "It's 5, A.D.");
    ck_assert_str_eq(fmt("yyyy-MM-dd hh", 0, 0, 0, 0, 0), "2024-03-05 hh"); /* no time pictures */
    char small[6];
    struct k32_datetime t = { 2024, 3, 5, 2, 0, 0, 0 };
    ck_assert_uint_eq(k32_format_datetime("dddd d", &t, &names, 0, 0, small, sizeof small), 9);
    ck_assert_str_eq(small, "Tuesd");
}
END_TEST

START_TEST(time_pictures)
{
    ck_assert_str_eq(fmt("h:mm:ss tt", 1, 0, 13, 5, 9), "1:05:09 PM");
    ck_assert_str_eq(fmt("hh:mm:ss t", 1, 0, 0, 0, 0), "12:00:00 A");
    ck_assert_str_eq(fmt("HH:m:s", 1, 0, 7, 5, 9), "07:5:9");
    ck_assert_str_eq(fmt("h:mm:ss tt", 1, TIME_NOSECONDS, 13, 5, 9), "1:05 PM");
    ck_assert_str_eq(fmt("h:mm:ss tt", 1, TIME_NOMINUTESORSECONDS, 13, 5, 9), "1 PM");
    ck_assert_str_eq(fmt("h:mm:ss tt", 1, TIME_NOTIMEMARKER, 13, 5, 9), "1:05:09");
    ck_assert_str_eq(fmt("tt h:mm", 1, TIME_NOTIMEMARKER, 13, 5, 9), "1:05");
    ck_assert_str_eq(fmt("h:mm:ss tt", 1, TIME_FORCE24HOURFORMAT, 13, 5, 9), "13:05:09 PM");
    ck_assert_str_eq(fmt("'at' H 'o''clock'", 1, 0, 9, 0, 0), "at 9 o'clock");
}
END_TEST

/* ---- SZDD ---- */
#define SZDD_MAGIC "SZDD\x88\xf0\x27\x33" "A"

static int expand(const char *file, size_t n, const char *want, size_t wn)
{
    uint8_t *in = malloc(n), *out = NULL; /* exact size: ASan sees overreads */
    size_t len = 0;
    memcpy(in, file, n);
    int r = szdd_expand(in, n, &out, &len);
    if (!r) {
        ck_assert_uint_eq(len, wn);
        ck_assert(!memcmp(out, want, wn));
    }
    free(out);
    free(in);
    return r;
}

START_TEST(szdd)
{
    /* literals a b c, a reference to offset 0xff0 (where writing starts)
     * of length 9 that overlaps what it writes, a literal newline */
    static const char f1[] = SZDD_MAGIC "t\x0d\0\0\0" "\x17" "abc" "\xf0\xf6" "\n";
    ck_assert_int_eq(expand(f1, sizeof f1 - 1, "abcabcabcabc\n", 13), 0);
    char last;
    uint32_t size;
    ck_assert(szdd_header((const uint8_t *)f1, sizeof f1 - 1, &last, &size));
    ck_assert_int_eq(last, 't');
    ck_assert_uint_eq(size, 13);
    /* a reference into the window's initial spaces, then x */
    static const char f2[] = SZDD_MAGIC "\0\4\0\0\0" "\x02" "\x00\x00" "x";
    ck_assert_int_eq(expand(f2, sizeof f2 - 1, "   x", 4), 0);
    /* input ending inside a reference: output stops there */
    static const char f3[] = SZDD_MAGIC "\0\4\0\0\0" "\x01" "y" "\x00";
    ck_assert_int_eq(expand(f3, sizeof f3 - 1, "y", 1), 0);
    static const char bad[] = "SZDX\x88\xf0\x27\x33" "A\0\0\0\0\0";
    ck_assert_int_eq(expand(bad, sizeof bad - 1, "", 0), -1);
    ck_assert_int_eq(expand(f1, 10, "", 0), -1); /* header cut short */
}
END_TEST

START_TEST(ntdll_crt_forwards)
{
    w32_registry_init();
    struct w32_dll *nt = w32_find_dll("ntdll.dll"), *crt = w32_find_dll("msvcrt.dll");
    const char *fwd[] = { "_vsnprintf", "sprintf", "wcslen", "qsort", "towupper", "_wcsicmp", "strtol" };
    for (size_t i = 0; i < sizeof fwd / sizeof fwd[0]; i++) {
        const struct w32_export *a = w32_find_export(nt, fwd[i], 0), *b = w32_find_export(crt, fwd[i], 0);
        ck_assert_msg(a && b && a->addr == b->addr, "%s", fwd[i]);
    }
    ck_assert_ptr_null(w32_find_export(nt, "printf", 0));  /* msvcrt has it, ntdll does not */
    ck_assert_ptr_null(w32_find_export(nt, "malloc", 0));
    ck_assert_ptr_nonnull(w32_find_export(nt, "RtlUnwindEx", 0));
    ck_assert_ptr_nonnull(w32_builtin_fn("kernel32.dll", "GetLocaleInfoA"));
    ck_assert_ptr_null(w32_builtin_fn("kernel32.dll", "NoSuchFunction"));
}
END_TEST

Suite *suite_w32rsrc(void)
{
    Suite *s = suite_create("w32rsrc");
    TCase *t = tcase_create("rsrc");
    tcase_add_test(t, find_by_name_and_id);
    tcase_add_test(t, languages);
    tcase_add_test(t, string_blocks);
    tcase_add_test(t, damaged_directories);
    tcase_add_test(t, every_byte_flipped);
    tcase_add_test(t, date_pictures);
    tcase_add_test(t, time_pictures);
    tcase_add_test(t, szdd);
    tcase_add_test(t, ntdll_crt_forwards);
    suite_add_tcase(s, t);
    return s;
}
