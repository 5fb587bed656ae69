/* pe_check.c — invariants of an accepted PE32+ image (see pe_check.h):
 * sections inside the file and the image, import address slots and
 * delay-load handle slots writable inside the image, the TLS template,
 * index and callbacks inside it, exports sane. */
#include "fuzz_common.h"
#include "pe_check.h"

/* RVA..RVA+LEN inside the image. */
static int in_image(const struct pe_file *pe, uint64_t rva, uint64_t len)
{
    return rva <= pe->size_of_image && len <= pe->size_of_image - rva;
}

static int va_in_image(const struct pe_file *pe, uint64_t va, uint64_t len)
{
    return va >= pe->image_base && in_image(pe, va - pe->image_base, len);
}

int fuzz_pe_full(const struct pe_file *pe)
{
    return pe->magic == 0x20b && pe->machine == PE_MACHINE_AMD64;
}

static void check_sections(const struct pe_file *pe)
{
    FUZZ_ASSERT(pe->size_of_headers <= pe->size_of_image);
    FUZZ_ASSERT(pe->size_of_headers <= pe->f->size);
    for (unsigned i = 0; i < pe->nsect; i++) {
        const struct pe_section *s = &pe->sect[i];
        FUZZ_ASSERT(in_image(pe, s->vaddr, s->vsize));
        FUZZ_ASSERT(s->raw_size <= s->vsize);
        if (s->raw_size) /* raw data is copied only when there is some */
            FUZZ_ASSERT(s->raw_off <= pe->f->size && s->raw_size <= pe->f->size - s->raw_off);
    }
    FUZZ_ASSERT(pe->entry_rva < pe->size_of_image);
}

static void check_imports(const struct pe_file *pe)
{
    for (size_t i = 0; i < pe->nimports; i++) {
        const struct pe_import_dll *d = &pe->imports[i];
        FUZZ_ASSERT(d->name != NULL);
        FUZZ_ASSERT(d->handle_rva == 0 || in_image(pe, d->handle_rva, 8));
        for (size_t j = 0; j < d->nfns; j++)
            FUZZ_ASSERT(in_image(pe, d->fns[j].iat_rva, 8));
    }
}

static void check_tls(const struct pe_file *pe)
{
    if (!pe->has_tls)
        return;
    FUZZ_ASSERT(pe->tls_end >= pe->tls_start);
    if (pe->tls_start)
        FUZZ_ASSERT(va_in_image(pe, pe->tls_start, pe->tls_end - pe->tls_start));
    else
        FUZZ_ASSERT(pe->tls_end == 0);
    FUZZ_ASSERT(pe->tls_index_va == 0 || va_in_image(pe, pe->tls_index_va, 4));
    FUZZ_ASSERT(pe->ntls_callbacks <= 64);
    for (size_t i = 0; i < pe->ntls_callbacks; i++)
        FUZZ_ASSERT(va_in_image(pe, pe->tls_callbacks[i], 1));
}

static void check_exports(const struct pe_file *pe)
{
    for (size_t i = 0; i < pe->nexports; i++) {
        const struct pe_export *x = &pe->exports[i];
        FUZZ_ASSERT(x->forward || x->rva < pe->size_of_image);
    }
}

void fuzz_check_pe(const struct pe_file *pe)
{
    if (!fuzz_pe_full(pe))
        return;
    check_sections(pe);
    check_imports(pe);
    check_tls(pe);
    check_exports(pe);
}
