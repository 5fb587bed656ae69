/* test_parse_pe.c — PE inputs found by the fuzzers (tests/fuzz): each once
 * crashed, wrote outside the image or gave an unclear message; now each
 * is refused with one clear line naming the problem. */
#include <check.h>
#include <string.h>

#include "pe.h"
#include "pebuild.h"
#include "suites.h"
#include "testfile.h"

static uint8_t img[PB_SIZE];

static int parse(struct pe_file *pe, struct xerr *e)
{
    static struct xfile f;
    f = testfile(img, PB_SIZE);
    return pe_parse(pe, &f, e);
}

static void refused(const char *what, const char *expect)
{
    struct pe_file pe;
    struct xerr e = { "" };
    ck_assert_msg(parse(&pe, &e) == -1, "%s: accepted", what);
    ck_assert_msg(strstr(e.msg, expect) != NULL, "%s: [%s] lacks [%s]", what, e.msg, expect);
    ck_assert_msg(strchr(e.msg, '\n') == NULL, "%s: [%s] is not one line", what, e.msg);
}

/* fuzz_pe_info: a DLL name holding a line break was quoted in an error
 * ("import table of KER\nNEL32.dll is not terminated"), splitting the
 * one-line message, and was printed as two lines by `xeno info`. */
START_TEST(dll_name_control_chars)
{
    pebuild(img);
    img[PB_IDATA_OFF + 0xa3] = '\n';
    for (int i = 0; i < 0x1c0 / 8; i++) /* and a lookup table that never ends */
        pb_w64(img + PB_IDATA_OFF + 0x40 + 8 * i, (1ull << 63) | 1);
    refused("line break in DLL name", "DLL name at RVA 0x20a0 is not a valid string");
    pebuild(img);
    img[PB_IDATA_OFF + 0xa0] = 0x1b; /* an escape sequence */
    refused("escape in DLL name", "DLL name");
}
END_TEST

/* A TLS directory in .idata at +0x100: template START-END, index at
 * INDEX (virtual addresses; the image is at 0x140000000, 0x3000 bytes). */
#define VA(rva) (0x140000000ull + (rva))
static void with_tls(uint64_t start, uint64_t end, uint64_t index)
{
    pebuild(img);
    uint8_t *t = img + PB_IDATA_OFF + 0x100;
    pb_w64(t, start), pb_w64(t + 8, end), pb_w64(t + 16, index);
    pb_w32(img + PB_OPT + 112 + 8 * 9, PB_IDATA_RVA + 0x100);
    pb_w32(img + PB_OPT + 116 + 8 * 9, 40);
}

static void accepted(const char *what)
{
    struct pe_file pe;
    struct xerr e = { "" };
    ck_assert_msg(parse(&pe, &e) == 0, "%s: refused: %s", what, e.msg);
    pe_free(&pe);
}

/* fuzz_pe_map: a template with no start but an end passed, and each new
 * thread copied tls_end bytes from address 0 (xeno run crashed). */
START_TEST(tls_template_without_start)
{
    with_tls(0, 0x98, 0);
    refused("template 0-0x98", "TLS template 0x0-0x98 is outside the image");
    with_tls(0, 0, 0);
    accepted("no template");
    with_tls(VA(0x1000), VA(0x1010), VA(0x2ff8));
    accepted("template in .text, index in the last 4 bytes");
}
END_TEST

/* Review of what the loader writes (fuzz_pe_map asserts it since): the
 * 4-byte TLS index may not start in the image's last 3 bytes. */
START_TEST(tls_index_at_end)
{
    with_tls(0, 0, VA(0x2ffe));
    refused("index straddling the end", "TLS index address 0x140002ffe");
}
END_TEST

/* Review (fuzz_pe_map asserts it since): the loader stores a delay-loaded
 * DLL's module handle, 8 bytes, at the descriptor's handle RVA. */
static void with_delay_import(uint32_t handle_rva)
{
    pebuild(img);
    uint8_t *d = img + PB_IDATA_OFF + 0x140; /* followed by a zero descriptor */
    pb_w32(d, 1), pb_w32(d + 4, PB_IDATA_RVA + 0xa0), pb_w32(d + 8, handle_rva);
    pb_w32(d + 12, PB_IDATA_RVA + 0x60), pb_w32(d + 16, PB_IDATA_RVA + 0x40);
    pb_w32(img + PB_OPT + 112 + 8 * 13, PB_IDATA_RVA + 0x140);
    pb_w32(img + PB_OPT + 116 + 8 * 13, 64);
}

START_TEST(delay_handle_outside)
{
    with_delay_import(0x2ff8);
    accepted("handle slot in the last 8 bytes");
    with_delay_import(0x2ffc);
    refused("handle slot straddling the end", "module handle slot at RVA 0x2ffc");
    with_delay_import(0x7fff0000);
    refused("handle slot far outside", "outside the image");
}
END_TEST

Suite *suite_parse_pe(void)
{
    Suite *s = suite_create("parse_pe");
    TCase *tc = tcase_create("fuzz findings");
    tcase_add_test(tc, dll_name_control_chars);
    tcase_add_test(tc, tls_template_without_start);
    tcase_add_test(tc, tls_index_at_end);
    tcase_add_test(tc, delay_handle_outside);
    suite_add_tcase(s, tc);
    return s;
}
