/* fuzz_pe_relocs.c — libFuzzer harness for base relocations: the input is
 * relocation data inside a synthetic image (pe_synth.h). Every entry
 * pe_relocs_foreach reports must be a supported type whose whole target
 * lies in the image, and applying them (pe_load_into, what pe_map_image
 * does, here into an exactly sized heap buffer instead of an mmap at the
 * image base) must touch nothing outside it. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "image.h"
#include "pe.h"
#include "pe_check.h"
#include "pe_synth.h"

#define MAX_IMAGE (64u << 20)

struct walk {
    const struct pe_file *pe;
    size_t n;
};

static void on_reloc(void *ctx, uint32_t rva, int type)
{
    struct walk *w = ctx;
    FUZZ_ASSERT(type == 3 || type == 10);
    uint32_t width = type == 10 ? 8 : 4;
    FUZZ_ASSERT(rva <= w->pe->size_of_image && width <= w->pe->size_of_image - rva);
    w->n++;
}

/* Walk and apply the relocations of an accepted image. */
static void relocate(const struct pe_file *pe, uint64_t new_base)
{
    struct walk w = { pe, 0 };
    struct xerr e;
    FUZZ_ASSERT(pe_relocs_foreach(pe, on_reloc, &w, &e) == 0);
    FUZZ_ASSERT(w.n == pe->nrelocs);
    if (pe->size_of_image > MAX_IMAGE)
        return;
    uint8_t *dst = calloc(1, pe->size_of_image);
    FUZZ_ASSERT(dst != NULL);
    if (new_base == pe->image_base)
        new_base ^= 0x7f0000000000ull;
    FUZZ_ASSERT(pe_load_into(pe, dst, new_base, &e) == 0);
    free(dst);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct synth_params p;
    if (size < SYNTH_PARAMS_SIZE)
        return 0;
    synth_params_read(&p, data);
    size_t n = size - SYNTH_PARAMS_SIZE;
    uint8_t *img = malloc(synth_size(n));
    FUZZ_ASSERT(img != NULL);
    synth_build(img, &p, data + SYNTH_PARAMS_SIZE, n);
    struct xfile f = fuzz_file(img, synth_size(n));
    free(img);
    struct pe_file pe;
    struct xerr e;
    if (pe_parse(&pe, &f, &e) < 0) {
        fuzz_check_msg("pe_parse", e.msg);
    } else {
        fuzz_check_pe(&pe);
        relocate(&pe, p.new_base);
        pe_free(&pe);
    }
    fuzz_file_free(&f);
    return 0;
}
