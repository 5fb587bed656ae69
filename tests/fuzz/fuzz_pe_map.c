/* fuzz_pe_map.c — libFuzzer harness for loading a whole PE file as
 * pe_map_image does, without mmap at fuzzer-chosen addresses: headers and
 * sections are copied by pe_load_into into an exactly sized heap buffer
 * (ASan bounds every write to SizeOfImage) and relocated for another
 * base; then every slot the Windows personality writes or reads while
 * starting the image (import addresses, delay-load handles, the TLS
 * index and template) is touched in that buffer. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "image.h"
#include "pe.h"
#include "pe_check.h"

#define MAX_IMAGE (64u << 20)

static void touch(uint8_t *img, const struct pe_file *pe)
{
    static uint8_t sink[64];
    for (size_t i = 0; i < pe->nimports; i++) {
        const struct pe_import_dll *d = &pe->imports[i];
        for (size_t j = 0; j < d->nfns; j++)
            memset(img + d->fns[j].iat_rva, 0xab, 8);
        if (d->delay && d->handle_rva)
            memset(img + d->handle_rva, 0xcd, 8);
    }
    if (pe->has_tls && pe->tls_index_va)
        memset(img + (pe->tls_index_va - pe->image_base), 0, 4);
    if (pe->has_tls && pe->tls_start) {
        uint64_t n = pe->tls_end - pe->tls_start, off = pe->tls_start - pe->image_base;
        for (uint64_t k = 0; k < n; k += sizeof sink)
            memcpy(sink, img + off + k, n - k < sizeof sink ? n - k : sizeof sink);
    }
}

static void load(const struct pe_file *pe)
{
    if (!fuzz_pe_full(pe) || pe->size_of_image > MAX_IMAGE)
        return;
    uint8_t *img = calloc(1, pe->size_of_image);
    struct xerr e;
    FUZZ_ASSERT(img != NULL);
    FUZZ_ASSERT(pe_load_into(pe, img, pe->image_base + 0x10000000ull, &e) == 0);
    touch(img, pe);
    free(img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    struct xfile f = fuzz_file(data, size);
    struct pe_file pe;
    struct xerr e;
    if (pe_parse(&pe, &f, &e) < 0) {
        fuzz_check_msg("pe_parse", e.msg);
    } else {
        fuzz_check_pe(&pe);
        load(&pe);
        pe_free(&pe);
    }
    fuzz_file_free(&f);
    return 0;
}
