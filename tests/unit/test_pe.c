/* test_pe.c — the PE parser on a valid synthetic image and on each kind of
 * damage it must reject with a message naming the problem. */
#include <check.h>
#include <string.h>

#include "pe.h"
#include "pebuild.h"
#include "suites.h"
#include "testfile.h"

static uint8_t img[PB_SIZE];

static int parse(size_t n, struct pe_file *pe, struct xerr *e)
{
    struct xfile f = testfile(img, n);
    static struct xfile keep;
    keep = f;
    return pe_parse(pe, &keep, e);
}

START_TEST(valid_image)
{
    struct pe_file pe;
    struct xerr e;
    pebuild(img);
    ck_assert_int_eq(parse(PB_SIZE, &pe, &e), 0);
    ck_assert_uint_eq(pe.machine, PE_MACHINE_AMD64);
    ck_assert_uint_eq(pe.image_base, 0x140000000ull);
    ck_assert_uint_eq(pe.entry_rva, PB_TEXT_RVA);
    ck_assert_uint_eq(pe.nsect, 2);
    ck_assert_str_eq(pe.sect[1].name, ".idata");
    ck_assert_uint_eq(pe.nimports, 1);
    ck_assert_str_eq(pe.imports[0].name, "KERNEL32.dll");
    ck_assert_uint_eq(pe.imports[0].nfns, 2);
    ck_assert_str_eq(pe.imports[0].fns[0].name, "ExitProcess");
    ck_assert_uint_eq(pe.imports[0].fns[0].hint, 0x15c);
    ck_assert_ptr_null(pe.imports[0].fns[1].name);
    ck_assert_uint_eq(pe.imports[0].fns[1].ordinal, 17);
    ck_assert_uint_eq(pe.imports[0].fns[1].iat_rva, PB_IDATA_RVA + 0x68);
    pe_free(&pe);
}
END_TEST

/* Each case damages the valid image and names the words the error must
 * contain. */
struct damage {
    const char *what;
    void (*apply)(uint8_t *b);
    size_t size;
    const char *expect;
};

static void bad_lfanew(uint8_t *b) { pb_w32(b + 0x3c, 0x7ffffff0); }
static void no_sig(uint8_t *b) { b[PB_PE_OFF] = 'X'; }
static void many_sections(uint8_t *b) { pb_w16(b + PB_PE_OFF + 6, 200); }
static void sect_table_past_end(uint8_t *b) { pb_w16(b + PB_PE_OFF + 20, 0x5f0); }
static void raw_past_end(uint8_t *b) { pb_w32(b + PB_SECT + 20, 0x10000); }
static void overlap(uint8_t *b) { pb_w32(b + PB_SECT + 40 + 12, PB_TEXT_RVA + 0x100); }
static void huge_image(uint8_t *b) { pb_w32(b + PB_OPT + 56, 0xfffff000); }
static void bad_align(uint8_t *b) { pb_w32(b + PB_OPT + 32, 0x1001); }
static void entry_out(uint8_t *b) { pb_w32(b + PB_OPT + 16, 0x9000); }
static void import_dir_out(uint8_t *b) { pb_w32(b + PB_OPT + 120, 0x2ff0); }
static void dll_name_bad(uint8_t *b) { pb_w32(b + PB_IDATA_OFF + 12, 0x5000); }
static void unterminated_desc(uint8_t *b)
{   /* the table starts 16 bytes before the end of .idata: no room to end it */
    memcpy(b + PB_IDATA_OFF + 0x1f0, b + PB_IDATA_OFF, 16);
    pb_w32(b + PB_OPT + 120, PB_IDATA_RVA + 0x1f0);
    pb_w32(b + PB_OPT + 124, 16);
}
static void name_not_string(uint8_t *b) { memset(b + PB_IDATA_OFF + 0x82, 'A', 0x17e); }
static void thunks_unterminated(uint8_t *b)
{
    for (int i = 0; i < 0x1c0 / 8; i++)
        pb_w64(b + PB_IDATA_OFF + 0x40 + 8 * i, (1ull << 63) | 1);
    /* the thunks cover the DLL name: move it into the gap after the descriptors */
    memcpy(b + PB_IDATA_OFF + 0x28, "K.dll", 6);
    pb_w32(b + PB_IDATA_OFF + 12, PB_IDATA_RVA + 0x28);
}
static void short_opt(uint8_t *b) { pb_w16(b + PB_PE_OFF + 20, 64); }
static void nothing(uint8_t *b) { (void)b; }

static const struct damage damages[] = {
    { "e_lfanew outside file", bad_lfanew, PB_SIZE, "outside the file" },
    { "no PE signature", no_sig, PB_SIZE, "no PE signature" },
    { "too many sections", many_sections, PB_SIZE, "too many sections" },
    { "section table past end", sect_table_past_end, PB_SIZE, "truncated" },
    { "section data past end", raw_past_end, PB_SIZE, "past the end of the file" },
    { "overlapping sections", overlap, PB_SIZE, "overlap" },
    { "absurd SizeOfImage", huge_image, PB_SIZE, "SizeOfImage" },
    { "bad alignment", bad_align, PB_SIZE, "alignment" },
    { "entry outside image", entry_out, PB_SIZE, "entry point" },
    { "import directory outside", import_dir_out, PB_SIZE, "import directory" },
    { "bad DLL name", dll_name_bad, PB_SIZE, "DLL name" },
    { "descriptors unterminated", unterminated_desc, PB_SIZE, "not terminated" },
    { "function name unterminated", name_not_string, PB_SIZE, "not a valid string" },
    { "thunks unterminated", thunks_unterminated, PB_SIZE, "not terminated" },
    { "optional header too small", short_opt, PB_SIZE, "too small" },
    { "truncated file", nothing, 0x300, "past the end of the file" },
    { "truncated headers", nothing, 0x90, "outside the file" },
};

START_TEST(damaged_image)
{
    const struct damage *d = &damages[_i];
    struct pe_file pe;
    struct xerr e = { "" };
    pebuild(img);
    d->apply(img);
    int rc = parse(d->size, &pe, &e);
    ck_assert_msg(rc == -1, "%s: accepted", d->what);
    ck_assert_msg(strstr(e.msg, d->expect) != NULL, "%s: message '%s' lacks '%s'", d->what,
                  e.msg, d->expect);
}
END_TEST

START_TEST(relocations_walk)
{
    struct pe_file pe;
    struct xerr e;
    pebuild(img);
    /* a block at .text page with one DIR64 and one padding entry */
    uint8_t *r = img + PB_IDATA_OFF + 0x100;
    pb_w32(r, PB_TEXT_RVA);
    pb_w32(r + 4, 12);
    pb_w16(r + 8, (10 << 12) | 0x10);
    pb_w16(r + 10, 0);
    pb_w32(img + PB_OPT + 112 + 8 * 5, PB_IDATA_RVA + 0x100);
    pb_w32(img + PB_OPT + 116 + 8 * 5, 12);
    ck_assert_int_eq(parse(PB_SIZE, &pe, &e), 0);
    ck_assert_uint_eq(pe.nrelocs, 1);
    pe_free(&pe);
    pb_w32(r + 4, 0); /* a zero-sized block would loop forever */
    ck_assert_int_eq(parse(PB_SIZE, &pe, &e), -1);
    ck_assert_ptr_nonnull(strstr(e.msg, "invalid size"));
}
END_TEST

Suite *suite_pe(void)
{
    Suite *s = suite_create("pe");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, valid_image);
    tcase_add_loop_test(tc, damaged_image, 0, (int)(sizeof damages / sizeof damages[0]));
    tcase_add_test(tc, relocations_walk);
    suite_add_tcase(s, tc);
    return s;
}
